"""Run `scrapy crawl news` as cron would (a subprocess) and read what it left.

Shared by the end-to-end, incremental and fault tests. A subprocess gives the
real exit code and a fresh Twisted reactor per run.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kitacrawl.storage import Storage

PROJECT = Path(__file__).resolve().parent.parent
FAST_LOCAL = (
    "DOWNLOAD_DELAY=0",
    "AUTOTHROTTLE_ENABLED=0",
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
    for setting in (*FAST_LOCAL, f"KITACRAWL_BASE_URL={base_url}", f"KITACRAWL_DB={db}", *settings):
        cmd += ["-s", setting]
    return cmd


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("KITACRAWL_BASE_URL", None)
    env.pop("KITACRAWL_DB", None)
    env["PYTHONPATH"] = str(PROJECT)
    return env


def crawl(
    base_url: str, db: Path, *args: str, settings: tuple[str, ...] = (), timeout: float = 180
) -> CrawlResult:
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


def snapshot(db: Path) -> dict[str, Any]:
    storage = Storage.open(db)
    try:
        return {
            "articles": {row["no"]: row for row in storage.iter_articles("news")},
            "links": {
                no: storage.links("news", no)
                for no in (r[0] for r in storage.db.execute("SELECT no FROM articles"))
            },
            "problems": list(storage.db["problems"].rows),
            "crawls": list(storage.db.query("SELECT * FROM crawls ORDER BY id")),
            "hits": list(storage.db["hits"].rows),
        }
    finally:
        storage.close()
