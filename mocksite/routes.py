"""Which page answers which request: the routing table of a ``MockSite``.

``Routes.answer`` tries, in order: the news board at the current template's
paths, the news board at the old paths (or what a moved board left there),
KITA Insights at both its paths, the Photo Gallery, then the site's own
pages (robots.txt, the home page) and 404. Article requests go through the
site's faults and one-shot answers first. Every page is rendered once and
kept in ``PageCache`` until the board changes.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from mocksite.boards import InsightsBoard, PhotoBoard
from mocksite.boards.tradenews import TradeNewsBoard
from mocksite.faults import SERVE_NORMALLY
from mocksite.kinds import FLAKY
from mocksite.markup.answers import error_page, scripted
from mocksite.markup.current import PAGE_UNITS
from mocksite.markup.current.sessions import COOKIE
from mocksite.markup.older.section import INSIGHTS, PHOTOS
from mocksite.markup.varied import markup_for
from mocksite.model import Page
from mocksite.posts import PAGE_SIZE
from mocksite.serving import Request
from mocksite.urls import (
    FILE_PATH,
    INSIGHTS_PATHS,
    LIST_PATH,
    PHOTO_PATHS,
    TRADENEWS_PATHS,
    VIEW_PATH,
    ServedPaths,
)

if TYPE_CHECKING:
    from mocksite.server import MockSite

ROBOTS_TXT = b"User-agent: *\nDisallow: /cmm/\n"
# robots.txt of a site that keeps crawlers off the Korean trade news.
ROBOTS_REFUSING = b"User-agent: *\nDisallow: /cmm/\nDisallow: /board/totalTradeNews/\n"
SESSION_COOKIE_RE = re.compile(rf"(?:^|;)\s*{COOKIE}=")
OLD_PATHS = frozenset({LIST_PATH, VIEW_PATH})
HOME_HTML = (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>KITA</title></head>\n'
    '<body><a href="/about/newsList.do">KITA News</a></body></html>\n'
)
# The older home page's links to the other boards, when they are served.
HOME_LINKS = {
    "insights": ("KITA Insights", INSIGHTS_PATHS.list_path),
    "photos": ("Photo Gallery", PHOTOS.list_path),
}
# Where the Korean trade news lives on the (imitated) site.
TRADENEWS_FOLDER = "/board/totalTradeNews/"
# The Photo Gallery's 2020 paths, as its cards lists lead to them.
OLDER_PHOTO_PATHS = ServedPaths(PHOTOS.list_path, PHOTOS.view_path, PHOTOS.id_param)
# Marks "this part of the site does not serve the path" while routing a request.
_ELSEWHERE = Page(0, "", b"")


class PageCache:
    """Rendered pages by key, until ``clear``; its lock also guards changes of the boards."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self._pages: dict[tuple[Any, ...], Page] = {}

    def get(self, key: tuple[Any, ...], render: Callable[[], Page]) -> Page:
        page = self._pages.get(key)
        if page is None:
            # Rendering under the lock keeps a page from outliving a change of the board.
            with self.lock:
                page = self._pages.get(key)
                if page is None:
                    page = render()
                    self._pages[key] = page
        return page

    def clear(self) -> None:
        with self.lock:
            self._pages.clear()


def number(params: dict[str, list[str]], name: str) -> int | None:
    """The first value of parameter `name` as an integer; None when absent or not a number."""
    values = params.get(name)
    if not values:
        return None
    try:
        return int(values[0].strip())
    except ValueError:
        return None


def file_page(name: str) -> Page:
    """A small attachment, whatever file is asked for."""
    body = f"%PDF-1.4\n% kitacrawl mocksite attachment {name}\n%%EOF\n".encode()
    disposition = ("Content-Disposition", 'attachment; filename="attachment.pdf"')
    return Page(200, "application/octet-stream", body, (disposition,))


