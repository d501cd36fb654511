"""Figures 1 and 2: the bare baseline and the full ``news`` crawl, pair by pair.

Bare and real crawls of the same board run interleaved, the order turning
from one pair to the next; the ratio of their pages/s is taken in each pair
and the median reported. The last real crawl's database is compared with the
imitation's ground truth.
"""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

from bench.config import Config
from bench.crawls import Crawler, CrawlRun, mirrored_settings, remove_db, serve
from bench.measure import median, say
from kitacrawl.mocksite import build_board
from kitacrawl.mocksite.truth import compare


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
            }
            line = (
                f"  pair {i + 1}/{config.pairs}: bare {bare.pages_per_s:.0f} pages/s, "
                f"real {real.pages_per_s:.0f} pages/s, ratio {pair['ratio']:.3f}"
            )
            if "bare_default" in runs:
                default = runs["bare_default"]
                pair["bare_default"] = run_summary(default)
                pair["ratio_default"] = real.pages_per_s / default.pages_per_s
                line += f"; bare with Scrapy defaults {default.pages_per_s:.0f} pages/s"
            pairs.append(pair)
            say(line)
            if last_db is not None and not config.keep:
                remove_db(last_db)
            last_db = db
        assert last_db is not None
        stored = compare(last_db, truth)
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
        "stored_exact": stored.exact,
        "stored": stored.stored,
        "expected": stored.expected,
    }
    results.setdefault("rss_runs", {}).setdefault(config.articles, []).extend(
        p["real"]["max_rss_mb"] for p in pairs
    )


def run_summary(run: CrawlRun) -> dict[str, Any]:
    return {
        "pages_per_s": run.pages_per_s,
        "elapsed": run.elapsed,
        "wall": run.wall,
        "requests": run.requests,
        "responses": run.responses,
        "cpu": run.cpu,
        "max_rss_mb": run.max_rss_mb,
        "server_cpu": run.server_cpu,
    }
