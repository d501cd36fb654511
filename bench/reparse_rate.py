"""Figure 7: re-extraction from the archive, pages/s, with every core.

A full crawl of the imitation fills an archive; then the derived tables are
emptied and ``kitacrawl reparse`` (a subprocess, as a person runs it) reads
every archived article page again with no request. Its own figure (pages read
over the seconds it spent reading and storing them) is taken, and the wall
time of the whole command. A second ``reparse`` over the rebuilt tables is the
"nothing changed" pass.
"""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
import time
from typing import Any

from bench.config import PROJECT, Config
from bench.crawls import Crawler, crawl_environment, remove_db, serve
from bench.measure import median, say
from mocksite import build_board

_RATE = re.compile(
    r"(?P<pages>\d+) archived pages read in (?P<seconds>[\d.]+) s \((?P<rate>\d+) pages/s"
)


def _reparse(db: str) -> dict[str, float]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "kitacrawl", "reparse", "--db", db],
        cwd=PROJECT, env=crawl_environment(), capture_output=True, text=True, check=False,
    )  # fmt: skip
    wall = time.perf_counter() - started
    match = _RATE.search(done.stdout)
    if done.returncode != 0 or match is None:
        raise RuntimeError(f"reparse failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return {"pages": int(match["pages"]), "rate": float(match["rate"]), "wall": wall}


def bench_reparse(config: Config, crawler: Crawler, results: dict[str, Any]) -> None:
    db = crawler.workdir / "reparse.db"
    remove_db(db)
    with serve(build_board(config.reparse_articles)) as server:
        crawler.real(server.base_url, db)
    rebuilt, again = [], []
    for round_no in range(config.reparse_rounds):
        with sqlite3.connect(db) as conn:
            conn.execute("DELETE FROM articles")
            conn.execute("DELETE FROM links")
        run = _reparse(str(db))
        rebuilt.append(run)
        again.append(_reparse(str(db)))
        say(
            f"  reparse {round_no + 1}/{config.reparse_rounds}: {run['pages']} pages,"
            f" {run['rate']:.0f} pages/s ({run['wall']:.1f} s with start-up);"
            f" unchanged {again[-1]['rate']:.0f} pages/s"
        )
    if not config.keep:
        remove_db(db)
    results["reparse"] = {
        "articles": config.reparse_articles,
        "pages": rebuilt[0]["pages"],
        "pages_per_s": median([r["rate"] for r in rebuilt]),
        "wall": median([r["wall"] for r in rebuilt]),
        "unchanged_pages_per_s": median([r["rate"] for r in again]),
        "rounds": len(rebuilt),
    }
