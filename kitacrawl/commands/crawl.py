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

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("give exactly one spider name")
        assert self.crawler_process is not None and self.settings is not None
        spname = args[0]
        db_path = db_path_from(self.settings)
        try:
            runlock.acquire(db_path)
        except runlock.LockedError as exc:
            print(f"kitacrawl: {exc}; nothing done", file=sys.stderr)
            _record_skipped(db_path, spname, opts.spargs.get("mode", "incremental"), str(exc))
            self.exitcode = int(ExitCode.LOCKED)
            return
        except OSError as exc:
            print(f"kitacrawl: cannot create the lock for {db_path}: {exc}", file=sys.stderr)
            self.exitcode = int(ExitCode.STORAGE)
            return
        try:
            crawler = self._create_crawler(spname)
            self.crawler_process.crawl(crawler, **opts.spargs)
            self.crawler_process.start()
        finally:
            runlock.release(db_path)
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
