"""An offline imitation of www.kita.org's English news board, served on 127.0.0.1.

The fake site answers like the real one as far as the site contract knows it.
In the older template (``template="older"``, the default, 2017-2022):

- ``/robots.txt``: everything allowed except the file servlet under ``/cmm/``.
- ``/about/newsList.do?pageIndex=N`` (``id=`` and ``searchWrd=`` accepted and
  ignored; no pageIndex means 1): the news list, newest first, 10 rows a page,
  ``<p class="total">``, ``<table class="board_list">`` whose No. column is a
  row counter rather than the id, row links as plain hrefs, hrefs with a
  ``;JSESSIONID_ORG=...Hyper`` session, ``fn_view('N')`` handlers on the link
  or on the row, optional date and hit columns, pinned notice rows on top of
  every page, and an eGov paging bar (first/numbers/last, or only the current
  block of ten and an arrow to the next). Past the last page it answers an
  empty list ("No posts."), the last page again, or the first page again.
- ``/about/newsView.do?no=N`` (other parameters ignored): an article page in
  one of the site's 2017-2022 layouts (see ``markup/older/``), or one of its bad
  pages: 404 for a listed post that is gone, a page that is only an alert for
  a deleted post, a page cut off in the middle, a 500, a page with an empty
  title or an empty body, and a 503 on the first request of a flaky post.
  Ids that never existed answer 404.
- ``/cmm/fms/FileDown.do?atchFileId=...&fileSn=0``: a small binary file.
- ``/``: a small home page linking to the news list.

In the current template (``template="current"``: KITA's framework as kita.net
shows it in 2026, see ``markup/current/``), at the paths of a ``BoardPaths``
(by default ``/board/kitaNews/kitaNewsList.do`` and
``/board/kitaNews/kitaNewsDetail.do?no=N``, the id parameter's name an option):

- the list answers a GET with ``pageIndex=N`` in the query and the form's POST
  with it in the body alike (``pageUnit`` 10, 20, 50 or 100 sets the rows a
  page); rows, paging and neighbours are ``goDetailPage('N', '2')`` and
  ``goPage(n)`` handlers; past the last page it answers as the older list does;
- the detail page takes the id from the query or the POST body, ``siteId`` and
  list state ignored; the same bad pages as the older template, with the same
  problem kinds (the deleted post's page is only a ``dlgAlert`` script, the
  truncated one stops before its footer);
- ``fileDownload.do?fileSeq=...&fileDtlSeq=...`` beside the detail page: a
  small binary file;
- ``/`` (and ``/index.do``): a home page carrying the site's mega-menu, which
  names every board's list path, the news board's included;
- a request without the ``JSESSIONID_ORG`` cookie gets a ``Set-Cookie`` and a
  page whose URLs carry ``;JSESSIONID_ORG=<32 hex>.Hyper``; with the cookie,
  a page without session ids.

The old paths meanwhile still serve the older template (the site in
transition, as seen for KITA Insights in late 2022), unless the board moved:
with ``moved="404"`` (or ``True``) they answer 404, with ``moved="home"`` a
302 to ``/``, and only the new paths serve the board.

With ``boards=("news", "insights", "photos")`` the site also serves the two
other English boards (``boards/``), each with its own id sequence, bad pages
and truth (``ground_truth(board="insights")``):

- KITA Insights: the older list ``/global/insightsList.do?pageIndex=N`` and
  item ``/global/insightsView.do?insightsId=N`` in the older template, the
  newer list ``/kitaInsights/kitaInsightsList.do`` (GET or POST, ``pageUnit``)
  and item ``/kitaInsights/kitaInsightsDetail.do?insightsId=N`` in the
  current one (session ids and the cookie as above); one board at both,
  canonical at the newer path. ``insights_split``, ``insights_newer_list``
  and ``insights_badges`` say which path answers which id, whether the newer
  list answers at all, and whether the newer pages show a date;
- the Photo Gallery: ``/about/photoList.do?pageIndex=N`` (a grid of
  thumbnails) and ``/about/photoView.do?photonewsId=N`` in the older
  template, items whose images are their content.

A ``;JSESSIONID_ORG=...`` (or any ``;jsessionid...``) path parameter is
ignored on every path, as the servlet container does. Every answer is
HTTP/1.1 with keep-alive and a Content-Length. Pages are rendered once and
cached until the board changes. Optional faults for reliability tests hit a
few fixed article ids (``fault_targets()``) in either template; with
``drift=True`` every page comes in a renamed markup that a crawler written
for the contract cannot read. ``publish``, ``bump_hits`` and ``edit`` change
the board while it is served; ``ground_truth()`` always describes what a
correct crawl of the current board yields.
"""

