"""Run `scrapy crawl news` as cron would (a subprocess) and read what it left.

Shared by the end-to-end, incremental and fault tests. A subprocess gives the
real exit code and a fresh Twisted reactor per run.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kitacrawl.storage import Storage

PROJECT = Path(__file__).resolve().parent.parent
# A loopback base URL already runs without politeness delays (kitacrawl.config.
# LOCAL_SPEED); tests add short timeouts and one retry, so that faults resolve fast.
TEST_SETTINGS = (
    "CONCURRENT_REQUESTS=8",
    "CONCURRENT_REQUESTS_PER_DOMAIN=8",
    "LOG_LEVEL=INFO",
    "DOWNLOAD_TIMEOUT=2",
    "RETRY_TIMES=1",
)


@dataclass
class CrawlResult:
    code: int
    stderr: str


def command(base_url: str, db: Path, *args: str, settings: tuple[str, ...] = ()) -> list[str]:
    cmd = [sys.executable, "-m", "scrapy", "crawl", "news", *args]
    for setting in (
        *TEST_SETTINGS,
        f"KITACRAWL_BASE_URL={base_url}",
        f"KITACRAWL_DB={db}",
        *settings,
    ):
        cmd += ["-s", setting]
    return cmd


def environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """This process's environment without kitacrawl settings, plus ``extra``."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("KITACRAWL_")}
    env["PYTHONPATH"] = str(PROJECT)
    env.update(extra or {})
    return env


def crawl(
    base_url: str,
    db: Path,
    *args: str,
    settings: tuple[str, ...] = (),
    env: dict[str, str] | None = None,
    timeout: float = 180,
) -> CrawlResult:
    done = subprocess.run(
        command(base_url, db, *args, settings=settings),
        cwd=PROJECT,
        env=environment(env),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return CrawlResult(done.returncode, done.stderr)


def start(base_url: str, db: Path, *args: str, settings: tuple[str, ...] = ()) -> subprocess.Popen:
    return subprocess.Popen(
        command(base_url, db, *args, settings=settings),
        cwd=PROJECT,
        env=environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def stop(process: subprocess.Popen, sig: int = signal.SIGKILL) -> int:
    process.send_signal(sig)
    try:
        process.communicate(timeout=60)
    finally:
        if process.stderr is not None:
            process.stderr.close()
    return process.returncode


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
