"""KITA Insights: one board of newsletter items served at two paths in two templates.

The site contract has seen it at its 2020-2022 path in the older layout
(``/global/insightsView.do?insightsId=20``: heading ``KITA Insights
Newsletter``, ``2022-07-04 hit 1879``) and, from late 2022, at the current
framework's path with https and a session id
(``/kitaInsights/kitaInsightsDetail.do;JSESSIONID_ORG=...Hyper?insightsId=24``).
The imitation serves one board at both: the same item, the same title, body
and neighbours, whichever path asks for it. ``build_insights`` makes the
board, ``InsightsBoard`` writes its pages and states its ground truth.

Decisions where the contract leaves things open:

- ids start at 1 and run with a few gaps; item 20 is the one the contract
  quotes (2022-07-04, 1879 hits, ``[KITA News]``, its older neighbour
  ``[KITA News]``, its newer one ``[KGPC News]``); items are about a month
  apart, and those posted from October 2022 on (id 23 or 24 onwards) are of
  the ``newer`` era;
- titles carry their section as a prefix (``[KITA News] ...``, ``[KGPC News]
  ...``, ``[Trade Focus] ...``; a few with no space after the bracket, a few
  with no section at all); the truth's ``category`` is the section and its
  ``title`` the rest; neighbour links keep the prefix, as the pages show it;
- the newer path's pages show **no date and no counter** (no date line
  appears in what was stored of one), so an item read there has
  ``published`` and ``hits`` None; ``badges=True`` shows the current
  template's badges instead (and the truth then has both);
- the older path's body repeats the title field first on a few items (the
  news board's habit: not body text); the newer path's never does;
- some bodies link to another item, at the older path (relative or absolute
  http) or pasted from a browser's address bar (https, the newer path, a stale
  session id): the truth's link is that item's canonical URL and number;
- ``split=False``: both paths answer every id; ``split=True``: items of the
  older era only on the older path and newer ones only on the newer path
  (the other answers 404); both lists list every item either way;
- the canonical URL of an item is the newer path's; its ``generation`` is
  the template of the path a crawler reading the newer path first ends on.
"""

from __future__ import annotations

import dataclasses
import random
from collections import Counter
from datetime import date, timedelta
from typing import Any

from mocksite.assign import spread
from mocksite.boards.items import PREFIX_FORMS, InsightsItem
from mocksite.boards.words import (
    BOARD_LINK_PARTS,
    CATEGORIES,
    HEADLINES,
    MOVE_DATE,
    SEED_INSIGHTS_CATEGORY,
    SEED_INSIGHTS_DATE,
    SEED_INSIGHTS_HITS,
    SEED_INSIGHTS_NO,
    SEED_NEIGHBOUR_CATEGORIES,
    SEEN_NEWER_NO,
)
from mocksite.build import bad_positions
from mocksite.editor import body_html, text_block
from mocksite.kinds import (
    ARTICLE_KINDS,
    BROKEN,
    DELETED,
    GOOD,
    MISSING,
    PROBLEM_KINDS,
    TRUNCATED,
)
from mocksite.markup import current, older
from mocksite.markup.answers import deleted_page, error_page, html_page
from mocksite.markup.older.section import INSIGHTS
from mocksite.model import Block, ListOptions, Page, Variant
from mocksite.posts import PAGE_SIZE, PostIndex
from mocksite.text import norm
from mocksite.timeline import LAST_DATE
from mocksite.urls import CURRENT_PATHS, INSIGHTS_NAME, INSIGHTS_PATHS, BoardPaths
from mocksite.variations import NEIGHBOUR_FORMS
from mocksite.words import BODY_TEMPLATES, draw_slots

