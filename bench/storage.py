"""Figure 6: the storage rate in the crawl's path: batches of writes, FTS on, archive on and off.

``Storage.save_article`` of parsed imitation articles into a fresh file
database, as the store pipeline writes them: in batches of 500 per
transaction, each with its page (kept in the archive, compressed) or without;
then the same articles again (the unchanged path).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.config import Config
from bench.crawls import remove_db
from bench.extraction import EXTRACT_BASE, fetched_page, imitation_fixtures
from bench.measure import median, process_cpu_seconds
from kitacrawl.items import Article, FetchedPage
from kitacrawl.pages import read_article
from kitacrawl.site import BoardUrls
from kitacrawl.storage import Storage

BATCH = 500


def _save_all(
    storage: Storage, items: Sequence[tuple[Article, FetchedPage | None]], crawl_id: int
) -> tuple[float, float]:
    """Articles/s, and CPU µs an article of every thread of this process (the archive
    packs in a thread of its own)."""
    gc.collect()
    started, cpu = time.perf_counter(), process_cpu_seconds()
    for i, (item, page) in enumerate(items):
        if i % BATCH == 0:
            storage.commit_batch()
            storage.begin_batch()
        storage.save_article(item, crawl_id, page=page)
    storage.commit_batch()
    cpu_us = (process_cpu_seconds() - cpu) / len(items) * 1e6
    return len(items) / (time.perf_counter() - started), cpu_us


def bench_storage(
    config: Config,
    articles: Sequence[tuple[Article, FetchedPage]],
    workdir: Path,
    results: dict[str, Any],
) -> None:
    items: list[tuple[Article, FetchedPage | None]] = list(articles[: config.storage_articles])
    if not items:
        items = [
            (read_article(f.response(), urls=BoardUrls(EXTRACT_BASE), no=f.no), fetched_page(f))
            for f in imitation_fixtures(config.storage_articles)[: config.storage_articles]
        ]
    pageless: list[tuple[Article, FetchedPage | None]] = [(item, None) for item, _ in items]
    rates: dict[str, list[float]] = {"new": [], "unchanged": [], "new_archive": []}
    cpu: dict[str, list[float]] = {"new": [], "new_archive": []}
    for i in range(config.storage_rounds):
        for kind, batch in (("new", pageless), ("new_archive", items)):
            db = workdir / f"storage-{kind}-{i}.db"
            remove_db(db)
            storage = Storage.open(db)
            try:
                crawl_id = storage.start_crawl("bench", "news", "full", EXTRACT_BASE)
                rate, cpu_us = _save_all(storage, batch, crawl_id)
                rates[kind].append(rate)
                cpu[kind].append(cpu_us)
                if kind == "new":
                    rates["unchanged"].append(_save_all(storage, batch, crawl_id)[0])
            finally:
                storage.close()
                remove_db(db)
    results["storage"] = {
        "articles": len(items),
        "batch": BATCH,
        "new_per_s": median(rates["new"]),
        "new_with_archive_per_s": median(rates["new_archive"]),
        "unchanged_per_s": median(rates["unchanged"]),
        "new_cpu_us": median(cpu["new"]),
        "new_with_archive_cpu_us": median(cpu["new_archive"]),
    }
