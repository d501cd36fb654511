"""A stats collector that also writes the run's stats to a JSON file when the spider closes.

Both crawls of the benchmark (the bare baseline and the real ``news`` spider) use
it, so their pages and elapsed times are read the same way, from Scrapy's own
stats: ``-s STATS_CLASS=bench.statsfile.FileStatsCollector -s BENCH_STATS_FILE=path``.

It adds ``bench/peak_rss_kb``: the process's own peak resident set (``VmHWM``).
The parent's ``wait4``/``RUSAGE_CHILDREN`` figure cannot be used for that: Linux
carries the parent's high-water mark into a child across fork/vfork and exec,
so a child of a large benchmark process reports the parent's peak.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler
from scrapy.statscollectors import MemoryStatsCollector


def peak_rss_kb() -> int | None:
    """This process's peak resident set in KiB, from /proc (None where there is none)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


class FileStatsCollector(MemoryStatsCollector):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        # Read here: Scrapy before 2.14 keeps no crawler on the collector.
        self._target = crawler.settings.get("BENCH_STATS_FILE")

    def _persist_stats(self, stats: dict[str, Any], *args: Any) -> None:
        super()._persist_stats(stats, *args)
        target = self._target
        if target:
            peak = peak_rss_kb()
            data = {**stats, "bench/peak_rss_kb": peak} if peak is not None else stats
            Path(target).write_text(json.dumps(data, default=str, indent=1), encoding="utf-8")
