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
shows it in 2026, see ``markup/current/``), at the paths of a ``ServedPaths``
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
  template, items whose images are their content; with ``photo_paths``
  "both" (or "newer": only these) also ``/photoGallery/photoGalleryList.do``
  and ``/photoGallery/photoGalleryDetail.do?photonewsId=N`` in the current
  template (no date, no counter, as the stored page of 2023 shows),
  canonical there; ``photo_list`` "cards" writes its lists as
  ``ul.gallery_list > li > a`` cards, ``fn_view('N')`` on every other one,
  "div_cards" as cards in a made-up markup.

With ``markup=<seed or Markup>`` the news board's pages at the site's own
paths (the old ones, or the current template's) come in a made-up markup
(``markup/varied/``): list pages and article pages, or only one kind with
``markup_scope="list"`` or ``"article"``. Their links lead to the same
URLs, bad pages stay bad, and ``ground_truth()`` is the template's truth
but where the markup shows less (no counter beside the date: ``hits``
None) and the articles' ``generation`` ("inferred"). The markup's
``gallery`` choice writes the Photo Gallery's lists too, unless
``photo_list`` says otherwise.

A ``;JSESSIONID_ORG=...`` (or any ``;jsessionid...``) path parameter is
ignored on every path, as the servlet container does. Every answer is
HTTP/1.1 with keep-alive and a Content-Length. Pages are rendered once and
cached until the board changes. Optional faults for reliability tests hit a
few fixed article ids (``fault_targets()``) in either template; with
``drift=True`` the site is redesigned beyond reading: its lists in a renamed
markup (read by structure), its article pages rendered by script, the article
only data for it (``markup/answers.scripted``): no crawler of HTML finds an
article, so a crawl ends in drift. ``publish``, ``bump_hits`` and ``edit`` change
the board while it is served; ``ground_truth()`` always describes what a
correct crawl of the current board yields.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType
from typing import Any

from mocksite import truth as truths
from mocksite.boards import InsightsBoard, PhotoBoard, build_insights, build_photos
from mocksite.boards.news import TEMPLATES, NewsBoard
from mocksite.boards.tradenews import TradeNewsBoard, build_tradenews
from mocksite.faults import FAULTS, Faults, Once
from mocksite.markup.current.menu import board_list_paths
from mocksite.markup.varied import Markup, Place, as_markup
from mocksite.markup.varied.gallery import GALLERY_FORMS
from mocksite.model import LIST_LINK_MODES, PAGING_STYLES, PAST_END_MODES, ListOptions, Page
from mocksite.requestlog import RequestLog
from mocksite.routes import OLD_PATHS, Routes
from mocksite.serving import PageServer, Request
from mocksite.urls import (
    BOARD_NAME,
    BOARD_NAMES,
    CURRENT_PATHS,
    INSIGHTS_NAME,
    LIST_PATH,
    PHOTOS_NAME,
    TRADENEWS_NAME,
    VIEW_PATH,
    ServedPaths,
)

__all__ = ["FAULTS", "REFUSALS", "MockSite"]

# How the site may refuse a crawler: 403 on every path (robots.txt too), or a
# robots.txt that disallows the Korean trade news board to every agent.
REFUSALS = ("403", "robots")

# Which of the news board's pages a made-up markup renders: both, its lists, its articles.
MARKUP_SCOPES = ("all", "list", "article")
# Where the Photo Gallery answers: its 2020 paths, those and its 2023 ones, only the 2023 ones.
PHOTO_PATHS_MODES = ("older", "both", "newer")
# What ``moved`` may be, and what each value means for the old paths.
MOVED_MODES: dict[object, str | None] = {False: None, True: "404", "404": "404", "home": "home"}
# Where the current template's menu finds the news board when the site serves its older pages.
OLDER_NEWS_PATHS = ServedPaths(LIST_PATH, VIEW_PATH)


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
    drift: serve the lists in a renamed markup and every article page rendered by script
        (no article can be extracted).
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

    tradenews: KITA's Korean trade news (``boards/tradenews.py``) as built
        (default: ``build_tradenews()`` when "tradenews" is among `boards`;
        giving one serves it), at ``/board/totalTradeNews/...``: the same
        server imitates www.kita.net too.
    refuse: "403" answers 403 to every request (robots.txt included);
        "robots" serves a robots.txt that disallows the trade news board.

    markup: a seed or a ``Markup`` (``markup/varied/``): the news board's pages at
        the site's own paths in that made-up markup; None: in the template's.
    markup_scope: "all", "list" or "article": which of those pages the markup writes.
    photo_paths: "older" (the Photo Gallery at /about/photo*.do), "both" (and at
        /photoGallery/..., canonical there) or "newer" (only there).
    photo_list: how its lists are written: "board_grid" (each path's own
        template), "cards" or "div_cards"; None: the markup's choice, if any.

    In the current template, `list_links` "mixed" varies the rows' goDetailPage
    calls (any other value writes one form), `past_end` "empty" is a list with
    a single ``li.no-data``, and `paging` is not used: the framework always
    writes its bar of blocks of ten. The list options apply to the other
    boards' lists too (without pinned notices); faults, ``publish``,
    ``bump_hits`` and ``edit`` only to the news board.
    """

    def __init__(
        self,
        board: NewsBoard,
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
        markup: int | Markup | None = None,
        markup_scope: str = "all",
        photo_paths: str = "older",
        photo_list: str | None = None,
        tradenews: TradeNewsBoard | None = None,
        refuse: str | None = None,
    ) -> None:
        if refuse is not None and refuse not in REFUSALS:
            raise ValueError(f"refuse must be one of {REFUSALS} or None, not {refuse!r}")
        self.refuse = refuse
        self.moved, self.template, self.paths = _where(
            template, list_path, detail_path, id_param, moved
        )
        if markup_scope not in MARKUP_SCOPES:
            raise ValueError(f"markup_scope must be one of {MARKUP_SCOPES}, not {markup_scope!r}")
        self.markup: Markup | None = None if markup is None else as_markup(markup)
        self.markup_scope = markup_scope
        if self.markup is not None and drift:
            raise ValueError("a made-up markup does not drift: give markup or drift, not both")
        self.boards = _served(boards, insights, photos, tradenews)
        self.tradenews: TradeNewsBoard | None = (
            (tradenews or build_tradenews()) if TRADENEWS_NAME in self.boards else None
        )
        if INSIGHTS_NAME in self.boards:
            self.insights: InsightsBoard | None = insights or build_insights(seed=board.seed)
        else:
            self.insights = None
            if insights_split or not insights_newer_list or insights_badges:
                raise ValueError("the insights options need the insights board served")
        self.photos: PhotoBoard | None = (
            (photos or build_photos(seed=board.seed)) if PHOTOS_NAME in self.boards else None
        )
        if photo_paths not in PHOTO_PATHS_MODES:
            raise ValueError(f"photo_paths must be one of {PHOTO_PATHS_MODES}, not {photo_paths!r}")
        if photo_list is not None and photo_list not in GALLERY_FORMS:
            raise ValueError(f"photo_list must be one of {GALLERY_FORMS}, not {photo_list!r}")
        if self.photos is None and (photo_paths != "older" or photo_list is not None):
            raise ValueError("the photo options need the photos board served")
        self.photo_paths = photo_paths
        self.photo_list = photo_list
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
        self.board = board
        self.drift = drift
        quiet = board.quiet_nos()
        # Old articles, so that their normal rows sit on later pages.
        self.pinned_nos = tuple(quiet[len(quiet) // 10 :: 3][:pinned])
        self.options = ListOptions(past_end, list_links, paging, list_columns, self.pinned_nos)
        # The other boards' lists: the same forms, no pinned notices.
        self.board_options = ListOptions(past_end, list_links, paging, list_columns)
        self.requests = RequestLog()
        # One-shot answers (a flaky post's 503, a 429) given so far.
        self.once = Once()
        self._server = PageServer(self._respond, port=port, name="kitacrawl-mocksite")
        self.faults = Faults(
            faults,
            [no for no in quiet if no not in self.pinned_nos],
            board_size=len(board),
            slow_seconds=slow_seconds,
            stopping=self._server.stopping,
            once=self.once,
        )
        self.routes = Routes(self)

    @property
    def slow_seconds(self) -> float:
        return self.faults.slow_seconds

    @property
    def gallery(self) -> str:
        """How the Photo Gallery's lists are written (``GALLERY_FORMS``): the given
        ``photo_list``, else the made-up markup's when it covers lists, else "board_grid"
        (each path's own template)."""
        if self.photo_list is not None:
            return self.photo_list
        if self.markup is not None and self.markup_covers("list"):
            return self.markup["gallery"]
        return "board_grid"

    def markup_covers(self, pages: str) -> bool:
        """Whether the news board's `pages` ("list" or "article") are in the made-up markup."""
        return self.markup is not None and self.markup_scope in ("all", pages)

    @property
    def place(self) -> Place:
        """Where the made-up markup's links lead: the site's news paths and its file servlet."""
        if self.paths is None:
            return Place(OLDER_NEWS_PATHS, "older")
        return Place(self.paths, "current")

    # -- life cycle ---------------------------------------------------------------

    def start(self) -> MockSite:
        self._server.start()
        return self

    def stop(self) -> None:
        self._server.stop()

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
        try:
            return self._server.port
        except RuntimeError:
            raise RuntimeError("MockSite is not started") from None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _respond(self, request: Request) -> Page | None:
        self.requests.append(request.target)
        return self.routes.answer(request)

    # Tests override these two to change one kind of answer of the news board.

    def _list(self, page_index: int) -> Page:
        """The older template's list page `page_index`."""
        return self.routes.news_list(page_index)

    def _article(self, request: Request, no: int, sessions: bool | None = None) -> Page | None:
        """The news board's article `no`: the older template's page (`sessions` None) or the
        current one's (with session ids when True); None when the connection was dropped."""
        return self.routes.article(request, no, sessions)

    # -- what the crawler should find -----------------------------------------------

    @property
    def menu_paths(self) -> ServedPaths:
        """Where the current template's mega-menu finds the news board on this site."""
        return self.paths or OLDER_NEWS_PATHS

    def menu_list_paths(self) -> list[str]:
        """The board list paths the current template's menu names (the news board's included).

        Empty for the older template, whose pages carry no such menu.
        """
        return [] if self.paths is None else board_list_paths(self.paths)

    def fault_targets(self) -> dict[str, list[int]]:
        """Article ids each enabled fault applies to."""
        return self.faults.targets()

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
        markup = (
            self.markup if template == self.template and self.markup_covers("article") else None
        )
        with self.routes.cache.lock:
            truth = self.board.ground_truth(
                base,
                template=template,
                paths=self.paths or CURRENT_PATHS,
                markup=markup,
                listed=self._lists_show_counters(template),
            )
        if self.drift:
            return truths.drifted(truth)
        return truths.with_faults(truth, self.faults.problems())

    def _lists_show_counters(self, template: str) -> bool:
        """Do the news board's list pages served show each row's counter?

        Without the lists' columns, or in a made-up list markup without a counter,
        an article whose page shows none has none anywhere: a crawl keeps none.
        """
        if not self.options.columns:
            return False
        if self.markup is not None and template == self.template and self.markup_covers("list"):
            return self.markup["row_counter"] != "none"
        return True

    def _board_truth(self, name: str, base: str) -> dict[str, Any]:
        """The truth of KITA Insights or the Photo Gallery, as this site serves it."""
        insights, photos = self.insights, self.photos
        with self.routes.cache.lock:
            if name == INSIGHTS_NAME and insights is not None:
                truth = insights.ground_truth(
                    base, split=self.insights_split, badges=self.insights_badges
                )
            elif name == PHOTOS_NAME and photos is not None:
                truth = photos.ground_truth(
                    base,
                    newer=self.photo_paths != "older",
                    # A board's own list shows counters; a grid of cards shows none.
                    listed=self.gallery == "board_grid",
                )
            elif name == TRADENEWS_NAME and self.tradenews is not None:
                truth = self.tradenews.ground_truth(base)
            else:
                raise ValueError(f"this site does not serve the {name!r} board: {self.boards}")
        return truths.drifted(truth) if self.drift else truth

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

    def publish(self, k: int, *, board: str = BOARD_NAME) -> list[int]:
        """Add `k` new articles on top of the news board (or the trade news); their ids."""
        with self.routes.cache.lock:
            if board == TRADENEWS_NAME:
                if self.tradenews is None:
                    raise ValueError("this site does not serve the tradenews board")
                added = self.tradenews.publish(k)
            else:
                added = self.board.publish(k)
            self.routes.cache.clear()
        return added

    def bump_hits(self, delta: int | Callable[[int], int]) -> None:
        """Raise every hit counter by `delta`, or by `delta(no)`."""
        with self.routes.cache.lock:
            self.board.bump_hits(delta)
            self.routes.cache.clear()

    def edit(
        self, no: int, *, new_body_paragraph: str | None = None, title: str | None = None
    ) -> None:
        """Append a paragraph to article `no` and/or change its title."""
        with self.routes.cache.lock:
            self.board.edit(no, new_body_paragraph=new_body_paragraph, title=title)
            self.routes.cache.clear()

    def reset_requests(self) -> None:
        self.requests.clear()

    def rearm(self) -> None:
        """Let flaky and 429 targets fail their next first request again."""
        self.once.clear()


def _served(
    boards: Iterable[str],
    insights: InsightsBoard | None,
    photos: PhotoBoard | None,
    tradenews: TradeNewsBoard | None = None,
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
    names |= {TRADENEWS_NAME} if tradenews is not None else set()
    return tuple(name for name in BOARD_NAMES if name in names)


def _where(
    template: str | None,
    list_path: str | None,
    detail_path: str | None,
    id_param: str,
    moved: bool | str,
) -> tuple[str | None, str, ServedPaths | None]:
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
    paths = ServedPaths(
        list_path or CURRENT_PATHS.list_path, detail_path or CURRENT_PATHS.detail_path, id_param
    )
    if mode and {paths.list_path, paths.detail_path} & OLD_PATHS:
        raise ValueError("a moved board needs paths other than the old ones")
    return mode, template, paths
