"""``kitacrawl.serve.metadata``: every table, view, column and index described; Datasette takes it.

The descriptions are checked against a migrated database here, both ways (what
the database has is described, what is described the database has); the
document's tables are generated from both (``tools/docgen.py``, checked by
``tests/test_schema_doc.py``). Datasette itself is run in-process on a database
filled by hand (no server, no port): its table JSON, facets, search, canned
queries, the descriptions on its pages and how its pages read.
"""

from __future__ import annotations

import asyncio
import html
import re
import urllib.parse
from collections.abc import Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from kitacrawl.serve import metadata
from kitacrawl.storage import Storage
from tests import sampledb

# What SQLite reports as a column's declared type, when a view's or FTS5's column has none.
VALUE_TYPES = {"TEXT", "INTEGER", "REAL"}


@pytest.fixture(scope="module")
def migrated() -> Storage:
    return Storage.memory()


def relations(storage: Storage) -> dict[str, str]:
    """Every table and view of the database, by name: its type (``table`` or ``view``).

    SQLite's own tables and FTS5's storage tables are left out."""
    rows = storage.db.execute(
        "SELECT name, type, sql FROM sqlite_master WHERE type IN ('table', 'view')"
        " AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    virtual = [name for name, _, sql in rows if sql.upper().startswith("CREATE VIRTUAL TABLE")]
    shadows = {v + suffix for v in virtual for suffix in metadata.FTS_SHADOW_SUFFIXES}
    return {name: kind for name, kind, _ in rows if name not in shadows}


def columns(storage: Storage, name: str) -> list[tuple[str, str]]:
    """(name, declared type) of each column, in order."""
    return [(row[1], row[2]) for row in storage.db.execute(f"PRAGMA table_info([{name}])")]


def indexes(storage: Storage, name: str) -> set[str]:
    """The names of a table's indexes, ``primary key`` for its key."""
    found = set()
    if any(row[5] for row in storage.db.execute(f"PRAGMA table_info([{name}])")):
        found.add("primary key")
    for _, index, _, origin, _ in storage.db.execute(f"PRAGMA index_list([{name}])"):
        if origin != "pk":  # the primary key's own index is the key
            found.add(index)
    return found


def test_every_table_and_view_is_described(migrated: Storage) -> None:
    in_db = relations(migrated)
    assert {r.name: r.kind for r in metadata.RELATIONS} == in_db
    for relation in metadata.RELATIONS:
        assert relation.description.strip(), relation.name


@pytest.mark.parametrize("relation", metadata.RELATIONS, ids=lambda r: r.name)
def test_every_column_is_described(migrated: Storage, relation: metadata.Relation) -> None:
    in_db = [name for name, _ in columns(migrated, relation.name)]
    assert list(relation.columns) == in_db, "columns missing, extra or out of order"
    for name, text in relation.columns.items():
        assert text.strip(), f"{relation.name}.{name}: empty description"
        # One line without a pipe: it is a cell of docs/schema.md's Markdown tables.
        assert "|" not in text
        assert "\n" not in text
        assert text.count("`") % 2 == 0, f"{relation.name}.{name}: unbalanced backticks"


@pytest.mark.parametrize("relation", metadata.RELATIONS, ids=lambda r: r.name)
def test_every_index_is_described(migrated: Storage, relation: metadata.Relation) -> None:
    assert set(relation.indexes) == indexes(migrated, relation.name)
    for text in relation.indexes.values():
        assert "|" not in text
        assert "\n" not in text


@pytest.mark.parametrize("relation", metadata.RELATIONS, ids=lambda r: r.name)
def test_a_type_is_given_where_sqlite_declares_none(
    migrated: Storage, relation: metadata.Relation
) -> None:
    undeclared = {name for name, declared in columns(migrated, relation.name) if not declared}
    assert set(relation.types) == undeclared
    assert set(relation.types.values()) <= VALUE_TYPES


def test_the_checks_see_what_a_migration_would_add(migrated: Storage) -> None:
    # The tests above compare with what the database has: a new column, index or table
    # in a migration must be found undescribed.
    db = Storage.memory().db
    db.execute("ALTER TABLE crawls ADD COLUMN undescribed TEXT")
    db.execute("CREATE INDEX idx_crawls_undescribed ON crawls (undescribed)")
    db.execute("CREATE TABLE undescribed (x)")
    storage = Storage(db)
    assert columns(storage, "crawls")[-1] == ("undescribed", "TEXT")
    assert "idx_crawls_undescribed" in indexes(storage, "crawls")
    assert "undescribed" in relations(storage)
    assert relations(storage).keys() - relations(migrated).keys() == {"undescribed"}


@pytest.mark.parametrize("relation", metadata.RELATIONS, ids=lambda r: r.name)
def test_facets_and_sorting_name_real_columns(relation: metadata.Relation) -> None:
    for name in (*relation.facets, *([relation.sort_desc] if relation.sort_desc else [])):
        assert name in relation.columns, name


def test_the_datasette_metadata() -> None:
    found = metadata.datasette_metadata("kita")
    tables = found["databases"]["kita"]["tables"]
    assert set(tables) == set(metadata.BY_NAME)
    articles = tables["articles"]
    assert articles["fts_table"] == "articles_search"
    assert articles["fts_pk"] == "rowid"
    assert "board" in articles["facets"]
    assert tables["article_stats"]["facets"] == ["board", "month"]
    assert "kind" in tables["problems"]["facets"]
    # Datasette shows plain text: no Markdown backticks.
    assert "`" not in str(found)
    queries = found["databases"]["kita"]["queries"]
    assert len(queries) >= 5
    assert {"latest_articles", "top_read", "hit_growth", "neighbours", "attachments"} <= set(
        queries
    )
    assert {"failed_runs", "problems_by_kind"} <= set(queries)
    assert ":no" in queries["hit_growth"]["sql"]


@pytest.mark.parametrize("query", metadata.CANNED_QUERIES, ids=lambda q: q.name)
def test_every_canned_query_returns_rows(query: metadata.CannedQuery) -> None:
    storage = sampledb.build()
    params = {"no": 101} if ":no" in query.sql else {}
    assert list(storage.db.query(query.sql, params)), "no rows"


# -- Datasette in-process ---------------------------------------------------------------


@pytest.fixture(scope="module")
def datasette(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    pytest.importorskip("datasette", reason="the datasette extra is not installed")
    from kitacrawl.serve import server  # noqa: PLC0415 - after the skip: an optional extra

    path = tmp_path_factory.mktemp("serve") / "kita.db"
    storage = Storage.open(path)
    sampledb.fill(storage)
    storage.close()
    app, name = server.build(Path(path))
    assert name == "kita"
    wait_for(app.invoke_startup())
    yield app
    for database in app.databases.values():
        database.close()


def wait_for(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """Run a coroutine to its end on an event loop of its own, in a thread of its own.

    This thread's event loop is the test session's reactor (pytest-twisted's asyncio
    reactor), and a test runs inside it: it cannot wait for a coroutine here.
    """
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, coroutine).result()


def get(app: Any, path: str) -> Any:
    response = wait_for(app.client.get(path))
    assert response.status_code == 200, (path, response.text[:500])
    return response


def test_datasette_table_facets_and_search(datasette: Any) -> None:
    page = get(datasette, "/kita/articles.json?_shape=objects&_size=0").json()
    assert page["filtered_table_rows_count"] == len(sampledb.ARTICLES)
    boards = {r["value"]: r["count"] for r in page["facet_results"]["board"]["results"]}
    assert boards == {"news": 5, "insights": 1}
    months = get(datasette, "/kita/article_stats.json?_size=0").json()["facet_results"]["month"]
    assert {r["value"]: r["count"] for r in months["results"]} == {
        "2025-01": 1,
        "2025-02": 2,
        "2025-03": 2,
    }
    kinds = get(datasette, "/kita/problems.json?_size=0").json()["facet_results"]["kind"]
    assert {r["value"]: r["count"] for r in kinds["results"]} == {
        "http_404": 2,
        "http_500": 1,
        "deleted": 1,
        "connection": 1,
    }
    found = get(datasette, "/kita/articles.json?_shape=objects&_search=semiconductor").json()
    assert {(r["board"], r["no"]) for r in found["rows"]} == {("news", 101), ("insights", 7)}


@pytest.mark.parametrize("query", metadata.CANNED_QUERIES, ids=lambda q: q.name)
def test_datasette_runs_every_canned_query(datasette: Any, query: metadata.CannedQuery) -> None:
    # Datasette passes parameters as text: `:no` must still find the article.
    suffix = "&no=101" if ":no" in query.sql else ""
    found = get(datasette, f"/kita/{query.name}.json?_shape=objects{suffix}").json()
    assert found["ok"] is True
    assert found["rows"], "no rows"


@pytest.mark.parametrize("relation", metadata.RELATIONS, ids=lambda r: r.name)
def test_datasette_shows_the_descriptions(datasette: Any, relation: metadata.Relation) -> None:
    # Hidden tables (FTS, the migrations) are left out of the listings, not unreachable.
    page = html.unescape(get(datasette, f"/kita/{relation.name}").text)
    assert metadata.plain(relation.description) in page
    for text in relation.columns.values():
        assert metadata.plain(text) in page


# -- how its pages read (issue 18) --------------------------------------------------------


def test_the_database_page_lists_the_analysts_tables_not_the_archive(datasette: Any) -> None:
    listed = {t["name"]: t["hidden"] for t in get(datasette, "/kita.json").json()["tables"]}
    for name in ("archive", "archive_bodies", "archive_dicts", "_sqlite_migrations"):
        assert listed[name] is True, name
    for name in ("articles", "hits", "crawls", "problems", "links", "revisions"):
        assert listed[name] is False, name
    page = get(datasette, "/kita").text
    # The SQL box starts on the articles, not on the archive.
    assert ">select * from articles</textarea>" in page
    assert 'href="/kita/archive"' not in page
    assert 'href="/kita/articles"' in page


def test_long_cells_are_cut_on_html_pages(datasette: Any) -> None:
    long = "x" * 1000
    sql = "select replace(printf('%1000s', ''), ' ', 'x') AS body"
    page = get(datasette, f"/kita?sql={urllib.parse.quote(sql)}").text
    assert long not in page
    assert "x" * metadata.SETTINGS["truncate_cells_html"] + "…" in page
    # The JSON keeps the whole value.
    rows = get(datasette, f"/kita.json?sql={urllib.parse.quote(sql)}&_shape=array").json()
    assert rows == [{"body": long}]


def test_table_pages_put_the_rows_before_the_column_descriptions(datasette: Any) -> None:
    page = html.unescape(get(datasette, "/kita/articles").text)
    assert '<dl class="column-descriptions">' in page
    (css,) = re.findall(r'<link rel="stylesheet" href="data:text/css,([^"]+)"', page)
    rules = urllib.parse.unquote(css)
    assert "body.table section.content { display: flex; flex-direction: column; }" in rules
    assert "body.table section.content > dl.column-descriptions { order: 1;" in rules
    # The rows' table comes first in the flow: order 0, before the descriptions' 1.
    assert 'class="table-wrapper"' in page


def test_datasette_search_finds_korean_nouns_inside_words(tmp_path: Path) -> None:
    pytest.importorskip("datasette", reason="the datasette extra is not installed")
    from kitacrawl.items import Article  # noqa: PLC0415 - beside the optional extra's import
    from kitacrawl.serve import server  # noqa: PLC0415 - after the skip: an optional extra

    path = tmp_path / "kita.db"
    storage = Storage.open(path)
    bodies = ("시스템반도체를 수출한다", "반도체가 늘었다", "한반도 체제가 안정됐다", "무관세 협정")
    for no, body in enumerate((*bodies, "Supply chain"), 1):
        storage.save_article(Article(board="tradenews", no=no, url=f"u{no}", title="t", body=body))
    storage.close()
    app, _ = server.build(path)
    wait_for(app.invoke_startup())
    try:
        wanted = {"반도체": {1, 2}, "관세": {4}, "supply": {5}, "한반도": {3}}
        for query, expected in wanted.items():
            quoted = urllib.parse.quote(query)
            found = get(app, f"/kita/articles.json?_shape=objects&_search={quoted}").json()
            assert {row["no"] for row in found["rows"]} == expected, query
    finally:
        for database in app.databases.values():
            database.close()
