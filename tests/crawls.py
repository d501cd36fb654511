"""Crawls of the imitation for the tests, and what they left in the database.

:func:`crawl` crawls in this process, as Scrapy's own suite does: through
:func:`kitacrawl.crawl.crawl_boards` (the function both command lines run) on
the reactor pytest-twisted runs for the test session (``--reactor=asyncio``,
Scrapy's default reactor). It costs no interpreter start-up, so it is the
default. A test that crawls is a coroutine run on that reactor, as in Scrapy's
own suite::

    @deferred_f_from_coro_f
    async def test_something(site: MockSite, db: Path) -> None:
        result = await crawls.crawl(site.base_url, db, mode="full")

(a fixture, which pytest calls outside the reactor, waits with
:func:`crawl_and_wait`). Tests of the process itself (exit codes and signals as
cron sees them, ``kill -9``, a second process refused by the lock, the
command's own output) run a real one: :func:`run_process` starts ``python -m
scrapy crawl`` and reads its stderr; :func:`start` forks one from a server that
imported Scrapy and kitacrawl already (milliseconds instead of a second and a
half of imports), for the tests that signal or kill many.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest_twisted
from scrapy.crawler import CrawlerRunner
from scrapy.utils.defer import deferred_from_coro, maybe_deferred_to_future

from kitacrawl.crawl import BoardResult, crawl_boards, exit_code, project_settings
from kitacrawl.doctor import examine
from kitacrawl.outcome import ExitCode
from kitacrawl.runlock import LockedError
from kitacrawl.storage import Storage, StorageError

PROJECT = Path(__file__).resolve().parent.parent
# A loopback base URL already runs without politeness delays (kitacrawl.config.
# LOCAL_SPEED); tests add short timeouts and one retry, so that faults resolve fast.
TEST_SETTINGS = {
    "CONCURRENT_REQUESTS": "8",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "8",
    "LOG_LEVEL": "INFO",
    "DOWNLOAD_TIMEOUT": "2",
    "RETRY_TIMES": "1",
}


@dataclass
class CrawlResult:
    code: int
    # What the crawl logged: its warnings and errors (in this process), or the
    # process's whole stderr.
    log: str
    # One result per board run (in this process), as the command lines print them.
    results: list[BoardResult] = field(default_factory=list)


def overrides(base_url: str, db: Path, settings: tuple[str, ...] = ()) -> dict[str, str]:
    """The crawl's settings: the tests', the site and database, then ``NAME=value`` pairs."""
    given = dict(setting.split("=", 1) for setting in settings)
    return {**TEST_SETTINGS, "KITACRAWL_BASE_URL": base_url, "KITACRAWL_DB": str(db), **given}


async def crawl(
    base_url: str,
    db: Path,
    *,
    boards: tuple[str, ...] = ("news",),
    settings: tuple[str, ...] = (),
    env: Mapping[str, str] | None = None,
    **spider_args: Any,
) -> CrawlResult:
    """Crawl ``boards`` in this process; ``spider_args`` as ``scrapy crawl -a`` gives them.

    ``env`` is the crawl's view of the environment's ``KITACRAWL_*`` variables
    (none by default, as for :func:`run_process`).
    """
    runner = CrawlerRunner(project_settings(overrides(base_url, db, settings)))
    with kitacrawl_environment(env), logged() as records:
        try:
            results = await maybe_deferred_to_future(crawl_boards(runner, boards, spider_args))
        except LockedError as exc:
            return CrawlResult(ExitCode.LOCKED, str(exc))
        except StorageError as exc:
            return CrawlResult(ExitCode.STORAGE, str(exc))
    return CrawlResult(exit_code(results), "\n".join(records), results)


async def doctor(
    base_url: str, folder: Path, *, board: str = "news", settings: tuple[str, ...] = ()
) -> dict[str, Any]:
    """The doctor's report on ``board`` (as ``kitacrawl doctor --format json`` prints it)."""
    given = dict(setting.split("=", 1) for setting in settings)
    runner = CrawlerRunner(project_settings({"KITACRAWL_BASE_URL": base_url, **given}))
    with kitacrawl_environment(None):
        report = await maybe_deferred_to_future(examine(runner, board, folder))
    return report.to_json()


def crawl_and_wait(base_url: str, db: Path, **options: Any) -> CrawlResult:
    """:func:`crawl`, from a fixture (outside the reactor): returns when it is done."""
    result: CrawlResult = pytest_twisted.blockon(deferred_from_coro(crawl(base_url, db, **options)))
    return result


