"""``kitacrawl crawl [BOARD|all]``: crawl in this process, as cron would.

A thin layer over :func:`kitacrawl.crawl.crawl_and_wait`, the function
``scrapy crawl`` calls too: the same lock, ledger and exit codes, from any
directory. The settings are checked first: a value that cannot be used is a
usage error (exit 2, one line, no ledger row). The log holds warnings and
errors only (``--verbose``: Scrapy's INFO log too; ``--quiet``: errors only;
``--log-file``: to a file instead of stderr), so that an unchanged run under
cron writes a handful of lines; one summary line per board, saying what
landed, goes to stdout. On a terminal a live progress line shows the run.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from scrapy.crawler import Crawler
from scrapy.settings import Settings

from kitacrawl import cache, config
from kitacrawl import crawl as crawling
from kitacrawl.boardrun import BoardRun
from kitacrawl.cli.common import CliError, add_db
from kitacrawl.runlock import LockedError
from kitacrawl.storage import StorageError

ALL = "all"


def register(sub: Any) -> None:
    crawl = sub.add_parser(
        "crawl",
        help="crawl a board (incremental by default); exit 0 ok, 3 failed, 4 drift, 5 locked,"
        " 6 storage, 7 interrupted",
    )
    crawl.add_argument(
        "board", nargs="?", default="news", help="news (default), another board, or all"
    )
    crawl.add_argument("--full", action="store_true", help="read the whole list, refetch all")
    crawl.add_argument("--no", type=int, metavar="N", help="only article N (debugging)")
    crawl.add_argument("--max-pages", type=int, metavar="N", help="stop after N list pages")
    crawl.add_argument("--base-url", metavar="URL", help="the site (KITACRAWL_BASE_URL)")
    crawl.add_argument(
        "-s",
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a Scrapy or kitacrawl setting, as with scrapy crawl -s (repeatable)",
    )
    crawl.add_argument(
        "--offline",
        action="store_true",
        help="replay from the archive (of KITACRAWL_ARCHIVE_DB, else --db), at the site it was"
        " crawled from unless --base-url says another: no request reaches the network",
    )
    crawl.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help="the live progress line (auto: on a terminal only)",
    )
    talk = crawl.add_mutually_exclusive_group()
    talk.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="log Scrapy's INFO too (start-up, settings, middlewares, stats); default: warnings"
        " and errors",
    )
    talk.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="errors and the summary only (no warnings, no progress line)",
    )
    crawl.add_argument(
        "--log-file", metavar="PATH", help="append the log to PATH instead of stderr"
    )
    add_db(crawl)
    crawl.set_defaults(handler=run_crawl)


def _overrides(args: argparse.Namespace) -> dict[str, str]:
    overrides: dict[str, str] = {}
    for item in args.set:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise CliError(f"-s wants NAME=VALUE, not {item!r}", 2)
        overrides[name.strip()] = value
    if args.db:
        overrides["KITACRAWL_DB"] = args.db
    if args.base_url:
        overrides["KITACRAWL_BASE_URL"] = args.base_url
    if args.offline:
        overrides.update(OFFLINE)
        # Nothing reaches a server: no politeness to keep, whatever site the archive is of.
        for name, value in config.LOCAL_SPEED.items():
            overrides.setdefault(name, str(value))
    if args.log_file:
        overrides["LOG_FILE"] = args.log_file
    if "LOG_LEVEL" not in overrides:
        # Scrapy's INFO log (banner, versions, settings, middleware lists, stats) is for
        # developers: an unchanged run under cron writes its summary and nothing else.
        overrides["LOG_LEVEL"] = "INFO" if args.verbose else "ERROR" if args.quiet else "WARNING"
    return overrides


# Scrapy's HTTP cache answering from the archive; a page it does not have is dropped.
OFFLINE = {
    "HTTPCACHE_ENABLED": "1",
    "HTTPCACHE_STORAGE": "kitacrawl.cache.ArchiveCacheStorage",
    "HTTPCACHE_IGNORE_MISSING": "1",
    "HTTPCACHE_EXPIRATION_SECS": "0",
}


def run_crawl(args: argparse.Namespace) -> int:
    overrides = _overrides(args)
    live = args.progress == "always" or (
        args.progress == "auto" and sys.stderr.isatty() and not args.quiet
    )
    settings = crawling.project_settings(overrides)
    try:
        config.check(settings)
    except config.BadSetting as exc:
        raise CliError(str(exc), 2) from None
    if args.offline:
        _replay_where_archived(settings)
    known = crawling.board_names(settings)
    boards = known if args.board == ALL else [args.board]
    if args.board != ALL and args.board not in known:
        raise CliError(f"no board {args.board!r}: choose from {', '.join(known)} or all", 2)
    if args.no is not None and len(boards) != 1:
        raise CliError("--no needs one board", 2)
    spider_args: dict[str, Any] = {}
    if args.full:
        spider_args["mode"] = "full"
    if args.no is not None:
        spider_args["no"] = args.no
    if args.max_pages is not None:
        spider_args["max_pages"] = args.max_pages
    started = time.monotonic()
    # Scrapy holds signal receivers weakly: the lines must live as long as the crawl.
    lines: list[Progress] = []

    def show_progress(crawler: Crawler) -> None:
        lines.append(Progress(crawler))
        lines[-1].attach()

    try:
        results = crawling.crawl_and_wait(
            boards, settings, spider_args, on_crawler=show_progress if live else None
        )
    except (LockedError, StorageError) as exc:
        return int(crawling.refused(exc))
    elapsed = time.monotonic() - started
    for result in results:
        print(summary(result))
    if len(boards) > 1:
        skipped = [b for b in boards if b not in {r.board for r in results}]
        tail = f"; not run: {', '.join(skipped)}" if skipped else ""
        code = crawling.worst(r.exit_code for r in results)
        print(f"all boards: exit {int(code)} in {elapsed:.1f} s{tail}")
    return int(crawling.exit_code(results))


def _replay_where_archived(settings: Settings) -> None:
    """Replay at the site the archive was crawled from, unless a base URL is given.

    The archive's URLs are the site's: asked at another base URL, no page would
    be found. A missing archive is left to the run, which fails naming it.
    """
    if config.is_given(settings, "KITACRAWL_BASE_URL"):
        return
    path = cache.archive_db(settings)
    try:
        base = cache.archived_base_url(path)
    except LookupError:
        return
    if base is None:
        print(
            f"kitacrawl crawl: the archive in {path} holds no page, so no site to replay;"
            f" asking for {config.base_url(settings)} (give --base-url)",
            file=sys.stderr,
        )
        return
    settings.set("KITACRAWL_BASE_URL", base, priority="cmdline")


def summary(result: crawling.BoardResult) -> str:
    """One line: the run's status, then what landed, then why (when it says why)."""
    stats, tally = result.stats, result.tally
    seconds = stats.get("elapsed_time_seconds") or 0
    counts = ", ".join(
        (
            f"{tally.new} new",
            f"{tally.changed} changed",
            f"{tally.unchanged} unchanged",
            _count(tally.problems, "problem"),
            _count(tally.list_pages, "list page"),
            _count(stats.get("downloader/request_count", 0), "request"),
        )
    )
    line = (
        f"{result.board}: {result.status} (exit {int(result.exit_code)}, crawl {result.crawl_id})"
        f" in {seconds:.1f} s: {counts}"
    )
    return f"{line}; {result.message}" if result.message else line


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


