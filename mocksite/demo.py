"""`make demo`: start the offline imitation, crawl it, show what landed.

Runs the real `kitacrawl crawl all` command (a subprocess, as cron would)
against the imitation of KITA's three English boards on 127.0.0.1 and a random
port, then prints each board's ledger row, a few articles, the problems, and
how the database compares with the imitation's ground truth, board by board.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from kitacrawl.storage import Storage
from mocksite import MockSite, build_board
from mocksite.truth import compare

BOARDS = ("news", "insights", "photos")


def crawl(base_url: str, db: Path, *args: str, log_level: str = "WARNING") -> int:
    command = [
        sys.executable, "-m", "kitacrawl", "crawl", "all", "--base-url", base_url,
        "--db", str(db), "-s", f"LOG_LEVEL={log_level}", *args,
    ]  # fmt: skip
    return subprocess.run(command, check=False).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="output/demo.db")
    parser.add_argument("--articles", type=int, default=60)
    options = parser.parse_args(argv)
    db = Path(options.db)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)

    with MockSite(build_board(options.articles), boards=BOARDS) as server:
        print(f"imitation of www.kita.org at {server.base_url}: {', '.join(BOARDS)}")
        code = crawl(server.base_url, db)
        truths = {board: server.ground_truth(board=board) for board in BOARDS}
    print(f"kitacrawl crawl all exited with {code}\n")

    storage = Storage.open(db)
    good = True
    try:
        for board, truth in truths.items():
            good &= report(storage, board, truth)
        print(f'\ntry: .venv/bin/kitacrawl search "trade" --db {db}')
        print(f"     .venv/bin/kitacrawl report --db {db} && .venv/bin/kitacrawl serve --db {db}")
    finally:
        storage.close()
    return 0 if code == 0 and good else 1


def report(storage: Storage, board: str, truth: dict[str, object]) -> bool:
    """Print what one board's crawl left; True when it is exactly the truth."""
    ledger = storage.db.execute(
        "SELECT id, status, exit_code, requests, list_pages, articles_new, problems"
        " FROM crawls WHERE board = ? ORDER BY id DESC LIMIT 1",
        [board],
    ).fetchone()
    names = ("id", "status", "exit", "requests", "list_pages", "new", "problems")
    print(f"== {board}: run", " ".join(f"{k}={v}" for k, v in zip(names, ledger, strict=True)))
    for no, published, hits, title in storage.db.execute(
        "SELECT no, published, hits, title FROM articles WHERE board = ? ORDER BY no DESC LIMIT 3",
        [board],
    ):
        print(f"  {no:5d}  {published or '':<10} {hits if hits is not None else '':>6}  {title}")
    kinds = storage.db.execute(
        "SELECT kind, count(*) FROM problems WHERE board = ? GROUP BY kind ORDER BY kind", [board]
    ).fetchall()
    print("  problems:", ", ".join(f"{kind} x{n}" for kind, n in kinds) or "none")
    result = compare(storage, truth)
    diffs = result.article_differences()
    print(f"  {result.exact}/{result.expected} articles match the ground truth exactly")
    for diff in diffs[:5]:
        print(f"  differs: {diff}")
    return not diffs and result.stored == result.expected


if __name__ == "__main__":
    raise SystemExit(main())
