"""The posting dates of a board: 7-14 posts a month, fitted to a fixed time line.

The seed article keeps its real date when it has its real id, and no post is
dated after ``LAST_DATE``, so boards stay deterministic whatever day they are
built on.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from itertools import pairwise

from mocksite.seed import SEED_DATE

# No generated post is dated later than this (a fixed day, so boards stay deterministic).
LAST_DATE = date(2025, 12, 31)


def _days_in_month(year: int, month: int) -> int:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - date(year, month, 1)).days


def posting_dates(rng: random.Random, n: int, start: date) -> list[date]:
    """Posting dates, oldest first, about 7-14 a month."""
    out: list[date] = []
    year, month, first_day = start.year, start.month, start.day
    while len(out) < n:
        last_day = _days_in_month(year, month)
        count = rng.randint(7, 14)
        days = sorted(rng.randint(min(first_day, last_day), last_day) for _ in range(count))
        out.extend(date(year, month, d) for d in days)
        first_day = 1
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out[:n]


def fit_timeline(dates: list[date], start: date, seed_at: int | None) -> list[date]:
    """Stretch or squeeze the time line, keeping its order.

    The seed article lands on its real date when it has its real id, and no post
    is dated after LAST_DATE (a large board would otherwise run into the future).
    """
    anchors = [(start, start)]
    if seed_at and dates[seed_at] > start and start < SEED_DATE:
        anchors.append((dates[seed_at], SEED_DATE))
    orig, target = anchors[-1]
    if dates[-1] + (target - orig) > LAST_DATE and dates[-1] > orig and target < LAST_DATE:
        anchors.append((dates[-1], LAST_DATE))

    def remap(day: date) -> date:
        for (o0, t0), (o1, t1) in pairwise(anchors):
            if day <= o1:
                scale = (t1 - t0).days / max((o1 - o0).days, 1)
                return t0 + timedelta(days=round((day - o0).days * scale))
        last_orig, last_target = anchors[-1]
        return day + (last_target - last_orig)

    return [remap(day) for day in dates]