# The heading of the board on the current template (the older one says "KITA Insights Newsletter").
HEADING = "KITA Insights"
FIRST_DATE = date(2020, 1, 20)
# The kinds of bad pages, at these fractions of the board (oldest first).
BAD_PLACES: tuple[tuple[str, float], ...] = (
    (MISSING, 0.15),
    (DELETED, 0.35),
    (BROKEN, 0.55),
    (TRUNCATED, 0.8),
)
# How a body links to another item: the older path (relative, absolute http) or
# the newer one pasted from an address bar (https, a session id in its path).
BOARD_LINK_FORMS = ("old_relative", "old_absolute", "new_pasted")
# Every label ``InsightsBoard.variations()`` reports on a board of 40 items or more.
INSIGHTS_VARIATIONS: tuple[str, ...] = (
    "category:KITA News", "category:KGPC News", "category:Trade Focus", "category:none",
    "prefix:space", "prefix:tight",
    "era:older", "era:newer",
    "repeat:title", "repeat:none",
    "board_link:old_relative", "board_link:old_absolute", "board_link:new_pasted",
    "board_link:newer_era",
    "neighbour:plain", "neighbour:session", "neighbour:javascript", "neighbour:onclick",
    "neighbour:single",
    "bullet:char", "bullet:css", "date:dash", "date:dot",
    "hit:lower", "hit:labelled", "hit:bare", "info:split", "info:line",
    "body:p", "body:div", "body:br",
)  # fmt: skip
# Ids kept without a gap: around the contract's item 20, and up to 24 (seen at the newer path).
_KEPT = frozenset(range(SEED_INSIGHTS_NO - 1, SEEN_NEWER_NO + 2))


