"""The report's data on an in-memory database filled by hand: exact numbers.

Two boards (``news`` and ``insights``, as the board column will hold), one
undated article whose counter only a list showed, hit histories with two
readings on one day, three runs and a few problems.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from kitacrawl.items import Article, Link
from kitacrawl.report import data
from kitacrawl.report.data import Scope
from kitacrawl.storage import Storage, queries


def article(board: str, no: int, **fields: Any) -> Article:
    return Article(
        board=board,
        no=no,
        url=f"http://www.kita.org/{board}/view.do?no={no}",
        title=f"{board} {no}",
        body="Body.",
        **fields,
    )


@pytest.fixture
def storage() -> Storage:
    storage = Storage.memory()
    attachment = Link(rel="attachment", url="http://www.kita.org/file.pdf", text="file.pdf")
    body_link = Link(rel="body", url="http://www.kita.org/x", text="x")
    for item in (
        article("news", 1, published=date(2024, 1, 10), hits=50, subtitle="Sub",
                links=[attachment, body_link]),
        article("news", 2, published=date(2024, 3, 5), hits=500),
        article("news", 3),  # the older layout: no date, no counter on the page
        article("news", 4, published=date(2024, 3, 20), hits=20, links=[body_link]),
        article("insights", 10, published=date(2024, 2, 1), hits=70, category="KITA News"),
    ):  # fmt: skip
        storage.save_article(item)
    db = storage.db
    # The counter history, by hand (saving recorded today's readings: drop them).
    db.execute("DELETE FROM hits")
    for board, no, hits, observed_at in (
        ("news", 2, 10, "2024-03-05T01:00:00Z"),
        ("news", 2, 40, "2024-03-05T20:00:00Z"),  # the day's last reading wins
        ("news", 2, 90, "2024-03-07T00:00:00Z"),
        ("news", 4, 5, "2024-03-21T00:00:00Z"),  # one day only: no curve
        ("news", 3, 300, "2024-01-01T00:00:00Z"),  # undated: no curve, but a counter
        ("news", 3, 310, "2024-01-02T00:00:00Z"),
        ("insights", 10, 30, "2024-02-01T05:00:00Z"),
        ("insights", 10, 70, "2024-02-03T09:00:00Z"),
    ):
        db["hits"].insert(
            {"board": board, "no": no, "hits": hits, "observed_at": observed_at, "source": "list"}
        )
    # The counters as storage keeps them: the pages' own, read (as if) on 2024-04-01,
    # after the history above; the undated article's, the latest one a list showed.
    db.execute("UPDATE articles SET hits_seen_at = '2024-04-01T06:00:00Z' WHERE hits IS NOT NULL")
    db.execute(
        "UPDATE articles SET hits = 310, hits_seen_at = '2024-01-02T00:00:00Z',"
        " hits_source = 'list' WHERE board = 'news' AND no = 3"
    )
    for row in (
        {"id": 1, "board": "news", "status": "ok", "started_at": "2024-03-01T00:00:00Z",
         "requests": 100, "problems": 3, "exit_code": 0},
        {"id": 2, "board": "news", "status": "failed", "started_at": "2024-03-02T00:00:00Z",
         "requests": 5, "problems": 0, "exit_code": 3, "message": "site unreachable"},
        {"id": 3, "board": "insights", "status": "ok", "started_at": "2024-03-03T00:00:00Z",
         "requests": 10, "problems": 1, "exit_code": 0},
    ):  # fmt: skip
        db["crawls"].insert({"spider": row["board"], "mode": "incremental", **row})
    for crawl_id, board, kind, observed_at in (
        (1, "news", "http_404", "2024-03-01T00:00:01Z"),
        (1, "news", "http_404", "2024-03-01T00:00:02Z"),
        (1, "news", "timeout", "2024-03-01T00:00:03Z"),
        (3, "insights", "deleted", "2024-03-03T00:00:01Z"),
        (None, None, "robots_forbidden", "2024-02-01T00:00:00Z"),
    ):
        db["problems"].insert(
            {"crawl_id": crawl_id, "board": board, "url": "http://www.kita.org/x", "kind": kind,
             "observed_at": observed_at}
        )  # fmt: skip
    return storage


def test_monthly_fills_empty_months_per_board(storage: Storage) -> None:
    assert data.monthly(storage.db, Scope()) == {
        "months": ["2024-01", "2024-02", "2024-03"],
        "series": {"insights": [0, 1, 0], "news": [1, 0, 2]},
        "undated": {"news": 1},
        "undated_generations": {"news": {"older": 1}},
    }


def test_monthly_since_cuts_to_the_day_and_leaves_out_undated(storage: Storage) -> None:
    assert data.monthly(storage.db, Scope(since="2024-03-06")) == {
        "months": ["2024-03"],
        "series": {"news": [1]},
        "undated": {},
        "undated_generations": {},
    }
    assert data.monthly(storage.db, Scope(board="insights")) == {
        "months": ["2024-02"],
        "series": {"insights": [1]},
        "undated": {},
        "undated_generations": {},
    }


def test_month_range_crosses_years() -> None:
    assert data.month_range("2023-11", "2024-02") == ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert data.month_range("2024-05", "2024-05") == ["2024-05"]


def test_top_articles_by_hits_counts_list_only_counters(storage: Storage) -> None:
    top = data.top_articles(storage.db, Scope())
    assert [(a["board"], a["no"], a["hits"]) for a in top] == [
        ("news", 2, 500),
        ("news", 3, 310),  # no counter on its page: the last one a list showed
        ("insights", 10, 70),
        ("news", 1, 50),
        ("news", 4, 20),
    ]
    assert top[0] == {
        "board": "news",
        "no": 2,
        "title": "news 2",
        "published": "2024-03-05",
        "hits": 500,
        "url": "http://www.kita.org/news/view.do?no=2",
    }
    assert [a["no"] for a in data.top_articles(storage.db, Scope(), limit=2)] == [2, 3]
    since = data.top_articles(storage.db, Scope(since="2024-02-01"))
    assert [a["no"] for a in since] == [2, 10, 4]


def test_growth_takes_recent_dated_articles_read_on_two_days(storage: Storage) -> None:
    lines = data.growth(storage.db, Scope())
    # Newest first; news 4 (one day of readings), news 3 (undated) and news 1
    # (no readings) are left out.
    assert [(line["board"], line["no"]) for line in lines] == [("news", 2), ("insights", 10)]
    assert lines[0]["points"] == [
        {"day": "2024-03-05", "days": 0, "hits": 40},
        {"day": "2024-03-07", "days": 2, "hits": 90},
    ]
    assert lines[1]["points"] == [
        {"day": "2024-02-01", "days": 0, "hits": 30},
        {"day": "2024-02-03", "days": 2, "hits": 70},
    ]
    assert lines[1]["published"] == "2024-02-01"
    assert [line["no"] for line in data.growth(storage.db, Scope(), limit=1)] == [2]
    assert [line["no"] for line in data.growth(storage.db, Scope(board="insights"))] == [10]
    assert data.growth(storage.db, Scope(since="2024-03-06")) == []


def test_readings_put_every_dated_article_with_a_counter_at_its_age(storage: Storage) -> None:
    found = data.readings(storage.db, Scope())
    # Newest first; news 3 is undated. Days from posting to 2024-04-01, the reading.
    assert [(r["board"], r["no"], r["day"], r["days"], r["hits"]) for r in found] == [
        ("news", 4, "2024-04-01", 12, 20),
        ("news", 2, "2024-04-01", 27, 500),
        ("insights", 10, "2024-04-01", 60, 70),
        ("news", 1, "2024-04-01", 82, 50),
    ]
    assert found[1]["title"] == "news 2"
    assert found[1]["url"] == "http://www.kita.org/news/view.do?no=2"
    assert [r["no"] for r in data.readings(storage.db, Scope(), limit=2)] == [4, 2]
    assert [r["no"] for r in data.readings(storage.db, Scope(board="insights"))] == [10]
    assert [r["no"] for r in data.readings(storage.db, Scope(since="2024-03-06"))] == [4]


def test_one_reading_is_enough_for_a_point(storage: Storage) -> None:
    # A first crawl: one reading of each article, no line yet, still a point each.
    storage.db.execute("DELETE FROM hits")
    assert data.growth(storage.db, Scope()) == []
    assert len(data.readings(storage.db, Scope())) == 4


def test_runs_oldest_first_limited_and_filtered(storage: Storage) -> None:
    runs = data.runs(storage.db, Scope())
    assert [(r["id"], r["status"], r["requests"], r["problems"]) for r in runs] == [
        (1, "ok", 100, 3),
        (2, "failed", 5, 0),
        (3, "ok", 10, 1),
    ]
    assert runs[1]["message"] == "site unreachable"
    assert runs[1]["exit_code"] == 3
    assert [r["id"] for r in data.runs(storage.db, Scope(), limit=2)] == [2, 3]
    assert [r["id"] for r in data.runs(storage.db, Scope(since="2024-03-02"))] == [2, 3]
    assert [r["id"] for r in data.runs(storage.db, Scope(board="insights"))] == [3]


def test_coverage_per_board(storage: Storage) -> None:
    assert data.coverage(storage.db, Scope()) == [
        {"board": "insights", "articles": 1, "published": 1, "hits": 1, "subtitle": 0,
         "category": 1, "attachments": 0},
        # hits: 1, 2, 4 on their pages and 3 from a list.
        {"board": "news", "articles": 4, "published": 3, "hits": 4, "subtitle": 1,
         "category": 0, "attachments": 1},
    ]  # fmt: skip
    assert data.coverage(storage.db, Scope(since="2024-03-01", board="news")) == [
        {"board": "news", "articles": 2, "published": 2, "hits": 2, "subtitle": 0,
         "category": 0, "attachments": 0},
    ]  # fmt: skip


def test_problems_by_board_and_kind(storage: Storage) -> None:
    assert data.problems(storage.db, Scope()) == [
        {"board": None, "kind": "robots_forbidden", "final": False, "count": 1},
        {"board": "insights", "kind": "deleted", "final": True, "count": 1},
        {"board": "news", "kind": "http_404", "final": True, "count": 2},
        {"board": "news", "kind": "timeout", "final": False, "count": 1},
    ]
    assert [p["kind"] for p in data.problems(storage.db, Scope(since="2024-03-02"))] == ["deleted"]


def test_build_puts_it_together(storage: Storage) -> None:
    now = datetime(2024, 4, 1, 12, 0, 0, tzinfo=UTC)
    report = data.build(storage.db, since="2024-02", now=now)
    assert report["generated_at"] == "2024-04-01T12:00:00Z"
    assert report["filters"] == {"since": "2024-02-01", "board": None}
    assert report["articles"] == 3
    assert report["boards"] == ["insights", "news"]
    assert [r["id"] for r in report["runs"]] == [1, 2, 3]
    assert [line["no"] for line in report["growth"]] == [2, 10]
    assert [r["no"] for r in report["readings"]] == [4, 2, 10]
    whole = data.build(storage.db, board="news", now=now)
    assert (whole["articles"], whole["boards"]) == (4, ["news"])
    assert [r["id"] for r in whole["runs"]] == [1, 2]


def test_build_refuses_a_bad_date(storage: Storage) -> None:
    with pytest.raises(queries.BadQuery, match="not a date"):
        data.build(storage.db, since="2024-13")


def test_an_empty_database_gives_an_empty_report() -> None:
    report = data.build(Storage.memory().db, now=datetime(2024, 1, 1, tzinfo=UTC))
    assert report == {
        "generated_at": "2024-01-01T00:00:00Z",
        "filters": {"since": None, "board": None},
        "articles": 0,
        "boards": [],
        "monthly": {"months": [], "series": {}, "undated": {}, "undated_generations": {}},
        "top": [],
        "growth": [],
        "readings": [],
        "runs": [],
        "coverage": [],
        "problems": [],
    }
