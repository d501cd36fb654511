"""Figure 8: KITA's Korean trade news at size: full crawls, the database, a backfill resumed.

- Full crawls (``scrapy crawl tradenews -a mode=full``) of imitations of
  `tradenews_sizes` articles (1,000 and 20,000): peak RSS of each (the crawl's
  own ``VmHWM``), pages/s, CPU a page; at the largest, the bare spider's
  crawl of the same board (``bare_spider.py --board tradenews``) for the CPU
  ratio, the database compared with the imitation's truth, and its size per
  article by part (``dbstat``: the articles and their links and counters, the
  words' FTS index, the bigram index, the archive).
- An incremental run after 25 new articles (a day of the board): its requests
  by kind.
- A backfill stopped half-way (``max_pages`` half the list: a run that ends
  before the list does moves no mark, as a killed one) and the run after it:
  what the second one asks for (it reads the list again, and fetches only
  what the first did not store), and that no article was fetched twice.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

from bench.config import Config
from bench.crawls import Crawler, CrawlRun, remove_db, serve_tradenews
from bench.incremental_runs import ledger
from bench.measure import say
from kitacrawl.storage import ngrams
from mocksite.boards.tradenews import build_tradenews
from mocksite.truth import compare

DAY = 25


def request_kinds(targets: list[str]) -> Counter[str]:
    kinds: Counter[str] = Counter()
    for target in targets:
        if target.startswith("/robots.txt"):
            kinds["robots"] += 1
        elif "totalTradeNewsList.do" in target:
            kinds["list"] += 1
        elif "totalTradeNewsDetail.do" in target:
            kinds["article"] += 1
        else:
            kinds["other"] += 1
    return kinds


def article_fetches(targets: list[str]) -> Counter[int]:
    found: Counter[int] = Counter()
    for target in targets:
        if "totalTradeNewsDetail.do" in target and "no=" in target:
            found[int(target.split("no=", 1)[1].split("&", 1)[0])] += 1
    return found


def sizes(db: Path) -> dict[str, int]:
    """Bytes on disk by part of the database."""
    conn = sqlite3.connect(db)
    try:
        parts: Counter[str] = Counter()
        for name, size in conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"):
            if name.startswith(ngrams.TABLE):
                part = "bigram index"
            elif name.startswith("articles_fts"):
                part = "words index"
            elif name.startswith("archive") or name.startswith("idx_archive"):
                part = "archive"
            else:
                part = "articles, links, counters, ledger"
            parts[part] += int(size)
        return dict(parts)
    finally:
        conn.close()


def cpu_ms(run: CrawlRun) -> float:
    return run.cpu / run.responses * 1000 if run.responses else float("nan")


def bench_tradenews(config: Config, crawler: Crawler, results: dict[str, Any]) -> None:
    out: dict[str, Any] = {"sizes": {}}
    largest = max(config.tradenews_sizes)
    for size in config.tradenews_sizes:
        board = build_tradenews(size)
        db = crawler.workdir / f"tradenews-{size}.db"
        remove_db(db)
        with serve_tradenews(board) as server:
            run = crawler.real(server.base_url, db, board="tradenews")
            entry: dict[str, Any] = {
                "max_rss_mb": run.max_rss_mb,
                "pages_per_s": run.pages_per_s,
                "cpu_ms": cpu_ms(run),
                "responses": run.responses,
            }
            say(
                f"  tradenews full crawl of {size}: peak RSS {run.max_rss_mb:.0f} MB,"
                f" {run.pages_per_s:.0f} pages/s, {entry['cpu_ms']:.2f} ms CPU a page"
            )
            if size == largest:
                bare = crawler.bare(server.base_url, board="tradenews")
                entry["bare_cpu_ms"] = cpu_ms(bare)
                entry["bare_pages_per_s"] = bare.pages_per_s
                entry["cpu_ratio"] = entry["cpu_ms"] / entry["bare_cpu_ms"]
                truth = server.ground_truth(board="tradenews")
                result = compare(db, truth, board="tradenews")
                entry["expected"], entry["exact"] = result.expected, result.exact
                entry["problems_right"] = len(truth["problems"]) - len(result.wrong_problems)
                entry["problems"] = len(truth["problems"])
                stored = result.stored
                parts = sizes(db)
                entry["bytes_per_article"] = {k: v / stored for k, v in parts.items()}
                entry["file_bytes_per_article"] = db.stat().st_size / stored
                say(
                    f"  bare: {bare.pages_per_s:.0f} pages/s, {entry['bare_cpu_ms']:.2f} ms CPU;"
                    f" exact {result.exact}/{result.expected};"
                    f" {entry['file_bytes_per_article'] / 1024:.1f} kB an article"
                )
                server.publish(DAY, board="tradenews")
                server.reset_requests()
                crawler.real(server.base_url, db, mode="incremental", board="tradenews")
                row = ledger(db)
                out["incremental"] = {
                    "new": DAY,
                    "requests": int(row.get("requests") or 0),
                    "kinds": dict(request_kinds(server.requests.snapshot())),
                    "articles_new": int(row.get("articles_new") or 0),
                }
                say(f"  incremental after {DAY} new: {out['incremental']}")
        out["sizes"][str(size)] = entry
        if not config.keep:
            remove_db(db)
    out["resume"] = _resume(config, crawler)
    results["tradenews"] = out


def _resume(config: Config, crawler: Crawler) -> dict[str, Any]:
    size = config.tradenews_resume
    board = build_tradenews(size)
    db = crawler.workdir / f"tradenews-resume-{size}.db"
    remove_db(db)
    half = board.list_pages // 2
    with serve_tradenews(board) as server:
        crawler.real(
            server.base_url, db, mode="incremental", board="tradenews", args=(f"max_pages={half}",)
        )
        first = request_kinds(server.requests.snapshot())
        first_articles = article_fetches(server.requests.snapshot())
        server.reset_requests()
        crawler.real(server.base_url, db, mode="incremental", board="tradenews")
        second = request_kinds(server.requests.snapshot())
        both = first_articles + article_fetches(server.requests.snapshot())
        truth = server.ground_truth(board="tradenews")
    result = compare(db, truth, board="tradenews")
    found = {
        "articles": size,
        "list_pages": board.list_pages,
        "stopped_after": half,
        "first": dict(first),
        "second": dict(second),
        "fetched_twice": sum(1 for count in both.values() if count > 1),
        "exact": result.exact,
        "expected": result.expected,
    }
    say(f"  backfill stopped after {half} list pages, then resumed: {found}")
    if not config.keep:
        remove_db(db)
    return found
