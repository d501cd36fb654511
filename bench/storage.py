"""Figure 6: the storage rate, ``Storage.save_article`` of new and of unchanged articles."""

from __future__ import annotations

import gc
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.config import Config
from bench.crawls import remove_db
from bench.extraction import EXTRACT_BASE, imitation_fixtures
from bench.measure import median
from kitacrawl.items import Article
from kitacrawl.pages.article import ArticlePage
from kitacrawl.site import BoardUrls
from kitacrawl.storage import Storage


def bench_storage(
    config: Config, articles: Sequence[Article], workdir: Path, results: dict[str, Any]
) -> None:
    items = list(articles[: config.storage_articles])
    if not items:
        items = [
            ArticlePage.from_response(f.response(), urls=BoardUrls(EXTRACT_BASE), no=f.no).to_item()
            for f in imitation_fixtures(config.storage_articles)[: config.storage_articles]
        ]
    new_rates, same_rates = [], []
    for i in range(config.storage_rounds):
        db = workdir / f"storage-{i}.db"
        remove_db(db)
        storage = Storage.open(db)
        try:
            crawl_id = storage.start_crawl("bench", "news", "full", EXTRACT_BASE)
            gc.collect()
            started = time.perf_counter()
            for item in items:
                storage.save_article(item, crawl_id)
            new_rates.append(len(items) / (time.perf_counter() - started))
            started = time.perf_counter()
            for item in items:
                storage.save_article(item, crawl_id)
            same_rates.append(len(items) / (time.perf_counter() - started))
        finally:
            storage.close()
            remove_db(db)
    results["storage"] = {
        "articles": len(items),
        "new_per_s": median(new_rates),
        "unchanged_per_s": median(same_rates),
    }
