"""The helpers every section uses: the median of runs, progress lines, this process's CPU time."""

from __future__ import annotations

import resource
import statistics
import sys
from collections.abc import Sequence


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def process_cpu_seconds() -> float:
    """CPU time of this process, all threads (the imitation's server threads)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