@contextlib.contextmanager
def kitacrawl_environment(env: Mapping[str, str] | None) -> Iterator[None]:
    """``os.environ`` with exactly ``env`` as its ``KITACRAWL_*`` variables, meanwhile."""
    saved = {name: value for name, value in os.environ.items() if name.startswith("KITACRAWL_")}
    for name in saved:
        del os.environ[name]
    os.environ.update(env or {})
    try:
        yield
    finally:
        for name in [name for name in os.environ if name.startswith("KITACRAWL_")]:
            del os.environ[name]
        os.environ.update(saved)


class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname} {record.name}: {record.getMessage()}")


@contextlib.contextmanager
def logged() -> Iterator[list[str]]:
    """The warnings and errors logged meanwhile, as lines."""
    handler = _Lines()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler.lines
    finally:
        root.removeHandler(handler)


# -- a real process, where the process is what a test is about ----------------------
def command(base_url: str, db: Path, *args: str, settings: tuple[str, ...] = ()) -> list[str]:
    """``scrapy crawl news`` with the tests' settings, as cron would start it."""
    cmd = [sys.executable, "-m", "scrapy", "crawl", "news", *args]
    for name, value in overrides(base_url, db, settings).items():
        cmd += ["-s", f"{name}={value}"]
    return cmd


def environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """This process's environment without kitacrawl settings, plus ``extra``."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("KITACRAWL_")}
    env["PYTHONPATH"] = str(PROJECT)
    env.update(extra or {})
    return env


def run_process(
    base_url: str,
    db: Path,
    *args: str,
    settings: tuple[str, ...] = (),
    timeout: float = 180,
) -> CrawlResult:
    """``scrapy crawl news ARGS`` in a process of its own; its exit code and stderr."""
    done = subprocess.run(
        command(base_url, db, *args, settings=settings),
        cwd=PROJECT,
        env=environment(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return CrawlResult(done.returncode, done.stderr)


# Processes forked from a server that imported Scrapy, kitacrawl and the crawl's
# components once (the standard library's forkserver: a fresh interpreter, no reactor,
# no thread; see tests/forkserver.py): a crawl asks for its first page 0.2 s after the
# fork instead of the second and a half a new interpreter spends on imports.
_FORKS = multiprocessing.get_context("forkserver")
_FORKS.set_forkserver_preload(["tests.forkserver"])


def _scrapy_command(argv: list[str], env: dict[str, str]) -> None:
    """In the forked process: ``scrapy ARGV`` from the project folder, output discarded."""
    os.chdir(PROJECT)
    os.environ.clear()
    os.environ.update(env)
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)
    from scrapy.cmdline import execute  # noqa: PLC0415 - preloaded by the fork server

    execute(["scrapy", *argv])


def start(base_url: str, db: Path, *args: str, settings: tuple[str, ...] = ()) -> Any:
    """``scrapy crawl news ARGS`` as a process of its own, forked ready-imported (its output
    discarded), for a test to signal or kill: a ``multiprocessing.Process``."""
    argv = command(base_url, db, *args, settings=settings)[3:]  # from "crawl" on
    process = _FORKS.Process(target=_scrapy_command, args=(argv, environment()))
    process.start()
    return process


def stop(process: Any, sig: int = signal.SIGKILL) -> int:
    """Send ``sig`` to a process :func:`start` started; its exit code (``-sig`` if killed)."""
    os.kill(process.pid, sig)
    process.join(60)
    assert process.exitcode is not None, f"the crawl is still running after signal {sig}"
    return int(process.exitcode)


# -- what a crawl left ----------------------------------------------------------------
@contextlib.contextmanager
def storage(db: Path) -> Iterator[Storage]:
    opened = Storage.open(db)
    try:
        yield opened
    finally:
        opened.close()


def snapshot(db: Path, board: str = "news") -> dict[str, Any]:
    storage = Storage.open(db)
    try:
        return {
            "articles": {row["no"]: row for row in storage.iter_articles(board)},
            "links": {
                no: storage.links(board, no)
                for no in (
                    r[0]
                    for r in storage.db.execute("SELECT no FROM articles WHERE board = ?", [board])
                )
            },
            "problems": list(storage.db["problems"].rows),
            "crawls": list(storage.db.query("SELECT * FROM crawls ORDER BY id")),
            "hits": list(storage.db["hits"].rows),
        }
    finally:
        storage.close()


def board_state(db: Path) -> dict[str, int]:
    """``board_state.complete_upto`` by board."""
    storage = Storage.open(db)
    try:
        return {r["board"]: r["complete_upto"] for r in storage.db["board_state"].rows}
    finally:
        storage.close()
