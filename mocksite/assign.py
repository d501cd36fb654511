"""Which post shows which markup variation.

``assign_variants`` gives every post of a new board its ``Variant``: values
drawn at random with the site's rough frequencies, and every value of every
form on at least one good article, so the ground truth covers all of them.
``random_variant`` is the simpler draw for posts published while the server
runs; ``spread`` is the draw with a quota that the other boards use too.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from mocksite.model import Post, Variant
from mocksite.variations import (
    ATTACH_FORMS,
    BLOCK_DEBRIS,
    BODY_FORMS,
    HIT_FORMS,
    IMAGE_FORMS,
    INLINE_DEBRIS,
    LAYOUTS,
    NEIGHBOUR_FORMS,
    SUBTITLE_FORMS,
    TITLE_QUIRKS,
)

T = TypeVar("T")


def random_variant(rng: random.Random) -> Variant:
    """A new-layout variant, for posts published while the server runs."""
    hit_fmt = rng.choice(("lower", "lower", "labelled", "bare"))
    return Variant(
        bullet=rng.choice(("char", "char", "css")),
        date_fmt=rng.choice(("dash", "dash", "dot")),
        hit_fmt=hit_fmt,
        info_form="split" if hit_fmt == "bare" else rng.choice(("split", "split", "line")),
        title_quirk=rng.choice(("plain", "curly", "straight", "amp", "trailing")),
        repeat_strong=rng.random() < 0.3,
        subtitle_form=rng.choice((None, "nbsp", "plain")),
        body_form=rng.choice(("p", "p", "div", "br")),
        neighbour_form=rng.choice(NEIGHBOUR_FORMS),
    )


def spread(
    rng: random.Random,
    n: int,
    n_primary: int,
    quota: Sequence[T],
    choices: Sequence[T],
    *,
    weights: Sequence[float],
) -> list[T]:
    """`n` values drawn from `choices` with `weights`; the `quota` values replace
    draws among the first `n_primary` (at random places), so each of them is sure to appear."""
    values = rng.choices(list(choices), list(weights), k=n)
    order = rng.sample(range(n_primary), n_primary)
    for rank, idx in enumerate(order[: len(quota)]):
        values[idx] = quota[rank]
    return values


class _Assigner:
    """Hands out variation values: weighted at random, each quota value on a primary post.

    Primary posts are the good articles (other than the seed and its neighbours),
    so forced values are sure to reach the ground truth. The pool lists them
    first, and so does every sub-list filtered from it.
    """

    def __init__(self, rng: random.Random, pool: list[Post], primary: int) -> None:
        self.rng = rng
        self.pool = pool
        self.primary = set(pool[:primary])

    def values(
        self,
        posts: Sequence[Post],
        quota: Sequence[T],
        choices: Sequence[T],
        weights: Sequence[float],
    ) -> list[T]:
        n_primary = sum(1 for p in posts if p in self.primary)
        return spread(self.rng, len(posts), n_primary, quota, choices, weights=weights)

    def set(
        self,
        name: str,
        posts: Sequence[Post],
        quota: Sequence[Any],
        choices: Sequence[Any],
        weights: Sequence[float],
    ) -> None:
        for post, value in zip(posts, self.values(posts, quota, choices, weights), strict=True):
            setattr(post.variant, name, value)

    def where(self, test: Callable[[Variant], bool]) -> list[Post]:
        return [p for p in self.pool if test(p.variant)]


def assign_variants(rng: random.Random, pool: list[Post], primary: int) -> None:
    """Give each post its markup variations, every variation on at least one primary post."""
    assigner = _Assigner(rng, pool, primary)
    _assign_head(assigner)
    _assign_body(assigner)
    _assign_links(assigner)


def _assign_head(a: _Assigner) -> None:
    """Layout, bullet, date and hit line, title quirks, encoding."""
    a.set("layout", a.pool, ("new", "new", "new", "older", "nodate"), LAYOUTS, (62, 23, 15))
    a.set(
        "bullet", a.where(lambda v: v.layout != "older"), ("char", "css"), ("char", "css"), (7, 3)
    )
    for post in a.where(lambda v: v.layout == "older"):
        post.variant.bullet = "none"
    new = a.where(lambda v: v.layout == "new")
    a.set("date_fmt", new, ("dash", "dot"), ("dash", "dot"), (3, 1))
    a.set("hit_fmt", new, HIT_FORMS, HIT_FORMS, (6, 2.5, 1.5))
    # The labelled form must show its thousands separator somewhere.
    labelled = [p for p in new if p.variant.hit_fmt == "labelled" and p in a.primary]
    if labelled and all(p.hits < 1000 for p in labelled):
        labelled[0].hits += 1000
    # A bare number next to the date would be unreadable, so it always has its own <li>.
    lineable = a.where(lambda v: v.layout == "new" and v.hit_fmt != "bare")
    a.set("info_form", lineable, ("split", "line"), ("split", "line"), (3, 1))
    a.set(
        "title_quirk", a.pool, TITLE_QUIRKS, ("plain", *TITLE_QUIRKS), (55, 8, 8, 6, 6, 6, 4, 4, 4)
    )
    a.set("encoding", a.pool, ("euc-kr",), ("utf-8", "euc-kr"), (95, 5))


def _assign_body(a: _Assigner) -> None:
    """Repeated title, subtitle, body form, editor debris."""
    a.set("repeat", a.pool, ("plain", "longer"), ("plain", "longer"), (8, 2))
    # Only a title with an opening quote can lose it; the post that carries the
    # "longer" quota keeps it.
    longer = {p for p in a.pool if p.variant.repeat == "longer"}
    quoted = [
        p for p in a.where(lambda v: v.title_quirk in ("curly", "straight")) if p not in longer
    ]
    for post, drop in zip(quoted, a.values(quoted, (True,), (True, False), (4, 6)), strict=True):
        if drop:
            post.variant.repeat = "noquote"
    a.set("repeat_strong", a.pool, (True, False), (True, False), (3, 7))
    forms = (*SUBTITLE_FORMS, None)
    a.set("subtitle_form", a.pool, forms, forms, (30, 8, 7, 8, 7, 40))
    a.set("body_form", a.pool, BODY_FORMS, BODY_FORMS, (6, 2, 2))
    flags: dict[Post, set[str]] = {p: set() for p in a.pool}
    for name in INLINE_DEBRIS + BLOCK_DEBRIS:
        # A layout table needs block markup around it.
        eligible = a.pool if name != "table" else a.where(lambda v: v.body_form != "br")
        for post, on in zip(
            eligible, a.values(eligible, (True,), (True, False), (12, 88)), strict=True
        ):
            if on:
                flags[post].add(name)
    for post in a.pool:
        if post.variant.encoding == "euc-kr":
            # An EUC-KR page is only worth serving with Korean text in it.
            flags[post].add("korean")
        post.variant.debris = frozenset(flags[post])


def _assign_links(a: _Assigner) -> None:
    """Images, body links, attachments and their hrefs, neighbour link forms."""
    with_image = a.values(a.pool, (True, True, True, True), (True, False), (12, 88))
    imaged = [p for p, on in zip(a.pool, with_image, strict=True) if on]
    a.set("image", imaged, IMAGE_FORMS, IMAGE_FORMS, (1, 1, 1, 1))
    a.set("body_link", a.pool, (True,), (True, False), (15, 85))
    counts = a.values(a.pool, (0, 1, 2), (0, 1, 2), (6, 3, 1))
    owners = [post for post, count in zip(a.pool, counts, strict=True) for _ in range(count)]
    forms = a.values(owners, ATTACH_FORMS, ATTACH_FORMS, (60, 15, 10, 10, 5))
    per_post: dict[Post, list[str]] = {}
    for post, form in zip(owners, forms, strict=True):
        per_post.setdefault(post, []).append(form)
    for post in a.pool:
        post.variant.attachments = tuple(per_post.get(post, ()))
    a.set("neighbour_form", a.pool, NEIGHBOUR_FORMS, NEIGHBOUR_FORMS, (55, 15, 15, 15))
