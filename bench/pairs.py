"""Figures 1 and 2: the bare baseline and the full ``news`` crawl, pair by pair.

Bare and real crawls of the same board run interleaved, the order turning
from one pair to the next; the ratio of their pages/s is taken in each pair
and the median reported. The last real crawl's database is compared with the
imitation's ground truth.
"""

from __future__ import annotations

import sqlite3
import statistics
from pathlib import Path
from typing import Any

from bench.config import Config
from bench.crawls import Crawler, CrawlRun, mirrored_settings, remove_db, serve
from bench.measure import median, say
from mocksite import build_board
from mocksite.truth import compare


def bench_crawl(config: Config, crawler: Crawler, results: dict[str, Any]) -> None:
    board = build_board(config.articles)
    mirrored = mirrored_settings()
    with serve(board) as server:
        truth = server.ground_truth()
        pairs: list[dict[str, Any]] = []
        last_db: Path | None = None
        for i in range(config.pairs):
            db = crawler.workdir / f"pair-{i}.db"
            remove_db(db)
            # Interleaved, the order turning from one pair to the next, so that a
            # slow patch of a shared machine does not land on one side only.
            kinds = ["bare", "real", *(["bare_default"] if mirrored else [])]
            runs: dict[str, CrawlRun] = {}
            for kind in kinds[i % len(kinds) :] + kinds[: i % len(kinds)]:
                if kind == "real":
                    runs[kind] = crawler.real(server.base_url, db)
                else:
                    runs[kind] = crawler.bare(server.base_url, mirror=kind == "bare")
            bare, real = runs["bare"], runs["real"]
            pair = {
                "bare": run_summary(bare),
                "real": run_summary(real),
                "ratio": real.pages_per_s / bare.pages_per_s,
                "ratio_wall": (real.responses / real.wall) / (bare.responses / bare.wall),
                # CPU seconds of the whole process (its threads, and children it reaped)
                # per page fetched: what a small VM pays, whatever the pace.
                "cpu_ratio": cpu_per_page(real) / cpu_per_page(bare),
            }
            line = (
                f"  pair {i + 1}/{config.pairs}: bare {bare.pages_per_s:.0f} pages/s, "
                f"real {real.pages_per_s:.0f} pages/s, ratio {pair['ratio']:.3f}"
            )
            if "bare_default" in runs:
                default = runs["bare_default"]
                pair["bare_default"] = run_summary(default)
                pair["ratio_default"] = real.pages_per_s / default.pages_per_s
                pair["cpu_ratio_default"] = cpu_per_page(real) / cpu_per_page(default)
                line += f"; bare with Scrapy defaults {default.pages_per_s:.0f} pages/s"
            line += (
                f"; CPU/page bare {cpu_per_page(bare) * 1000:.2f} ms, real"
                f" {cpu_per_page(real) * 1000:.2f} ms"
            )
            pairs.append(pair)
            say(line)
            if last_db is not None and not config.keep:
                remove_db(last_db)
            last_db = db
        assert last_db is not None
        stored = compare(last_db, truth)
        archive_kb = archive_size_kb(last_db)
        if not config.keep:
            remove_db(last_db)
    page_bytes = [len(board.view_page(p.no).body) for p in board.articles[:200]]
    results["crawl"] = {
        "articles": config.articles,
        "article_page_kb": statistics.mean(page_bytes) / 1024,
        "pairs": pairs,
        "bare_pages_per_s": median([p["bare"]["pages_per_s"] for p in pairs]),
        "real_pages_per_s": median([p["real"]["pages_per_s"] for p in pairs]),
        "ratio": median([p["ratio"] for p in pairs]),
        "ratio_wall": median([p["ratio_wall"] for p in pairs]),
        "bare_responses": median([p["bare"]["responses"] for p in pairs]),
        "real_responses": median([p["real"]["responses"] for p in pairs]),
        "bare_rss_mb": median([p["bare"]["max_rss_mb"] for p in pairs]),
        "real_rss_mb": median([p["real"]["max_rss_mb"] for p in pairs]),
        "bare_cpu_share": median([p["bare"]["cpu"] / p["bare"]["wall"] for p in pairs]),
        "real_cpu_share": median([p["real"]["cpu"] / p["real"]["wall"] for p in pairs]),
        "server_cpu_share": median(
            [p[k]["server_cpu"] / p[k]["wall"] for p in pairs for k in ("bare", "real")]
        ),
        "bare_default_pages_per_s": median(
            [p["bare_default"]["pages_per_s"] for p in pairs if "bare_default" in p]
        ),
        "ratio_default": median([p["ratio_default"] for p in pairs if "ratio_default" in p]),
        "cpu_ratio": median([p["cpu_ratio"] for p in pairs]),
        "cpu_ratio_default": median(
            [p["cpu_ratio_default"] for p in pairs if "cpu_ratio_default" in p]
        ),
        "bare_cpu_ms": median([p["bare"]["cpu_per_page"] * 1000 for p in pairs]),
        "real_cpu_ms": median([p["real"]["cpu_per_page"] * 1000 for p in pairs]),
        "bare_default_cpu_ms": median(
            [p["bare_default"]["cpu_per_page"] * 1000 for p in pairs if "bare_default" in p]
        ),
        "archive_kb_per_article_page": archive_kb,
        "stored_exact": stored.exact,
        "stored": stored.stored,
        "expected": stored.expected,
    }
    results.setdefault("rss_runs", {}).setdefault(config.articles, []).extend(
        p["real"]["max_rss_mb"] for p in pairs
    )


def cpu_per_page(run: CrawlRun) -> float:
    return run.cpu / run.responses if run.responses else float("nan")


def archive_size_kb(db: Path) -> float | None:
    """Stored kB per archived article page (each distinct body once)."""
    conn = sqlite3.connect(db)
    try:
        row = conn.execute(
            "SELECT avg(b.stored) FROM archive_bodies b WHERE b.hash IN"
            " (SELECT body_hash FROM archive WHERE kind = 'article' AND status = 200)"
        ).fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return row[0] / 1024 if row and row[0] is not None else None


def run_summary(run: CrawlRun) -> dict[str, Any]:
    return {
        "cpu_per_page": cpu_per_page(run),
        "pages_per_s": run.pages_per_s,
        "elapsed": run.elapsed,
        "wall": run.wall,
        "requests": run.requests,
        "responses": run.responses,
        "cpu": run.cpu,
        "max_rss_mb": run.max_rss_mb,
        "server_cpu": run.server_cpu,
    }