class InsightsBoard(PostIndex):
    """KITA Insights: its items by id, its pages at both paths, its ground truth."""

    name = INSIGHTS_NAME

    def list_session(self, shown: int | None) -> str:
        # Salted, so that its list pages do not share session ids with the news board's.
        return f"{random.Random(self.seed * 19 + 5 + (shown or 0)).getrandbits(128):032X}"

    def item(self, no: int) -> InsightsItem | None:
        post = self.post(no)
        return post if isinstance(post, InsightsItem) else None

    # -- which path answers which id ------------------------------------------------

    def served_at(self, no: int, generation: str, *, split: bool) -> bool:
        """Whether the path of `generation` ("older" or "current") answers item `no`."""
        item = self.item(no)
        if item is None:
            return False
        return not split or (item.era == "older") == (generation == "older")

    def generation(self, no: int, *, split: bool) -> str:
        """The template a crawler ends on: the newer path's, unless only the older one answers."""
        return "current" if self.served_at(no, "current", split=split) else "older"

    # -- ground truth ---------------------------------------------------------------

    def article_url(self, base_url: str, no: int) -> str:
        """An item's canonical URL: the newer path's, the id its only parameter."""
        return INSIGHTS_PATHS.article_url(base_url, no)

    def article_truth(
        self, item: InsightsItem, base_url: str, *, split: bool = False, badges: bool = False
    ) -> dict[str, Any]:
        """What a correct crawler extracts from the page of `item` it ends on."""
        base = base_url.rstrip("/")
        generation = self.generation(item.no, split=split)
        links: list[dict[str, Any]] = []
        for rel, other in zip(("prev", "next"), self.neighbours(item.no), strict=True):
            if other is not None:
                links.append(
                    {
                        "rel": rel,
                        "url": self.article_url(base, other.no),
                        "text": norm(other.title) or None,
                        "target_no": other.no,
                    }
                )
        for block in item.blocks:
            for link in block.links:
                url = (
                    link.truth_url(base)
                    if link.target_no is None
                    else self.article_url(base, link.target_no)
                )
                links.append(
                    {"rel": link.rel, "url": url, "text": link.text, "target_no": link.target_no}
                )
        # The older path shows its date line; the newer one only with badges.
        dated = generation == "older" or badges
        return {
            "board": self.name,
            "no": item.no,
            "url": self.article_url(base, item.no),
            "title": norm(item.headline),
            "subtitle": None,
            "published": item.posted.isoformat() if dated else None,
            # The lists show the counter: a crawl keeps it, from the page or the list.
            "hits": item.hits,
            "body": "\n\n".join(item.body_texts),
            "links": links,
            "generation": generation,
            "category": item.category,
        }

    def ground_truth(
        self, base_url: str, *, split: bool = False, badges: bool = False
    ) -> dict[str, Any]:
        """What a correct crawl of the whole board yields, for a server at `base_url`."""
        base = base_url.rstrip("/")
        articles = []
        problems = []
        for post in self.posts:
            assert isinstance(post, InsightsItem)
            if post.kind in ARTICLE_KINDS:
                articles.append(self.article_truth(post, base, split=split, badges=badges))
            else:
                problems.append(
                    {
                        "board": self.name,
                        "no": post.no,
                        "url": self.article_url(base, post.no),
                        "kind": PROBLEM_KINDS[post.kind],
                    }
                )
        return {
            "board": self.name,
            "articles": articles,
            "problems": problems,
            "list_pages": self.list_pages,
        }

    def labels(self, item: InsightsItem) -> set[str]:
        """The variation labels (INSIGHTS_VARIATIONS) that `item`'s pages show."""
        v = item.variant
        out = {
            f"category:{item.category or 'none'}",
            f"era:{item.era}",
            "repeat:title" if item.repeat else "repeat:none",
            f"neighbour:{v.neighbour_form}",
            f"bullet:{v.bullet}",
            f"date:{v.date_fmt}",
            f"hit:{v.hit_fmt}",
            f"info:{v.info_form}",
            f"body:{v.body_form}",
        }
        if item.category is not None:
            out.add(f"prefix:{item.prefix_form}")
        if None in self.neighbours(item.no):
            out.add("neighbour:single")
        for block in item.blocks:
            for link in block.links:
                if link.target_no is not None:
                    out.add(f"board_link:{_board_link_form(link.href)}")
                    if item.era == "newer":
                        out.add("board_link:newer_era")
        return out

    def variations(self) -> Counter[str]:
        """How many good items show each variation label."""
        counts: Counter[str] = Counter()
        for post in self.articles:
            assert isinstance(post, InsightsItem)
            counts.update(self.labels(post))
        return counts

    # -- pages ----------------------------------------------------------------------

    def older_view_page(self, no: int, *, drift: bool = False) -> Page:
        """The answer to ``/global/insightsView.do?insightsId=`no``` (older layout)."""
        item = self.item(no)
        if item is None or item.kind == MISSING:
            return error_page(404)
        if item.kind == DELETED:
            return deleted_page()
        if item.kind == BROKEN:
            return error_page(500)
        names = older.DRIFT_NAMES if drift else older.NAMES
        body = body_html(item, repeat=item.repeat)
        text = older.article_html(item, self.neighbours(no), names, section=INSIGHTS, body=body)
        if item.kind == TRUNCATED:
            text = older.truncate(text, names)
        return html_page(text, item.variant.encoding)

    def older_list_page(self, page: int, options: ListOptions, *, drift: bool = False) -> Page:
        """The answer to ``/global/insightsList.do?pageIndex=`page``` (older layout)."""
        names = older.DRIFT_NAMES if drift else older.NAMES
        view = self.list_view(page, options)
        return html_page(older.list_html(view, options, names, INSIGHTS))

    def newer_view_page(
        self,
        no: int,
        *,
        sessions: bool = True,
        drift: bool = False,
        badges: bool = False,
        menu: BoardPaths = CURRENT_PATHS,
    ) -> Page:
        """The answer to ``/kitaInsights/kitaInsightsDetail.do?insightsId=`no``` (current).

        `menu`: where the site's mega-menu finds the news board.
        """
        item = self.item(no)
        if item is None or item.kind == MISSING:
            return error_page(404)
        if item.kind == BROKEN:
            return error_page(500)
        if item.kind == DELETED:
            text = current.deleted_html(INSIGHTS_PATHS)
        else:
            names = current.DRIFT_NAMES if drift else current.NAMES
            text = current.article_html(
                item,
                self.neighbours(no),
                INSIGHTS_PATHS,
                names,
                heading=HEADING,
                badges=badges,
                menu=menu,
            )
            if item.kind == TRUNCATED:
                text = current.truncate(text, names)
        return current.answer(text, item.session if sessions else None)

    def newer_list_page(
        self,
        page: int,
        options: ListOptions,
        *,
        sessions: bool = True,
        drift: bool = False,
        size: int = PAGE_SIZE,
        menu: BoardPaths = CURRENT_PATHS,
    ) -> Page:
        """The answer to ``/kitaInsights/kitaInsightsList.do?pageIndex=`page``` (current)."""
        view = self.list_view(page, options, size)
        names = current.DRIFT_NAMES if drift else current.NAMES
        text = current.list_html(
            view, options, INSIGHTS_PATHS, names, size, heading=HEADING, menu=menu
        )
        return current.answer(text, view.session if sessions else None)


def _board_link_form(href: str) -> str:
    if href.startswith("https://"):
        return "new_pasted"
    return "old_absolute" if href.startswith("http://") else "old_relative"


