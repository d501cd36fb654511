"""One crawl as cron runs it, measured: a subprocess, its stats, rusage and log.

``Crawler`` runs the bare baseline (``bare_spider.py``) and the real ``news``
spider with the same settings and reads what each left (``CrawlRun``);
``serve`` puts the imitation on 127.0.0.1, answering from this process's
threads.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.config import PROJECT
from bench.measure import process_cpu_seconds
from kitacrawl import site
from mocksite import MockSite, NewsBoard, build_board
from mocksite.boards.tradenews import TradeNewsBoard
from mocksite.kinds import FLAKY

# The same for the bare and the real crawl: the imitation is local, so no
# politeness delays, and per-domain concurrency raised along with the total.
COMMON_SETTINGS: dict[str, str] = {
    "CONCURRENT_REQUESTS": "16",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "16",
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "0",
    "ROBOTSTXT_OBEY": "1",
    "COOKIES_ENABLED": "0",
    "TELNETCONSOLE_ENABLED": "0",
    "LOG_LEVEL": "WARNING",
    "STATS_CLASS": "bench.statsfile.FileStatsCollector",
}
# Scrapy's own knobs. When kitacrawl's settings tune one of them, the baseline
# gets the same value: the ratio compares the project's work, not a tuning of
# Scrapy that any spider could have.
MIRRORED_SETTINGS = (
    "CONCURRENT_ITEMS",
    "WARN_ON_GENERATOR_RETURN_VALUE",
    "TWISTED_REACTOR",
    "REACTOR_THREADPOOL_MAXSIZE",
    "DNSCACHE_ENABLED",
)


def mirrored_settings() -> dict[str, str]:
    """The values kitacrawl's settings give to MIRRORED_SETTINGS (those it sets)."""
    from kitacrawl import settings as project  # noqa: PLC0415 - read once, when asked

    return {
        name: str(getattr(project, name)) for name in MIRRORED_SETTINGS if hasattr(project, name)
    }


def crawl_environment() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("KITACRAWL_BASE_URL", None)
    env.pop("KITACRAWL_DB", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT), env.get("PYTHONPATH")]))
    return env


def settings_args(settings: dict[str, str]) -> list[str]:
    args: list[str] = []
    for name, value in settings.items():
        args += ["-s", f"{name}={value}"]
    return args


def remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


@dataclass
class CrawlRun:
    kind: str
    code: int
    wall: float  # the whole process, start-up included
    elapsed: float  # the spider's own elapsed_time_seconds (open to close)
    requests: int
    responses: int
    cpu: float  # user + system seconds of the crawl process
    max_rss_mb: float
    server_cpu: float  # CPU seconds the imitation spent meanwhile
    stats: dict[str, Any] = field(repr=False, default_factory=dict)

    @property
    def pages_per_s(self) -> float:
        return self.responses / self.elapsed if self.elapsed > 0 else float("nan")


class Crawler:
    """Runs crawls as subprocesses and reads their stats, rusage and logs."""

    def __init__(
        self,
        workdir: Path,
        set_both: dict[str, str] | None = None,
        set_real: dict[str, str] | None = None,
    ) -> None:
        self.workdir = workdir
        self.counter = 0
        self.set_both = set_both or {}
        self.set_real = set_real or {}

    def _run(self, kind: str, command: list[str], settings: dict[str, str]) -> CrawlRun:
        self.counter += 1
        stats_file = self.workdir / f"{self.counter:03d}-{kind}.stats.json"
        log_file = self.workdir / f"{self.counter:03d}-{kind}.log"
        stats_file.unlink(missing_ok=True)
        full = command + settings_args(
            {**COMMON_SETTINGS, **settings, "BENCH_STATS_FILE": str(stats_file)}
        )
        server_before = process_cpu_seconds()
        started = time.perf_counter()
        with log_file.open("wb") as log:
            process = subprocess.Popen(
                full,
                cwd=PROJECT,
                env=crawl_environment(),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        server_cpu = process_cpu_seconds() - server_before
        process.returncode = os.waitstatus_to_exitcode(status)
        stats: dict[str, Any] = {}
        if stats_file.exists():
            stats = json.loads(stats_file.read_text(encoding="utf-8"))
        run = CrawlRun(
            kind=kind,
            code=process.returncode,
            wall=wall,
            elapsed=float(stats.get("elapsed_time_seconds") or wall),
            requests=int(stats.get("downloader/request_count", 0)),
            responses=int(stats.get("downloader/response_count", 0)),
            cpu=usage.ru_utime + usage.ru_stime,
            # The crawl's own VmHWM; ru_maxrss would include this process's peak (see statsfile).
            max_rss_mb=float(stats.get("bench/peak_rss_kb") or usage.ru_maxrss) / 1024,
            server_cpu=server_cpu,
            stats=stats,
        )
        if run.code != 0 or not stats:
            tail = log_file.read_text(encoding="utf-8", errors="replace")[-3000:]
            raise RuntimeError(f"{kind} crawl exited with {run.code}:\n{tail}")
        return run

    def bare(self, base_url: str, *, mirror: bool = True, board: str = "news") -> CrawlRun:
        """The baseline; ``mirror=False`` leaves Scrapy's defaults for MIRRORED_SETTINGS."""
        command = [sys.executable, str(PROJECT / "bench" / "bare_spider.py"), "--board", board]
        settings = {**(mirrored_settings() if mirror else {}), **self.set_both}
        kind = ("bare" if mirror else "bare-default") + ("" if board == "news" else f"-{board}")
        return self._run(kind, [*command, "--base-url", base_url], settings)

    def real(
        self,
        base_url: str,
        db: Path,
        *,
        mode: str = "full",
        board: str = "news",
        args: tuple[str, ...] = (),
    ) -> CrawlRun:
        """kitacrawl's own crawl of `board` (``-a mode=...`` and the spider arguments `args`)."""
        command = [sys.executable, "-m", "scrapy", "crawl", board, "-a", f"mode={mode}"]
        for arg in args:
            command += ["-a", arg]
        settings = {
            **self.set_both,
            "KITACRAWL_BASE_URL": base_url,
            "KITACRAWL_DB": str(db),
            **self.set_real,
        }
        suffix = "" if board == "news" else f"-{board}"
        return self._run(f"real-{mode}{suffix}", command, settings)


@contextlib.contextmanager
def serve_tradenews(board: TradeNewsBoard) -> Iterator[MockSite]:
    """The imitation of the Korean trade news (beside a small English news board)."""
    server = MockSite(build_board(20), boards=("news", "tradenews"), tradenews=board)
    with server:
        yield server


@contextlib.contextmanager
def serve(board: NewsBoard) -> Iterator[MockSite]:
    """The imitation on 127.0.0.1, answering from this process's threads."""
    server = MockSite(board)
    with server:
        # Flaky posts answer 503 to their first request only: spend those now,
        # so every measured crawl meets the same board.
        for no in board.nos_of(FLAKY):
            with contextlib.suppress(OSError):
                url = site.BoardUrls(server.base_url).article_url(no)
                urllib.request.urlopen(url, timeout=5).close()
        server.reset_requests()
        yield server
