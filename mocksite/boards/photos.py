"""The Photo Gallery: items whose content is their images, in the older layout.

The site contract has seen ``/about/photoView.do?photonewsId=923`` (April
2020): heading ``Photo Gallery``, a title cut off mid-word by the site
(``... via Chartere``), ``2020-04-29 hit 572``, four lines of Korean image
file names, then the caption text. ``build_photos`` makes a board around that
item, ``PhotoBoard`` writes its pages (``markup/older/photo.py``) and states
its ground truth.

Decisions where the contract leaves things open:

- ids run from 901 with a few gaps, about five days apart, item 923 on its
  real day (so a board of 50 is 2020's); titles longer than 69 characters are cut
  there, mid-word or not, with no ellipsis, and the truth keeps the cut title
  (its neighbours' links too);
- each item shows one to five images in one of ``PHOTO_FORMS``; every image
  is named by its file name (Korean ones kept exactly) as alt text, a
  caption, a figure caption, a line after it, or in a gallery block before
  the body; where the src is the file name itself it is percent-encoded;
- the truth's links are the neighbours, then every image (``rel="image"``,
  its URL on the base, its file name as text) in document order; its body is
  the caption text without the lines that name images; an item with images
  and no text is an article with an empty body; an item with neither is
  unparsable;
- the list (``/about/photoList.do``) is a grid of thumbnails in a
  ``ul.board_list``, with the news list's link forms and paging bar.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta
from typing import Any
from urllib.parse import quote

from mocksite.assign import spread
from mocksite.boards.base import FakeBoard
from mocksite.boards.items import (
    NAMED_SRC_FORMS,
    PHOTO_FORMS,
    Photo,
    PhotoItem,
)
from mocksite.boards.words import (
    ASCII_PHOTO_NAMES,
    CAPTIONS,
    COUNTRY_KO,
    KOREAN_PHOTO_NAMES,
    PHOTO_TITLE_LIMIT,
    PHOTO_TITLES,
    SEED_PHOTO_DATE,
    SEED_PHOTO_HITS,
    SEED_PHOTO_NAMES,
    SEED_PHOTO_NO,
    SEED_PHOTO_TEXT,
    SEED_PHOTO_TITLE,
)
from mocksite.editor import text_block
from mocksite.kinds import (
    BROKEN,
    DELETED,
    EMPTY_BODY,
    GOOD,
    MISSING,
    bad_positions,
)
from mocksite.markup import current, older
from mocksite.markup.answers import error_page, html_page
from mocksite.markup.current.dext import CLOSE as DEXT_CLOSE
from mocksite.markup.current.dext import OPEN as DEXT_OPEN
from mocksite.markup.older import photo
from mocksite.markup.older.section import PHOTOS
from mocksite.markup.varied import Markup
from mocksite.markup.varied.gallery import gallery_html
from mocksite.model import ListOptions, Page, Post, Variant
from mocksite.posts import PAGE_SIZE
from mocksite.text import is_hangul
from mocksite.timeline import LAST_DATE
from mocksite.urls import CURRENT_PATHS, PHOTO_PATHS, PHOTOS_NAME, ServedPaths
from mocksite.variations import NEIGHBOUR_FORMS
from mocksite.words import draw_slots

BAD_PLACES: tuple[tuple[str, float], ...] = (
    (MISSING, 0.15),
    (DELETED, 0.35),
    (BROKEN, 0.55),
    (EMPTY_BODY, 0.8),  # neither text nor image: unparsable
)
# Where a generated src points: the board's upload folder, or the same on a KITA host.
SRC_FORMS = ("relative", "www", "global")
_HOSTS = {"relative": "", "www": "http://www.kita.org", "global": "http://global.kita.net"}
DAYS_PER_ITEM = 5.0
# Every label ``PhotoBoard.variations()`` reports on a board of 40 items or more.
PHOTO_VARIATIONS: tuple[str, ...] = (
    *(f"form:{form}" for form in PHOTO_FORMS),
    "title:cut_mid_word", "title:whole",
    "text:none", "text:some",
    "photos:one", "photos:several",
    "name:korean", "name:ascii",
    "src:relative", "src:www", "src:global", "src:file_name",
    "neighbour:plain", "neighbour:session", "neighbour:javascript", "neighbour:onclick",
    "neighbour:single",
    "date:dash", "date:dot", "hit:lower", "hit:labelled", "hit:bare",
    "body:p", "body:div",
    "encoding:utf-8", "encoding:euc-kr",
)  # fmt: skip
_KEPT = frozenset(range(SEED_PHOTO_NO - 1, SEED_PHOTO_NO + 2))


class PhotoBoard(FakeBoard):
    """The Photo Gallery: its items by id, its pages, its ground truth."""

    name = PHOTOS_NAME

    def list_session(self, shown: int | None) -> str:
        # Salted, so that its list pages do not share session ids with the news board's.
        return f"{random.Random(self.seed * 23 + 9 + (shown or 0)).getrandbits(128):032X}"

    def item(self, no: int) -> PhotoItem | None:
        post = self.post(no)
        return post if isinstance(post, PhotoItem) else None

    # -- ground truth ---------------------------------------------------------------

    def article_url(self, base_url: str, no: int, *, newer: bool = False) -> str:
        """An item's canonical URL: the view path (the newer one when `newer`), the id its
        only parameter."""
        if newer:
            return PHOTO_PATHS.article_url(base_url, no)
        return f"{base_url.rstrip('/')}{PHOTOS.view_path}?{PHOTOS.id_param}={no}"

    def article_truth(
        self, post: Post, base_url: str, *, newer: bool = False, listed: bool = True
    ) -> dict[str, Any]:
        """What a correct crawler extracts from the page of item `post`.

        `newer`: the site serves the newer paths, where a crawler reading them
        first ends: the current template, with no date and no counter.
        """
        assert isinstance(post, PhotoItem)
        base = base_url.rstrip("/")
        links = self.neighbour_links(post, lambda no: self.article_url(base, no, newer=newer))
        for image in post.photos:
            link = image.link()
            links.append(
                {"rel": "image", "url": link.truth_url(base), "text": link.text, "target_no": None}
            )
        return self.article_row(
            post,
            self.article_url(base, post.no, newer=newer),
            title=post.title,
            subtitle=None,
            dated=not newer,
            # Board lists show counters (either template's); the grids of cards none.
            listed=listed,
            links=links,
            generation="current" if newer else "older",
        )

    def ground_truth(
        self, base_url: str, *, newer: bool = False, listed: bool = True
    ) -> dict[str, Any]:
        """What a correct crawl of the whole board yields, for a server at `base_url`
        (`newer`: one that serves the newer paths, see ``article_truth``; `listed`: its
        lists show each item's counter)."""
        base = base_url.rstrip("/")
        return self.board_truth(
            lambda post: self.article_truth(post, base, newer=newer, listed=listed),
            lambda no: self.article_url(base, no, newer=newer),
        )

    def variations(self) -> Counter[str]:
        """How many good items show each variation label."""
        return self.count_labels(self.labels)

    def labels(self, post: Post) -> set[str]:
        """The variation labels (PHOTO_VARIATIONS) that item `post`'s page shows."""
        assert isinstance(post, PhotoItem)
        item = post
        v = item.variant
        out = {
            f"form:{item.photo_form}",
            "text:some" if item.blocks else "text:none",
            "photos:one" if len(item.photos) == 1 else "photos:several",
            f"neighbour:{v.neighbour_form}",
            f"date:{v.date_fmt}",
            f"hit:{v.hit_fmt}",
            f"body:{v.body_form}",
            f"encoding:{v.encoding}",
        }
        if item.full_title:
            cut = len(item.title)
            if item.full_title[cut - 1 : cut + 1].isalpha():
                out.add("title:cut_mid_word")
        else:
            out.add("title:whole")
        if None in self.neighbours(item.no):
            out.add("neighbour:single")
        for image in item.photos:
            out.add("name:korean" if is_hangul(image.name) else "name:ascii")
            out.add(f"src:{_src_label(item, image)}")
        return out

    # -- pages ----------------------------------------------------------------------

    def view_page(self, no: int, *, drift: bool = False) -> Page:
        """The answer to ``/about/photoView.do?photonewsId=`no```."""
        answer = self.older_problem_page(no)
        if answer is not None:
            return answer
        item = self.item(no)
        assert item is not None
        names = older.DRIFT_NAMES if drift else older.NAMES
        text = older.article_html(
            item,
            self.neighbours(no),
            names,
            section=PHOTOS,
            body=photo.body_html(item),
            gallery=photo.gallery_html(item),
        )
        return html_page(text, item.variant.encoding)

    def list_page(self, page: int, options: ListOptions, *, drift: bool = False) -> Page:
        """The answer to ``/about/photoList.do?pageIndex=`page```."""
        names = older.DRIFT_NAMES if drift else older.NAMES
        return html_page(photo.list_html(self.list_view(page, options), options, names))

    # -- the newer paths (current template) ---------------------------------------------

    def newer_view_page(
        self,
        no: int,
        *,
        sessions: bool = True,
        drift: bool = False,
        menu: ServedPaths = CURRENT_PATHS,
    ) -> Page:
        """The answer to ``/photoGallery/photoGalleryDetail.do?photonewsId=`no```: the current
        template, no date and no counter (as the stored page of 2023 shows), the images and
        their names in the body or a gallery block before it."""
        item = self.item(no)
        if item is None or item.kind == MISSING:
            return error_page(404)
        if item.kind == BROKEN:
            return error_page(500)
        if item.kind == DELETED:
            return current.answer(current.deleted_html(PHOTO_PATHS), None)
        names = current.DRIFT_NAMES if drift else current.NAMES
        body = photo.body_html(item)
        text = current.article_html(
            item,
            self.neighbours(no),
            PHOTO_PATHS,
            names,
            heading=PHOTOS.heading,
            badges=False,
            menu=menu,
            body=f"{DEXT_OPEN}{body}{DEXT_CLOSE}" if names.dext else body,
            gallery=photo.gallery_html(item),
        )
        return current.answer(text, item.session if sessions else None)

    def newer_list_page(
        self,
        page: int,
        options: ListOptions,
        *,
        sessions: bool = True,
        drift: bool = False,
        size: int = PAGE_SIZE,
        menu: ServedPaths = CURRENT_PATHS,
    ) -> Page:
        """The answer to ``/photoGallery/photoGalleryList.do?pageIndex=`page``` (current)."""
        view = self.list_view(page, options, size)
        names = current.DRIFT_NAMES if drift else current.NAMES
        text = current.list_html(
            view, options, PHOTO_PATHS, names, size, heading=PHOTOS.heading, menu=menu
        )
        return current.answer(text, view.session if sessions else None)

    def gallery_page(
        self, page: int, options: ListOptions, form: str, markup: Markup, paths: ServedPaths
    ) -> Page:
        """List page `page` as a grid of cards of gallery form `form`, leading to `paths`."""
        view = self.list_view(page, options)
        return html_page(gallery_html(view, form, markup, paths))


def _src_label(item: PhotoItem, image: Photo) -> str:
    """ "file_name" where the src is the file name, else the form of its host."""
    if item.photo_form in NAMED_SRC_FORMS:
        return "file_name"
    return next(
        (form for form, prefix in _HOSTS.items() if prefix and image.src.startswith(prefix)),
        "relative",
    )


def _dates(rng: random.Random, nos: list[int]) -> list[date]:
    """An item's date follows from its id: about five days apart, item 923 on its real day."""
    step = min(DAYS_PER_ITEM, (LAST_DATE - SEED_PHOTO_DATE).days / max(1, nos[-1] - SEED_PHOTO_NO))
    out: list[date] = []
    for no in nos:
        if no == SEED_PHOTO_NO:
            day = SEED_PHOTO_DATE
        else:
            offset = round((no - SEED_PHOTO_NO) * step) + rng.randint(-2, 2)
            day = SEED_PHOTO_DATE + timedelta(days=offset)
        if out and day < out[-1]:
            day = out[-1]
        out.append(min(day, LAST_DATE))
    return out


def cut_title(title: str) -> str:
    """The title field as the site keeps it: its first PHOTO_TITLE_LIMIT characters."""
    return title[:PHOTO_TITLE_LIMIT]


def _name(rng: random.Random, item: PhotoItem, korean: bool, k: int, slots: dict[str, Any]) -> str:
    if korean:
        country = COUNTRY_KO.get(slots["country"], "베트남")
        template = rng.choice(KOREAN_PHOTO_NAMES)
        return template.format(date=item.posted.isoformat(), country_ko=country, k=k)
    return rng.choice(ASCII_PHOTO_NAMES).format(n4=rng.randint(1000, 9999), k=k)


def _photos(item: PhotoItem, names: list[str], src_form: str) -> tuple[Photo, ...]:
    folder = f"/upload/photo/{item.posted.year}/{item.posted.month:02d}/"
    out = []
    for k, name in enumerate(names, start=1):
        if item.photo_form in NAMED_SRC_FORMS:
            # The upload kept its own name: the src is the file name, percent-encoded.
            src = folder + quote(name)
        else:
            src = f"{_HOSTS[src_form]}{folder}PHOTO_{item.no}_{k:02d}.jpg"
        out.append(Photo(src, name))
    return tuple(out)


def _write(rng: random.Random, item: PhotoItem, *, korean: bool, text: bool, src_form: str) -> None:
    """The item's title field, images and caption text."""
    slots = draw_slots(rng, item.posted)
    item.session = f"{rng.getrandbits(128):032X}"
    item.render_seed = rng.getrandbits(32)
    title = rng.choice(PHOTO_TITLES).format(**slots)
    item.title = cut_title(title)
    item.full_title = title if item.title != title else ""
    if item.kind == EMPTY_BODY:
        return
    start = rng.randint(1, 15)
    names = [_name(rng, item, korean, start + k, slots) for k in range(rng.randint(1, 5))]
    item.photos = _photos(item, names, src_form)
    if text:
        texts = [t.format(**slots) for t in rng.sample(CAPTIONS, rng.randint(1, 2))]
        item.blocks = [text_block(t, item.variant.debris) for t in texts]


def build_photos(n_items: int = 50, *, seed: int = 2530, first_no: int = 901) -> PhotoBoard:
    """A deterministic Photo Gallery of `n_items` listed items, the oldest id `first_no`.

    Item 923, when in range, is the one the contract quotes: its date, counter,
    cut title, four Korean file names, text under them.
    """
    if n_items < 1 or first_no < 1:
        raise ValueError("n_items and first_no must be >= 1")
    rng = random.Random(seed * 131 + 3)
    nos: list[int] = []
    no = first_no
    for _ in range(n_items):
        nos.append(no)
        no += 2 if rng.random() < 0.08 and no + 1 not in _KEPT else 1
    items = [
        PhotoItem(no=no, posted=day, hits=rng.randint(100, 1500))
        for no, day in zip(nos, _dates(rng, nos), strict=True)
    ]
    seed_at = nos.index(SEED_PHOTO_NO) if SEED_PHOTO_NO in nos else None
    seed_group = set() if seed_at is None else {seed_at - 1, seed_at, seed_at + 1}
    for i, kind in bad_positions(n_items, {0, n_items - 1} | seed_group, BAD_PLACES).items():
        items[i].kind = kind
    good = [p for i, p in enumerate(items) if p.kind == GOOD and i not in seed_group]
    chosen = set(good)
    pool = good + [p for p in items if p not in chosen]
    n, primary = len(pool), len(good)

    def draw(
        quota: tuple[Any, ...], choices: tuple[Any, ...], weights: tuple[int, ...]
    ) -> list[Any]:
        return spread(rng, n, primary, quota, choices, weights=weights)

    columns = {
        "photo_form": draw(PHOTO_FORMS, PHOTO_FORMS, (3, 2, 2, 2, 2, 1)),
        "korean": draw((True, False), (True, False), (7, 3)),
        "text": draw((False, False), (True, False), (88, 12)),
        "src_form": draw(SRC_FORMS, SRC_FORMS, (6, 2, 2)),
        "bullet": draw(("char", "css"), ("char", "css"), (7, 3)),
        "date_fmt": draw(("dash", "dot"), ("dash", "dot"), (4, 1)),
        "hit_fmt": draw(("lower", "labelled", "bare"), ("lower", "labelled", "bare"), (6, 2, 1)),
        "body_form": draw(("p", "div"), ("p", "div"), (3, 1)),
        "neighbour_form": draw(NEIGHBOUR_FORMS, NEIGHBOUR_FORMS, (55, 15, 15, 15)),
        "encoding": draw(("euc-kr",), ("utf-8", "euc-kr"), (97, 3)),
    }
    for k, item in enumerate(pool):
        value = {name: column[k] for name, column in columns.items()}
        item.photo_form = value["photo_form"]
        item.variant = Variant(
            bullet=value["bullet"],
            date_fmt=value["date_fmt"],
            hit_fmt=value["hit_fmt"],
            info_form="split",
            body_form=value["body_form"],
            neighbour_form=value["neighbour_form"],
            encoding=value["encoding"],
        )
        _write(
            random.Random(seed * 7919 + item.no * 31 + 3),
            item,
            korean=value["korean"],
            text=value["text"],
            src_form=value["src_form"],
        )
    if seed_at is not None:
        _seed_item(items[seed_at])
    return PhotoBoard(items, seed=seed)


def _seed_item(item: PhotoItem) -> None:
    """Item 923 as the contract saw it: cut title, four Korean names as lines, then text."""
    item.hits = SEED_PHOTO_HITS
    item.title = cut_title(SEED_PHOTO_TITLE)
    item.full_title = SEED_PHOTO_TITLE
    item.photo_form = "line"
    item.variant = Variant(hit_fmt="lower", date_fmt="dash")
    item.photos = _photos(item, list(SEED_PHOTO_NAMES), "relative")
    item.blocks = [text_block(t, frozenset()) for t in SEED_PHOTO_TEXT]


__all__ = [
    "PHOTO_VARIATIONS",
    "PhotoBoard",
    "build_photos",
    "cut_title",
]