class Progress:
    """A live line on stderr: list pages, articles stored / to fetch, problems, elapsed."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.started = time.monotonic()
        self._loop: Any = None

    def attach(self) -> None:
        from scrapy import signals  # noqa: PLC0415 - imported with the crawler

        self.crawler.signals.connect(self._start, signal=signals.engine_started)
        self.crawler.signals.connect(self._stop, signal=signals.spider_closed)

    def _start(self) -> None:
        from twisted.internet import task  # noqa: PLC0415 - the reactor Scrapy installed

        self._loop = task.LoopingCall(self._draw)
        self._loop.start(0.5)

    def _stop(self) -> None:
        if self._loop is not None and self._loop.running:
            self._loop.stop()
        self._draw()
        sys.stderr.write("\n")
        sys.stderr.flush()

    def _draw(self) -> None:
        board_run = BoardRun.of(self.crawler)
        if not board_run.begun:
            return
        tally, plan = board_run.tally, board_run.plan
        stored = tally.new + tally.changed + tally.unchanged
        wanted = len(plan.requested) if plan is not None else 0
        board = board_run.board or "?"
        line = (
            f"\r{board}: {tally.list_pages} list pages, {stored}/{wanted} articles,"
            f" {tally.problems} problems, {time.monotonic() - self.started:.0f} s"
        )
        sys.stderr.write(line.ljust(78))
        sys.stderr.flush()