class Routes:
    """The answers of `site`: its boards' pages at their paths, its own pages, 404 else."""

    def __init__(self, site: MockSite) -> None:
        self.site = site
        self.cache = PageCache()

    def _article(self, render: Callable[[], Page]) -> Callable[[], Page]:
        """An article page's renderer; on a drifted site, the page as its redesign's script
        renders it (see ``scripted``)."""
        if not self.site.drift:
            return render
        return lambda: scripted(render())

    def answer(self, request: Request) -> Page | None:
        """The answer for `request`; None when the connection was dropped instead."""
        path, params = request.path, request.params
        if self.site.refuse == "403":
            return error_page(403)
        sessions = not SESSION_COOKIE_RE.search(request.cookie)
        if self.site.tradenews is not None and path.startswith(TRADENEWS_FOLDER):
            return self._tradenews(self.site.tradenews, path, params)
        page = self._current_news(request, sessions)
        if page is _ELSEWHERE:
            page = self._older_news(request)
        site = self.site
        if page is _ELSEWHERE and site.insights is not None:
            page = self._insights(site.insights, path, params, sessions)
        if page is _ELSEWHERE and site.photos is not None:
            page = self._photos(site.photos, path, params, sessions)
        if page is _ELSEWHERE:
            page = self._site(path, sessions)
        return page

    # -- the news board ---------------------------------------------------------------

    def _current_news(self, request: Request, sessions: bool) -> Page | None:
        """The current template's board pages and files; ``_ELSEWHERE`` for other paths."""
        paths, path, params = self.site.paths, request.path, request.params
        if paths is None:
            return _ELSEWHERE
        if path == paths.detail_path:
            no = number(params, paths.id_param)
            return error_page(404) if no is None else self.site._article(request, no, sessions)
        if path == paths.list_path:
            unit = number(params, "pageUnit")
            page_index = number(params, "pageIndex") or 1
            return self._current_list(
                page_index, unit if unit in PAGE_UNITS else PAGE_UNITS[0], sessions
            )
        if path == paths.file_path and params.get("fileSeq") and params.get("fileDtlSeq"):
            return file_page(params["fileSeq"][0])
        return _ELSEWHERE

    def _older_news(self, request: Request) -> Page | None:
        """The older template's board pages and files, or what a moved board left there."""
        path, params = request.path, request.params
        if not self.site.serves_older:
            return self._moved_away(path)
        if path == VIEW_PATH:
            no = number(params, "no")
            return error_page(404) if no is None else self.site._article(request, no)
        if path == LIST_PATH:
            return self.site._list(number(params, "pageIndex") or 1)
        if path == FILE_PATH and params.get("atchFileId"):
            return file_page(params["atchFileId"][0])
        return _ELSEWHERE

    def _moved_away(self, path: str) -> Page:
        """What the old board paths answer once the board moved: 404, or a redirect home."""
        moved = self.site.moved
        if moved is None or path not in OLD_PATHS:
            return _ELSEWHERE
        if moved == "home":
            return Page(302, "text/html", b"", (("Location", f"{self.site.base_url}/"),))
        return error_page(404)

    def news_list(self, page_index: int) -> Page:
        """The list page `page_index` at the old paths (see ``MockSite._list``): the older
        template's, or the made-up markup's when it is the site's and covers lists."""
        site = self.site
        page_index = max(page_index, 1)
        past = page_index > site.board.list_pages
        if site.paths is None and site.markup_covers("list"):
            return self._markup_list(page_index, PAGE_SIZE, past)
        # Every page past the end answers the same, so they share one cache entry.
        key = ("list", "past" if past else page_index)
        return self.cache.get(
            key, lambda: site.board.list_page(page_index, site.options, drift=site.drift)
        )

    def _current_list(self, page_index: int, unit: int, sessions: bool) -> Page:
        site = self.site
        paths = site.paths
        assert paths is not None
        page_index = max(page_index, 1)
        past = page_index > -(-len(site.board) // unit)
        if site.markup_covers("list"):
            return self._markup_list(page_index, unit, past)
        key = ("current list", "past" if past else page_index, unit, sessions)
        return self.cache.get(
            key,
            lambda: site.board.current_list_page(
                page_index, site.options, paths, sessions=sessions, drift=site.drift, size=unit
            ),
        )

    def _markup_list(self, page_index: int, unit: int, past: bool) -> Page:
        """A list page in the site's made-up markup (session ids its own, whatever the cookie)."""
        site = self.site
        markup = site.markup
        assert markup is not None
        key = ("markup list", "past" if past else page_index, unit)
        return self.cache.get(
            key,
            lambda: site.board.markup_list_page(
                page_index, site.options, markup, site.place, size=unit
            ),
        )

    def article(self, request: Request, no: int, sessions: bool | None = None) -> Page | None:
        """The answer for article `no`; None when the connection was dropped instead
        (see ``MockSite._article``).

        `sessions` None: the older template's page; else the current template's,
        with session ids in its URLs when True.
        """
        site = self.site
        post = site.board.post(no)
        if post is not None and post.kind == FLAKY and site.once.first(FLAKY, no):
            return error_page(503)
        key: tuple[Any, ...]
        render: Callable[[], Page]
        # The made-up markup is at the site's own paths: the old ones when they are its.
        primary = (sessions is None) == (site.paths is None)
        if primary and site.markup is not None and site.markup_covers("article"):
            key = ("markup view", no)
            render = partial(site.board.markup_view_page, no, site.markup, site.place)
        elif sessions is None:
            key = ("view", no)
            render = self._article(partial(site.board.view_page, no, drift=site.drift))
        else:
            paths = site.paths
            assert paths is not None
            key = ("current view", no, sessions)
            render = self._article(
                partial(
                    site.board.current_view_page, no, paths, sessions=sessions, drift=site.drift
                )
            )
        fault = site.faults.of(no)
        if fault is not None:
            page = site.faults.answer(
                fault,
                no,
                request,
                base_url=site.base_url,
                cached=lambda name, make: self.cache.get((name, *key), make),
                render=render,
            )
            if page is not SERVE_NORMALLY:
                return page
        return self.cache.get(key, render)

    # -- the other boards -------------------------------------------------------------

    def _insights(
        self, insights: InsightsBoard, path: str, params: dict[str, list[str]], sessions: bool
    ) -> Page:
        """KITA Insights at its older and newer paths; ``_ELSEWHERE`` for other paths."""
        site = self.site
        if path in {INSIGHTS.view_path, INSIGHTS_PATHS.detail_path}:
            no = number(params, INSIGHTS_PATHS.id_param)
            generation = "older" if path == INSIGHTS.view_path else "current"
            if no is None or not insights.served_at(no, generation, split=site.insights_split):
                return error_page(404)
            return self._insights_view(insights, no, generation, sessions)
        if path == INSIGHTS.list_path or (
            path == INSIGHTS_PATHS.list_path and site.insights_newer_list
        ):
            return self._insights_list(insights, path, params, sessions)
        return error_page(404) if path == INSIGHTS_PATHS.list_path else _ELSEWHERE

    def _insights_view(
        self, insights: InsightsBoard, no: int, generation: str, sessions: bool
    ) -> Page:
        site = self.site
        if generation == "older":
            render = self._article(partial(insights.older_view_page, no, drift=site.drift))
            return self.cache.get(("insights view", no), render)
        render = self._article(
            partial(
                insights.newer_view_page,
                no,
                sessions=sessions,
                drift=site.drift,
                badges=site.insights_badges,
                menu=site.menu_paths,
            )
        )
        return self.cache.get(("insights current view", no, sessions), render)

    def _insights_list(
        self, insights: InsightsBoard, path: str, params: dict[str, list[str]], sessions: bool
    ) -> Page:
        site = self.site
        page_index = max(number(params, "pageIndex") or 1, 1)
        if path == INSIGHTS.list_path:
            past = page_index > insights.list_pages
            render = partial(
                insights.older_list_page, page_index, site.board_options, drift=site.drift
            )
            return self.cache.get(("insights list", "past" if past else page_index), render)
        unit = number(params, "pageUnit")
        unit = unit if unit in PAGE_UNITS else PAGE_UNITS[0]
        past = page_index > -(-len(insights) // unit)
        render = partial(
            insights.newer_list_page,
            page_index,
            site.board_options,
            sessions=sessions,
            drift=site.drift,
            size=unit,
            menu=site.menu_paths,
        )
        key = ("insights current list", "past" if past else page_index, unit, sessions)
        return self.cache.get(key, render)

    def _photos(
        self, photos: PhotoBoard, path: str, params: dict[str, list[str]], sessions: bool
    ) -> Page:
        """The Photo Gallery at its older and newer paths; ``_ELSEWHERE`` for other paths."""
        mode = self.site.photo_paths
        page = _ELSEWHERE
        if mode in ("older", "both"):
            page = self._older_photos(photos, path, params)
        if page is _ELSEWHERE and mode in ("both", "newer"):
            page = self._newer_photos(photos, path, params, sessions)
        return page

    def _older_photos(self, photos: PhotoBoard, path: str, params: dict[str, list[str]]) -> Page:
        """The Photo Gallery's 2020 paths, in the older template."""
        site = self.site
        if path == PHOTOS.view_path:
            no = number(params, PHOTOS.id_param)
            if no is None:
                return error_page(404)
            render = self._article(partial(photos.view_page, no, drift=site.drift))
            return self.cache.get(("photos view", no), render)
        if path == PHOTOS.list_path:
            page_index = max(number(params, "pageIndex") or 1, 1)
            past = "past" if page_index > photos.list_pages else page_index
            if site.gallery != "board_grid":
                return self._gallery(photos, page_index, past, OLDER_PHOTO_PATHS)
            render = partial(photos.list_page, page_index, site.board_options, drift=site.drift)
            return self.cache.get(("photos list", past), render)
        return _ELSEWHERE

    def _newer_photos(
        self, photos: PhotoBoard, path: str, params: dict[str, list[str]], sessions: bool
    ) -> Page:
        """The Photo Gallery's 2023 paths, in the current template."""
        site = self.site
        if path == PHOTO_PATHS.detail_path:
            no = number(params, PHOTO_PATHS.id_param)
            if no is None:
                return error_page(404)
            render = self._article(
                partial(
                    photos.newer_view_page,
                    no,
                    sessions=sessions,
                    drift=site.drift,
                    menu=site.menu_paths,
                )
            )
            return self.cache.get(("photos current view", no, sessions), render)
        if path != PHOTO_PATHS.list_path:
            return _ELSEWHERE
        page_index = max(number(params, "pageIndex") or 1, 1)
        if site.gallery != "board_grid":
            past = "past" if page_index > photos.list_pages else page_index
            return self._gallery(photos, page_index, past, PHOTO_PATHS)
        unit = number(params, "pageUnit")
        unit = unit if unit in PAGE_UNITS else PAGE_UNITS[0]
        late = page_index > -(-len(photos) // unit)
        render = partial(
            photos.newer_list_page,
            page_index,
            site.board_options,
            sessions=sessions,
            drift=site.drift,
            size=unit,
            menu=site.menu_paths,
        )
        key = ("photos current list", "past" if late else page_index, unit, sessions)
        return self.cache.get(key, render)

    def _gallery(
        self, photos: PhotoBoard, page_index: int, past: int | str, paths: ServedPaths
    ) -> Page:
        """A Photo Gallery list as a grid of cards leading to `paths`' detail pages."""
        site = self.site
        # The chrome's names: the site's made-up markup, or a fixed one.
        markup = site.markup or markup_for(0)
        render = partial(
            photos.gallery_page, page_index, site.board_options, site.gallery, markup, paths
        )
        return self.cache.get(("photos gallery", paths.list_path, past), render)

    # -- KITA's Korean trade news ---------------------------------------------------------

    def _tradenews(self, board: TradeNewsBoard, path: str, params: dict[str, list[str]]) -> Page:
        """The trade news' list, articles and files; 404 for other paths of its folder.

        Pages are written for every request and never kept (20,000 articles would
        fill memory); the board's lock keeps a page from meeting a board half changed.
        """
        paths = TRADENEWS_PATHS
        with self.cache.lock:
            if path == paths.detail_path:
                no = number(params, paths.id_param)
                if no is None:
                    return error_page(404)
                return board.view_page(no, number(params, "siteId"), paths)
            if path == paths.list_path:
                unit = number(params, "pageUnit")
                unit = unit if unit in PAGE_UNITS else PAGE_UNITS[0]
                return board.list_page(max(number(params, "pageIndex") or 1, 1), paths, size=unit)
        if path == paths.file_path and params.get("fileSeq") and params.get("fileDtlSeq"):
            return file_page(params["fileSeq"][0])
        return error_page(404)

    # -- the site's own pages -----------------------------------------------------------

    def _site(self, path: str, sessions: bool) -> Page:
        """What is there whatever the board: robots.txt, the home page; else 404."""
        site = self.site
        if path == "/robots.txt":
            refusing = site.refuse == "robots"
            return Page(200, "text/plain", ROBOTS_REFUSING if refusing else ROBOTS_TXT)
        if path in {"/", "/index.do"}:
            paths = site.paths
            if paths is None:
                text = home_html(site.boards, newer_photos=site.photo_paths != "older")
                return Page(200, "text/html;charset=UTF-8", text.encode())
            return self.cache.get(
                ("home", sessions), lambda: site.board.home_page(paths, sessions=sessions)
            )
        return error_page(404)


def home_html(boards: tuple[str, ...], *, newer_photos: bool = False) -> str:
    """The older site's home page: a link to each board served (`newer_photos`: the Photo
    Gallery's at its 2023 path)."""
    where = dict(HOME_LINKS)
    if newer_photos:
        where["photos"] = ("Photo Gallery", PHOTO_PATHS.list_path)
    links = " ".join(
        f'<a href="{where[name][1]}">{where[name][0]}</a>' for name in boards if name in where
    )
    return HOME_HTML.replace("</a></body>", f"</a> {links}</body>") if links else HOME_HTML
