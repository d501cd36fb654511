"""What the report shows, read from a kitacrawl database into plain typed dicts.

No HTML here and nothing written: each function runs a query or two and
returns JSON-ready values (the page embeds them as they are), so that tests
check exact numbers on an in-memory database. Boards are never named: every
board in the ``board`` column gets its series, row and colour.

``since`` (an ISO date) keeps articles published on or after it (undated ones
are left out then) and runs started, or problems observed, on or after it;
``board`` keeps one board.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, TypedDict

import sqlite_utils

from kitacrawl import problems as problem_kinds
from kitacrawl.storage import queries
from kitacrawl.storage.db import TIME_FORMAT

# How much each part shows: enough to read at a glance, bounded on any board size.
TOP_ARTICLES = 20
GROWTH_ARTICLES = 10
# A growth curve needs two days with a counter to be a line.
GROWTH_MIN_DAYS = 2
# The cloud of latest readings: a point an article, the most recently posted.
READING_ARTICLES = 3000
RECENT_RUNS = 50


class Filters(TypedDict):
    since: str | None
    board: str | None


class Monthly(TypedDict):
    # Every month from the first to the last dated article, empty months included,
    # so that the chart's axis is proportional to time.
    months: list[str]
    # Board -> articles published each month, aligned with ``months``.
    series: dict[str, list[int]]
    # Board -> articles with no date (not in the series; only without ``since``).
    undated: dict[str, int]
    # Board -> the markup generations (`articles.generation`) those were read from, and
    # how many of each: which pages show no date is the data's to say, not the report's.
    undated_generations: dict[str, dict[str, int]]


class TopArticle(TypedDict):
    board: str
    no: int
    title: str
    published: str | None
    hits: int
    url: str


class GrowthPoint(TypedDict):
    day: str
    # Days from the posting date to the (UTC) day of the observation.
    days: int
    hits: int


class Reading(TypedDict):
    """An article's latest counter, against the days from its posting to that reading."""

    board: str
    no: int
    title: str
    published: str
    url: str
    day: str  # the UTC day of the reading (`articles.hits_seen_at`)
    days: int
    hits: int


class GrowthLine(TypedDict):
    board: str
    no: int
    title: str
    published: str
    url: str
    points: list[GrowthPoint]


class Run(TypedDict):
    id: int
    board: str | None
    mode: str | None
    status: str
    started_at: str
    finished_at: str | None
    exit_code: int | None
    requests: int | None
    problems: int | None
    article_failures: int | None
    articles_new: int | None
    articles_changed: int | None
    message: str | None


class Coverage(TypedDict):
    board: str
    articles: int
    # Articles with each field present (``hits``: a counter is known, from the
    # article page or a list page, `articles.hits`; ``attachments``: at least one
    # attachment link).
    published: int
    hits: int
    subtitle: int
    category: int
    attachments: int


class ProblemCount(TypedDict):
    board: str | None
    kind: str
    final: bool
    count: int


class Report(TypedDict):
    generated_at: str
    filters: Filters
    articles: int
    boards: list[str]
    monthly: Monthly
    top: list[TopArticle]
    growth: list[GrowthLine]
    readings: list[Reading]
    runs: list[Run]
    coverage: list[Coverage]
    problems: list[ProblemCount]


@dataclass(frozen=True, slots=True)
class Scope:
    """The ``--since`` / ``--board`` filters as SQL conditions."""

    since: str | None = None
    board: str | None = None

    def where(self, date_column: str | None, board_column: str = "board") -> tuple[str, list[Any]]:
        """`` AND ...`` conditions (or nothing) and their parameters."""
        sql, params = "", []
        if self.board is not None:
            sql += f" AND {board_column} = ?"
            params.append(self.board)
        if self.since is not None and date_column is not None:
            # ISO dates and timestamps both compare correctly with an ISO date as text.
            sql += f" AND {date_column} >= ?"
            params.append(self.since)
        return sql, params


