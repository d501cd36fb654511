"""A database written by an earlier kitacrawl upgrades in place, history kept, and crawls on.

``tests/fixtures/kita-caddc3d.db`` was written by kitacrawl as of commit caddc3d
(its own migration runner, the ledger ``_kitacrawl_migrations``, migrations 001
to 007) by ``tests/fixtures/make_caddc3d_db.py``, its only writer: four runs on
the imitation (an incremental one; an edit, three new articles and higher
counters seen by a full one; higher counters again seen by an incremental one;
a run against a closed port). Each test works on a copy.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from scrapy.utils.defer import deferred_f_from_coro_f

from kitacrawl.outcome import ExitCode
from kitacrawl.storage import Storage, schema
from mocksite import MockSite, build_board
from tests import crawls

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
FIXTURE = FIXTURES / "kita-caddc3d.db"
OLD_MIGRATIONS = [
    "001_initial",
    "002_generation_and_failures",
    "003_views_and_indexes",
    "004_archive",
    "005_article_stats_per_article",
    "006_archive_dictionaries",
    "007_index_inserts_in_bulk",
]


def rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture
def old_db(tmp_path: Path) -> Path:
    copy = tmp_path / "kita.db"
    shutil.copyfile(FIXTURE, copy)
    return copy


def test_the_fixture_is_a_database_of_the_old_runner(old_db: Path) -> None:
    # What the tests below rely on, read (from a copy: a reader of a WAL file leaves
    # files beside it) without migrating anything.
    tables = {name for (name,) in rows(old_db, "SELECT name FROM sqlite_master")}
    assert schema.LEGACY_MIGRATIONS_TABLE in tables
    assert schema.MIGRATIONS_TABLE not in tables
    assert [name for (name,) in rows(old_db, "SELECT name FROM _kitacrawl_migrations")] == (
        OLD_MIGRATIONS
    )
    columns = {row[1] for row in rows(old_db, "PRAGMA table_info(articles)")}
    assert "hits_seen_at" not in columns
    statuses = [status for (status,) in rows(old_db, "SELECT status FROM crawls ORDER BY id")]
    assert statuses == ["ok", "ok", "ok", "failed"]
    # Articles whose page shows no counter: the old rule left NULL although lists showed one.
    (unfilled,) = rows(
        old_db,
        "SELECT count(*) FROM articles a WHERE a.hits IS NULL"
        " AND EXISTS (SELECT 1 FROM hits h WHERE h.board = a.board AND h.no = a.no)",
    )[0]
    assert unfilled > 0
    for table in ("revisions", "problems", "archive", "hits"):
        assert rows(old_db, f"SELECT count(*) FROM {table}")[0][0] > 0, table


def test_opening_it_migrates_in_place_and_keeps_the_history(old_db: Path) -> None:
    before = {
        table: rows(old_db, f"SELECT * FROM {table} ORDER BY rowid")
        for table in ("hits", "crawls", "problems", "revisions", "archive", "board_state")
    }
    applied_before = rows(old_db, "SELECT name, applied_at FROM _kitacrawl_migrations")
    storage = Storage.open(old_db)
    storage.close()

    # The old ledger's rows, with their times, then this code's own steps.
    ledger = rows(
        old_db, "SELECT migration_set, name, applied_at FROM _sqlite_migrations ORDER BY id"
    )
    assert [(name, at) for _, name, at in ledger[: len(OLD_MIGRATIONS)]] == applied_before
    assert {migration_set for migration_set, _, _ in ledger} == {"kitacrawl"}
    assert [name for _, name, _ in ledger[len(OLD_MIGRATIONS) :]] == [
        schema.ADOPT,
        "008_latest_counter_from_any_source",
        "009_pages_read_each_way_and_where_boards_answer",
        "010_korean_search_site_ids_horizons",
    ]
    tables = {name for (name,) in rows(old_db, "SELECT name FROM sqlite_master")}
    assert schema.LEGACY_MIGRATIONS_TABLE not in tables
    for table, kept in before.items():
        after = rows(old_db, f"SELECT * FROM {table} ORDER BY rowid")
        # Columns later migrations add come after the old ones: those are kept as they were.
        width = len(kept[0]) if kept else 0
        assert [row[:width] for row in after] == kept, table

    # Every article's counter is the newest of its history, with when and where it was read.
    latest = rows(
        old_db,
        "SELECT a.no, a.hits, a.hits_seen_at, a.hits_source, h.hits, h.observed_at, h.source"
        " FROM articles a JOIN hits h ON h.id = (SELECT id FROM hits WHERE board = a.board"
        " AND no = a.no ORDER BY observed_at DESC, id DESC LIMIT 1)",
    )
    assert len(latest) == rows(old_db, "SELECT count(*) FROM articles")[0][0]
    assert [row[1:4] for row in latest] == [row[4:] for row in latest]
    assert all(row[1] is not None for row in latest)  # the old rule's NULLs are filled

    # The search index is built for the rows the file held: every article of a board found
    # by its board's token, and a word of them through it as through the words' index.
    assert rows(
        old_db, "SELECT count(*) FROM articles_search WHERE board MATCH '\"\ue001news\"'"
    ) == rows(old_db, "SELECT count(*) FROM articles WHERE board = 'news'")
    word = "'KITA'"
    assert rows(
        old_db, f"SELECT rowid FROM articles_search WHERE articles_search MATCH {word} ORDER BY 1"
    ) == rows(old_db, f"SELECT rowid FROM articles_fts WHERE articles_fts MATCH {word} ORDER BY 1")
    assert rows(old_db, "SELECT count(*) FROM articles WHERE site_id IS NOT NULL") == [(0,)]

    # Opened again: nothing left to do, nothing written.
    again = Storage.open(old_db)
    try:
        assert schema.migrate(again.db) == []
        assert again.db.conn.total_changes == 0
    finally:
        again.close()


def test_the_migrations_say_what_they_did(old_db: Path) -> None:
    conn = sqlite3.connect(old_db)
    try:
        db = sqlite_utils.Database(conn)
        assert schema.migrate(db) == [
            schema.ADOPT,
            "008_latest_counter_from_any_source",
            "009_pages_read_each_way_and_where_boards_answer",
            "010_korean_search_site_ids_horizons",
        ]
        assert schema.migrate(db) == []
    finally:
        conn.close()


@pytest.mark.slow
@deferred_f_from_coro_f
async def test_an_upgraded_database_is_crawled_incrementally_on_its_history(old_db: Path) -> None:
    with crawls.storage(old_db) as storage:
        hits_before = storage.db["hits"].count
        stored_before = storage.stored_numbers("news")
    # The site as the fixture's history left it (make_caddc3d_db.py), then two new articles.
    with MockSite(build_board(30), faults={"content_type"}) as site:
        edited = site.ground_truth()["articles"][5]["no"]
        site.edit(edited, new_body_paragraph="A correction was added later.")
        site.publish(3)
        site.bump_hits(7 + 3)
        new = site.publish(2)
        site.bump_hits(5)
        site.reset_requests()
        done = await crawls.crawl(
            site.base_url,
            old_db,
            # Time-driven re-fetches (recent articles, due retries and re-checks) are far
            # off: what this run fetches is decided by the history alone.
            settings=(
                "KITACRAWL_REVISIT_DAYS=0",
                "KITACRAWL_RETRY_AFTER_HOURS=100000",
                "KITACRAWL_RETRY_MAX_DAYS=100000",
                "KITACRAWL_RECHECK_DAYS=100000",
            ),
        )
        assert done.code == ExitCode.OK, done.log[-3000:]
        fetched = site.requests.matching("newsView.do")
        truth = {a["no"]: a for a in site.ground_truth()["articles"]}

    # Only what is new was fetched, from the first list page: the new articles, and the
    # newest stored one, whose "next" link now points at one of them.
    below = max(stored_before)
    assert sorted(int(target.rsplit("=", 1)[1]) for target in fetched) == sorted([*new, below])
    ledger = crawls.snapshot(old_db)["crawls"][-1]
    assert (ledger["status"], ledger["articles_new"], ledger["article_pages"]) == ("ok", 2, 3)
    with crawls.storage(old_db) as storage:
        assert storage.stored_numbers("news") == stored_before | set(new)
        # The hit history grew: the list's counters of this run, the new pages' own.
        assert storage.db["hits"].count > hits_before
        for no in new:
            row = storage.article("news", no)
            assert row is not None
            assert row["hits"] == truth[no]["hits"]
            assert row["title"] == truth[no]["title"]
        nexts = [
            link["target_no"] for link in storage.links("news", below) if link["rel"] == "next"
        ]
        assert nexts == [min(new)]
        # Every article listed on the page read shows this run's counter.
        crawl_id = ledger["id"]
        listed = storage.db.execute(
            "SELECT a.no, a.hits, h.hits FROM articles a JOIN hits h ON h.board = a.board"
            " AND h.no = a.no AND h.crawl_id = ? AND h.source = 'list'",
            [crawl_id],
        ).fetchall()
        assert listed
        assert all(article_hits == list_hits for _, article_hits, list_hits in listed)
