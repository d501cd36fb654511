"""KITA's Korean trade news (무역뉴스): a board at its real size, written page by page.

``build_tradenews`` makes a deterministic board of `n` listed posts with ids
running without gaps (as on kita.net: ``no`` counts every article of the
three site ids together), about 25 a day, weekends included, the newest
dated `end`. ``TradeNewsBoard`` is a ``FakeBoard`` (``base.py``) whose posts
carry only their id, date, counter and kind: an article's words come from
``tradewords.compose`` when its page (or the truth) asks, so a board of
20,000 articles costs a few megabytes and no page is kept once written.

What the pages show (``markup/current/tradenews.py``): rows opening articles
by ``goDetailPage('N', 'S')`` and the other forms of ``ROW_FORMS``; the site
id of each article (1, 2 or 6, mixed on a page); two old articles pinned on
top of every list page; bad pages: listed posts answering 404, and deleted
ones answering 200 with only an alert (bare, or inside the template). The
detail page answers at ``?no=N&siteId=S`` and at ``?no=N`` alike (its form
then says the site id); another site id than the article's gets an alert.

The truth (``ground_truth``) is what a correct crawler stores: each article
once, under ``<detail path>?no=N&siteId=S``, with its site id, title, date,
counter, body (paragraphs; a related article's link among them), the head
block as ``category``, its neighbours, files and body links.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from mocksite.boards.base import FakeBoard
from mocksite.boards.tradewords import TradeText, compose, site_id_of
from mocksite.kinds import DELETED, GOOD, MISSING, bad_positions
from mocksite.markup.answers import error_page
from mocksite.markup.current import tradenews as markup
from mocksite.model import ListView, Page, Post
from mocksite.posts import PAGE_SIZE
from mocksite.text import norm
from mocksite.urls import TRADENEWS_NAME, TRADENEWS_PATHS, ServedPaths

# Where bad pages go in every block of 200 posts: a listed post gone (404), two deleted.
BAD_PLACES: tuple[tuple[str, float], ...] = ((MISSING, 0.15), (DELETED, 0.45), (DELETED, 0.8))
# The last id and day public scrapers saw (SITE.md: 101682 on 2026-05-22).
LAST_NO = 101_682
LAST_DAY = date(2026, 5, 22)
PINNED = 2


class TradeNewsBoard(FakeBoard):
    """The Korean trade news: posts by id, each page written when asked, the truth."""

    name = TRADENEWS_NAME

    def __init__(self, posts: Sequence[Post], *, seed: int, pinned: int = PINNED) -> None:
        super().__init__(posts, seed=seed)
        good = self.nos_of(GOOD)
        # Old articles, so that their own rows sit on later pages.
        self.pinned = tuple(good[len(good) // 10 :: 7][:pinned]) if len(good) > 20 else ()

    # -- what a post is ---------------------------------------------------------------

    def site_id(self, no: int) -> int:
        return site_id_of(self.seed, no)

    def text(self, no: int) -> TradeText:
        post = self._posts[no]
        return compose(self.seed, no, post.posted)

    def linked_title(self, text: TradeText) -> str | None:
        """The title of the older article a body links to (None: no link, or no such post)."""
        if text.linked_no is None or text.linked_no not in self._posts:
            return None
        return self.text(text.linked_no).title

    def _neighbour(self, post: Post | None) -> tuple[int, int, str] | None:
        if post is None:
            return None
        return post.no, self.site_id(post.no), self.text(post.no).title

    # -- pages ----------------------------------------------------------------------

    def list_view(self, page: int, size: int = PAGE_SIZE) -> ListView:  # type: ignore[override]  # the board's own view, without options
        """List page `page` of `size` rows: its paging; the rows are ``list_rows``'s."""
        total = len(self._nos)
        last = -(-total // size)
        page = max(page, 1)
        shown = page if page <= last else None
        return ListView(total, last, page, shown, self.list_session(shown))

    def list_rows(self, page: int, size: int = PAGE_SIZE) -> list[tuple[int, int, str, date]]:
        """(no, site id, title, date) of the rows of list page `page`, newest first."""
        nos = self._nos
        end = len(nos) - (page - 1) * size
        rows = []
        for index in range(end - 1, max(end - size, 0) - 1, -1):
            post = self._posts[nos[index]]
            rows.append((post.no, self.site_id(post.no), self.text(post.no).title, post.posted))
        return rows if end > 0 else []

    def list_page(
        self, page: int, paths: ServedPaths = TRADENEWS_PATHS, *, size: int = PAGE_SIZE
    ) -> Page:
        """The answer to ``<list path>?pageIndex=`page```."""
        view = self.list_view(page, size)
        rows = self.list_rows(page, size) if view.shown is not None else []
        pinned = [
            (no, self.site_id(no), self.text(no).title, self._posts[no].posted)
            for no in self.pinned
        ]
        text = markup.list_html(view, rows, pinned, paths)
        return markup.answer(text, view.session)

    def view_page(self, no: int, site_id: int | None, paths: ServedPaths = TRADENEWS_PATHS) -> Page:
        """The answer to ``<detail path>?no=`no`[&siteId=`site_id`]``."""
        post = self._posts.get(no)
        if post is None or post.kind == MISSING:
            return error_page(404)
        if site_id is not None and site_id != self.site_id(no):
            text = markup.alert_in_template_html(paths, markup.WRONG_SITE_MESSAGE)
            return markup.answer(text, post.session)
        if post.kind == DELETED:
            # Half of them a bare alert, the others the template around the framework's dialog.
            text = (
                markup.deleted_html(paths)
                if no % 2
                else markup.alert_in_template_html(paths, markup.DELETED_MESSAGE)
            )
            return markup.answer(text, post.session)
        words = self.text(no)
        older, newer = self.neighbours(no)
        page = markup.article_html(
            markup.Shown(no, self.site_id(no), post.posted, post.hits),
            words,
            (self._neighbour(older), self._neighbour(newer)),
            self.linked_title(words),
            paths,
        )
        return markup.answer(page, post.session)

    # -- the truth ----------------------------------------------------------------------

    def article_url(self, base_url: str, no: int, site_id: int | None = None) -> str:
        """The canonical URL: ``<detail path>?no=N&siteId=S`` (no session, no log parameter)."""
        base = f"{base_url.rstrip('/')}{TRADENEWS_PATHS.detail_path}?no={no}"
        return base if site_id is None else f"{base}&siteId={site_id}"

    def article_truth(self, post: Post, base_url: str) -> dict[str, Any]:
        """What a correct crawler stores of `post`."""
        base = base_url.rstrip("/")
        text = self.text(post.no)
        links = [
            {
                "rel": rel,
                "url": self.article_url(base, other.no, self.site_id(other.no)),
                "text": norm(self.text(other.no).title),
                "target_no": other.no,
            }
            for rel, other in zip(("prev", "next"), self.neighbours(post.no), strict=True)
            if other is not None
        ]
        for file in text.files:
            links.append(
                {
                    "rel": "attachment",
                    "url": TRADENEWS_PATHS.file_url(base, file.seq, file.dtl_seq),
                    "text": norm(file.name),
                    "target_no": None,
                }
            )
        paragraphs = list(text.paragraphs)
        if post.no % 7 == 0:
            src = f"https://kita.net/editordata/2026/05/2026052{post.no % 10}_{post.no:09d}.png"
            links.append({"rel": "image", "url": src, "text": None, "target_no": None})
        linked = self.linked_title(text)
        if linked is not None and text.linked_no is not None:
            paragraphs.append(f"▶ 관련기사: {norm(linked)}")
            links.append(
                {
                    "rel": "body",
                    "url": self.article_url(base, text.linked_no),
                    "text": f"▶ 관련기사: {norm(linked)}",
                    "target_no": text.linked_no,
                }
            )
        site_id = self.site_id(post.no)
        return {
            "board": self.name,
            "no": post.no,
            "url": self.article_url(base, post.no, site_id),
            "site_id": site_id,
            "title": norm(text.title),
            "subtitle": None,
            "published": post.posted.isoformat(),
            "hits": post.hits,
            "body": "\n\n".join(norm(p) for p in paragraphs),
            "links": links,
            "generation": "current",
            "category": text.head,
        }

    def ground_truth(self, base_url: str) -> dict[str, Any]:
        """What a correct crawl of the whole board yields, for a server at `base_url`."""
        base = base_url.rstrip("/")
        truth = self.board_truth(
            lambda post: self.article_truth(post, base),
            lambda no: self.article_url(base, no, self.site_id(no)),
        )
        return truth

    def search_truth(self, noun: str, base_url: str) -> set[int]:
        """The articles holding `noun` anywhere in their title or body."""
        found = set()
        for post in self.articles:
            article = self.article_truth(post, base_url)
            if noun in article["title"] or noun in article["body"]:
                found.add(post.no)
        return found

    # -- changes while the server runs -----------------------------------------------

    def publish(self, k: int, *, day: date | None = None) -> list[int]:
        """Add `k` new articles on top (the next ids, dated `day` or the newest day); their ids."""
        newest = self._posts[self._nos[-1]]
        when = max(day or newest.posted, newest.posted)
        rng = random.Random(self.seed * 37 + newest.no)
        added = []
        for no in range(newest.no + 1, newest.no + 1 + k):
            self._posts[no] = Post(no=no, posted=when, hits=rng.randint(20, 300), session=_sid(no))
            added.append(no)
        self._reindex()
        return added

    def bump_hits(self, delta: int) -> None:
        for post in self._posts.values():
            post.hits += delta


def _sid(no: int) -> str:
    return f"{random.Random(no * 131 + 7).getrandbits(128):032X}"


def build_tradenews(
    n_articles: int = 200,
    *,
    seed: int = 101,
    last_no: int = LAST_NO,
    end: date = LAST_DAY,
    pinned: int = PINNED,
) -> TradeNewsBoard:
    """A board of `n_articles` listed posts (good and bad), ids up to `last_no`, the newest
    dated `end`, about 25 a day (18 to 32), weekends included."""
    if n_articles < 1:
        raise ValueError("n_articles must be >= 1")
    rng = random.Random(seed)
    first = last_no - n_articles + 1
    days: list[date] = []
    day = end
    while len(days) < n_articles:
        days.extend([day] * rng.randint(18, 32))
        day -= timedelta(days=1)
    days = days[:n_articles][::-1]
    posts = [
        Post(
            no=first + i,
            posted=days[i],
            hits=rng.randint(30, 900) + int(rng.random() ** 4 * 9000),
            session=_sid(first + i),
        )
        for i in range(n_articles)
    ]
    for i, kind in bad_positions(n_articles, set(), BAD_PLACES).items():
        posts[i].kind = kind
    return TradeNewsBoard(posts, seed=seed, pinned=pinned)


__all__ = ["TradeNewsBoard", "build_tradenews"]
