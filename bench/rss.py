"""Figure 5: the peak RSS of full crawls of growing boards (and the board figure 4 runs on).

The pairs' real crawls already measured the pairs' board; each other board is
crawled in full until it has its runs. The incremental runs (figure 4) start
from the full crawl of the largest board.
"""

from __future__ import annotations

from typing import Any

from bench.config import Config
from bench.crawls import Crawler, remove_db, serve
from bench.incremental_runs import bench_incremental
from bench.measure import median, say
from mocksite import build_board


def bench_rss_incremental(config: Config, crawler: Crawler, results: dict[str, Any]) -> None:
    rss: dict[int, list[float]] = results.setdefault("rss_runs", {})
    speeds: dict[int, list[float]] = {}
    sizes = list(config.rss_sizes) if "rss" in config.sections else []
    inc_size = max(config.rss_sizes) if config.rss_sizes else config.articles
    if "incremental" in config.sections and inc_size not in sizes:
        sizes.append(inc_size)
    for size in sizes:
        # The pairs already crawled this board in full: their runs count here.
        runs_needed = config.rss_runs - len(rss.get(size, []))
        if size == inc_size and "incremental" in config.sections:
            runs_needed = max(runs_needed, 1)
        if runs_needed <= 0:
            continue
        with serve(build_board(size)) as server:
            db = crawler.workdir / f"rss-{size}.db"
            for i in range(runs_needed):
                remove_db(db)
                run = crawler.real(server.base_url, db)
                rss.setdefault(size, []).append(run.max_rss_mb)
                speeds.setdefault(size, []).append(run.pages_per_s)
                say(
                    f"  full crawl of {size} articles ({i + 1}/{runs_needed}): "
                    f"peak RSS {run.max_rss_mb:.0f} MB, {run.pages_per_s:.0f} pages/s"
                )
            if size == inc_size and "incremental" in config.sections:
                results["incremental"] = bench_incremental(config, crawler, server, db)
            if not config.keep:
                remove_db(db)
    if "rss" in config.sections:
        results["rss"] = {
            str(size): {"max_rss_mb": median(rss[size]), "runs": len(rss[size])}
            for size in config.rss_sizes
            if size in rss
        }
        results["rss_speeds"] = {str(size): median(v) for size, v in speeds.items()}
