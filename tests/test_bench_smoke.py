"""Smoke test of the benchmark suite: ``python -m bench --quick`` runs end to end.

It crawls a tiny imitation with the bare baseline and the real spider, times
extraction and storage, and runs the incremental and peak-RSS crawls, all as
``make bench`` does on a bigger board. Nothing here asserts a speed: timings
belong to ``make bench`` and BENCHMARKS.md, not to the test suite.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_bench_runs_on_a_tiny_board(tmp_path: Path) -> None:
    report = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--json", str(report)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    lines = done.stdout.strip().splitlines()
    assert lines[-1].startswith("headline: full crawl CPU a page = ")
    assert lines[-1].endswith("(median of 1 pairs)")
    table = [line for line in lines if line.startswith("| ")]
    numbers = {line.split("|")[1].strip() for line in table[2:]}
    assert {"1", "2", "2c", "2d", "3", "3b", "3c", "3d", "3e", "4", "4b", "5", "6", "6b", "7"} <= (
        numbers
    )

    results = json.loads(report.read_text(encoding="utf-8"))
    crawl = results["crawl"]
    # Both crawls walked the same board, and the real one stored all of it.
    assert crawl["bare_responses"] > crawl["articles"]
    assert abs(crawl["real_responses"] - crawl["bare_responses"]) <= crawl["articles"] // 20
    assert crawl["stored"] == crawl["expected"] > 0
    assert results["extract"]["pages"] > 0
    # The current template's pages and pages read by structure, each read exactly.
    for kind, how in (("current", "current"), ("inferred", "inferred")):
        more = results["extract"][kind]
        assert more["exact"] == more["pages"] > 0, more["wrong"]
        assert more["read_as"] == {how: more["pages"]}
    assert results["storage"]["articles"] > 0
    # Every codec gave every page back (bench.archive_codec checks it) in both markups.
    assert all(set(c) == {"older", "current"} for c in results["codecs"]["codecs"].values())
    assert crawl["cpu_ratio"] > 0
    assert crawl["cpu_ratio_default"] > 0
    assert results["reparse"]["pages"] > 0
    assert set(results["rss"]) == {"100", "300"}
    assert results["incremental"]["new"]["articles_new"] == results["incremental"]["new_articles"]