def build(
    db: sqlite_utils.Database,
    *,
    since: str | None = None,
    board: str | None = None,
    now: datetime | None = None,
) -> Report:
    """Everything the page shows. ``since`` is a date as ``kitacrawl`` takes it
    (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``); a bad one raises
    :class:`kitacrawl.storage.queries.BadQuery`."""
    scope = Scope(since=queries.parse_day(since) if since else None, board=board)
    coverage_rows = coverage(db, scope)
    return {
        "generated_at": (now or datetime.now(UTC)).strftime(TIME_FORMAT),
        "filters": {"since": scope.since, "board": scope.board},
        "articles": sum(row["articles"] for row in coverage_rows),
        "boards": [row["board"] for row in coverage_rows],
        "monthly": monthly(db, scope),
        "top": top_articles(db, scope),
        "growth": growth(db, scope),
        "readings": readings(db, scope),
        "runs": runs(db, scope),
        "coverage": coverage_rows,
        "problems": problems(db, scope),
    }


def monthly(db: sqlite_utils.Database, scope: Scope) -> Monthly:
    # The `monthly_counts` view's query, with `since` to the day (a view by month
    # could only cut at whole months).
    where, params = scope.where("published")
    counts: dict[str, dict[str, int]] = {}
    for board, month, n in db.execute(
        "SELECT board, substr(published, 1, 7) AS month, count(*) FROM articles"
        f" WHERE published IS NOT NULL{where} GROUP BY board, month",
        params,
    ):
        counts.setdefault(board, {})[month] = n
    undated: dict[str, int] = {}
    generations: dict[str, dict[str, int]] = {}
    if scope.since is None:
        where, params = scope.where(None)
        for board, generation, n in db.execute(
            "SELECT board, coalesce(generation, 'unknown'), count(*) FROM articles"
            f" WHERE published IS NULL{where}"
            " GROUP BY board, generation ORDER BY board, generation",
            params,
        ):
            undated[board] = undated.get(board, 0) + n
            generations.setdefault(board, {})[generation] = n
    seen = [month for by_month in counts.values() for month in by_month]
    months = month_range(min(seen), max(seen)) if seen else []
    return {
        "months": months,
        "series": {
            board: [counts[board].get(month, 0) for month in months] for board in sorted(counts)
        },
        "undated": undated,
        "undated_generations": generations,
    }


def month_range(first: str, last: str) -> list[str]:
    """``YYYY-MM`` months from ``first`` to ``last``, both included."""
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    months = []
    while (year, month) <= end:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def top_articles(
    db: sqlite_utils.Database, scope: Scope, limit: int = TOP_ARTICLES
) -> list[TopArticle]:
    # `article_stats.hits` (`articles.hits`): the latest counter seen, page or list.
    where, params = scope.where("published")
    return [
        {
            "board": row["board"],
            "no": row["no"],
            "title": row["title"],
            "published": row["published"],
            "hits": row["hits"],
            "url": row["url"],
        }
        for row in db.query(
            "SELECT board, no, title, published, hits, url FROM article_stats"
            f" WHERE hits IS NOT NULL{where} ORDER BY hits DESC, board, no DESC LIMIT ?",
            [*params, limit],
        )
    ]


def growth(
    db: sqlite_utils.Database, scope: Scope, limit: int = GROWTH_ARTICLES
) -> list[GrowthLine]:
    """The most recent dated articles with a counter on at least two days, and
    their `hit_series` (the last counter of each day) against days since posting."""
    where, params = scope.where("a.published", "a.board")
    # Walks articles newest first (index on `published`) and stops at `limit`: the
    # counting subquery reads one article's rows of the `hits` index each.
    chosen = list(
        db.query(
            "SELECT a.board, a.no, a.title, a.published, a.url FROM articles a"
            f" WHERE a.published IS NOT NULL{where}"
            " AND (SELECT count(DISTINCT substr(h.observed_at, 1, 10)) FROM hits h"
            "      WHERE h.board = a.board AND h.no = a.no) >= ?"
            " ORDER BY a.published DESC, a.no DESC LIMIT ?",
            [*params, GROWTH_MIN_DAYS, limit],
        )
    )
    lines: list[GrowthLine] = []
    for row in chosen:
        posted = date.fromisoformat(row["published"][:10])
        points: list[GrowthPoint] = [
            {"day": day, "days": (date.fromisoformat(day) - posted).days, "hits": hits}
            for day, hits in db.execute(
                "SELECT day, hits FROM hit_series WHERE board = ? AND no = ? ORDER BY day",
                [row["board"], row["no"]],
            )
        ]
        lines.append(
            {
                "board": row["board"],
                "no": row["no"],
                "title": row["title"],
                "published": row["published"],
                "url": row["url"],
                "points": points,
            }
        )
    return lines


