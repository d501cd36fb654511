"""The `news` spider: walks KITA's English news list and every article once.

The spider only routes: what a page says is decided by :mod:`kitacrawl.pages`,
what to fetch next by :mod:`kitacrawl.plan`, how things are kept by the
pipelines. Arguments (``-a``): ``mode=incremental|full``, ``no=N`` (one
article, for debugging), ``max_pages=N`` (stop after N list pages).
"""

from __future__ import annotations

import ipaddress
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider, IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from kitacrawl import site
from kitacrawl.items import HitObservation, ParseError, Problem
from kitacrawl.middlewares import OffsiteRequest
from kitacrawl.pages.article import ArticlePage
from kitacrawl.pages.listing import ListPageParser
from kitacrawl.pipelines import StorePipeline
from kitacrawl.plan import INCREMENTAL, MODES, SINGLE, Plan
from kitacrawl.settings_keys import base_url_from, get_float, get_int

LOCAL_SPEED = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
}


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 or localhost: a server on this machine."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class NewsSpider(scrapy.Spider):
    name = "news"
    board = site.BOARD_NEWS
    # Set in from_crawler, from the settings.
    base_url: str = site.DEFAULT_BASE_URL
    urls: site.BoardUrls = site.NEWS_URLS
    allowed_domains: list[str]
    low_water: int = 64

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
        self.plan = Plan(mode=self.mode, max_pages=self.max_pages)
        self.pending_articles = 0
        self.deferred_list_page: int | None = None

    @classmethod
    def update_settings(cls, settings: Any) -> None:
        super().update_settings(settings)
        if is_loopback(urlsplit(base_url_from(settings)).hostname or ""):
            # Politeness protects a remote server; a local imitation is crawled at
            # full speed. Anything given with -s still wins (higher priority).
            settings.setdict(LOCAL_SPEED, priority="spider")

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.base_url = base_url_from(crawler.settings)
        spider.urls = site.BoardUrls(spider.base_url)
        spider.allowed_domains = [urlsplit(spider.base_url).hostname or "", *site.KITA_HOSTS]
        settings = crawler.settings
        spider.plan.hard_max_pages = get_int(settings, "KITACRAWL_MAX_LIST_PAGES")
        spider.low_water = get_int(settings, "KITACRAWL_QUEUE_LOW_WATER")
        crawler.signals.connect(spider.on_idle, signal=signals.spider_idle)
        return spider

    def on_idle(self) -> None:
        # A request dropped without callback or errback would leave a deferred
        # list page waiting for ever; an idle engine means the queue is empty.
        if self.deferred_list_page is not None:
            page, self.deferred_list_page = self.deferred_list_page, None
            self.pending_articles = 0
            self.crawler.engine.crawl(self.list_request(page))
            raise DontCloseSpider

    # -- start --------------------------------------------------------------
    async def start(self) -> AsyncIterator[Any]:
        if self.single_no is not None:
            self.plan.requested.add(self.single_no)
            yield self.article_request(self.single_no)
            return
        self._load_state()
        for no in self.plan.initial_articles():
            yield self.article_request(no)
        yield self.list_request(self.plan.first_page())

    def _load_state(self) -> None:
        store = self.crawler.get_item_pipeline(StorePipeline)
        storage = store.storage if store is not None else None
        if storage is None:
            return
        settings = self.crawler.settings
        plan = self.plan
        plan.known = storage.known_numbers(self.board)
        if self.mode == INCREMENTAL:
            plan.complete_upto = storage.complete_upto(self.board)
            now = datetime.now(UTC)
            since = now.date() - timedelta(days=get_int(settings, "KITACRAWL_REVISIT_DAYS"))
            before = now - timedelta(hours=get_float(settings, "KITACRAWL_REVISIT_AFTER_HOURS"))
            revisit = storage.due_for_revisit(
                self.board, since, before.strftime("%Y-%m-%dT%H:%M:%SZ")
            )
            plan.revisit = revisit[: get_int(settings, "KITACRAWL_REVISIT_MAX")]
            retry_before = now - timedelta(hours=get_float(settings, "KITACRAWL_RETRY_AFTER_HOURS"))
            plan.retry = storage.retry_numbers(
                self.board,
                get_int(settings, "KITACRAWL_RETRY_RUNS"),
                retry_before.strftime("%Y-%m-%dT%H:%M:%SZ"),
            )
        self.logger.info(
            "%s run: %d articles known, complete up to %s, %d to revisit, %d to retry",
            self.mode,
            len(plan.known),
            plan.complete_upto,
            len(plan.revisit),
            len(plan.retry),
        )

    # -- requests -----------------------------------------------------------
    def list_request(self, page: int) -> scrapy.Request:
        # dont_filter: the plan already fetches each page once, and a redirect
        # loop must surface as a problem rather than vanish in the dupefilter.
        return scrapy.Request(
            self.urls.list_url(page),
            callback=self.parse_list,
            errback=self.list_failed,
            cb_kwargs={"page_no": page},
            priority=10,
            dont_filter=True,
        )

    def article_request(self, no: int) -> scrapy.Request:
        self.pending_articles += 1
        return scrapy.Request(
            self.urls.article_url(no),
            callback=self.parse_article,
            errback=self.article_failed,
            cb_kwargs={"no": no},
            dont_filter=True,
        )

    # -- list pages ---------------------------------------------------------
    def parse_list(self, response: Response, page_no: int) -> Iterator[Any]:
        if not isinstance(response, TextResponse):
            yield self.problem(response.url, "not_html", "list page is not HTML")
            return
        page = ListPageParser.from_response(response, urls=self.urls).to_item()
        stats = self.crawler.stats
        stats.inc_value("kitacrawl/list_pages")
        if page_no == 1:
            stats.set_value("kitacrawl/list_rows_first_page", sum(not r.pinned for r in page.rows))
        counts = {row.no: row.hits for row in page.rows if row.hits is not None}
        if counts:
            yield HitObservation(board=self.board, counts=counts, url=response.url)
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
        request = failure.request  # type: ignore[attr-defined]
        kind, detail = classify_failure(failure)
        self.logger.error("list page %s failed: %s %s", request.url, kind, detail)
        yield self.problem(request.url, kind, detail)
        # Rows of the lost page may be missing: the next run pages back over it
        # (the mark does not move), and this one goes on with the next page.
        next_page = self.plan.on_list_failure(request.cb_kwargs["page_no"])
        if next_page is not None:
            yield self.list_request(next_page)

    # -- article pages ------------------------------------------------------
    def parse_article(self, response: Response, no: int) -> Iterator[Any]:
        self.pending_articles -= 1
        if not isinstance(response, TextResponse):
            ctype = (response.headers.get("Content-Type") or b"").decode(errors="replace")
            yield self.problem(response.url, "not_html", f"content type {ctype!r}", no)
        else:
            try:
                yield ArticlePage.from_response(response, urls=self.urls, no=no).to_item()
            except ParseError as exc:
                yield self.problem(self.urls.article_url(no), exc.kind, exc.detail, no)
        yield from self._release_list_page()

    def article_failed(self, failure: Failure) -> Iterator[Any]:
        self.pending_articles -= 1
        no = failure.request.cb_kwargs.get("no")  # type: ignore[attr-defined]
        kind, detail = classify_failure(failure)
        url = self.urls.article_url(no) if no is not None else failure.request.url  # type: ignore[attr-defined]
        yield self.problem(url, kind, detail, no)
        yield from self._release_list_page()

    def _release_list_page(self) -> Iterator[scrapy.Request]:
        if self.deferred_list_page is not None and self.pending_articles <= self.low_water // 2:
            page, self.deferred_list_page = self.deferred_list_page, None
            yield self.list_request(page)

    def problem(self, url: str, kind: str, detail: str, no: int | None = None) -> Problem:
        self.crawler.stats.inc_value(f"kitacrawl/problems/{kind}")
        return Problem(
            board=self.board, url=site.strip_session(url), kind=kind, detail=detail, no=no
        )


# Failure classes by name: their modules moved between Scrapy and Twisted versions.
_FAILURE_KINDS = {
    "DownloadTimeoutError": "timeout",
    "TimeoutError": "timeout",
    "TCPTimedOutError": "timeout",
    "DownloadCancelledError": "too_large",
    "CannotResolveHostError": "dns",
    "DNSLookupError": "dns",
    "ResponseDataLossError": "truncated",
}


def classify_failure(failure: Failure) -> tuple[str, str]:  # noqa: PLR0911 - one answer per kind
    """A short problem kind and a detail for a failed request."""
    exc = failure.value
    detail = f"{type(exc).__name__}: {exc}"[:500]
    if isinstance(exc, HttpError):
        return f"http_{exc.response.status}", detail
    if isinstance(exc, OffsiteRequest):
        return "offsite_redirect", detail
    if isinstance(exc, IgnoreRequest):
        text = str(exc).lower()
        if "redirection" in text:
            return "redirect_loop", detail
        if "robots" in text:
            return "robots_forbidden", detail
        return "ignored", detail
    for cls in type(exc).__mro__:
        if cls.__name__ in _FAILURE_KINDS:
            return _FAILURE_KINDS[cls.__name__], detail
    return "connection", detail
