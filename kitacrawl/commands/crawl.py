"""`scrapy crawl`, with the run lock and exit codes cron can act on.

Scrapy's own command exits 0 whatever the run met. This one opens the
database session (:class:`kitacrawl.run.Session`: the lock, then the storage)
before Scrapy prints anything, so that a second run exits at once with
``ExitCode.LOCKED`` and one line, and exits with the code the board's run
decided (see :mod:`kitacrawl.outcome`).
"""

from __future__ import annotations

import argparse
import sys

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError

from kitacrawl import config
from kitacrawl.outcome import ExitCode
from kitacrawl.run import BoardRun, Session, record_refusal
from kitacrawl.runlock import LockedError
from kitacrawl.storage import StorageError


class Command(ScrapyCrawlCommand):
    session: Session | None = None

    def short_desc(self) -> str:
        return (
            "Run a spider; exit codes: 0 ok, 3 failed, 4 drift, 5 locked, 6 storage, 7 interrupted"
        )

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        db_path = config.db_path(self.settings)
        try:
            self.session = Session.open(db_path)
        except LockedError as exc:
            print(f"kitacrawl: {exc}; nothing done", file=sys.stderr)
            spider = args[0] if args else "?"
            mode = "single" if opts.spargs.get("no") else opts.spargs.get("mode", "incremental")
            record_refusal(db_path, spider, spider, mode, str(exc))
            raise SystemExit(int(ExitCode.LOCKED)) from None
        except StorageError as exc:
            print(f"kitacrawl: {exc}", file=sys.stderr)
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
            if self.session is not None:
                self.session.close()
        if self.crawler_process.bootstrap_failed:
            self.exitcode = 1
            return
        self.exitcode = int(BoardRun.of(crawler).exit_code)
