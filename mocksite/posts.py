"""The posts of one board by id: the list's order, neighbours, what a list page shows.

Every board of the imitation (``boards/``: the news board, KITA Insights and
the Photo Gallery) keeps its posts the same way: by id, listed newest first,
ten to a list page, each article's neighbours the nearest stored posts on
either side. ``PostIndex`` is that part; a board (``boards/base.py``) adds
its pages, its ground truth and its changes.
"""

from __future__ import annotations

import random
from bisect import bisect_left
from collections.abc import Sequence

from mocksite.kinds import ARTICLE_KINDS, STORED_KINDS
from mocksite.model import ListOptions, ListView, Neighbours, Post

PAGE_SIZE = 10


class PostIndex:
    """A board's posts by id, and what its list pages and neighbour links show."""

    def __init__(self, posts: Sequence[Post], *, seed: int) -> None:
        self.seed = seed
        self._posts: dict[int, Post] = {p.no: p for p in posts}
        self._reindex()

    def _reindex(self) -> None:
        self._nos = sorted(self._posts)
        self._stored = [no for no in self._nos if self._posts[no].kind in STORED_KINDS]

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

    def list_session(self, shown: int | None) -> str:
        """The session id written into the links of list page `shown` (None: past the end)."""
        return f"{random.Random(self.seed * 17 + (shown or 0)).getrandbits(128):032X}"

    def list_view(self, page: int, options: ListOptions, size: int = PAGE_SIZE) -> ListView:
        """What list page `page` of `size` rows shows.

        Past the end, what ``options.past_end`` says.
        """
        listed = self.posts
        total = len(listed)
        last = -(-total // size)
        page = max(page, 1)
        shown: int | None = page
        if page > last:
            if options.past_end == "last" and last:
                shown = last
            elif options.past_end == "first" and last:
                shown = 1
            else:
                shown = None
        session = self.list_session(shown)
        if shown is None:
            return ListView(total, last, page, shown, session)
        pinned = tuple(p for p in map(self._posts.get, options.pinned) if p is not None)
        start = (shown - 1) * size
        rows = tuple(
            (str(total - start - i), post) for i, post in enumerate(listed[start : start + size])
        )
        return ListView(total, last, page, shown, session, pinned, rows)