from __future__ import annotations

import contextlib
import json
import random
import re
import socket
import struct
import threading
from collections.abc import Callable, Iterable
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

from mocksite.board import TEMPLATES, Board
from mocksite.boards import InsightsBoard, PhotoBoard, build_insights, build_photos
from mocksite.kinds import FLAKY
from mocksite.markup.answers import REASONS, error_page
from mocksite.markup.current import PAGE_UNITS
from mocksite.markup.current.menu import board_list_paths
from mocksite.markup.current.sessions import COOKIE
from mocksite.markup.older.section import INSIGHTS, PHOTOS
from mocksite.model import (
    LIST_LINK_MODES,
    PAGING_STYLES,
    PAST_END_MODES,
    ListOptions,
    Page,
)
from mocksite.requestlog import RequestLog
from mocksite.urls import (
    BOARD_NAME,
    BOARD_NAMES,
    CURRENT_PATHS,
    FILE_PATH,
    INSIGHTS_NAME,
    INSIGHTS_PATHS,
    LIST_PATH,
    PHOTOS_NAME,
    VIEW_PATH,
    BoardPaths,
)

# Fault name -> problem kind a correct crawler records (None: it recovers the article).
FAULTS: dict[str, str | None] = {
    "slow": "timeout",
    "reset": "connection",
    "429": None,
    "offsite_redirect": "offsite_redirect",
    "redirect_loop": "redirect_loop",
    "oversize": "too_large",
    "content_type": "not_html",
}
OFFSITE_URL = "http://example.invalid/"
OVERSIZE_BYTES = 3 * 1024 * 1024
SESSION_RE = re.compile(r";jsessionid[_a-z]*=[^/?#;]*", re.IGNORECASE)
SESSION_COOKIE_RE = re.compile(rf"(?:^|;)\s*{COOKIE}=")
# What ``moved`` may be, and what each value means for the old paths.
MOVED_MODES: dict[object, str | None] = {False: None, True: "404", "404": "404", "home": "home"}
ROBOTS_TXT = b"User-agent: *\nDisallow: /cmm/\n"
# Marks "the fault lets this request through" (a 429 target after its first answer).
_SERVE_NORMALLY = Page(0, "", b"")
# Marks "this part of the site does not serve the path" while routing a request.
_ELSEWHERE = Page(0, "", b"")
HOME_HTML = (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>KITA</title></head>\n'
    '<body><a href="/about/newsList.do">KITA News</a></body></html>\n'
)
# The older home page's links to the other boards, when they are served.
HOME_LINKS = {
    INSIGHTS_NAME: f'<a href="{INSIGHTS_PATHS.list_path}">KITA Insights</a>',
    PHOTOS_NAME: f'<a href="{PHOTOS.list_path}">Photo Gallery</a>',
}
# Where the current template's menu finds the news board when the site serves its older pages.
OLDER_NEWS_PATHS = BoardPaths(LIST_PATH, VIEW_PATH)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # A benchmark opens many connections at once.
    request_queue_size = 128

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients hang up mid-answer all the time (timeouts, resets); that is not news.
        pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Idle keep-alive connections are dropped after this many seconds.
    timeout = 60
    site: ClassVar[MockSite]

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in one write; no Nagle delay on keep-alive connections.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.site._track(self.connection, add=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.site._track(self.connection, add=False)

    def do_GET(self) -> None:
        self.site._serve(self, head=False)

    def do_HEAD(self) -> None:
        self.site._serve(self, head=True)

    def do_POST(self) -> None:
        # eGov forms post the same parameters the links carry.
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.site._serve(self, head=False, body=body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def _first(params: dict[str, list[str]], name: str) -> int | None:
    values = params.get(name)
    if not values:
        return None
    try:
        return int(values[0].strip())
    except ValueError:
        return None


def _oversize(page: Page) -> Page:
    """The page padded with a comment to OVERSIZE_BYTES."""
    filler = OVERSIZE_BYTES - len(page.body)
    padding = b"<!-- " + b"x" * max(filler, 0) + b" -->\n"
    body = page.body.replace(b"</body>", padding + b"</body>", 1)
    return Page(page.status, page.content_type, body, page.headers)


def _file(name: str) -> Page:
    body = f"%PDF-1.4\n% kitacrawl mocksite attachment {name}\n%%EOF\n".encode()
    disposition = ("Content-Disposition", 'attachment; filename="attachment.pdf"')
    return Page(200, "application/octet-stream", body, (disposition,))


def _binary(no: int) -> Page:
    noise = random.Random(no).randbytes(4096)
    return Page(200, "application/octet-stream", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise)


class MockSite:
    """The imitation of the site, serving `board` over HTTP on 127.0.0.1.

    past_end: what a list page beyond the last answers: "empty" (a "No posts."
        row), "last" (the last page again) or "first" (page 1 again).
    list_links: how list rows link to articles: "href", "onclick" (an
        ``fn_view('N')`` handler on the link) or "mixed" (plain href, href with
        a session id, onclick on the link, onclick on the row).
    paging: "last" (first / numbered block / last links) or "blocks" (only the
        current block of ten and an arrow to the next block).
    list_columns: False drops the list's date and hit columns.
    pinned: how many old articles are pinned as notices on top of every list page.
    faults: names from FAULTS, each applied to the ids in ``fault_targets()``.
    drift: serve every page in a changed markup (no article should be extracted).
    slow_seconds: how long a "slow" target stalls before it answers; set it
        above the crawler's download timeout.
    template: "older" (the 2017-2022 pages at /about/...) or "current" (the
        current framework's pages at `list_path` and `detail_path`); None:
        "current" when `moved`, else "older".
    list_path, detail_path, id_param: where the current template serves the
        board, and the name of its article id parameter; None: the defaults of
        ``urls.CURRENT_PATHS`` (``/board/kitaNews/kitaNewsList.do``,
        ``/board/kitaNews/kitaNewsDetail.do``). The older template has its own.
        Given the old paths, the current template takes them over (the markup
        changed, the URLs did not).
    moved: the board left the old paths, which answer 404 ("404" or True) or
        redirect to the home page ("home"); False: they still serve the older
        template beside the current one.

    boards: the boards served, from "news", "insights", "photos" (the news
        board always): KITA Insights and the Photo Gallery beside the news
        board (``boards/``), each with its own ids, paths and truth
        (``ground_truth(board=...)``).
    insights, photos: those boards as built (default: ``build_insights()`` and
        ``build_photos()`` with the news board's seed); giving one serves it.
    insights_split: items posted before KITA Insights moved (October 2022)
        answer only at the older path and later ones only at the newer path
        (the other path answers 404); False: both paths answer every id.
    insights_newer_list: False makes the newer list path answer 404, so that
        only the older list lists the items.
    insights_badges: the newer path's pages show the current template's date
        and view badges (default: no date at all, as stored pages show).

    In the current template, `list_links` "mixed" varies the rows' goDetailPage
    calls (any other value writes one form), `past_end` "empty" is a list with
    a single ``li.no-data``, and `paging` is not used: the framework always
    writes its bar of blocks of ten. The list options apply to the other
    boards' lists too (without pinned notices); faults, ``publish``,
    ``bump_hits`` and ``edit`` only to the news board.
    """

    def __init__(
        self,
        board: Board,
        *,
        port: int = 0,
        past_end: str = "empty",
        list_links: str = "mixed",
        paging: str = "last",
        list_columns: bool = True,
        pinned: int = 2,
        faults: frozenset[str] | set[str] | tuple[str, ...] = frozenset(),
        drift: bool = False,
        slow_seconds: float = 3.0,
        template: str | None = None,
        list_path: str | None = None,
        detail_path: str | None = None,
        id_param: str = "no",
        moved: bool | str = False,
        boards: Iterable[str] = (BOARD_NAME,),
        insights: InsightsBoard | None = None,
        photos: PhotoBoard | None = None,
        insights_split: bool = False,
        insights_newer_list: bool = True,
        insights_badges: bool = False,
    ) -> None:
        self.moved, self.template, self.paths = _where(
            template, list_path, detail_path, id_param, moved
        )
        self.boards = _served(boards, insights, photos)
        if INSIGHTS_NAME in self.boards:
            self.insights: InsightsBoard | None = insights or build_insights(seed=board.seed)
        else:
            self.insights = None
            if insights_split or not insights_newer_list or insights_badges:
                raise ValueError("the insights options need the insights board served")
        self.photos: PhotoBoard | None = (
            (photos or build_photos(seed=board.seed)) if PHOTOS_NAME in self.boards else None
        )
        self.insights_split = insights_split
        self.insights_newer_list = insights_newer_list
        self.insights_badges = insights_badges
        # The old paths keep the older pages unless the board moved or the current one took them.
        self.serves_older = self.paths is None or (
            self.moved is None and not {self.paths.list_path, self.paths.detail_path} & OLD_PATHS
        )
        for name, value, allowed in (
            ("past_end", past_end, PAST_END_MODES),
            ("list_links", list_links, LIST_LINK_MODES),
            ("paging", paging, PAGING_STYLES),
        ):
            if value not in allowed:
                raise ValueError(f"{name} must be one of {allowed}, not {value!r}")
        unknown = set(faults) - set(FAULTS)
        if unknown:
            raise ValueError(f"unknown faults {sorted(unknown)}; known: {sorted(FAULTS)}")
        self.board = board
        self.faults = frozenset(faults)
        self.drift = drift
        self.slow_seconds = slow_seconds
        quiet = board.quiet_nos()
        # Old articles, so that their normal rows sit on later pages.
        self.pinned_nos = tuple(quiet[len(quiet) // 10 :: 3][:pinned])
        self.options = ListOptions(past_end, list_links, paging, list_columns, self.pinned_nos)
        # The other boards' lists: the same forms, no pinned notices.
        self.board_options = ListOptions(past_end, list_links, paging, list_columns)
        self._all_targets = self._choose_targets([no for no in quiet if no not in self.pinned_nos])
        self._fault_of = {
            no: name for name, nos in self._all_targets.items() if name in self.faults for no in nos
        }
        self.requests = RequestLog()
        self._port = port
        self._lock = threading.RLock()
        self._cache: dict[tuple[Any, ...], Page] = {}
        self._answered: set[tuple[str, int]] = set()
        self._connections: set[socket.socket] = set()
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    def _choose_targets(self, candidates: list[int]) -> dict[str, list[int]]:
        """A few ids per fault, spread over the board; the same whichever faults are on."""
        per_fault = min(3, 1 + len(self.board) // 500)
        wanted = min(len(FAULTS) * per_fault, len(candidates))
        picks = [candidates[int((j + 0.5) * len(candidates) / wanted)] for j in range(wanted)]
        targets: dict[str, list[int]] = {name: [] for name in FAULTS}
        for j, no in enumerate(picks):
            targets[list(FAULTS)[j % len(FAULTS)]].append(no)
        return targets

    # -- life cycle ---------------------------------------------------------------

    def start(self) -> MockSite:
        if self._server is not None:
            return self
        handler = type("Handler", (_Handler,), {"site": self})
        self._stopping.clear()
        self._server = _Server(("127.0.0.1", self._port), handler)
        self._port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"kitacrawl-mocksite-{self._port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        server, thread = self._server, self._thread
        if server is None:
            return
        self._stopping.set()
        server.shutdown()
        server.server_close()
        # Wake the threads that sit on idle keep-alive connections.
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        if thread is not None:
            thread.join(timeout=5)
        self._server = self._thread = None

    def __enter__(self) -> MockSite:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if not self._port:
            raise RuntimeError("MockSite is not started")
        return self._port

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _track(self, connection: socket.socket, *, add: bool) -> None:
        with self._lock:
            if add:
                self._connections.add(connection)
            else:
                self._connections.discard(connection)

    # -- what the crawler should find -----------------------------------------------

    @property
    def menu_paths(self) -> BoardPaths:
        """Where the current template's mega-menu finds the news board on this site."""
        return self.paths or OLDER_NEWS_PATHS

    def menu_list_paths(self) -> list[str]:
        """The board list paths the current template's menu names (the news board's included).

        Empty for the older template, whose pages carry no such menu.
        """
        return [] if self.paths is None else board_list_paths(self.paths)

    def fault_targets(self) -> dict[str, list[int]]:
        """Article ids each enabled fault applies to."""
        return {name: list(nos) for name, nos in self._all_targets.items() if name in self.faults}

    def ground_truth(
        self,
        base_url: str | None = None,
        *,
        template: str | None = None,
        board: str = BOARD_NAME,
    ) -> dict[str, Any]:
        """The ground truth of `board` (default: the news board, the enabled faults'
        articles turned into problems).

        `template`: the truth of a crawl of that template's news pages (default:
        the site's); "older" on a current site is what its old paths still
        serve. The other boards have no choice of template: a crawler ends on
        the pages it ends on (see ``boards/insights.py``).
        """
        base = base_url or self.base_url
        if board != BOARD_NAME:
            if template is not None:
                raise ValueError("only the news board's truth has a template to choose")
            return self._board_truth(board, base)
        template = template or self.template
        if template == "older" and not self.serves_older:
            raise ValueError("this site does not serve the older template")
        with self._lock:
            truth = self.board.ground_truth(
                base, template=template, paths=self.paths or CURRENT_PATHS
            )
        if self.drift:
            return _drifted(truth)
        truth = self._counters_seen(truth)
        moved = {no: FAULTS[name] for no, name in self._fault_of.items() if FAULTS[name]}
        problems = list(truth["problems"])
        articles = []
        for article in truth["articles"]:
            kind = moved.get(article["no"])
            if kind is None:
                articles.append(article)
            else:
                problems.append(
                    {"board": BOARD_NAME, "no": article["no"], "url": article["url"], "kind": kind}
                )
        problems.sort(key=lambda p: -p["no"])
        return {
            "board": BOARD_NAME,
            "articles": articles,
            "problems": problems,
            "list_pages": truth["list_pages"],
        }

    def _board_truth(self, name: str, base: str) -> dict[str, Any]:
        """The truth of KITA Insights or the Photo Gallery, as this site serves it."""
        insights, photos = self.insights, self.photos
        with self._lock:
            if name == INSIGHTS_NAME and insights is not None:
                truth = insights.ground_truth(
                    base, split=self.insights_split, badges=self.insights_badges
                )
            elif name == PHOTOS_NAME and photos is not None:
                truth = photos.ground_truth(base)
            else:
                raise ValueError(f"this site does not serve the {name!r} board: {self.boards}")
        return _drifted(truth) if self.drift else self._counters_seen(truth)

    def _counters_seen(self, truth: dict[str, Any]) -> dict[str, Any]:
        """Without the lists' columns, an article whose page shows no date shows no counter
        anywhere: a crawl keeps none (the truths assume lists with counters)."""
        if self.options.columns:
            return truth
        articles = [
            {**article, "hits": None} if article["published"] is None else article
            for article in truth["articles"]
        ]
        return {**truth, "articles": articles}

    def ground_truths(self, base_url: str | None = None) -> dict[str, dict[str, Any]]:
        """The ground truth of every board served, by board name."""
        return {name: self.ground_truth(base_url, board=name) for name in self.boards}

    def write_truth(self, path: str | Path) -> None:
        """The news board's truth as JSON; with other boards, ``{"boards": {name: truth}}``."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        truth = (
            self.ground_truth()
            if self.boards == (BOARD_NAME,)
            else {"boards": self.ground_truths()}
        )
        target.write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    # -- changes while serving ------------------------------------------------------

    def publish(self, k: int) -> list[int]:
        """Add `k` new articles on top of the board; returns their ids."""
        with self._lock:
            added = self.board.publish(k)
            self._cache.clear()
        return added

    def bump_hits(self, delta: int | Callable[[int], int]) -> None:
        """Raise every hit counter by `delta`, or by `delta(no)`."""
        with self._lock:
            self.board.bump_hits(delta)
            self._cache.clear()

    def edit(
        self, no: int, *, new_body_paragraph: str | None = None, title: str | None = None
    ) -> None:
        """Append a paragraph to article `no` and/or change its title."""
        with self._lock:
            self.board.edit(no, new_body_paragraph=new_body_paragraph, title=title)
            self._cache.clear()

    def reset_requests(self) -> None:
        self.requests.clear()

    def rearm(self) -> None:
        """Let flaky and 429 targets fail their next first request again."""
        with self._lock:
            self._answered.clear()

    # -- serving --------------------------------------------------------------------

    def _cached(self, key: tuple[Any, ...], render: Callable[[], Page]) -> Page:
        page = self._cache.get(key)
        if page is None:
            # Rendering under the lock keeps a page from outliving a change of the board.
            with self._lock:
                page = self._cache.get(key)
                if page is None:
                    page = render()
                    self._cache[key] = page
        return page

    def _first_time(self, what: str, no: int) -> bool:
        with self._lock:
            if (what, no) in self._answered:
                return False
            self._answered.add((what, no))
            return True

    def _serve(self, handler: _Handler, *, head: bool, body: bytes = b"") -> None:
        target = handler.path
        self.requests.append(target)
        if target.startswith(("http://", "https://")):
            parts = urlsplit(target)
            target = parts.path + (f"?{parts.query}" if parts.query else "")
        path, _, query = target.partition("?")
        path = SESSION_RE.sub("", path)
        params = parse_qs(query, keep_blank_values=True)
        # A form's POST body carries what a link's query would; the query's values come first.
        for name, values in parse_qs(
            body.decode("utf-8", "replace"), keep_blank_values=True
        ).items():
            params.setdefault(name, []).extend(values)
        page = self._route(handler, path, params)
        if page is not None:
            self._send(handler, page, head=head)

    def _route(self, handler: _Handler, path: str, params: dict[str, list[str]]) -> Page | None:
        """The answer for `path` with `params`; None when the connection was dropped instead."""
        sessions = not SESSION_COOKIE_RE.search(handler.headers.get("Cookie") or "")
        page = self._current_route(handler, path, params, sessions)
        if page is _ELSEWHERE:
            page = self._older_route(handler, path, params)
        if page is _ELSEWHERE and self.insights is not None:
            page = self._insights_route(self.insights, path, params, sessions)
        if page is _ELSEWHERE and self.photos is not None:
            page = self._photos_route(self.photos, path, params)
        if page is _ELSEWHERE:
            page = self._site_route(path, sessions)
        return page

    def _current_route(
        self, handler: _Handler, path: str, params: dict[str, list[str]], sessions: bool
    ) -> Page | None:
        """The current template's board pages and files; ``_ELSEWHERE`` for other paths."""
        paths = self.paths
        if paths is None:
            return _ELSEWHERE
        if path == paths.detail_path:
            no = _first(params, paths.id_param)
            return error_page(404) if no is None else self._article(handler, no, sessions)
        if path == paths.list_path:
            unit = _first(params, "pageUnit")
            page_index = _first(params, "pageIndex") or 1
            return self._current_list(
                page_index, unit if unit in PAGE_UNITS else PAGE_UNITS[0], sessions
            )
        if path == paths.file_path and params.get("fileSeq") and params.get("fileDtlSeq"):
            return _file(params["fileSeq"][0])
        return _ELSEWHERE

    def _older_route(
        self, handler: _Handler, path: str, params: dict[str, list[str]]
    ) -> Page | None:
        """The older template's board pages and files, or what a moved board left there."""
        if not self.serves_older:
            return self._moved_away(path)
        if path == VIEW_PATH:
            no = _first(params, "no")
            return error_page(404) if no is None else self._article(handler, no)
        if path == LIST_PATH:
            return self._list(_first(params, "pageIndex") or 1)
        if path == FILE_PATH and params.get("atchFileId"):
            return _file(params["atchFileId"][0])
        return _ELSEWHERE

    def _insights_route(
        self, insights: InsightsBoard, path: str, params: dict[str, list[str]], sessions: bool
    ) -> Page:
        """KITA Insights at its older and newer paths; ``_ELSEWHERE`` for other paths."""
        if path in {INSIGHTS.view_path, INSIGHTS_PATHS.detail_path}:
            no = _first(params, INSIGHTS_PATHS.id_param)
            generation = "older" if path == INSIGHTS.view_path else "current"
            if no is None or not insights.served_at(no, generation, split=self.insights_split):
                return error_page(404)
            return self._insights_view(insights, no, generation, sessions)
        if path == INSIGHTS.list_path or (
            path == INSIGHTS_PATHS.list_path and self.insights_newer_list
        ):
            return self._insights_list(insights, path, params, sessions)
        return error_page(404) if path == INSIGHTS_PATHS.list_path else _ELSEWHERE

    def _insights_view(
        self, insights: InsightsBoard, no: int, generation: str, sessions: bool
    ) -> Page:
        if generation == "older":
            render = partial(insights.older_view_page, no, drift=self.drift)
            return self._cached(("insights view", no), render)
        render = partial(
            insights.newer_view_page,
            no,
            sessions=sessions,
            drift=self.drift,
            badges=self.insights_badges,
            menu=self.menu_paths,
        )
        return self._cached(("insights current view", no, sessions), render)

    def _insights_list(
        self, insights: InsightsBoard, path: str, params: dict[str, list[str]], sessions: bool
    ) -> Page:
        page_index = max(_first(params, "pageIndex") or 1, 1)
        if path == INSIGHTS.list_path:
            past = page_index > insights.list_pages
            render = partial(
                insights.older_list_page, page_index, self.board_options, drift=self.drift
            )
            return self._cached(("insights list", "past" if past else page_index), render)
        unit = _first(params, "pageUnit")
        unit = unit if unit in PAGE_UNITS else PAGE_UNITS[0]
        past = page_index > -(-len(insights) // unit)
        render = partial(
            insights.newer_list_page,
            page_index,
            self.board_options,
            sessions=sessions,
            drift=self.drift,
            size=unit,
            menu=self.menu_paths,
        )
        key = ("insights current list", "past" if past else page_index, unit, sessions)
        return self._cached(key, render)

    def _photos_route(self, photos: PhotoBoard, path: str, params: dict[str, list[str]]) -> Page:
        """The Photo Gallery's pages; ``_ELSEWHERE`` for other paths."""
        if path == PHOTOS.view_path:
            no = _first(params, PHOTOS.id_param)
            if no is None:
                return error_page(404)
            return self._cached(
                ("photos view", no), partial(photos.view_page, no, drift=self.drift)
            )
        if path == PHOTOS.list_path:
            page_index = max(_first(params, "pageIndex") or 1, 1)
            past = page_index > photos.list_pages
            render = partial(photos.list_page, page_index, self.board_options, drift=self.drift)
            return self._cached(("photos list", "past" if past else page_index), render)
        return _ELSEWHERE

    def _moved_away(self, path: str) -> Page:
        """What the old board paths answer once the board moved: 404, or a redirect home."""
        if self.moved is None or path not in OLD_PATHS:
            return _ELSEWHERE
        if self.moved == "home":
            return Page(302, "text/html", b"", (("Location", f"{self.base_url}/"),))
        return error_page(404)

    def _site_route(self, path: str, sessions: bool) -> Page:
        """What is there whatever the board: robots.txt, the home page; else 404."""
        if path == "/robots.txt":
            return Page(200, "text/plain", ROBOTS_TXT)
        if path in {"/", "/index.do"}:
            paths = self.paths
            if paths is None:
                return Page(200, "text/html;charset=UTF-8", _home_html(self.boards).encode())
            return self._cached(
                ("home", sessions), lambda: self.board.home_page(paths, sessions=sessions)
            )
        return error_page(404)

    def _list(self, page_index: int) -> Page:
        page_index = max(page_index, 1)
        # Every page past the end answers the same, so they share one cache entry.
        key = ("list", "past" if page_index > self.board.list_pages else page_index)
        return self._cached(
            key, lambda: self.board.list_page(page_index, self.options, drift=self.drift)
        )

    def _current_list(self, page_index: int, unit: int, sessions: bool) -> Page:
        assert self.paths is not None
        paths = self.paths
        page_index = max(page_index, 1)
        past = page_index > -(-len(self.board) // unit)
        key = ("current list", "past" if past else page_index, unit, sessions)
        return self._cached(
            key,
            lambda: self.board.current_list_page(
                page_index, self.options, paths, sessions=sessions, drift=self.drift, size=unit
            ),
        )

    def _article(self, handler: _Handler, no: int, sessions: bool | None = None) -> Page | None:
        """The answer for article `no`; None when the connection was dropped instead.

        `sessions` None: the older template's page; else the current template's,
        with session ids in its URLs when True.
        """
        post = self.board.post(no)
        if post is not None and post.kind == FLAKY and self._first_time(FLAKY, no):
            return error_page(503)
        key: tuple[Any, ...]
        render: Callable[[], Page]
        if sessions is None:
            key = ("view", no)

            def render() -> Page:
                return self.board.view_page(no, drift=self.drift)
        else:
            key = ("current view", no, sessions)
            paths = self.paths
            assert paths is not None

            def render() -> Page:
                return self.board.current_view_page(no, paths, sessions=sessions, drift=self.drift)

        fault = self._fault_of.get(no)
        if fault is not None:
            page = self._fault_answer(handler, no, fault, key, render)
            if page is not _SERVE_NORMALLY:
                return page
        return self._cached(key, render)

    def _fault_answer(
        self,
        handler: _Handler,
        no: int,
        fault: str,
        key: tuple[Any, ...],
        render: Callable[[], Page],
    ) -> Page | None:
        if fault == "reset":
            self._reset(handler)
            return None
        if fault == "slow":
            return None if self._stopping.wait(self.slow_seconds) else _SERVE_NORMALLY
        if fault == "429":
            if self._first_time("429", no):
                return Page(429, "text/html", b"Too Many Requests\n", (("Retry-After", "1"),))
            return _SERVE_NORMALLY
        answers: dict[str, Callable[[], Page]] = {
            "offsite_redirect": lambda: Page(302, "text/html", b"", (("Location", OFFSITE_URL),)),
            "redirect_loop": lambda: Page(
                302, "text/html", b"", (("Location", self.base_url + handler.path),)
            ),
            "oversize": lambda: self._cached(("oversize", *key), lambda: _oversize(render())),
            "content_type": lambda: self._cached(("binary", no), lambda: _binary(no)),
        }
        return answers[fault]()

    @staticmethod
    def _reset(handler: _Handler) -> None:
        """Drop the connection with a TCP reset and no answer at all."""
        handler.close_connection = True
        with contextlib.suppress(OSError):
            handler.connection.setsockopt(
                socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
            )
            handler.connection.close()

    @staticmethod
    def _send(handler: _Handler, page: Page, *, head: bool) -> None:
        lines = [
            f"HTTP/1.1 {page.status} {REASONS.get(page.status, 'Unknown')}",
            f"Date: {handler.date_time_string()}",
            "Server: WebtoB",
            f"Content-Type: {page.content_type}",
            f"Content-Length: {len(page.body)}",
            *(f"{name}: {value}" for name, value in page.headers),
        ]
        if handler.close_connection:
            lines.append("Connection: close")
        elif handler.request_version == "HTTP/1.0":
            lines.append("Connection: keep-alive")
        data = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        try:
            handler.wfile.write(data if head else data + page.body)
        except OSError:
            handler.close_connection = True


OLD_PATHS = frozenset({LIST_PATH, VIEW_PATH})


def _drifted(truth: dict[str, Any]) -> dict[str, Any]:
    """The truth of a board whose every page drifted: no article, no problem to find."""
    return {
        "board": truth["board"],
        "articles": [],
        "problems": [],
        "list_pages": truth["list_pages"],
        "drift": True,
    }


def _home_html(boards: tuple[str, ...]) -> str:
    """The older site's home page: a link to each board served."""
    links = " ".join(HOME_LINKS[name] for name in boards if name in HOME_LINKS)
    return HOME_HTML.replace("</a></body>", f"</a> {links}</body>") if links else HOME_HTML


def _served(
    boards: Iterable[str], insights: InsightsBoard | None, photos: PhotoBoard | None
) -> tuple[str, ...]:
    """The names of the boards to serve, in the menu's order; a board given is served."""
    names = set(boards) if not isinstance(boards, str) else {boards}
    unknown = names - set(BOARD_NAMES)
    if unknown:
        raise ValueError(f"unknown boards {sorted(unknown)}; known: {list(BOARD_NAMES)}")
    if BOARD_NAME not in names:
        raise ValueError("the news board is always served: boards must include 'news'")
    names |= {INSIGHTS_NAME} if insights is not None else set()
    names |= {PHOTOS_NAME} if photos is not None else set()
    return tuple(name for name in BOARD_NAMES if name in names)


def _where(
    template: str | None,
    list_path: str | None,
    detail_path: str | None,
    id_param: str,
    moved: bool | str,
) -> tuple[str | None, str, BoardPaths | None]:
    """The moved mode, the template and the current template's paths the options ask for."""
    if not isinstance(moved, bool | str) or moved not in MOVED_MODES:
        raise ValueError(f"moved must be False, True, '404' or 'home', not {moved!r}")
    mode = MOVED_MODES[moved]
    template = template or ("current" if mode else "older")
    if template not in TEMPLATES:
        raise ValueError(f"template must be one of {TEMPLATES}, not {template!r}")
    if template == "older":
        if mode:
            raise ValueError("a moved board is served in the current template")
        if list_path or detail_path or id_param != "no":
            raise ValueError("the older template is served at its own paths only")
        return None, template, None
    paths = BoardPaths(
        list_path or CURRENT_PATHS.list_path, detail_path or CURRENT_PATHS.detail_path, id_param
    )
    if mode and {paths.list_path, paths.detail_path} & OLD_PATHS:
        raise ValueError("a moved board needs paths other than the old ones")
    return mode, template, paths
