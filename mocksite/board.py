"""The news board: its posts by id, the pages it answers, its ground truth, its changes.

The posts, their order and neighbours and the list pages' rows are a
``PostIndex`` (``posts.py``), as on every board of the imitation.
``Board`` decides what each page shows (which post, which rows, which
neighbours) and hands the writing to a template in ``markup/``: the older
one (``view_page``, ``list_page``) or the current one (``current_view_page``,
``current_list_page``, ``home_page``, at the paths a ``BoardPaths`` names).
It states what a correct crawler extracts from the same data
(``ground_truth``, per template), so markup and truth cannot disagree. HTTP
concerns (faults, one-shot errors, caching, routing) belong to
``server.py``; ``build.py`` makes a new board.

What the current template changes in the truth of an article: its
``generation`` ("current"); its ``url`` and its neighbours' (the detail
path and id parameter of the ``BoardPaths``); its attachments' URLs (as the
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

from mocksite.assign import random_variant
from mocksite.compose import fill_post
from mocksite.editor import text_block
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
from mocksite.markup.current.variations import list_labels, page_labels
from mocksite.model import ListOptions, Page, Post
from mocksite.posts import PAGE_SIZE, PostIndex
from mocksite.text import norm
from mocksite.urls import BOARD_NAME, CURRENT_PATHS, BoardPaths, article_url
from mocksite.variations import post_labels

TEMPLATES = ("older", "current")
# How many of the newest articles the current template's home page shows.
HOME_NEWS = 5


class Board(PostIndex):
    """The news board: posts by id, what each page shows, the ground truth, changes."""

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

    def article_truth(
        self,
        post: Post,
        base_url: str,
        *,
        template: str = "older",
        paths: BoardPaths = CURRENT_PATHS,
    ) -> dict[str, Any]:
        """What a correct crawler extracts from `post`'s page in `template`."""
        base = base_url.rstrip("/")
        is_current = _template(template) == "current"
        links: list[dict[str, Any]] = []
        for rel, other in zip(("prev", "next"), self.neighbours(post.no), strict=True):
            if other is not None:
                links.append(
                    {
                        "rel": rel,
                        "url": self._url(base, other.no, template, paths),
                        "text": norm(other.title) or None,
                        "target_no": other.no,
                    }
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
        # The current template shows the date and counter on every article.
        dated = is_current or post.has_info
        return {
            "board": BOARD_NAME,
            "no": post.no,
            "url": self._url(base, post.no, template, paths),
            "title": norm(post.title),
            "subtitle": norm(post.subtitle) if post.subtitle is not None else None,
            "published": post.posted.isoformat() if dated else None,
            # Every list row shows the counter: a crawl keeps the latest one seen, from
            # the page or the list (articles.hits), dated page or not.
            "hits": post.hits,
            "body": "\n\n".join(post.body_texts),
            "links": links,
            "generation": template,
            "category": None,
        }

    @staticmethod
    def _url(base: str, no: int, template: str, paths: BoardPaths) -> str:
        return paths.article_url(base, no) if template == "current" else article_url(base, no)

    def ground_truth(
        self, base_url: str, *, template: str = "older", paths: BoardPaths = CURRENT_PATHS
    ) -> dict[str, Any]:
        """What a correct crawl of the whole board in `template` yields, for a server at `base_url`.

        `paths` says where the current template serves the board (unused for the older one).
        """
        base = base_url.rstrip("/")
        _template(template)
        articles = []
        problems = []
        for post in self.posts:
            if post.kind in ARTICLE_KINDS:
                articles.append(self.article_truth(post, base, template=template, paths=paths))
            else:
                problems.append(
                    {
                        "board": BOARD_NAME,
                        "no": post.no,
                        "url": self._url(base, post.no, template, paths),
                        "kind": PROBLEM_KINDS[post.kind],
                    }
                )
        return {
            "board": BOARD_NAME,
            "articles": articles,
            "problems": problems,
            "list_pages": self.list_pages,
        }

    def labels(self, post: Post, *, template: str = "older") -> set[str]:
        """The variation labels that `post`'s page shows in `template`.

        See ALL_VARIATIONS (older) and CURRENT_VARIATIONS (current).
        """
        if _template(template) == "current":
            return page_labels(post, self.neighbours(post.no))
        return post_labels(post, self.neighbours(post.no))

    def variations(self, *, template: str = "older") -> Counter[str]:
        """How many good articles show each variation label in `template`."""
        counts: Counter[str] = Counter()
        for post in self.articles:
            counts.update(self.labels(post, template=template))
        return counts

    def list_variations(self, options: ListOptions) -> Counter[str]:
        """How many of the current template's list pages show each label (LIST_VARIATIONS)."""
        counts: Counter[str] = Counter()
        for page in range(1, self.list_pages + 1):
            counts.update(list_labels(self.list_view(page, options), options))
        return counts

    # -- pages ----------------------------------------------------------------------

    def view_page(self, no: int, *, drift: bool = False) -> Page:
        """The answer to /about/newsView.do?no=`no`."""
        post = self._posts.get(no)
        if post is None or post.kind == MISSING:
            return error_page(404)
        if post.kind == DELETED:
            return deleted_page()
        if post.kind == BROKEN:
            return error_page(500)
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
        paths: BoardPaths = CURRENT_PATHS,
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
        paths: BoardPaths = CURRENT_PATHS,
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

    def home_page(self, paths: BoardPaths = CURRENT_PATHS, *, sessions: bool = True) -> Page:
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
