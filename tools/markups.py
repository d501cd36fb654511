"""Crawl the imitation in many made-up markups and judge each run: exact, loud or wrong.

The same judgement as ``tests/e2e/test_markups.py``, over as many seeds as wanted
(the test suite crawls a representative handful). For each seed and scope the
imitation (``mocksite``, ``markup=seed``) is served on 127.0.0.1, ``kitacrawl
crawl`` runs against it as cron would (a process of its own), and the database
is compared with the imitation's truth:

- ``exact``: exit 0, an ``ok`` ledger row, every article stored as the truth says;
- ``loud``: a non-zero exit, a ledger row that is not ``ok``, nothing wrong stored;
- ``wrong``: anything else (a wrong field, a page stored that is no article, or
  articles missing from a run that called itself ok).

Usage (from the repository)::

    .venv/bin/python tools/markups.py                      # the 24 representative seeds, 3 scopes
    .venv/bin/python tools/markups.py --seeds 0-199 --scopes all --articles 60

Exits 1 when any run is ``wrong``.
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from mocksite import MockSite, build_board, markup_for, representative_seeds  # noqa: E402 - after the path
from mocksite.truth import compare  # noqa: E402 - after the path


def seeds_of(text: str) -> list[int]:
    found: list[int] = []
    for part in text.split(","):
        low, _, high = part.partition("-")
        found.extend(range(int(low), int(high or low) + 1))
    return found


def judge(db: Path, code: int, truth: dict[str, object]) -> tuple[str, str]:
    result = compare(db, truth)
    wrong = [
        *(f"{w.no}.{w.name}: {w.stored!r} != {w.expected!r}" for w in result.wrong_fields),
        *(f"{w.no} links differ" for w in result.wrong_links),
        *(f"{no}: not an article" for no in result.extra),
        *(f"{no}: a bad page stored" for no in result.problems_stored),
    ]
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT status, message FROM crawls ORDER BY id DESC LIMIT 1").fetchone()
    conn.close()
    status, message = row if row else ("none", "")
    if wrong:
        return "wrong", "; ".join(wrong[:3])
    if code == 0:
        if result.missing or status != "ok":
            return "wrong", f"exit 0, {status}, missing {list(result.missing)[:5]}"
        return "exact", message or ""
    return ("loud", message or "") if status != "ok" else ("wrong", f"exit {code} but ok")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", help="seeds, e.g. 0-99,150 (default: the representative 24)")
    parser.add_argument("--scopes", default="all,list,article", help="all, list, article")
    parser.add_argument("--articles", type=int, default=40, help="articles on the board")
    parser.add_argument("--verbose", action="store_true", help="say why each run is what it is")
    options = parser.parse_args(argv)
    seeds = seeds_of(options.seeds) if options.seeds else representative_seeds(24)
    tally = {"exact": 0, "loud": 0, "wrong": 0}
    for seed in seeds:
        for scope in options.scopes.split(","):
            with tempfile.TemporaryDirectory() as folder:
                db = Path(folder) / "kita.db"
                started = time.monotonic()
                with MockSite(
                    build_board(options.articles), markup=seed, markup_scope=scope
                ) as site:
                    done = subprocess.run(
                        [sys.executable, "-m", "kitacrawl", "crawl", "--base-url",
                         site.base_url, "--db", str(db), "--progress", "never",
                         "-s", "LOG_LEVEL=ERROR"],
                        cwd=PROJECT, capture_output=True, text=True, timeout=600, check=False,
                    )  # fmt: skip
                    truth = site.ground_truth()
                verdict, why = judge(db, done.returncode, truth)
            tally[verdict] += 1
            took = time.monotonic() - started
            line = f"{seed:5d} {scope:8s} exit {done.returncode}  {verdict:5s} {took:5.1f} s"
            if options.verbose or verdict == "wrong":
                line += f"  {why}\n      {markup_for(seed).describe()}"
            print(line, flush=True)
    print(", ".join(f"{count} {name}" for name, count in tally.items()))
    return 1 if tally["wrong"] else 0


if __name__ == "__main__":
    sys.exit(main())
