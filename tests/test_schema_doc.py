"""``docs/schema.md`` is the analysts' API: it must say what the database holds.

Compared with a migrated database (``PRAGMA table_info`` / ``index_list``): every
table, view, column, type, key and index, both ways. Compared with
``kitacrawl.serve.metadata``: the same descriptions, the canned queries among
the worked examples. And every worked example runs: on a database filled by
hand (fast), and on a crawl of the imitation (slow); none may fail or, unless
it says it may, return nothing.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

import pytest

from kitacrawl.serve import metadata
from kitacrawl.storage import Storage
from tests import sampledb, schemadoc
from tests.conftest import Crawled

SECTIONS = schemadoc.sections()
EXAMPLES = schemadoc.examples()
# The FTS5 virtual table's own columns carry no declared type; views' computed ones neither.
VALUE_TYPES = {"TEXT", "INTEGER", "REAL"}


@pytest.fixture(scope="module")
def migrated() -> Storage:
    return Storage.memory()


def relations(storage: Storage) -> dict[str, str]:
    """Every table and view of the database, by name: its type (``table`` or ``view``).

    SQLite's own tables and FTS5's storage tables are left out (the document names
    the latter, see below)."""
    rows = storage.db.execute(
        "SELECT name, type, sql FROM sqlite_master WHERE type IN ('table', 'view')"
        " AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    virtual = [name for name, _, sql in rows if sql.upper().startswith("CREATE VIRTUAL TABLE")]
    shadows = {v + suffix for v in virtual for suffix in metadata.FTS_SHADOW_SUFFIXES}
    return {name: kind for name, kind, _ in rows if name not in shadows}


def fts_shadow_tables(storage: Storage) -> list[str]:
    names = set(storage.db.table_names())
    return sorted(names - set(relations(storage)))


def columns(storage: Storage, name: str) -> list[tuple[str, str, bool, int]]:
    """(name, declared type, not null, position in the primary key) of each column."""
    return [
        (row[1], row[2], bool(row[3]), row[5])
        for row in storage.db.execute(f"PRAGMA table_info([{name}])")
    ]


def indexes(storage: Storage, name: str) -> set[tuple[str, tuple[str, ...], bool]]:
    found = set()
    key = tuple(c for c, *_, pk in sorted(columns(storage, name), key=lambda c: c[3]) if pk)
    if key:
        found.add(("primary key", key, True))
    for _, index, unique, origin, _ in storage.db.execute(f"PRAGMA index_list([{name}])"):
        if origin == "pk":  # the primary key's own index, listed above as the key
            continue
        on = tuple(row[2] for row in storage.db.execute(f"PRAGMA index_info([{index}])"))
        found.add((index, on, bool(unique)))
    return found


# -- the document against the database ----------------------------------------------


def test_every_table_and_view_has_a_section_and_no_more(migrated: Storage) -> None:
    in_db = relations(migrated)
    assert {name: s.kind for name, s in SECTIONS.items()} == in_db


@pytest.mark.parametrize("name", sorted(SECTIONS))
def test_columns_and_types(migrated: Storage, name: str) -> None:
    documented = SECTIONS[name].columns
    actual = columns(migrated, name)
    assert list(documented) == [c[0] for c in actual], "columns missing, extra or out of order"
    for column, declared, not_null, _ in actual:
        written = documented[column][0]
        if declared:
            assert written == declared + (" NOT NULL" if not_null else ""), column
        else:
            assert written in VALUE_TYPES, f"{column}: say what type its values are"


@pytest.mark.parametrize("name", sorted(SECTIONS))
def test_keys_and_indexes(migrated: Storage, name: str) -> None:
    assert SECTIONS[name].indexes == indexes(migrated, name)


def test_triggers_and_fts_storage_tables_are_named(migrated: Storage) -> None:
    doc = schemadoc.text()
    triggers = [
        r[0] for r in migrated.db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    ]
    for name in [*triggers, *fts_shadow_tables(migrated)]:
        assert f"`{name}`" in doc, name
    assert fts_shadow_tables(migrated), "the FTS5 storage tables were not found"


# -- the document against the metadata -----------------------------------------------


@pytest.mark.parametrize("name", sorted(SECTIONS))
def test_descriptions_are_the_metadata(name: str) -> None:
    """One text per table and column: what Datasette shows is what the document says."""
    section, relation = SECTIONS[name], metadata.BY_NAME[name]
    assert section.description == relation.description
    assert section.kind == relation.kind
    assert {c: meaning for c, (_, meaning) in section.columns.items()} == relation.columns


def test_the_canned_queries_are_worked_examples() -> None:
    doc = schemadoc.text()
    blocks = {schemadoc.normalise(example.sql) for example in EXAMPLES}
    for query in metadata.CANNED_QUERIES:
        assert schemadoc.normalise(query.sql) in blocks, f"{query.name}: not in docs/schema.md"
        assert f"*Canned query `{query.name}`.*" in doc, query.name


def test_at_least_a_dozen_worked_examples() -> None:
    assert len(EXAMPLES) >= 12
    titles = [example.title for example in EXAMPLES]
    assert len(set(titles)) == len(titles), "one example per heading"


# -- every worked example runs ----------------------------------------------------------


def run(conn: sqlite3.Connection, sql: str, params: dict[str, Any]) -> list[Any]:
    """Run one example read-only, binding the ``:name`` parameters it uses."""
    names = set(re.findall(r"(?<![\w:]):(\w+)", sql))
    missing = names - set(params)
    assert not missing, f"no test value for the parameters {missing}"
    conn.execute("PRAGMA query_only = 1")  # a worked example never writes
    try:
        return conn.execute(sql, {name: params[name] for name in names}).fetchall()
    finally:
        conn.execute("PRAGMA query_only = 0")


@pytest.fixture(scope="module")
def hand_filled() -> Storage:
    return sampledb.build()


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.title for e in EXAMPLES])
def test_every_example_runs_on_a_hand_filled_database(
    hand_filled: Storage, example: schemadoc.Example
) -> None:
    rows = run(hand_filled.db.conn, example.sql, {"no": 101})
    assert rows or example.may_be_empty, "no rows"


@pytest.mark.slow
def test_every_example_runs_on_a_crawled_imitation(crawled_imitation: Crawled) -> None:
    conn = sqlite3.connect(f"file:{crawled_imitation.db}?mode=ro", uri=True)
    try:
        (observed_most,) = conn.execute(
            "SELECT no FROM hits GROUP BY board, no ORDER BY count(*) DESC, no DESC LIMIT 1"
        ).fetchone()
        failures = {}
        for example in EXAMPLES:
            try:
                rows = run(conn, example.sql, {"no": observed_most})
            except sqlite3.Error as exc:
                failures[example.title] = str(exc)
                continue
            if not rows and not example.may_be_empty:
                failures[example.title] = "no rows"
        assert failures == {}
    finally:
        conn.close()