def _board_link_href(form: str, no: int, session: str) -> str:
    if form == "new_pasted":
        path = f"{INSIGHTS_PATHS.detail_path};JSESSIONID_ORG={session}.Hyper"
        return f"https://www.kita.org{path}?{INSIGHTS_PATHS.id_param}={no}"
    href = f"{INSIGHTS.view_path}?{INSIGHTS.id_param}={no}"
    return f"http://www.kita.org{href}" if form == "old_absolute" else href


def _dates(rng: random.Random, nos: list[int]) -> list[date]:
    """An item's date follows from its id: about monthly, id 20 on its real day."""
    seed_no = SEED_INSIGHTS_NO
    early = (SEED_INSIGHTS_DATE - FIRST_DATE).days / (seed_no - 1)
    late = min(31.0, (LAST_DATE - SEED_INSIGHTS_DATE).days / max(1, nos[-1] - seed_no))
    out: list[date] = []
    for no in nos:
        if no == seed_no:
            day = SEED_INSIGHTS_DATE
        else:
            offset = (no - seed_no) * (early if no < seed_no else late)
            day = SEED_INSIGHTS_DATE + timedelta(days=round(offset) + rng.randint(-6, 6))
        if out and day <= out[-1]:
            day = out[-1] + timedelta(days=1)
        out.append(min(day, LAST_DATE))
    return out


def _assign(rng: random.Random, items: list[InsightsItem], primary: int) -> None:
    """Every markup variation and title form on at least one of the first `primary` items."""
    n = len(items)

    def draw(
        quota: tuple[Any, ...], choices: tuple[Any, ...], weights: tuple[int, ...]
    ) -> list[Any]:
        return spread(rng, n, primary, quota, choices, weights=weights)

    for name, quota, choices, weights in (
        ("bullet", ("char", "css"), ("char", "css"), (7, 3)),
        ("date_fmt", ("dash", "dot"), ("dash", "dot"), (4, 1)),
        ("hit_fmt", ("lower", "labelled", "bare"), ("lower", "labelled", "bare"), (6, 2, 1)),
        ("body_form", ("p", "div", "br"), ("p", "div", "br"), (6, 2, 2)),
        ("neighbour_form", NEIGHBOUR_FORMS, NEIGHBOUR_FORMS, (55, 15, 15, 15)),
    ):
        for item, value in zip(items, draw(quota, choices, weights), strict=True):
            setattr(item.variant, name, value)
    # A bare number next to the date would be unreadable, so it always has its own <li>.
    for item, form in zip(items, draw(("split", "line"), ("split", "line"), (3, 1)), strict=True):
        item.variant.info_form = "split" if item.variant.hit_fmt == "bare" else form
    repeats = draw((True, False), (True, False), (2, 8))
    strong = draw((), (True, False), (5, 5))
    debris = draw((), ("", "span", "nbsp", "entities"), (7, 1, 1, 1))
    for item, repeat, bold, extra in zip(items, repeats, strong, debris, strict=True):
        item.repeat = repeat
        item.variant.repeat_strong = bold
        item.variant.debris = frozenset({extra} - {""})


def _write(rng: random.Random, item: InsightsItem, category: str | None, prefix_form: str) -> None:
    """The item's title field and body paragraphs."""
    slots = draw_slots(rng, item.posted)
    item.session = f"{rng.getrandbits(128):032X}"
    item.render_seed = rng.getrandbits(32)
    item.set_title(category, rng.choice(HEADLINES[category]).format(**slots), prefix_form)
    texts = [t.format(**slots) for t in rng.sample(BODY_TEMPLATES, rng.randint(2, 4))]
    item.blocks = [text_block(t, item.variant.debris) for t in texts]


def _link_block(item: InsightsItem, form: str, target: int, rng: random.Random) -> Block:
    """A paragraph linking to item `target` in link form `form`."""
    before, label, after = rng.choice(BOARD_LINK_PARTS)
    slots = draw_slots(rng, item.posted)
    href = _board_link_href(form, target, f"{rng.getrandbits(128):032X}")
    block = text_block("", item.variant.debris, (before, label.format(**slots), after, href))
    links = tuple(dataclasses.replace(link, target_no=target) for link in block.links)
    return dataclasses.replace(block, links=links)


