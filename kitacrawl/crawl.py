"""Crawl boards: the one way a crawl starts, for both command lines and for tests.

:func:`crawl_boards` crawls boards one after the other on a Scrapy
``CrawlerRunner`` under one database session (one lock for ``crawl all``) and
returns a Deferred of one :class:`BoardResult` per board run; the test suite
calls it on the reactor it runs. :func:`crawl_and_wait` is the command lines' way
(``kitacrawl crawl`` and ``scrapy crawl``): the session first, so that a
refused run says one line before Scrapy prints anything, then a
``CrawlerProcess`` that runs :func:`crawl_boards` and stops.

Each board's crawl is a :class:`kitacrawl.boardrun.BoardRun` of its own (ledger
row, exit code), writing through the session lent to its crawler. Works from
any directory: the settings come from the :mod:`kitacrawl.settings` module, not
from a ``scrapy.cfg`` found on the way.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from scrapy.crawler import Crawler, CrawlerProcess, CrawlerRunner
from scrapy.settings import Settings
from twisted.internet import defer
from twisted.python.failure import Failure

from kitacrawl import config, site
from kitacrawl.boardrun import BoardRun
from kitacrawl.outcome import ExitCode, RunTally
from kitacrawl.plan import INCREMENTAL, SINGLE
from kitacrawl.runlock import LockedError
from kitacrawl.session import DatabaseSession, open_session
from kitacrawl.storage import StorageError

if TYPE_CHECKING:
    from twisted.internet.interfaces import IReactorCore

logger = logging.getLogger(__name__)

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
    # What the run counted: articles new, changed, unchanged, problems, list pages.
    tally: RunTally = field(default_factory=RunTally)


def project_settings(overrides: Mapping[str, Any] | None = None) -> Settings:
    """kitacrawl's Scrapy settings, with ``overrides`` at command-line priority."""
    settings = Settings()
    settings.setmodule(SETTINGS_MODULE, priority="project")
    for name, value in (overrides or {}).items():
        settings.set(name, value, priority="cmdline")
    return settings


def board_names(settings: Settings) -> list[str]:
    """Every board a spider crawls, in the order ``crawl all`` runs them."""
    from scrapy.spiderloader import SpiderLoader  # noqa: PLC0415 - only needed here

    from kitacrawl.spiders.board import BoardSpider  # noqa: PLC0415 - the spider loader imports it

    loader = SpiderLoader.from_settings(settings.frozencopy())
    names = [name for name in loader.list() if issubclass(loader.load(name), BoardSpider)]
    order = {name: i for i, name in enumerate(site.BOARD_PATHS)}
    return sorted(names, key=lambda n: (order.get(n, len(order)), n))


def mode_of(spider_args: Mapping[str, Any]) -> str:
    """The ledger's mode of a crawl with these spider arguments."""
    if spider_args.get("no") not in (None, ""):
        return SINGLE
    return str(spider_args.get("mode") or INCREMENTAL)


def open_crawl_session(
    settings: Settings, boards: Iterable[str], spider_args: Mapping[str, Any]
) -> DatabaseSession:
    """The session of a crawl of ``boards``; a refusal is recorded for each of them.

    Raises :class:`LockedError` or :class:`StorageError` (see
    :func:`kitacrawl.session.open_session`).
    """
    return open_session(config.db_path(settings), list(boards), mode_of(spider_args))


def crawl_boards(
    runner: CrawlerRunner,
    boards: Iterable[str],
    spider_args: Mapping[str, Any] | None = None,
    *,
    session: DatabaseSession | None = None,
    on_crawler: Callable[[Crawler], None] | None = None,
) -> defer.Deferred[list[BoardResult]]:
    """Crawl ``boards`` one after the other on ``runner``; one result per board run.

    Runs under ``session`` (its holder closes it) or, when none is given, under
    one opened here for the whole sequence and closed at its end; the
    Deferred then fails with :class:`LockedError` (after recording the refused
    runs) or :class:`StorageError` when the database cannot be had. It fails
    with :class:`kitacrawl.config.BadSetting`, before anything is opened, when
    a kitacrawl setting cannot be used. A board
    whose run ends in a storage error, an interruption or a refusal stops the
    sequence. ``on_crawler`` is called with each crawler before it starts (the
    command line hangs its progress line there).
    """
    boards = list(boards)
    args = dict(spider_args or {})
    try:
        config.check(runner.settings)
    except config.BadSetting:
        return defer.fail()
    if session is not None:
        return _sequence(runner, session, boards, args, on_crawler)
    try:
        owned = open_crawl_session(runner.settings, boards, args)
    except (LockedError, StorageError):
        return defer.fail()
    done = _sequence(runner, owned, boards, args, on_crawler)

    def close(result: Any) -> Any:
        owned.close()
        return result

    return done.addBoth(close)


