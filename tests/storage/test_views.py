"""The analysts' views against what they promise, on a database filled by hand.

Every expected figure below is worked out by hand from the rows of
``tests/sampledb.py`` (the comments show the sums).
"""

from __future__ import annotations

from typing import Any

import pytest

from kitacrawl.storage import Storage, schema
from tests import sampledb


@pytest.fixture
def storage() -> Storage:
    return sampledb.build()


def rows(storage: Storage, sql: str) -> list[dict[str, Any]]:
    return list(storage.db.query(sql))


def test_monthly_counts_count_the_dated_articles(storage: Storage) -> None:
    got = {
        (r["board"], r["month"]): r["articles"]
        for r in rows(storage, "SELECT * FROM monthly_counts")
    }
    assert got == {
        ("news", "2025-01"): 1,  # 105
        ("news", "2025-02"): 2,  # 101, 102
        ("news", "2025-03"): 1,  # 103 (104 is undated)
        ("insights", "2025-03"): 1,  # 7
    }
    dated = storage.db.execute("SELECT count(*) FROM articles WHERE published IS NOT NULL")
    assert sum(got.values()) == dated.fetchone()[0] == 5


def test_hit_series_is_the_last_counter_of_each_day(storage: Storage) -> None:
    got = {
        (r["board"], r["no"], r["day"]): r["hits"]
        for r in rows(storage, "SELECT * FROM hit_series")
    }
    assert got == {
        ("news", 101, "2025-03-01"): 104,  # 100 at 01:01, then 104 at 01:03
        ("news", 101, "2025-03-02"): 121,  # 120 and 121 in the same second: the later row
        ("news", 101, "2025-03-10"): 150,  # 149 was written later but read earlier (00:30)
        ("news", 102, "2025-03-01"): 50,
        ("news", 102, "2025-03-10"): 80,
        ("news", 103, "2025-03-01"): 40,
        ("news", 103, "2025-03-02"): 55,
        ("news", 105, "2025-03-01"): 300,
        ("insights", 7, "2025-03-04"): 12,
        ("news", 99, "2025-03-01"): 9,  # listed but never stored: its history is kept
    }
    # One row per article and day observed, no more.
    days = storage.db.execute(
        "SELECT count(DISTINCT board || no || substr(observed_at, 1, 10)) FROM hits"
    ).fetchone()[0]
    assert len(rows(storage, "SELECT * FROM hit_series")) == days == 10


def test_article_stats_one_row_per_article_with_exact_figures(storage: Storage) -> None:
    got = {(r["board"], r["no"]): r for r in rows(storage, "SELECT * FROM article_stats")}
    assert len(got) == storage.db["articles"].count == 6
    fields = ("month", "hits", "first_observed", "last_observed", "days_observed", "hits_per_day")
    expected = {
        # 150 hits over 2025-02-20 .. 2025-03-10, 18 days: 8.33 a day
        ("news", 101): ("2025-02", 150, "2025-03-01T01:01:00Z", "2025-03-10T01:01:00Z", 3, 8.33),
        # 80 over 2025-02-28 .. 2025-03-10, 10 days
        ("news", 102): ("2025-02", 80, "2025-03-01T01:02:00Z", "2025-03-10T01:01:00Z", 2, 8.0),
        # no counter on its page: the list's last one (55), over one day
        ("news", 103): ("2025-03", 55, "2025-03-01T01:03:00Z", "2025-03-02T01:00:20Z", 2, 55.0),
        # undated, never observed
        ("news", 104): (None, None, None, None, 0, None),
        # 300 over 2025-01-15 .. 2025-03-01, 45 days
        ("news", 105): ("2025-01", 300, "2025-03-01T01:03:00Z", "2025-03-01T01:03:00Z", 1, 6.67),
        # observed on its publication day: divided by one day, not zero
        ("insights", 7): ("2025-03", 12, "2025-03-04T02:01:00Z", "2025-03-04T02:01:00Z", 1, 12.0),
    }
    assert {key: tuple(row[name] for name in fields) for key, row in got.items()} == expected
    for key, row in got.items():
        article = storage.article(*key)
        assert article is not None
        for name in ("title", "category", "published", "url"):
            assert row[name] == article[name], (key, name)


def test_article_stats_days_observed_equal_the_hit_series(storage: Storage) -> None:
    mismatched = rows(
        storage,
        "SELECT s.board, s.no FROM article_stats s WHERE s.days_observed !="
        " (SELECT count(*) FROM hit_series h WHERE h.board = s.board AND h.no = s.no)",
    )
    assert mismatched == []


@pytest.mark.parametrize(
    "where",
    ["board = 'news' AND no = 101", "month = '2025-02'", "no IN (101, 102)"],
)
def test_article_stats_reads_only_the_articles_asked_for(storage: Storage, where: str) -> None:
    # A filtered read seeks the hit history of each article (SEARCH) instead of
    # aggregating all of it (SCAN): at a million observations that is the
    # difference between milliseconds and seconds (migration 005).
    plan = [
        row[3]
        for row in storage.db.execute(
            f"EXPLAIN QUERY PLAN SELECT * FROM article_stats WHERE {where}"
        )
    ]
    assert not [step for step in plan if step.startswith("SCAN h")], plan
    assert any(step.startswith("SEARCH h") for step in plan), plan


def test_migration_005_replaces_an_older_article_stats() -> None:
    storage = Storage.memory()
    db = storage.db
    # A database as migration 003 left it (any older definition of the view).
    db.execute("DROP VIEW article_stats")
    db.execute("CREATE VIEW article_stats AS SELECT board, no FROM articles")
    db.execute(
        f"DELETE FROM {schema.MIGRATIONS_TABLE} WHERE migration_set = 'kitacrawl'"
        " AND name = '005_article_stats_per_article'"
    )
    assert schema.migrate(db) == ["005_article_stats_per_article"]
    assert "hits_per_day" in {column.name for column in db["article_stats"].columns}
