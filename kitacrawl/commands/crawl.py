"""``scrapy crawl BOARD``, for developers: the same crawl as ``kitacrawl crawl BOARD``.

A thin layer over :func:`kitacrawl.crawl.crawl_and_wait`: the same session (lock and
storage, a refused run recorded), the same ledger and the same exit codes
(see :mod:`kitacrawl.outcome`), where Scrapy's own command exits 0 whatever the
run met. The session is taken while the options are read, before Scrapy
prints anything, so that a second run exits at once with one line.
"""

from __future__ import annotations

import argparse

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.crawler import CrawlerProcess
from scrapy.exceptions import UsageError

from kitacrawl import config, crawl
from kitacrawl.runlock import LockedError
from kitacrawl.session import DatabaseSession
from kitacrawl.storage import StorageError


class Command(ScrapyCrawlCommand):
    # Scrapy >= 2.14 would make an AsyncCrawlerProcess; the crawl runs on the
    # Deferred-based one, as `kitacrawl crawl` does.
    default_settings = {"FORCE_CRAWLER_PROCESS": True}  # noqa: RUF012 - Scrapy's class attribute
    session: DatabaseSession | None = None

    def short_desc(self) -> str:
        return (
            "Crawl one board; exit codes: 0 ok, 3 failed, 4 drift, 5 locked, 6 storage,"
            " 7 interrupted"
        )

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        if len(args) != 1:
            raise UsageError("give exactly one board name")
        try:
            config.check(self.settings)
        except config.BadSetting as exc:
            raise UsageError(str(exc), print_help=False) from None
        known = crawl.board_names(self.settings)
        if args[0] not in known:
            raise UsageError(f"no board {args[0]!r}: choose from {', '.join(known)}")
        try:
            self.session = crawl.open_crawl_session(self.settings, args, opts.spargs)
        except (LockedError, StorageError) as exc:
            raise SystemExit(int(crawl.refused(exc))) from None

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        assert self.session is not None
        assert isinstance(self.crawler_process, CrawlerProcess)
        try:
            results = crawl.crawl_and_wait(
                args, self.settings, opts.spargs, process=self.crawler_process,
                session=self.session,
            )  # fmt: skip
        finally:
            self.session.close()
        if self.crawler_process.bootstrap_failed:
            self.exitcode = 1
            return
        self.exitcode = int(crawl.exit_code(results))
