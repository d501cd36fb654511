"""The machinery every board spider shares: it only routes.

What a page says is decided by :mod:`kitacrawl.pages`, what to fetch next by
the run's :class:`~kitacrawl.plan.Plan`, how things are kept by the pipelines,
and the run's life (ledger, incremental state, outcome, exit code) by
:class:`kitacrawl.boardrun.BoardRun`. A board spider names its board; its paths
come from the settings (``KITACRAWL_<BOARD>_LIST_PATH`` ...).

Arguments (``-a``): ``mode=incremental|full``, ``no=N`` (one article, for
debugging), ``max_pages=N`` (stop after N list pages). ``scrapy parse --spider
news URL`` reads any list or article page of the board (:meth:`BoardSpider.parse`
routes it by its path) and stores nothing: no run begins.

Items never carry the page they were read from: the spider hands each fetched
page to the run beside its item (:meth:`kitacrawl.boardrun.BoardRun.keep_page`),
and the store pipeline archives it with the item.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, ClassVar
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from kitacrawl import config, problems, site
from kitacrawl.boardrun import BoardRun
from kitacrawl.failures import classify_failure, describe
from kitacrawl.items import FetchedPage, HitObservation, ParseError, Problem
from kitacrawl.pages import board_paths, read_article, read_list
from kitacrawl.plan import INCREMENTAL, MODES, SINGLE, Plan
from kitacrawl.storage.db import utcnow

# Answers to list page 1 that mean the board is not at this path at all.
_NOT_HERE_STATUSES = frozenset({404, 410})
# Headers not worth keeping with an archived body: it is stored decoded and whole,
# and cookies may carry a session.
_UNKEPT_HEADERS = frozenset(
    {"content-encoding", "content-length", "transfer-encoding", "connection", "keep-alive",
     "set-cookie"}
)  # fmt: skip


class BoardSpider(scrapy.Spider):
    board: ClassVar[str]
    # Set in from_crawler, from the settings.
    urls: site.BoardUrls = site.NEWS_URLS
    allowed_domains: list[str]
    low_water: int = 64
    archive: bool = True

    def __init__(
        self,
        *args: Any,
        mode: str = INCREMENTAL,
        no: str | int | None = None,
        max_pages: str | int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
        self.single_no = int(no) if no not in (None, "") else None
        self.mode = SINGLE if self.single_no is not None else mode
        self.max_pages = int(max_pages) if max_pages not in (None, "") else None
        # Replaced by the run's plan when the crawl begins; `scrapy parse` and
        # `scrapy shell` never begin one and use this throwaway plan.
        self.plan = Plan(mode=self.mode, max_pages=self.max_pages)
        self.pending_articles = 0
        self.deferred_list_page: int | None = None
        # The board's list paths in the order they are tried (the one it last answered
        # at first), and which is being tried: the next one when this one is not the
        # board (KITA Insights moved its list in 2022, the Photo Gallery by 2023).
        self.list_paths: tuple[str, ...] = ()
        self.list_path = 0
        self.missing: list[str] = []

    @classmethod
    def update_settings(cls, settings: Any) -> None:
        super().update_settings(settings)
        if config.is_local(settings):
            settings.setdict(config.LOCAL_SPEED, priority="spider")

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> BoardSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.urls = config.board_urls(crawler.settings, cls.board)
        spider.allowed_domains = [urlsplit(spider.urls.base_url).hostname or "", *site.KITA_HOSTS]
        spider.low_water = config.get(crawler.settings, "KITACRAWL_QUEUE_LOW_WATER")
        spider.archive = config.get(crawler.settings, "KITACRAWL_ARCHIVE")
        crawler.signals.connect(spider.on_idle, signal=signals.spider_idle)
        return spider

    @property
    def board_run(self) -> BoardRun:
        """This crawl's run of the board (ledger, plan, tally): told what the spider met."""
        return BoardRun.of(self.crawler)

    def on_idle(self) -> None:
        # A request dropped without callback or errback would leave a deferred
        # list page waiting for ever; an idle engine means the queue is empty.
        if self.deferred_list_page is not None:
            page, self.deferred_list_page = self.deferred_list_page, None
            self.pending_articles = 0
            assert self.crawler.engine is not None
            self.crawler.engine.crawl(self.list_request(page))
            raise DontCloseSpider

    # -- start --------------------------------------------------------------
    async def start(self) -> AsyncIterator[Any]:
        plan = self.board_run.begin(
            spider_name=self.name,
            board=self.board,
            mode=self.mode,
            urls=self.urls,
            single_no=self.single_no,
            max_pages=self.max_pages,
        )
        if plan is None:
            return
        self.plan = plan
        known = self.urls.paths.list_paths
        first = (plan.list_path,) if plan.list_path in known else ()
        self.list_paths = (*first, *(path for path in known if path not in first))
        for no in plan.initial_articles():
            yield self.article_request(no)
        if self.mode != SINGLE:
            yield self.list_request(plan.first_page())

    # -- any page of the board (`scrapy parse --spider news URL`) ------------------
    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        """A list or article page of the board, by its path, to its callback.

        Crawls never call it (every request names its callback); ``scrapy
        parse`` does, for a URL given by hand.
        """
        paths = self.urls.paths
        path = urlsplit(site.strip_session(response.url)).path
        no = self.urls.no_from_url(response.url)
        if no is not None:
            self.pending_articles += 1  # as if this spider had asked for it
            yield from self.parse_article(response, no)
        elif path.endswith(paths.list_paths):
            yield from self.parse_list(response, _page_index(response.url))
        else:
            self.logger.error(
                "%s is no list or article page of the %s board (%s)%s",
                response.url,
                self.board,
                ", ".join((*paths.list_paths, *paths.detail_paths)),
                _other_board(self.settings, response.url),
            )

    # -- requests -----------------------------------------------------------
    def list_request(self, page: int) -> scrapy.Request:
        # dont_filter: the plan already fetches each page once, and a redirect
        # loop must surface as a problem rather than vanish in the dupefilter.
        return scrapy.Request(
            self.urls.list_url(page, self._list_path()),
            callback=self.parse_list,
            errback=self.list_failed,
            cb_kwargs={"page_no": page},
            priority=10,
            dont_filter=True,
        )

    def _list_path(self) -> str:
        paths = self.list_paths or self.urls.paths.list_paths
        return paths[min(self.list_path, len(paths) - 1)]

    def _detail_paths(self) -> tuple[str, ...]:
        """The detail paths, in the order an article is asked for: a paired board's
        first where its list answered."""
        return self.urls.serving(f"{self.urls.base_url}{self._list_path()}").paths.detail_paths

    def article_request(self, no: int, detail_path: int = 0) -> scrapy.Request:
        self.pending_articles += 1
        path = self._detail_paths()[detail_path]
        return scrapy.Request(
            self.urls.article_url(no, path),
            callback=self.parse_article,
            errback=self.article_failed,
            cb_kwargs={"no": no},
            meta={"detail_path": detail_path},
            dont_filter=True,
        )

    # -- list pages ---------------------------------------------------------
    def parse_list(self, response: Response, page_no: int) -> Iterator[Any]:
        if page_no == 1:
            elsewhere = self._redirected_elsewhere(response)
            if elsewhere:
                yield from self._not_the_board(elsewhere, response)
                return
        if not isinstance(response, TextResponse):
            yield self.problem(response.url, "not_html", "list page is not HTML")
            return
        page = read_list(response, urls=self.urls)
        if page_no == 1 and not page.rows and not self._board_like(response):
            yield from self._not_the_board("a page with no board on it", response)
            return
        if page_no == 1:
            self.board_run.board_answered_at(self._list_path())
        self.board_run.list_page_read(page_no, page)
        counts = self.plan.new_observations(page)
        fetched = self.fetched(response, "list")
        if counts or fetched is not None:
            yield self._with_page(
                HitObservation(board=self.board, counts=counts, url=response.url), fetched
            )
        decision = self.plan.on_list_page(page_no, page)
        for no in decision.articles:
            yield self.article_request(no)
        if decision.stop_reason:
            self.logger.info("paging stops after page %d: %s", page_no, decision.stop_reason)
        if decision.next_page is not None:
            if self.pending_articles > self.low_water:
                # Back-pressure: the next list page waits until the queue drains,
                # so memory stays flat however long the board is.
                self.deferred_list_page = decision.next_page
            else:
                yield self.list_request(decision.next_page)

    def list_failed(self, failure: Failure) -> Iterator[Any]:
        request = failure.request  # type: ignore[attr-defined]  # set by Scrapy's errback
        page_no = request.cb_kwargs["page_no"]
        kind, detail = classify_failure(failure)
        exc = failure.value
        if (
            page_no == 1
            and isinstance(exc, HttpError)
            and exc.response.status in _NOT_HERE_STATUSES
        ):
            yield from self._not_the_board(f"HTTP {exc.response.status}", exc.response)
            return
        cause = describe(failure, request.url)
        self.logger.error("list page %s failed: %s", request.url, cause)
        self.board_run.request_failed(cause)
        problem = self.problem(request.url, kind, detail)
        if isinstance(exc, HttpError):
            yield self._with_page(problem, self.fetched(exc.response, "list"))
        else:
            yield problem
        if page_no == 1:
            self.board_run.first_list_page_lost(cause)
            return
        # Rows of the lost page may be missing: the next run pages back over it
        # (the mark does not move), and this one goes on with the next page.
        next_page = self.plan.on_list_failure(page_no)
        if next_page is not None:
            yield self.list_request(next_page)

    # -- a board that is not there -----------------------------------------------
    def _redirected_elsewhere(self, response: Response) -> str | None:
        if not response.meta.get("redirect_urls"):
            return None
        path = urlsplit(site.strip_session(response.url)).path
        if path.endswith(self.urls.paths.list_paths):
            return None
        return f"a redirect to {site.strip_session(response.url)}"

    def _board_like(self, response: TextResponse) -> bool:
        """A page that links to this board's articles is the board, drifted; else not it."""
        for href in response.xpath("//a/@href | //*/@onclick").getall():
            if self.urls.no_from_url(href) is not None or site.article_no_from_handler(href):
                return True
        return False

    def _not_the_board(self, why: str, response: Response) -> Iterator[Any]:
        path = self._list_path()
        self.missing.append(f"{path} ({why})")
        if self.list_path + 1 < len(self.list_paths):
            self.list_path += 1
            yield self.list_request(1)
            return
        menu = _menu_paths(response) if isinstance(response, TextResponse) else []
        if menu:
            self._report_missing(menu)
            return
        # This page names no board (an error page carries no menu): the home page may.
        yield scrapy.Request(
            f"{self.urls.base_url}/",
            callback=self._menu_read,
            errback=self._menu_failed,
            dont_filter=True,
        )

    def _menu_read(self, response: Response) -> None:
        self._report_missing(_menu_paths(response) if isinstance(response, TextResponse) else [])

    def _menu_failed(self, failure: Failure) -> None:
        self._report_missing([])

    def _report_missing(self, menu: list[str]) -> None:
        stem = f"KITACRAWL_{self.board.upper()}"
        where = "; ".join(self.missing)
        offers = (
            f"the site's menu offers these boards: {', '.join(menu)}"
            if menu
            else "the site's menu names no board list"
        )
        self.board_run.board_missing(
            f"the {self.board} board is not where kitacrawl looks for it: {where}; {offers};"
            f" point {stem}_LIST_PATH (and {stem}_DETAIL_PATH, {stem}_ID_PARAM) at it"
        )

    # -- article pages ------------------------------------------------------
    def parse_article(self, response: Response, no: int) -> Iterator[Any]:
        self.pending_articles -= 1
        served = self._served_no(response, no)
        fetched = self.fetched(response, "article", served)
        if served is None:
            target = site.strip_session(response.url)
            self.board_run.request_failed(f"article {no}: a redirect to {target}, no article")
            problem = self.problem(
                self.urls.article_url(no),
                problems.REDIRECTED,
                f"redirected to {target}, which is no article",
                no,
            )
            yield self._with_page(problem, fetched)
        elif not isinstance(response, TextResponse):
            ctype = (response.headers.get("Content-Type") or b"").decode(errors="replace")
            where = site.strip_session(response.url)
            self.board_run.request_failed(f"article {no}: not HTML ({ctype}) at {where}")
            problem = self.problem(response.url, "not_html", f"content type {ctype!r}", no)
            yield self._with_page(problem, fetched)
        else:
            if served != no:
                target = site.strip_session(response.url)
                yield self.problem(
                    self.urls.article_url(no),
                    problems.REDIRECTED,
                    f"answered by article {served} (a redirect to {target})",
                    no,
                )
            try:
                item: Any = read_article(response, urls=self.urls, no=served, board=self.board)
            except ParseError as exc:
                item = self.problem(self.urls.article_url(served), exc.kind, exc.detail, served)
            yield self._with_page(item, fetched)
        yield from self._release_list_page()

    def _served_no(self, response: Response, asked: int) -> int | None:
        """The article the server actually answered with: the one asked for, unless redirected."""
        if not response.meta.get("redirect_urls"):
            return asked
        return self.urls.no_from_url(response.url)

    def article_failed(self, failure: Failure) -> Iterator[Any]:
        self.pending_articles -= 1
        request = failure.request  # type: ignore[attr-defined]  # set by Scrapy's errback
        no = request.cb_kwargs.get("no")
        kind, detail = classify_failure(failure)
        retry_path = request.meta.get("detail_path", 0) + 1
        if (
            no is not None
            and isinstance(failure.value, HttpError)
            and failure.value.response.status in _NOT_HERE_STATUSES
            and retry_path < len(self._detail_paths())
        ):
            # An older path may still serve it (KITA Insights kept its 2022 path).
            yield self.article_request(no, retry_path)
            return
        url = self.urls.article_url(no) if no is not None else request.url
        self.board_run.request_failed(describe(failure, request.url))
        problem = self.problem(url, kind, detail, no)
        if isinstance(failure.value, HttpError):
            yield self._with_page(problem, self.fetched(failure.value.response, "article", no))
        else:
            yield problem
        yield from self._release_list_page()

    def _release_list_page(self) -> Iterator[scrapy.Request]:
        if self.deferred_list_page is not None and self.pending_articles <= self.low_water // 2:
            page, self.deferred_list_page = self.deferred_list_page, None
            yield self.list_request(page)

    def _with_page(self, item: Any, page: FetchedPage | None) -> Any:
        """``item``, its page handed to the run (the store pipeline archives them together)."""
        self.board_run.keep_page(item, page)
        return item

    def fetched(self, response: Response, kind: str, no: int | None = None) -> FetchedPage | None:
        """The answer as the archive keeps it (None when the archive is off or no run began)."""
        if not self.archive or not self.board_run.begun:
            return None
        headers = {
            name.decode("latin-1"): b", ".join(values).decode("latin-1")
            for name, values in response.headers.items()
            if name.decode("latin-1").lower() not in _UNKEPT_HEADERS
        }
        redirects = response.meta.get("redirect_urls")
        return FetchedPage(
            url=site.strip_session(response.url),
            status=response.status,
            headers=headers,
            body=response.body,
            fetched_at=utcnow(),
            requested_url=site.strip_session(redirects[0]) if redirects else None,
            base_url=self.urls.base_url,
            kind=kind,  # type: ignore[arg-type]  # one of the spider's three kinds of page
            board=self.board,
            no=no,
        )

    def problem(self, url: str, kind: str, detail: str, no: int | None = None) -> Problem:
        return Problem(
            board=self.board, url=site.strip_session(url), kind=kind, detail=detail, no=no
        )


def _menu_paths(response: TextResponse) -> list[str]:
    return board_paths(response.text, base_url=response.url)


def _page_index(url: str) -> int:
    """The list page a list URL asks for (page 1 when it names none)."""
    found = site.PAGE_PARAM_RE.search(url)
    return max(int(found.group(1)), 1) if found else 1


def _other_board(settings: Any, url: str) -> str:
    """``: it is a page of the insights board ...`` when another board's paths match."""
    path = urlsplit(site.strip_session(url)).path
    for board in site.BOARD_PATHS:
        urls = config.board_urls(settings, board)
        if urls.no_from_url(url) is not None or path.endswith(urls.paths.list_paths):
            return f": it is a page of the {board} board (scrapy parse --spider {board} URL)"
    return ""