def readings(
    db: sqlite_utils.Database, scope: Scope, limit: int = READING_ARTICLES
) -> list[Reading]:
    """Every dated article with a counter (the ``limit`` most recently posted): its latest
    counter against the days from its posting date to the (UTC) day it was read. One
    reading is enough: a first crawl already shows how readership spreads with age."""
    where, params = scope.where("published")
    found: list[Reading] = []
    for row in db.query(
        "SELECT board, no, title, published, url, substr(hits_seen_at, 1, 10) AS day, hits"
        " FROM articles WHERE published IS NOT NULL AND hits IS NOT NULL"
        f" AND hits_seen_at IS NOT NULL{where} ORDER BY published DESC, no DESC LIMIT ?",
        [*params, limit],
    ):
        posted = date.fromisoformat(row["published"][:10])
        found.append(
            {
                "board": row["board"],
                "no": row["no"],
                "title": row["title"],
                "published": row["published"],
                "url": row["url"],
                "day": row["day"],
                "days": (date.fromisoformat(row["day"]) - posted).days,
                "hits": row["hits"],
            }
        )
    return found


RUN_COLUMNS = (
    "id", "board", "mode", "status", "started_at", "finished_at", "exit_code", "requests",
    "problems", "article_failures", "articles_new", "articles_changed", "message",
)  # fmt: skip


def runs(db: sqlite_utils.Database, scope: Scope, limit: int = RECENT_RUNS) -> list[Run]:
    """The last runs of the ledger, oldest first (the order a chart reads)."""
    where, params = scope.where("started_at")
    rows = list(
        db.query(
            f"SELECT {', '.join(RUN_COLUMNS)} FROM crawls WHERE 1{where} ORDER BY id DESC LIMIT ?",
            [*params, limit],
        )
    )
    # Built field by field so that the result is a Run (mypy checks the names).
    return [
        {
            "id": row["id"],
            "board": row["board"],
            "mode": row["mode"],
            "status": row["status"],
            "started_at": row["started_at"],
            "finished_at": row["finished_at"],
            "exit_code": row["exit_code"],
            "requests": row["requests"],
            "problems": row["problems"],
            "article_failures": row["article_failures"],
            "articles_new": row["articles_new"],
            "articles_changed": row["articles_changed"],
            "message": row["message"],
        }
        for row in reversed(rows)
    ]


def coverage(db: sqlite_utils.Database, scope: Scope) -> list[Coverage]:
    """Per board: articles, and how many have each field."""
    where, params = scope.where("a.published", "a.board")
    return [
        {
            "board": row["board"],
            "articles": row["articles"],
            "published": row["published"],
            "hits": row["hits"],
            "subtitle": row["subtitle"],
            "category": row["category"],
            "attachments": row["attachments"],
        }
        for row in db.query(
            "SELECT a.board, count(*) AS articles, count(a.published) AS published,"
            " count(a.hits) AS hits,"
            " count(a.subtitle) AS subtitle, count(a.category) AS category,"
            " sum(EXISTS (SELECT 1 FROM links l WHERE l.board = a.board AND l.no = a.no"
            "     AND l.rel = 'attachment')) AS attachments"
            f" FROM articles a WHERE 1{where} GROUP BY a.board ORDER BY a.board",
            params,
        )
    ]


def problems(db: sqlite_utils.Database, scope: Scope) -> list[ProblemCount]:
    """Problem rows by board and kind, the most frequent first within a board."""
    where, params = scope.where("observed_at")
    return [
        {"board": board, "kind": kind, "final": problem_kinds.is_final(kind), "count": n}
        for board, kind, n in db.execute(
            f"SELECT board, kind, count(*) AS n FROM problems WHERE 1{where}"
            " GROUP BY board, kind ORDER BY board, n DESC, kind",
            params,
        )
    ]
