"""The doctor's spider: fetches what the first-contact check needs, and nothing more.

robots.txt, list page 1 of the board (trying each of its list paths), the
home page when the list is not there (its menu names the boards), and the
newest article the list shows. Every answer, error pages included, is kept as
a :class:`~kitacrawl.doctor.diagnosis.Fetch` for
:func:`~kitacrawl.doctor.diagnosis.diagnose`. robots.txt is read by the parser
crawls use (Scrapy's ``ROBOTSTXT_PARSER``), and nothing it forbids is asked
for. It stores nothing, and is no board spider: it lives outside
``SPIDER_MODULES``, so ``scrapy list`` and ``scrapy crawl`` do not offer it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response
from scrapy.robotstxt import RobotParser
from scrapy.utils.misc import load_object
from twisted.python.failure import Failure

from kitacrawl import config, site
from kitacrawl.doctor.diagnosis import Fetch, newest_article
from kitacrawl.failures import describe
from kitacrawl.pages import read_list

_ANY_STATUS = {"handle_httpstatus_all": True}


class DoctorSpider(scrapy.Spider):
    name = "doctor"
    # Set in from_crawler, from the settings.
    urls: site.BoardUrls = site.NEWS_URLS

    def __init__(self, *args: Any, board: str = site.BOARD_NEWS, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.board = board
        self.fetches: dict[str, Fetch] = {}
        self.list_path = 0
        # robots.txt as a crawl reads it, once fetched (None: no rules, all allowed).
        self.robots: RobotParser | None = None

    @classmethod
    def update_settings(cls, settings: Any) -> None:
        super().update_settings(settings)
        if config.is_local(settings):
            settings.setdict(config.LOCAL_SPEED, priority="spider")
        # The doctor reads robots.txt itself (it reports on it) and asks for
        # nothing robots.txt forbids: one request for it, not two.
        settings.set("ROBOTSTXT_OBEY", False, priority="spider")

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> DoctorSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.urls = config.board_urls(crawler.settings, spider.board)
        return spider

    @property
    def robots_agent(self) -> str:
        """The user agent robots.txt is read for, as Scrapy's RobotsTxtMiddleware picks it."""
        settings = self.crawler.settings
        return str(settings.get("ROBOTSTXT_USER_AGENT") or settings.get("USER_AGENT"))

    async def start(self) -> AsyncIterator[Any]:
        yield self._request("robots.txt", f"{self.urls.base_url}/robots.txt", self._robots)

    def _allowed(self, request: scrapy.Request) -> Iterator[scrapy.Request]:
        """The request, unless robots.txt forbids it (then a fetch that says so)."""
        if self.robots is None or self.robots.allowed(request.url, self.robots_agent):
            yield request
            return
        name = request.cb_kwargs["name"]
        key = "article" if name.startswith("article ") else name
        self.fetches[key] = Fetch(name=name, url=request.url, error="forbidden by robots.txt")

    def _request(self, name: str, url: str, callback: Any, **kwargs: Any) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=callback,
            errback=self._failed,
            cb_kwargs={"name": name, **kwargs},
            meta=dict(_ANY_STATUS),
            dont_filter=True,
            # robots.txt first: the other requests obey it.
            priority=10 if name == "robots.txt" else 0,
        )

    def _list_request(self) -> scrapy.Request:
        path = self.urls.paths.list_paths[self.list_path]
        return self._request("list page 1", self.urls.list_url(1, path), self._list)

    def _keep(self, name: str, response: Response) -> Fetch:
        fetch = Fetch(
            name=name,
            url=response.meta.get("redirect_urls", [response.url])[0],
            status=response.status,
            headers={
                k.decode("latin-1"): b", ".join(v).decode("latin-1")
                for k, v in response.headers.items()
            },
            body=response.body,
            final_url=response.url,
        )
        self.fetches[name] = fetch
        return fetch

    def _robots(self, response: Response, name: str) -> Iterator[scrapy.Request]:
        fetch = self._keep(name, response)
        # No robots.txt (404, an error page) forbids nothing, as for any crawler.
        if response.status == 200:
            parser = load_object(self.crawler.settings.get("ROBOTSTXT_PARSER"))
            self.robots = parser.from_crawler(self.crawler, fetch.body)
        yield from self._allowed(self._list_request())

    def _list(self, response: Response, name: str) -> Iterator[scrapy.Request]:
        fetch = self._keep(name, response)
        page = read_list(fetch.response(), urls=self.urls) if response.status == 200 else None
        no = newest_article(page) if page is not None else None
        if no is not None and not response.meta.get("redirect_urls"):
            yield from self._allowed(
                self._request(f"article {no}", self.urls.article_url(no), self._article)
            )
            return
        if self.list_path + 1 < len(self.urls.paths.list_paths):
            self.list_path += 1
            yield from self._allowed(self._list_request())
            return
        yield from self._allowed(self._request("home page", f"{self.urls.base_url}/", self._home))

    def _article(self, response: Response, name: str) -> None:
        self.fetches["article"] = self._keep(name, response)

    def _home(self, response: Response, name: str) -> None:
        self._keep(name, response)

    def _failed(self, failure: Failure) -> Iterator[scrapy.Request]:
        request = failure.request  # type: ignore[attr-defined]  # set by Scrapy's errback
        name = request.cb_kwargs["name"]
        key = "article" if name.startswith("article ") else name
        # In the words a crawl's summary and ledger use (connection refused (host:port), ...).
        self.fetches[key] = Fetch(name=name, url=request.url, error=describe(failure, request.url))
        if name == "robots.txt":  # no robots.txt answer: nothing is forbidden
            yield self._list_request()
