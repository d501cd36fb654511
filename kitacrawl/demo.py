"""`make demo`: start the offline imitation, crawl it, show what landed.

Runs the real `scrapy crawl news` command (a subprocess, as cron would) against
the imitation on 127.0.0.1 and a random port, then prints the ledger row, a
few articles, the problems, and how the database compares with the
imitation's ground truth.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from kitacrawl.mocksite import MockSite, build_board
from kitacrawl.mocksite.truth import compare
from kitacrawl.storage import Storage


def crawl(base_url: str, db: Path, *args: str, log_level: str = "WARNING") -> int:
    env = {**os.environ, "KITACRAWL_BASE_URL": base_url, "KITACRAWL_DB": str(db)}
    command = [
        sys.executable,
        "-m",
        "scrapy",
        "crawl",
        "news",
        "-s",
        f"LOG_LEVEL={log_level}",
        *args,
    ]
    return subprocess.run(command, env=env, check=False).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="output/demo.db")
    parser.add_argument("--articles", type=int, default=60)
    options = parser.parse_args(argv)
    db = Path(options.db)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)

    board = build_board(options.articles)
    with MockSite(board) as server:
        print(f"imitation of www.kita.org at {server.base_url} ({options.articles} articles)")
        code = crawl(server.base_url, db)
        truth = server.ground_truth()
    print(f"scrapy crawl news exited with {code}\n")

    storage = Storage.open(db)
    try:
        ledger = storage.db.execute(
            "SELECT id, status, exit_code, requests, list_pages, articles_new, problems"
            " FROM crawls ORDER BY id DESC LIMIT 1"
        ).fetchone()
        names = ("id", "status", "exit", "requests", "list_pages", "new", "problems")
        print(
            "run ledger (crawls):", " ".join(f"{k}={v}" for k, v in zip(names, ledger, strict=True))
        )
        print("\nnewest articles:")
        for no, published, hits, title in storage.db.execute(
            "SELECT no, published, hits, title FROM articles ORDER BY no DESC LIMIT 5"
        ):
            print(
                f"  {no:5d}  {published or '':<10} {hits if hits is not None else '':>6}  {title}"
            )
        print("\nproblems:")
        for row in storage.db.execute("SELECT no, kind, detail FROM problems ORDER BY no"):
            print(f"  {row[0]!s:>5}  {row[1]:<12} {row[2][:60]}")
        result = compare(storage, truth)
        diffs = result.article_differences()
        stored = storage.db["articles"].count
        print(
            f"\n{result.exact}/{result.expected} articles match the ground truth exactly; "
            f"{stored} stored in {db}"
        )
        for diff in diffs[:10]:
            print(f"  differs: {diff}")
        print(f'\ntry: .venv/bin/sqlite-utils search {db} articles "trade" -c no -c title')
    finally:
        storage.close()
    return 0 if code == 0 and not diffs and stored == len(truth["articles"]) else 1


if __name__ == "__main__":
    raise SystemExit(main())
