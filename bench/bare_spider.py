"""The baseline of the benchmark: a bare Scrapy spider over the same list → article walk.

It reads list pages 1, 2, ... until one shows no article it has not seen, and
fetches every article linked from them once, at the same URL the ``news``
spider asks for. Nothing is extracted beyond the article numbers (one regular
expression over the list page's bytes), no item is produced, no pipeline runs,
and none of kitacrawl's settings, middlewares or extensions are loaded: this is
the fastest a Scrapy crawl of the site can be at a given concurrency.

    python bench/bare_spider.py --base-url http://127.0.0.1:8000 -s CONCURRENT_REQUESTS=16 ...
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response
from scrapy.settings import Settings

LIST_PATH = "/about/newsList.do"
VIEW_PATH = "/about/newsView.do"
# Article links on a list page: `...newsView.do?id=&amp;no=N...` hrefs (with or without
# a session id in the path) and `fn_view('N')` handlers on the link or on the row.
ARTICLE_NO = re.compile(rb"[?&;]no=(\d+)|fn_view\('(\d+)'\)")
# KITA's Korean trade news (--board tradenews): rows open `...Detail.do?no=N&siteId=S`
# through goDetailPage('N', 'S') or hrefs, the site id sometimes left out.
TRADENEWS_LIST = "/board/totalTradeNews/totalTradeNewsList.do"
TRADENEWS_VIEW = "/board/totalTradeNews/totalTradeNewsDetail.do"
TRADENEWS_NO = re.compile(
    rb"goDetailPage\('(\d+)'(?:, '(\d+)')?\)|[?&;]no=(\d+)(?:&amp;siteId=(\d+))?"
)


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, *args: Any, base_url: str = "", board: str = "news", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not base_url:
            raise ValueError("base_url is required")
        self.base_url = base_url.rstrip("/")
        self.seen: set[int] = set()
        self.trade = board == "tradenews"
        self.list_path = TRADENEWS_LIST if self.trade else LIST_PATH

    async def start(self) -> AsyncIterator[scrapy.Request]:
        yield self.list_request(1)

    def list_request(self, page: int) -> scrapy.Request:
        return scrapy.Request(
            f"{self.base_url}{self.list_path}?pageIndex={page}",
            callback=self.parse_list,
            cb_kwargs={"page": page},
            priority=10,
            dont_filter=True,
        )

    def parse_list(self, response: Response, page: int) -> Iterator[scrapy.Request]:
        if self.trade:
            yield from self.parse_trade_list(response, page)
            return
        fresh = 0
        for match in ARTICLE_NO.finditer(response.body):
            no = int(match.group(1) or match.group(2))
            if no not in self.seen:
                self.seen.add(no)
                fresh += 1
                yield scrapy.Request(
                    f"{self.base_url}{VIEW_PATH}?no={no}",
                    callback=self.parse_article,
                    dont_filter=True,
                )
        if fresh:
            yield self.list_request(page + 1)

    def parse_trade_list(self, response: Response, page: int) -> Iterator[scrapy.Request]:
        fresh = 0
        for match in TRADENEWS_NO.finditer(response.body):
            no = int(match.group(1) or match.group(3))
            site_id = match.group(2) or match.group(4)
            if no not in self.seen:
                self.seen.add(no)
                fresh += 1
                query = f"no={no}" + (f"&siteId={site_id.decode()}" if site_id else "")
                yield scrapy.Request(
                    f"{self.base_url}{TRADENEWS_VIEW}?{query}",
                    callback=self.parse_article,
                    dont_filter=True,
                )
        if fresh:
            yield self.list_request(page + 1)

    def parse_article(self, response: Response) -> None:
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--board", default="news", choices=("news", "tradenews"))
    parser.add_argument("-s", dest="settings", action="append", default=[], metavar="NAME=VALUE")
    args = parser.parse_args(argv)
    settings = Settings()
    for pair in args.settings:
        name, _, value = pair.partition("=")
        settings.set(name, value, priority="cmdline")
    process = CrawlerProcess(settings)
    process.crawl(BareSpider, base_url=args.base_url, board=args.board)
    process.start()
    return 0


if __name__ == "__main__":
    sys.exit(main())
