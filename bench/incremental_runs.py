"""Figure 4: incremental runs after a full crawl: unchanged board, then new articles.

The first run right after the full crawl retries the articles that failed
for a passing reason; runs go on until none is retried, then the steady state
is measured on the unchanged board and after each batch of new articles.
Requests come from the ledger, split by kind from the imitation's request log.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.config import Config
from bench.crawls import Crawler
from bench.measure import median, say
from kitacrawl.storage import Storage
from mocksite import MockSite

NEW_ARTICLES = 10
# Runs that retry an article whose fetch failed for a passing reason.
# Retries wait an hour or more (kitacrawl.retry), so the runs right after a crawl
# settle at once; a few runs are allowed for retries that are due anyway.
RETRY_RUNS = 5


def ledger(db: Path) -> dict[str, Any]:
    storage = Storage.open(db)
    try:
        rows = list(storage.db.query("SELECT * FROM crawls ORDER BY id DESC LIMIT 1"))
    finally:
        storage.close()
    return rows[0] if rows else {}


def request_kinds(targets: Sequence[str]) -> dict[str, int]:
    """How many of the imitation's requests were robots.txt, list pages and articles."""
    kinds = {"robots": 0, "list": 0, "article": 0, "other": 0}
    for target in targets:
        if target.startswith("/robots.txt"):
            kinds["robots"] += 1
        elif "newsList.do" in target:
            kinds["list"] += 1
        elif "newsView.do" in target:
            kinds["article"] += 1
        else:
            kinds["other"] += 1
    return kinds


def bench_incremental(
    config: Config, crawler: Crawler, server: MockSite, db: Path
) -> dict[str, Any]:
    def one(label: str) -> dict[str, Any]:
        server.reset_requests()
        run = crawler.real(server.base_url, db, mode="incremental")
        row = ledger(db)
        result = {
            "requests": int(row.get("requests") or run.requests),
            "server_requests": len(server.requests),
            "kinds": request_kinds(server.requests.snapshot()),
            "articles_new": int(row.get("articles_new") or 0),
            "elapsed": run.elapsed,
            "wall": run.wall,
            "status": row.get("status"),
        }
        say(
            f"  incremental, {label}: {result['requests']} requests {result['kinds']}, "
            f"{result['articles_new']} new, {run.elapsed:.2f} s in the spider, "
            f"{run.wall:.2f} s process"
        )
        return result

    board_size = len(server.board)
    # Right after a full crawl, articles that failed for a passing reason (the
    # imitation's 500s and truncated pages) wait an hour before a retry: the first
    # run says what a run right after the crawl costs; runs go on while one still
    # retries, then the steady state is measured.
    first = one("first run after the full crawl")
    last, settle = first, 0
    while last["kinds"]["article"] and settle < RETRY_RUNS + 1:
        settle += 1
        last = one(f"settling retries ({settle})")
    unchanged = [one("unchanged board") for _ in range(config.incremental_runs)]
    fresh = []
    for _ in range(config.incremental_runs):
        server.publish(NEW_ARTICLES)
        fresh.append(one(f"{NEW_ARTICLES} new articles"))

    def summary(runs: list[dict[str, Any]]) -> dict[str, Any]:
        return {
            "requests": median([r["requests"] for r in runs]),
            "server_requests": median([r["server_requests"] for r in runs]),
            "kinds": runs[len(runs) // 2]["kinds"],
            "articles_new": median([r["articles_new"] for r in runs]),
            "elapsed": median([r["elapsed"] for r in runs]),
            "wall": median([r["wall"] for r in runs]),
            "runs": len(runs),
        }

    return {
        "board": board_size,
        "first": summary([first]),
        "settling_runs": settle,
        "unchanged": summary(unchanged),
        "new": summary(fresh),
        "new_articles": NEW_ARTICLES,
    }