def build_insights(n_items: int = 40, *, seed: int = 2530, first_no: int = 1) -> InsightsBoard:
    """A deterministic KITA Insights board of `n_items` listed items, the oldest id `first_no`.

    Ids run with a few gaps (ids that never existed), none from item 19 to
    25 (the contract's 20, and 24 seen at the newer path); item 20, when in
    range, has its real date, counter and section.
    """
    if n_items < 1 or first_no < 1:
        raise ValueError("n_items and first_no must be >= 1")
    rng = random.Random(seed * 101 + 7)
    nos: list[int] = []
    no = first_no
    for _ in range(n_items):
        nos.append(no)
        no += 2 if rng.random() < 0.08 and no + 1 not in _KEPT else 1
    dates = _dates(rng, nos)
    items = [
        InsightsItem(
            no=no,
            posted=day,
            hits=rng.randint(300, 1500) + int(rng.random() ** 2 * 2000),
            era="newer" if day >= MOVE_DATE else "older",
        )
        for no, day in zip(nos, dates, strict=True)
    ]
    seed_at = nos.index(SEED_INSIGHTS_NO) if SEED_INSIGHTS_NO in nos else None
    seed_group = set() if seed_at is None else {seed_at - 1, seed_at, seed_at + 1}
    reserved = (
        {0, n_items - 1} | seed_group | {i for i, no in enumerate(nos) if no == SEEN_NEWER_NO}
    )
    for i, kind in bad_positions(n_items, reserved, BAD_PLACES).items():
        items[i].kind = kind
    # Good items other than the contract's come first, so that quotas land in the truth.
    good = [p for i, p in enumerate(items) if p.kind == GOOD and i not in seed_group]
    chosen = set(good)
    rest = [p for p in items if p not in chosen]
    pool = good + rest
    _assign(rng, pool, len(good))
    categories = spread(
        rng,
        len(pool),
        len(good),
        tuple(c for c, _ in CATEGORIES),
        tuple(c for c, _ in CATEGORIES),
        weights=tuple(w for _, w in CATEGORIES),
    )
    prefixes = spread(rng, len(pool), len(good), ("tight",), PREFIX_FORMS, weights=(9, 1))
    for item, category, prefix in zip(pool, categories, prefixes, strict=True):
        _write(random.Random(seed * 7919 + item.no * 31 + 2), item, category, prefix)
    if seed_at is not None:
        _seed_group(items, seed_at, seed)
    _link_bodies(rng, pool, good)
    return InsightsBoard(items, seed=seed)


def _seed_group(items: list[InsightsItem], seed_at: int, seed: int) -> None:
    """Item 20 and its neighbours as the contract saw them."""
    seed_item = items[seed_at]
    seed_item.hits = SEED_INSIGHTS_HITS
    seed_item.variant = Variant(hit_fmt="lower", date_fmt="dash")
    seed_item.repeat = True
    _write(
        random.Random(seed * 7919 + seed_item.no * 31 + 2),
        seed_item,
        SEED_INSIGHTS_CATEGORY,
        "space",
    )
    for offset, category in zip((-1, 1), SEED_NEIGHBOUR_CATEGORIES, strict=True):
        if 0 <= seed_at + offset < len(items):
            other = items[seed_at + offset]
            _write(random.Random(seed * 7919 + other.no * 31 + 2), other, category, "space")


def _link_bodies(rng: random.Random, pool: list[InsightsItem], good: list[InsightsItem]) -> None:
    """Some bodies link to an earlier good item; each link form on a newer-era item if any."""
    good_nos = sorted(p.no for p in good)
    linkable = [p for p in good if good_nos[0] < p.no]
    # The newer era first: its pages are the ones whose old-path links the contract expects.
    linkable.sort(key=lambda p: p.era != "newer")
    newer = sum(1 for p in linkable if p.era == "newer")
    forms = spread(
        rng,
        len(linkable),
        newer or len(linkable),
        BOARD_LINK_FORMS,
        (None, *BOARD_LINK_FORMS),
        weights=(82, 6, 6, 6),
    )
    for item, form in zip(linkable, forms, strict=True):
        if form is not None:
            target = rng.choice([no for no in good_nos if no < item.no])
            item.blocks.append(_link_block(item, form, target, rng))


__all__ = ["HEADING", "INSIGHTS_VARIATIONS", "InsightsBoard", "build_insights"]
