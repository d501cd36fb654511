"""`scrapy crawl`, with the run lock and exit codes cron can act on.

Scrapy's own command exits 0 whatever the run met. This one takes the
database lock before anything is fetched (a second run exits at once with
``ExitCode.LOCKED`` and a one-line message) and exits with the code the
storage pipeline decided (see :mod:`kitacrawl.outcome`).
"""

from __future__ import annotations

import argparse
import sys

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError

from kitacrawl import runlock
from kitacrawl.outcome import ExitCode
from kitacrawl.pipelines import EXIT_CODE_STAT
from kitacrawl.settings_keys import db_path_from
from kitacrawl.storage import Storage, StorageError


class Command(ScrapyCrawlCommand):
    def short_desc(self) -> str:
        return (
            "Run a spider; exit codes: 0 ok, 3 failed, 4 drift, 5 locked, 6 storage, 7 interrupted"
        )

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        # The lock is taken here, before Scrapy sets up logging and prints its
        # banner, so that a refused run says one line and nothing else.
        assert self.settings is not None
        self.db_path = db_path_from(self.settings)
        try:
            runlock.acquire(self.db_path)
        except runlock.LockedError as exc:
            print(f"kitacrawl: {exc}; nothing done", file=sys.stderr)
            spider = args[0] if args else "?"
            _record_skipped(self.db_path, spider, opts.spargs.get("mode", "incremental"), str(exc))
            raise SystemExit(int(ExitCode.LOCKED)) from None
        except OSError as exc:
            print(f"kitacrawl: cannot create the lock for {self.db_path}: {exc}", file=sys.stderr)
            raise SystemExit(int(ExitCode.STORAGE)) from None

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        try:
            if len(args) != 1:
                raise UsageError("give exactly one spider name")
            assert self.crawler_process is not None
            crawler = self.crawler_process.create_crawler(args[0])
            self.crawler_process.crawl(crawler, **opts.spargs)
            self.crawler_process.start()
        finally:
            runlock.release(self.db_path)
        if self.crawler_process.bootstrap_failed:
            self.exitcode = 1
            return
        code = crawler.stats.get_value(EXIT_CODE_STAT) if crawler.stats else None
        self.exitcode = int(code) if code is not None else int(ExitCode.FAILED)


def _record_skipped(db_path: str, spider: str, mode: str, message: str) -> None:
    # Best effort: the ledger row is a courtesy; the exit code is the contract.
    try:
        storage = Storage.open(db_path, busy_timeout_ms=2000)
        try:
            storage.record_skipped(spider, spider, mode, message, int(ExitCode.LOCKED))
        finally:
            storage.close()
    except (StorageError, Exception):
        pass
