"""Crawl one board or every board in this process: the Python API behind ``kitacrawl crawl``.

Works from any directory: the settings come from the :mod:`kitacrawl.settings`
module, not from a ``scrapy.cfg`` found on the way. The database session
(:class:`kitacrawl.run.Session`) is opened once, before Scrapy starts, and held
across every board, so that ``crawl all`` runs under one lock; each board's
crawl is a :class:`kitacrawl.run.BoardRun` of its own (ledger row, exit code).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings
from twisted.internet import defer

from kitacrawl import config, doctor, site
from kitacrawl.outcome import ExitCode
from kitacrawl.run import BoardRun, Session, record_refusal
from kitacrawl.runlock import LockedError
from kitacrawl.storage import StorageError

if TYPE_CHECKING:
    from twisted.internet.interfaces import IReactorCore

SETTINGS_MODULE = "kitacrawl.settings"

# A run that ends like this stops `crawl all`: the next board would meet the same fate.
_STOPPING = frozenset({ExitCode.STORAGE, ExitCode.INTERRUPTED, ExitCode.LOCKED})
# How bad an exit code is, for `crawl all` (worst first).
SEVERITY = (
    ExitCode.STORAGE,
    ExitCode.FAILED,
    ExitCode.DRIFT,
    ExitCode.INTERRUPTED,
    ExitCode.LOCKED,
    ExitCode.OK,
)


@dataclass(slots=True)
class BoardResult:
    board: str
    exit_code: ExitCode
    crawl_id: int | None
    status: str
    message: str
    stats: dict[str, Any]


def project_settings(overrides: Mapping[str, Any] | None = None) -> Settings:
    """kitacrawl's Scrapy settings, with ``overrides`` at command-line priority."""
    settings = Settings()
    settings.setmodule(SETTINGS_MODULE, priority="project")
    for name, value in (overrides or {}).items():
        settings.set(name, value, priority="cmdline")
    return settings


def board_names(settings: Settings) -> list[str]:
    """Every board a spider crawls, in the order ``crawl all`` runs them."""
    from kitacrawl.spiders.board import BoardSpider  # noqa: PLC0415 - the spider loader imports it

    process_loader = _spider_loader(settings)
    names = []
    for name in process_loader.list():
        cls = process_loader.load(name)
        if issubclass(cls, BoardSpider):
            names.append(name)
    order = {name: i for i, name in enumerate(site.BOARD_PATHS)}
    return sorted(names, key=lambda n: (order.get(n, len(order)), n))


def _spider_loader(settings: Settings) -> Any:
    from scrapy.spiderloader import SpiderLoader  # noqa: PLC0415 - only needed here

    return SpiderLoader.from_settings(settings.frozencopy())


def crawl(
    boards: Iterable[str],
    settings: Settings,
    spider_args: Mapping[str, Any] | None = None,
    *,
    on_crawler: Callable[[Crawler], None] | None = None,
) -> list[BoardResult]:
    """Crawl ``boards`` one after the other under one lock; one result per board run.

    Raises :class:`LockedError` (after writing a ``skipped`` ledger row) when
    another process holds the database, :class:`StorageError` when it cannot
    be opened. ``on_crawler`` is called with each crawler before it starts
    (the command line hangs its progress line there).
    """
    boards = list(boards)
    db_path = config.db_path(settings)
    args = dict(spider_args or {})
    try:
        session = Session.open(db_path)
    except LockedError as exc:
        mode = "single" if args.get("no") else args.get("mode", "incremental")
        for board in boards:
            record_refusal(db_path, board, board, mode, str(exc))
        raise
    results: list[BoardResult] = []
    try:
        process = CrawlerProcess(settings)

        @defer.inlineCallbacks
        def sequence() -> Any:
            for board in boards:
                crawler = process.create_crawler(board)
                if on_crawler is not None:
                    on_crawler(crawler)
                yield process.crawl(crawler, **args)
                result = _result(board, crawler)
                results.append(result)
                if result.exit_code in _STOPPING:
                    break

        done = sequence()
        done.addBoth(_stop_reactor)
        process.start(stop_after_crawl=False)
    finally:
        session.close()
    return results


def _result(board: str, crawler: Crawler) -> BoardResult:
    run = BoardRun.of(crawler)
    outcome = run.outcome
    stats = crawler.stats.get_stats() if crawler.stats is not None else {}
    return BoardResult(
        board=board,
        exit_code=run.exit_code,
        crawl_id=run.crawl_id,
        status=outcome.status if outcome else "failed",
        message=outcome.message if outcome else "the crawl did not start",
        stats=stats,
    )


def _stop_reactor(result: Any) -> Any:
    from twisted.internet import reactor  # noqa: PLC0415 - the one Scrapy installed
    from twisted.internet.error import ReactorNotRunning  # noqa: PLC0415 - beside the reactor

    # A signal may have stopped it already (Scrapy's graceful shutdown).
    with contextlib.suppress(ReactorNotRunning):
        cast("IReactorCore", reactor).stop()  # type: ignore[misc]  # zope declares stop() without self
    return result


def worst(codes: Iterable[ExitCode]) -> ExitCode:
    """The exit code of several board runs: the most severe of theirs."""
    codes = list(codes)
    for code in SEVERITY:
        if code in codes:
            return code
    return ExitCode.OK


__all__ = [
    "BoardResult",
    "LockedError",
    "StorageError",
    "board_names",
    "crawl",
    "project_settings",
    "worst",
]


def examine(settings: Settings, board: str, folder: Path | None) -> doctor.Report:
    """The first-contact check (``kitacrawl doctor``): fetch, diagnose, save the pages."""
    from kitacrawl.spiders.doctor import DoctorSpider  # noqa: PLC0415 - loads the page code

    process = CrawlerProcess(settings)
    crawler = process.create_crawler(DoctorSpider)
    process.crawl(crawler, board=board)
    process.start()
    spider = crawler.spider
    assert isinstance(spider, DoctorSpider)
    fetches = spider.fetches
    report = doctor.diagnose(
        config.board_urls(settings, board),
        board,
        robots=fetches.get("robots.txt"),
        listing=fetches.get("list page 1"),
        article=fetches.get("article"),
        home=fetches.get("home page"),
    )
    if folder is not None:
        doctor.save(report, list(fetches.values()), folder)
    return report
