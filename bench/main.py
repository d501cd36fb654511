"""The run: each section asked for, in order, then the report (and the JSON when asked)."""

from __future__ import annotations

import contextlib
import gc
import json
import shutil
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.archive_codec import bench_codecs
from bench.config import parse_args
from bench.crawls import COMMON_SETTINGS, Crawler, mirrored_settings
from bench.extraction import bench_extract
from bench.machine import machine, versions
from bench.measure import say
from bench.pairs import bench_crawl
from bench.reparse_rate import bench_reparse
from bench.report import headline, print_header, table
from bench.rss import bench_rss_incremental
from bench.search import bench_search
from bench.storage import bench_storage
from bench.tradenews import bench_tradenews
from kitacrawl.items import Article, FetchedPage


def main(argv: Sequence[str] | None = None) -> int:
    config = parse_args(argv)
    started = time.perf_counter()
    results: dict[str, Any] = {
        "config": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(config).items()},
        "machine": machine(),
        "versions": versions(),
        "settings": COMMON_SETTINGS,
        "mirrored_settings": mirrored_settings(),
    }
    if config.keep:
        config.keep.mkdir(parents=True, exist_ok=True)
        workdir_cm: contextlib.AbstractContextManager[str] = contextlib.nullcontext(
            str(config.keep)
        )
    else:
        workdir_cm = tempfile.TemporaryDirectory(prefix="kitacrawl-bench-")
    with workdir_cm as workdir_name:
        workdir = Path(workdir_name)
        crawler = Crawler(workdir, config.set_both, config.set_real)
        if "crawl" in config.sections:
            say(f"[1-2] bare vs real crawl, {config.pairs} pairs, {config.articles} articles")
            bench_crawl(config, crawler, results)
        articles: list[tuple[Article, FetchedPage]] = []
        if "extract" in config.sections:
            say(f"[3] extraction, {config.extract_articles}-article board")
            articles = bench_extract(config, results)
        if "storage" in config.sections:
            say("[6] storage")
            bench_storage(config, articles, workdir, results)
            say("[6b] the archive's codecs, same pages")
            bench_codecs(config, results)
        del articles
        gc.collect()
        if "reparse" in config.sections:
            say(f"[7] reparse from the archive, {config.reparse_articles}-article board")
            bench_reparse(config, crawler, results)
        if "rss" in config.sections or "incremental" in config.sections:
            say(f"[4-5] peak RSS {list(config.rss_sizes)} and incremental runs")
            bench_rss_incremental(config, crawler, results)
        results["rss_runs"] = {str(k): v for k, v in results.get("rss_runs", {}).items()}
        if "tradenews" in config.sections:
            say(f"[8] the Korean trade news, {list(config.tradenews_sizes)} articles")
            bench_tradenews(config, crawler, results)
        if "search" in config.sections:
            say(f"[9] Korean search, {config.search_articles} stored articles")
            bench_search(config, workdir, results)
        if not config.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    results["total_seconds"] = time.perf_counter() - started
    print_header(config, results)
    print()
    for line in table(results):
        print(line)
    print()
    print(f"total benchmark time: {results['total_seconds']:.0f} s")
    if config.json_path:
        config.json_path.parent.mkdir(parents=True, exist_ok=True)
        config.json_path.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    print(headline(results))
    return 0
