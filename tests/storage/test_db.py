"""Storage on an in-memory database: upserts, history, revisions, the ledger."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from kitacrawl.items import Article, FetchedPage, Link, Problem
from kitacrawl.storage import Storage, StorageError, queries


@pytest.fixture
def storage() -> Storage:
    return Storage.memory()


def article(no: int = 7, **changes: object) -> Article:
    fields: dict[str, object] = {
        "board": "news",
        "no": no,
        "url": f"http://www.kita.org/about/newsView.do?no={no}",
        "title": "KITA Held 'Trade Talks'",
        "body": "First paragraph.\n\nSecond “quoted”.",
        "subtitle": "A subtitle",
        "published": date(2020, 9, 23),
        "hits": 100,
        "links": [
            Link(
                rel="prev",
                url="http://www.kita.org/about/newsView.do?no=6",
                text="Older",
                target_no=6,
            )
        ],
    }
    fields.update(changes)
    return Article(**fields)  # type: ignore[arg-type]  # fields of mixed types, by hand


def test_schema_has_the_documented_tables(storage: Storage) -> None:
    tables = set(storage.db.table_names())
    assert {
        "articles",
        "links",
        "hits",
        "crawls",
        "problems",
        "revisions",
        "board_state",
        "articles_fts",
    } <= tables
    assert storage.db["articles"].pks == ["board", "no"]
    assert storage.db.execute("PRAGMA journal_mode").fetchone()[0] == "memory"


def test_wal_mode_on_a_file(tmp_path: Path) -> None:
    storage = Storage.open(tmp_path / "kita.db")
    assert storage.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    storage.close()


def test_rerun_updates_in_place(storage: Storage) -> None:
    assert storage.save_article(article(), 1) == "new"
    assert storage.save_article(article(hits=120), 2) == "unchanged"
    assert storage.db["articles"].count == 1
    assert storage.db["links"].count == 1
    row = storage.article("news", 7)
    assert row is not None
    assert row["hits"] == 120
    assert row["published"] == "2020-09-23"
    assert row["last_changed"] is None
    assert [r["hits"] for r in storage.db["hits"].rows] == [100, 120]


def test_edit_keeps_the_old_version(storage: Storage) -> None:
    storage.save_article(article(), 1)
    assert storage.save_article(article(body="Rewritten."), 2) == "changed"
    row = storage.article("news", 7)
    assert row is not None
    assert row["body"] == "Rewritten."
    assert row["last_changed"] is not None
    revisions = list(storage.db["revisions"].rows)
    assert [r["body"] for r in revisions] == ["First paragraph.\n\nSecond “quoted”."]
    assert queries.search(storage.db, "Rewritten")[0]["no"] == 7
    assert queries.search(storage.db, "paragraph") == []


def test_missing_values_never_erase_known_ones(storage: Storage) -> None:
    storage.save_article(article(), 1)
    storage.save_article(article(published=None, hits=None), 2)
    row = storage.article("news", 7)
    assert row is not None
    assert (row["published"], row["hits"]) == ("2020-09-23", 100)


def test_links_are_replaced_when_a_neighbour_appears(storage: Storage) -> None:
    storage.save_article(article(), 1)
    newer = Link(
        rel="next", url="http://www.kita.org/about/newsView.do?no=8", text="Newer", target_no=8
    )
    storage.save_article(article(links=[*article().links, newer]), 2)
    assert [link["rel"] for link in storage.links("news", 7)] == ["prev", "next"]


def test_list_counters_update_the_latest_value(storage: Storage) -> None:
    storage.save_article(article(), 1)
    assert storage.observe_hits("news", {7: 150, 99: 3}, 2) == 2
    row = storage.article("news", 7)
    assert row is not None
    assert row["hits"] == 150
    assert storage.db["hits"].count == 3


def counter(storage: Storage, no: int = 7) -> tuple[object, object, object]:
    row = storage.article("news", no)
    assert row is not None
    return row["hits"], row["hits_seen_at"], row["hits_source"]


def newest_observation(storage: Storage, no: int = 7) -> tuple[object, object, object]:
    return storage.db.execute(
        "SELECT hits, observed_at, source FROM hits WHERE board = 'news' AND no = ?"
        " ORDER BY observed_at DESC, id DESC LIMIT 1",
        [no],
    ).fetchone()


def test_hits_is_the_newest_counter_from_the_page_or_a_list(storage: Storage) -> None:
    storage.save_article(article(hits=100), 1)
    assert counter(storage)[::2] == (100, "article")
    storage.observe_hits("news", {7: 150}, 2)
    assert counter(storage)[::2] == (150, "list")
    storage.save_article(article(hits=160), 3)
    assert counter(storage)[::2] == (160, "article")
    assert counter(storage) == newest_observation(storage)


def test_a_page_without_a_counter_takes_the_lists(storage: Storage) -> None:
    # The older layout: the list shows the counter, the article page none. The list is
    # read before the page is stored (same run), and again by later runs.
    storage.observe_hits("news", {7: 40}, 1)
    storage.save_article(article(hits=None), 1)
    assert counter(storage)[::2] == (40, "list")
    assert counter(storage) == newest_observation(storage)
    storage.observe_hits("news", {7: 55}, 2)
    assert counter(storage)[::2] == (55, "list")
    storage.save_article(article(hits=None), 3)  # fetched again: still no counter on it
    assert counter(storage)[::2] == (55, "list")
    assert counter(storage) == newest_observation(storage)


def test_an_article_never_counted_has_no_counter(storage: Storage) -> None:
    storage.save_article(article(hits=None), 1)
    assert counter(storage) == (None, None, None)


def page(fetched_at: str) -> FetchedPage:
    return FetchedPage(
        url="http://www.kita.org/about/newsView.do?no=7",
        status=200,
        headers={"Content-Type": "text/html; charset=utf-8"},
        body=b"<html>the page</html>",
        fetched_at=fetched_at,
        board="news",
        no=7,
    )


def test_reparse_leaves_hits_at_the_newest_observation(storage: Storage) -> None:
    storage.save_article(article(hits=100), 1)
    storage.observe_hits("news", {7: 150}, 2)
    before = counter(storage)
    # Re-extraction of an older page showing 100: no visit of the site.
    storage.save_article(article(hits=100, body="Read again."), 3, observed=False, archive_id=1)
    assert counter(storage) == before
    assert storage.db["hits"].count == 2


def test_reparse_into_an_empty_row_prefers_the_history_then_the_page(storage: Storage) -> None:
    # A row the re-extraction creates (the articles were deleted, the history kept).
    storage.observe_hits("news", {7: 150}, 1)
    old = page("2020-01-01T00:00:00Z")
    storage.save_article(article(hits=90), 2, page=old, observed=False, archive_id=1)
    assert counter(storage)[::2] == (150, "list")
    # No history at all (a WARC imported into a new file): the page's own, as old as the page.
    storage.save_article(article(8, hits=90), 2, page=old, observed=False, archive_id=1)
    assert counter(storage, 8) == (90, "2020-01-01T00:00:00Z", "article")
    assert storage.db["hits"].count == 1


def test_fts_follows_inserts_and_updates(storage: Storage) -> None:
    storage.save_article(article(1, title="Korea-Russia Business Dialogue"), 1)
    storage.save_article(article(2, title="Webinar on distribution"), 1)
    assert [hit["no"] for hit in queries.search(storage.db, "dialogue")] == [1]
    storage.db.execute("DELETE FROM articles WHERE no = 1")
    assert queries.search(storage.db, "dialogue") == []


@pytest.mark.parametrize(
    "query", ['"', "AND OR", "title:(", "x' OR 1=1 --", "*", "NEAR(", '"unterminated']
)
def test_hostile_search_terms_are_searched_as_words_or_refused(
    storage: Storage, query: str
) -> None:
    storage.save_article(article(), 1)
    try:
        hits = queries.search(storage.db, query)
    except queries.BadQuery as exc:
        hits = str(exc)
    assert isinstance(hits, list) or "not a search" in hits


def test_attempt_histories_of_unstored_articles(storage: Storage) -> None:
    ok_run = storage.start_crawl("news", "news", "full", "http://x")
    storage.finish_crawl(ok_run, status="ok")
    drift_run = storage.start_crawl("news", "news", "full", "http://x")
    storage.finish_crawl(drift_run, status="drift")
    storage.save_article(article(7), ok_run)
    storage.record_problem(Problem(board="news", url="u7", kind="http_500", no=7), ok_run)
    storage.record_problem(Problem(board="news", url="u8", kind="http_404", no=8), ok_run)
    storage.record_problem(Problem(board="news", url="u9", kind="http_500", no=9), ok_run)
    storage.record_problem(Problem(board="news", url="u9", kind="timeout", no=9), drift_run)
    storage.record_problem(Problem(board="insights", url="i9", kind="timeout", no=9), ok_run)
    assert storage.stored_numbers("news") == {7}
    histories = storage.attempt_histories("news")
    # Stored articles have no history to judge; other boards are apart.
    assert sorted(histories) == [8, 9]
    assert [(a.kind, a.counted) for a in histories[8]] == [("http_404", True)]
    # A drifted run's attempt says nothing about the page: it does not count.
    assert [(a.kind, a.counted) for a in histories[9]] == [("http_500", True), ("timeout", False)]


def test_one_article_observation_per_run(storage: Storage) -> None:
    run = storage.start_crawl("news", "news", "full", "http://x")
    storage.save_article(article(7, hits=100), run)
    # The same page again in the same run (a redirect brought it twice).
    storage.save_article(article(7, hits=101), run)
    later = storage.start_crawl("news", "news", "full", "http://x")
    storage.save_article(article(7, hits=102), later)
    rows = storage.db.execute("SELECT crawl_id, hits FROM hits WHERE source = 'article'").fetchall()
    assert rows == [(run, 100), (later, 102)]


def test_ledger_marks_killed_runs(storage: Storage) -> None:
    first = storage.start_crawl("news", "news", "full", "http://x")
    second = storage.start_crawl("news", "news", "incremental", "http://x")
    storage.finish_crawl(second, status="ok", collapsed_fields=["title"])
    rows = {r["id"]: r for r in storage.db["crawls"].rows}
    assert rows[first]["status"] == "interrupted"
    assert rows[first]["finish_reason"] == "killed"
    assert rows[second]["collapsed_fields"] == '["title"]'
    assert storage.last_ok_crawl("news")["id"] == second  # type: ignore[index]  # not None here


def test_complete_upto_round_trip(storage: Storage) -> None:
    assert storage.complete_upto("news") is None
    storage.set_complete_upto("news", 2705, 1)
    assert storage.complete_upto("news") == 2705
    storage.set_complete_upto("news", None, 1)
    assert storage.complete_upto("news") is None


def test_a_read_only_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "kita.db"
    Storage.open(path).close()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    storage = Storage(__import__("sqlite_utils").Database(conn))
    with pytest.raises(StorageError, match="cannot store article 7"):
        storage.save_article(article(), 1)


def test_an_unwritable_place_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StorageError, match="cannot open database"):
        Storage.open(blocker / "kita.db")


def test_health_names_every_board_that_is_not_ok(storage: Storage) -> None:
    runs = {
        "news": ("ok", None),
        "insights": ("failed", "list page 1 was lost: connection refused (127.0.0.1:1)"),
        "photos": ("drift", "extraction collapsed (layout drift?): title"),
    }
    for board, (status, message) in runs.items():
        crawl_id = storage.start_crawl(board, board, "incremental", "http://127.0.0.1:1")
        storage.finish_crawl(crawl_id, status=status, message=message)
    verdict = queries.health(storage.db)
    assert (verdict.ok, verdict.code) == (False, 2)
    assert verdict.message == (
        "insights: last run 2 ended failed: list page 1 was lost: connection refused"
        " (127.0.0.1:1) (and 1 more board not OK)"
    )
    assert [line.split(":")[0] for line in verdict.not_ok] == ["insights", "photos"]
    assert "connection refused (127.0.0.1:1)" in verdict.not_ok[0]
    # Every board fine again: OK, and no board listed.
    for board in ("insights", "photos"):
        crawl_id = storage.start_crawl(board, board, "incremental", "http://127.0.0.1:1")
        storage.finish_crawl(crawl_id, status="ok")
    assert queries.health(storage.db).not_ok == ()
