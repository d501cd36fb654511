"""The feed's reads (``queries.latest_articles``, ``queries.last_finished_run``) on
``sampledb.py``: newest first by posting date, undated and malformed dates left out."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from kitacrawl.storage import Storage, queries
from tests import sampledb


@pytest.fixture
def storage() -> Iterator[Storage]:
    storage = sampledb.build()
    yield storage
    storage.close()


def test_newest_first_by_posting_date_undated_left_out(storage: Storage) -> None:
    found = queries.latest_articles(storage.db)
    # 104 has no date: nothing says where it belongs in time.
    assert [(a.board, a.no, a.published) for a in found] == [
        ("insights", 7, date(2025, 3, 4)),
        ("news", 103, date(2025, 3, 1)),
        ("news", 102, date(2025, 2, 28)),
        ("news", 101, date(2025, 2, 20)),
        ("news", 105, date(2025, 1, 15)),
    ]
    edited = found[3]
    assert edited.changed == datetime(2025, 3, 2, 1, 0, 30, tzinfo=UTC)
    assert edited.url == "http://www.kita.org/about/newsView.do?no=101"
    assert edited.title == "Korea-US Trade Talks Resume"
    assert edited.body_start.startswith("Trade talks between Korea and the United States")
    assert found[0].changed is None


def test_one_board_a_limit_and_the_start_of_the_body(storage: Storage) -> None:
    found = queries.latest_articles(storage.db, board="news", limit=2, body_chars=10)
    assert [a.no for a in found] == [103, 102]
    assert [a.body_start for a in found] == ["A seminar ", "The office"]
    assert queries.latest_articles(storage.db, board="tradenews") == []


def test_same_day_the_higher_number_first_and_bad_dates_left_out(storage: Storage) -> None:
    db = storage.db
    for no, published in ((106, "2025-03-01"), (107, "2025-02-30"), (108, "March 2025")):
        row = dict(sampledb.ARTICLES[2], no=no, published=published)
        db.table("articles").insert(row)
    assert [a.no for a in queries.latest_articles(db, board="news", limit=3)] == [106, 103, 102]


def test_the_last_finished_run(storage: Storage) -> None:
    # Run 7 (ok) is the newest of the news board; skipped runs and reparses never count.
    assert queries.last_finished_run(storage.db, board="news") == datetime(
        2025, 3, 10, 1, 2, tzinfo=UTC
    )
    assert queries.last_finished_run(storage.db, board="insights") == datetime(
        2025, 3, 4, 2, 3, tzinfo=UTC
    )
    assert queries.last_finished_run(storage.db) == datetime(2025, 3, 10, 1, 2, tzinfo=UTC)
    assert queries.last_finished_run(storage.db, board="tradenews") is None
