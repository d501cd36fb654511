"""The news board: its posts by id, the pages it answers, its ground truth, its changes.

``Board`` decides what each page shows (which post, which rows, which
neighbours) and hands the writing to a template in ``markup/``; it states what
a correct crawler extracts from the same data (``ground_truth``), so markup
and truth cannot disagree. HTTP concerns (faults, one-shot errors, caching)
belong to ``server.py``; ``build.py`` makes a new board.
"""

from __future__ import annotations

import random
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from kitacrawl.mocksite.assign import random_variant
from kitacrawl.mocksite.compose import fill_post
from kitacrawl.mocksite.editor import text_block
from kitacrawl.mocksite.kinds import (
    ARTICLE_KINDS,
    BROKEN,
    DELETED,
    GOOD,
    MISSING,
    PROBLEM_KINDS,
    STORED_KINDS,
    TRUNCATED,
)
from kitacrawl.mocksite.markup import older
from kitacrawl.mocksite.markup.answers import deleted_page, error_page, html_page
from kitacrawl.mocksite.model import ListOptions, ListView, Neighbours, Page, Post
from kitacrawl.mocksite.text import norm
from kitacrawl.mocksite.urls import BOARD_NAME, article_url
from kitacrawl.mocksite.variations import post_labels

PAGE_SIZE = 10


class Board:
    """The news board: posts by id, what each page shows, the ground truth, changes."""

    def __init__(self, posts: Sequence[Post], *, seed: int, seed_no: int) -> None:
        self.seed = seed
        self.seed_no = seed_no
        self._posts: dict[int, Post] = {p.no: p for p in posts}
        self._reindex()

    def _reindex(self) -> None:
        self._nos = sorted(self._posts)
        self._stored = [no for no in self._nos if self._posts[no].kind in STORED_KINDS]

    # -- queries ----------------------------------------------------------------

    @property
    def posts(self) -> list[Post]:
        """Every listed post, newest first (the list's order)."""
        return [self._posts[no] for no in reversed(self._nos)]

    def post(self, no: int) -> Post | None:
        return self._posts.get(no)

    def __len__(self) -> int:
        return len(self._nos)

    @property
    def list_pages(self) -> int:
        return -(-len(self._nos) // PAGE_SIZE)

    @property
    def articles(self) -> list[Post]:
        """The posts a correct crawler stores as articles, newest first."""
        return [p for p in self.posts if p.kind in ARTICLE_KINDS]

    def nos_of(self, *kinds: str) -> list[int]:
        """Ids of the posts of these kinds, ascending."""
        return [no for no in self._nos if self._posts[no].kind in kinds]

    def neighbours(self, no: int) -> Neighbours:
        """The nearest stored older and newer posts (deleted and missing ones skipped)."""
        stored = self._stored
        i = bisect_left(stored, no)
        j = i + 1 if i < len(stored) and stored[i] == no else i
        prev = self._posts[stored[i - 1]] if i > 0 else None
        nxt = self._posts[stored[j]] if j < len(stored) else None
        return prev, nxt

    def quiet_nos(self) -> list[int]:
        """Good articles with nothing special about them, ascending.

        Candidates for pinned notices and injected faults: not the seed article
        or its neighbours, not the oldest or newest post, not flaky.
        """
        avoid = {self._nos[0], self._nos[-1], self.seed_no}
        avoid.update(p.no for p in self.neighbours(self.seed_no) if p is not None)
        return [no for no in self.nos_of(GOOD) if no not in avoid]

    # -- ground truth ---------------------------------------------------------------

    def article_truth(self, post: Post, base_url: str) -> dict[str, Any]:
        base = base_url.rstrip("/")
        links: list[dict[str, Any]] = []
        for rel, other in zip(("prev", "next"), self.neighbours(post.no), strict=True):
            if other is not None:
                links.append(
                    {
                        "rel": rel,
                        "url": article_url(base, other.no),
                        "text": norm(other.title) or None,
                        "target_no": other.no,
                    }
                )
        for file in post.attachments:
            links.append(
                {
                    "rel": "attachment",
                    "url": file.truth_url(base),
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
        return {
            "board": BOARD_NAME,
            "no": post.no,
            "url": article_url(base, post.no),
            "title": norm(post.title),
            "subtitle": norm(post.subtitle) if post.subtitle is not None else None,
            "published": post.posted.isoformat() if post.has_info else None,
            "hits": post.hits if post.has_info else None,
            "body": "\n\n".join(post.body_texts),
            "links": links,
            "generation": "older",
            "category": None,
        }

    def ground_truth(self, base_url: str) -> dict[str, Any]:
        """What a correct crawl of the whole board yields, for a server at `base_url`."""
        base = base_url.rstrip("/")
        articles = []
        problems = []
        for post in self.posts:
            if post.kind in ARTICLE_KINDS:
                articles.append(self.article_truth(post, base))
            else:
                problems.append(
                    {
                        "no": post.no,
                        "url": article_url(base, post.no),
                        "kind": PROBLEM_KINDS[post.kind],
                    }
                )
        return {"articles": articles, "problems": problems, "list_pages": self.list_pages}

    def labels(self, post: Post) -> set[str]:
        """The variation labels (see ALL_VARIATIONS) that `post`'s page shows."""
        return post_labels(post, self.neighbours(post.no))

    def variations(self) -> Counter[str]:
        """How many good articles show each variation label."""
        counts: Counter[str] = Counter()
        for post in self.articles:
            counts.update(self.labels(post))
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

    def list_view(self, page: int, options: ListOptions) -> ListView:
        """What list page `page` shows; past the end, what ``options.past_end`` says."""
        listed = self.posts
        total = len(listed)
        last = self.list_pages
        page = max(page, 1)
        shown: int | None = page
        if page > last:
            if options.past_end == "last" and last:
                shown = last
            elif options.past_end == "first" and last:
                shown = 1
            else:
                shown = None
        session = f"{random.Random(self.seed * 17 + (shown or 0)).getrandbits(128):032X}"
        if shown is None:
            return ListView(total, last, page, shown, session)
        pinned = tuple(p for p in map(self._posts.get, options.pinned) if p is not None)
        start = (shown - 1) * PAGE_SIZE
        rows = tuple(
            (str(total - start - i), post)
            for i, post in enumerate(listed[start : start + PAGE_SIZE])
        )
        return ListView(total, last, page, shown, session, pinned, rows)

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