@defer.inlineCallbacks
def _sequence(
    runner: CrawlerRunner,
    session: DatabaseSession,
    boards: list[str],
    args: dict[str, Any],
    on_crawler: Callable[[Crawler], None] | None,
) -> Any:
    results: list[BoardResult] = []
    for board in boards:
        crawler = runner.create_crawler(board)
        session.lend_to(crawler)
        if on_crawler is not None:
            on_crawler(crawler)
        yield runner.crawl(crawler, **args)
        result = _result(board, crawler)
        results.append(result)
        if result.exit_code in _STOPPING:
            break
    return results


def _result(board: str, crawler: Crawler) -> BoardResult:
    board_run = BoardRun.of(crawler)
    outcome = board_run.outcome
    stats = crawler.stats.get_stats() if crawler.stats is not None else {}
    return BoardResult(
        board=board,
        exit_code=board_run.exit_code,
        crawl_id=board_run.crawl_id,
        status=outcome.status if outcome else "failed",
        message=outcome.message if outcome else "the crawl did not start",
        stats=stats,
        tally=board_run.tally,
    )


def crawl_and_wait(
    boards: Iterable[str],
    settings: Settings,
    spider_args: Mapping[str, Any] | None = None,
    *,
    process: CrawlerProcess | None = None,
    session: DatabaseSession | None = None,
    on_crawler: Callable[[Crawler], None] | None = None,
) -> list[BoardResult]:
    """Crawl ``boards`` in this process, as the command lines do; returns when done.

    The session is opened before the ``CrawlerProcess`` (unless the caller
    holds one, or made the process already: ``scrapy crawl``), so that a
    refused run raises :class:`LockedError` before Scrapy prints anything;
    :class:`StorageError` when the database cannot be opened;
    :class:`kitacrawl.config.BadSetting` (before either) when a kitacrawl
    setting cannot be used. SIGTERM and
    Ctrl-C stop the crawl gracefully (Scrapy's handlers, installed by the
    process); the run in progress ends ``interrupted``.
    """
    boards = list(boards)
    args = dict(spider_args or {})
    config.check(settings)
    owned = session is None
    if session is None:
        session = open_crawl_session(settings, boards, args)
    results: list[BoardResult] = []
    try:
        if process is None:
            process = CrawlerProcess(settings)
        done = crawl_boards(process, boards, args, session=session, on_crawler=on_crawler)
        done.addCallback(results.extend)
        done.addErrback(_log_failure)
        if not done.called:  # a crawler that fails to start fails before the reactor runs
            done.addBoth(_stop_reactor)
            process.start(stop_after_crawl=False)
    finally:
        if owned:
            session.close()
    return results


def _log_failure(failure: Failure) -> None:
    # A crawler that could not start (a spider argument it refuses, ...): no result.
    logger.error("the crawl could not run: %s", failure.getTraceback())


def _stop_reactor(result: Any) -> Any:
    from twisted.internet import reactor  # noqa: PLC0415 - the one Scrapy installed
    from twisted.internet.error import ReactorNotRunning  # noqa: PLC0415 - beside the reactor

    # A signal may have stopped it already (Scrapy's graceful shutdown).
    with contextlib.suppress(ReactorNotRunning):
        cast("IReactorCore", reactor).stop()  # type: ignore[misc]  # zope declares stop() without self
    return result


def refused(exc: LockedError | StorageError) -> ExitCode:
    """Say in one line on stderr why a crawl did not start; its exit code."""
    if isinstance(exc, LockedError):
        print(f"kitacrawl: {exc}; nothing done", file=sys.stderr)
        return ExitCode.LOCKED
    print(f"kitacrawl: {exc}", file=sys.stderr)
    return ExitCode.STORAGE


def worst(codes: Iterable[ExitCode]) -> ExitCode:
    """The exit code of several board runs: the most severe of theirs."""
    codes = list(codes)
    for code in SEVERITY:
        if code in codes:
            return code
    return ExitCode.OK


def exit_code(results: list[BoardResult]) -> ExitCode:
    """The exit code of a crawl: the worst of its boards', failed when none ran."""
    return worst(r.exit_code for r in results) if results else ExitCode.FAILED


__all__ = [
    "BoardResult",
    "LockedError",
    "StorageError",
    "board_names",
    "crawl_and_wait",
    "crawl_boards",
    "exit_code",
    "open_crawl_session",
    "project_settings",
    "refused",
    "worst",
]
