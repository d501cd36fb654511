"""The news board: building it, what each page shows, its ground truth, its changes.

``build_board`` makes a deterministic board of articles and bad pages (ids,
dates, counters, bad pages, then each post's variant and words: ``assign.py``,
``compose.py``). ``NewsBoard`` is a ``FakeBoard`` (``base.py``): it decides
what each page shows (which post, which rows, which neighbours) and hands the
writing to a template in ``markup/``: the older one (``view_page``,
``list_page``) or the current one (``current_view_page``,
``current_list_page``, ``home_page``, at the paths a ``ServedPaths`` names).
It states what a correct crawler extracts from the same data
(``ground_truth``, per template), so markup and truth cannot disagree. HTTP
concerns (faults, one-shot errors, caching, routing) belong to ``server.py``
and ``routes.py``.

What the current template changes in the truth of an article: its
``generation`` ("current"); its ``url`` and its neighbours' (the detail
path and id parameter of the ``ServedPaths``); its attachments' URLs (as the
page's ``doDownloadFile`` builds them, on the base URL); and its date and
counter, which the current template shows on every article, older layouts
included. Title, subtitle, body and the body's links stay the same.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from mocksite.assign import assign_variants, random_variant
from mocksite.boards.base import FakeBoard
from mocksite.compose import fill_post
from mocksite.editor import text_block
from mocksite.kinds import (
    ARTICLE_KINDS,
    BROKEN,
    DELETED,
    EMPTY_BODY,
    FLAKY,
    GOOD,
    MISSING,
    TRUNCATED,
    UNTITLED,
    bad_positions,
)
from mocksite.markup import current, older, varied
from mocksite.markup.answers import error_page, html_page
from mocksite.markup.current.variations import list_labels, page_labels
from mocksite.markup.varied import Markup, Place
from mocksite.model import ListOptions, Page, Post, Variant
from mocksite.posts import PAGE_SIZE
from mocksite.seed import (
    SEED_HITS,
    SEED_NEXT_TITLE,
    SEED_NO,
    SEED_PARAGRAPHS,
    SEED_PREV_TITLE,
    SEED_SUBTITLE,
    SEED_TITLE,
)
from mocksite.text import norm
from mocksite.timeline import fit_timeline, posting_dates
from mocksite.urls import BOARD_NAME, CURRENT_PATHS, ServedPaths, article_url
from mocksite.variations import post_labels

TEMPLATES = ("older", "current")
# How many of the newest articles the current template's home page shows.
HOME_NEWS = 5
BAD_PLACES: tuple[tuple[str, float], ...] = (
    (MISSING, 0.12),
    (DELETED, 0.22),
    (TRUNCATED, 0.32),
    (BROKEN, 0.42),
    (UNTITLED, 0.62),
    (EMPTY_BODY, 0.72),
    (FLAKY, 0.82),
)


class NewsBoard(FakeBoard):
    """The news board: posts by id, what each page shows, the ground truth, changes."""

    name = BOARD_NAME

    def __init__(self, posts: Sequence[Post], *, seed: int, seed_no: int) -> None:
        super().__init__(posts, seed=seed)
        self.seed_no = seed_no

    def quiet_nos(self) -> list[int]:
        """Good articles with nothing special about them, ascending.

        Candidates for pinned notices and injected faults: not the seed article
        or its neighbours, not the oldest or newest post, not flaky.
        """
        avoid = {self._nos[0], self._nos[-1], self.seed_no}
        avoid.update(p.no for p in self.neighbours(self.seed_no) if p is not None)
        return [no for no in self.nos_of(GOOD) if no not in avoid]

    # -- ground truth ---------------------------------------------------------------

    def article_url(
        self,
        base_url: str,
        no: int,
        *,
        template: str = "older",
        paths: ServedPaths = CURRENT_PATHS,
    ) -> str:
        """The canonical URL of article `no` in `template` (`paths`: the current template's)."""
        if _template(template) == "current":
            return paths.article_url(base_url, no)
        return article_url(base_url, no)

    def article_truth(
        self,
        post: Post,
        base_url: str,
        *,
        template: str = "older",
        paths: ServedPaths = CURRENT_PATHS,
        markup: Markup | None = None,
        listed: bool = True,
    ) -> dict[str, Any]:
        """What a correct crawler extracts from `post`'s page in `template`, or in `markup`
        at the template's paths; `listed`: the lists served show the counters."""
        base = base_url.rstrip("/")
        is_current = _template(template) == "current"
        links = self.neighbour_links(
            post, lambda no: self.article_url(base, no, template=template, paths=paths)
        )
        for file in post.attachments:
            links.append(
                {
                    "rel": "attachment",
                    "url": (
                        paths.file_url(base, file.seq, file.dtl_seq)
                        if is_current
                        else file.truth_url(base)
                    ),
                    "text": norm(file.name),
                    "target_no": None,
                }
            )
        for block in post.blocks:
            for link in block.links:
                links.append(
                    {
                        "rel": link.rel,
                        "url": link.truth_url(base),
                        "text": link.text,
                        "target_no": None,
                    }
                )
        url = self.article_url(base, post.no, template=template, paths=paths)
        if markup is not None:
            # A made-up markup shows a date line where the post has one, the counter in it
            # unless the markup leaves it out; nobody's template: read by inference.
            return self.article_row(
                post,
                url,
                title=post.title,
                subtitle=post.subtitle,
                dated=post.has_info,
                counted=post.has_info and markup.shows_counter,
                listed=listed,
                links=links,
                generation="inferred",
            )
        return self.article_row(
            post,
            url,
            title=post.title,
            subtitle=post.subtitle,
            # The current template shows the date and counter on every article.
            dated=is_current or post.has_info,
            listed=listed,
            links=links,
            generation=template,
        )

    def ground_truth(
        self,
        base_url: str,
        *,
        template: str = "older",
        paths: ServedPaths = CURRENT_PATHS,
        markup: Markup | None = None,
        listed: bool = True,
    ) -> dict[str, Any]:
        """What a correct crawl of the whole board in `template` yields, for a server at `base_url`.

        `paths` says where the current template serves the board (unused for the older one);
        `markup`: the article pages are in that made-up markup, at the template's paths;
        `listed`: the list pages served show each article's counter.
        """
        base = base_url.rstrip("/")
        _template(template)
        return self.board_truth(
            lambda post: self.article_truth(
                post, base, template=template, paths=paths, markup=markup, listed=listed
            ),
            lambda no: self.article_url(base, no, template=template, paths=paths),
        )

    def labels(self, post: Post, *, template: str = "older") -> set[str]:
        """The variation labels that `post`'s page shows in `template`.

        See ALL_VARIATIONS (older) and CURRENT_VARIATIONS (current).
        """
        if _template(template) == "current":
            return page_labels(post, self.neighbours(post.no))
        return post_labels(post, self.neighbours(post.no))

    def variations(self, *, template: str = "older") -> Counter[str]:
        """How many good articles show each variation label in `template`."""
        return self.count_labels(lambda post: self.labels(post, template=template))

    def list_variations(self, options: ListOptions) -> Counter[str]:
        """How many of the current template's list pages show each label (LIST_VARIATIONS)."""
        counts: Counter[str] = Counter()
        for page in range(1, self.list_pages + 1):
            counts.update(list_labels(self.list_view(page, options), options))
        return counts

    # -- pages ----------------------------------------------------------------------

    def view_page(self, no: int, *, drift: bool = False) -> Page:
        """The answer to /about/newsView.do?no=`no`."""
        answer = self.older_problem_page(no)
        if answer is not None:
            return answer
        post = self._posts[no]
        names = older.DRIFT_NAMES if drift else older.NAMES
        text = older.article_html(post, self.neighbours(post.no), names)
        if post.kind == TRUNCATED:
            text = older.truncate(text, names)
        return html_page(text, post.variant.encoding)

    def list_page(self, page: int, options: ListOptions, *, drift: bool = False) -> Page:
        """The answer to /about/newsList.do?pageIndex=`page`."""
        names = older.DRIFT_NAMES if drift else older.NAMES
        return html_page(older.list_html(self.list_view(page, options), options, names))

    # -- pages in the current template ---------------------------------------------

    def current_view_page(
        self,
        no: int,
        paths: ServedPaths = CURRENT_PATHS,
        *,
        sessions: bool = True,
        drift: bool = False,
    ) -> Page:
        """The answer to ``<detail path>?<id param>=`no``` in the current template.

        `sessions`: the request came without the session cookie, so every URL
        carries the post's session id and the answer sets the cookie.
        """
        post = self._posts.get(no)
        if post is None or post.kind == MISSING:
            return error_page(404)
        if post.kind == BROKEN:
            return error_page(500)
        if post.kind == DELETED:
            text = current.deleted_html(paths)
        else:
            names = current.DRIFT_NAMES if drift else current.NAMES
            text = current.article_html(post, self.neighbours(post.no), paths, names)
            if post.kind == TRUNCATED:
                text = current.truncate(text, names)
        return current.answer(text, post.session if sessions else None)

    def current_list_page(
        self,
        page: int,
        options: ListOptions,
        paths: ServedPaths = CURRENT_PATHS,
        *,
        sessions: bool = True,
        drift: bool = False,
        size: int = PAGE_SIZE,
    ) -> Page:
        """The answer to ``<list path>?pageIndex=`page```, `size` rows a page (``pageUnit``)."""
        view = self.list_view(page, options, size)
        names = current.DRIFT_NAMES if drift else current.NAMES
        text = current.list_html(view, options, paths, names, size)
        return current.answer(text, view.session if sessions else None)

    # -- pages in a made-up markup ---------------------------------------------------

    def markup_view_page(self, no: int, markup: Markup, place: Place) -> Page:
        """Article `no` in `markup`, at `place` (the template's paths and files)."""
        answer = self.older_problem_page(no)
        if answer is not None:
            return answer
        post = self._posts[no]
        written = varied.article_html(post, self.neighbours(no), markup, place)
        text = varied.truncate(written) if post.kind == TRUNCATED else written.text
        return html_page(text, post.variant.encoding)

    def markup_list_page(
        self, page: int, options: ListOptions, markup: Markup, place: Place, size: int = PAGE_SIZE
    ) -> Page:
        """List page `page` of `size` rows in `markup`, at `place`."""
        view = self.list_view(page, options, size)
        return html_page(varied.list_html(view, options, markup, place))

    def home_page(self, paths: ServedPaths = CURRENT_PATHS, *, sessions: bool = True) -> Page:
        """The current template's home page ``/``, with the menu and the newest articles."""
        session = f"{random.Random(self.seed * 23 + 1).getrandbits(128):032X}"
        text = current.home_html(self.articles[:HOME_NEWS], paths)
        return current.answer(text, session if sessions else None)

    # -- changes while the server runs -------------------------------------------

    def publish(self, k: int, *, today: date | None = None) -> list[int]:
        """Add `k` new articles on top (higher ids, dated today or later); return their ids."""
        newest = self._posts[self._nos[-1]]
        rng = random.Random(self.seed * 31 + newest.no)
        day = max(today or date.today(), newest.posted)
        no = newest.no
        added = []
        for _ in range(k):
            no += 1 + (rng.random() < 0.05)
            hits = rng.randint(100, 400)
            post = Post(no=no, posted=day, hits=hits, variant=random_variant(rng))
            fill_post(post, self.seed)
            self._posts[no] = post
            added.append(no)
        self._reindex()
        return added

    def bump_hits(self, delta: int | Callable[[int], int]) -> None:
        """Raise every hit counter by `delta`, or by `delta(no)` when it is a function."""
        for post in self._posts.values():
            post.hits += delta(post.no) if callable(delta) else delta

    def edit(
        self, no: int, *, new_body_paragraph: str | None = None, title: str | None = None
    ) -> None:
        """Change a post: append a body paragraph and/or replace its title."""
        post = self._posts[no]
        if new_body_paragraph is not None:
            post.blocks.append(text_block(new_body_paragraph, post.variant.debris))
        if title is not None:
            post.title = title


def _template(name: str) -> str:
    if name not in TEMPLATES:
        raise ValueError(f"template must be one of {TEMPLATES}, not {name!r}")
    return name


# -- building a board -------------------------------------------------------------


def _seed_post(post: Post) -> None:
    """Make `post` the real seed article: its text, counter and markup."""
    post.title = SEED_TITLE
    post.subtitle = SEED_SUBTITLE
    post.hits = SEED_HITS
    post.blocks = [text_block(t, frozenset()) for t in SEED_PARAGRAPHS]
    post.attachments = []
    post.variant = Variant(repeat_strong=True, subtitle_form="nbsp")


def build_board(
    n_articles: int = 60,
    *,
    seed: int = 2530,
    first_no: int = 2019,
    start_date: date = date(2017, 1, 5),
) -> NewsBoard:
    """A deterministic board of `n_articles` listed posts (good and bad), oldest id `first_no`.

    Ids grow with the date (7-14 posts a month, squeezed when a large board would
    run past LAST_DATE), with a few gaps: ids that never existed. The seed
    article gets id 2530 when that id is in range (and then its real date);
    otherwise it sits in the middle of the board, dated like its neighbours.
    """
    if n_articles < 1:
        raise ValueError("n_articles must be >= 1")
    rng = random.Random(seed)
    n = n_articles
    nos: list[int] = []
    no = first_no
    for _ in range(n):
        nos.append(no)
        step = 1 + (rng.randint(1, 2) if rng.random() < 0.05 else 0)
        if no < SEED_NO < no + step:
            step = SEED_NO - no
        no += step
    seed_at = nos.index(SEED_NO) if SEED_NO in nos else n // 2
    dates = fit_timeline(
        posting_dates(rng, n, start_date), start_date, seed_at if nos[seed_at] == SEED_NO else None
    )
    posts = [
        Post(
            no=nos[i], posted=dates[i], hits=rng.randint(200, 1500) + int(rng.random() ** 2 * 3500)
        )
        for i in range(n)
    ]
    seed_group = {seed_at - 1, seed_at, seed_at + 1}
    for i, kind in bad_positions(n, {0, n - 1} | seed_group, BAD_PLACES).items():
        posts[i].kind = kind

    # Primary posts (good articles other than the seed and its neighbours) come first,
    # so that quotas land where the ground truth shows them.
    primary = [p for i, p in enumerate(posts) if p.kind in ARTICLE_KINDS and i not in seed_group]
    chosen = set(primary)
    secondary = [p for i, p in enumerate(posts) if p not in chosen and i != seed_at]
    pool = primary + secondary
    assign_variants(rng, pool, len(primary))
    for post in pool:
        fill_post(post, seed)
    seed_post = posts[seed_at]
    fill_post(seed_post, seed)
    _seed_post(seed_post)
    if seed_at - 1 >= 0:
        posts[seed_at - 1].title = SEED_PREV_TITLE
    if seed_at + 1 < n:
        posts[seed_at + 1].title = SEED_NEXT_TITLE
    return NewsBoard(posts, seed=seed, seed_no=seed_post.no)
