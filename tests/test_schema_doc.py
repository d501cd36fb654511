"""``docs/schema.md`` is the analysts' API: its generated parts are current, its examples run.

The headings, column tables and index tables of the document, and the SQL of the
canned queries, are generated from ``kitacrawl.serve.metadata`` and a migrated
database by cog (``tools/docgen.py``): the check here is ``cog --check``, the
same as ``make docs-check``. The sources themselves are compared with a migrated
database in ``tests/serve/test_metadata.py``.

Every worked example runs as pasted into ``sqlite3``: no parameter to bind, on a
database filled by hand (fast) and on a crawl of the imitation (slow), and,
where the ``sqlite3`` command is installed, through it. None may fail or, unless
it says it may, return nothing.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kitacrawl.serve import metadata
from kitacrawl.storage import Storage
from tests import sampledb, schemadoc
from tests.conftest import Crawled

EXAMPLES = schemadoc.examples()
PROJECT = Path(__file__).resolve().parent.parent
GENERATED = ("README.md", "docs/schema.md")
# `:name`, `@name`, `$name` or `?`: a parameter sqlite3 would need bound (outside strings).
_PARAMETER = re.compile(r"(?<![\w:]):\w+|(?<!\w)[@$]\w+|\?")


def test_the_generated_parts_of_the_docs_are_current() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cogapp", "--check", "--diff", "-I", "tools", *GENERATED],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, f"stale: run `make docs`\n{done.stdout}{done.stderr}"


def test_every_canned_query_is_a_worked_example() -> None:
    blocks = {schemadoc.normalise(example.sql) for example in EXAMPLES}
    for query in metadata.CANNED_QUERIES:
        assert schemadoc.normalise(query.example) in blocks, f"{query.name}: not in docs/schema.md"


def test_at_least_a_dozen_worked_examples() -> None:
    assert len(EXAMPLES) >= 12
    titles = [example.title for example in EXAMPLES]
    assert len(set(titles)) == len(titles), "one example per heading"


def without_strings_and_comments(sql: str) -> str:
    sql = re.sub(r"'(?:[^']|'')*'", "''", sql)
    return re.sub(r"--[^\n]*", "", sql)


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.title for e in EXAMPLES])
def test_no_example_needs_a_parameter(example: schemadoc.Example) -> None:
    assert _PARAMETER.findall(without_strings_and_comments(example.sql)) == []


def test_the_parameter_check_sees_a_parameter() -> None:
    # The check above could pass by matching nothing: here it must find each form.
    for sql in ("SELECT * FROM articles WHERE no = :no", "SELECT ?", "SELECT @no, $no"):
        assert _PARAMETER.findall(without_strings_and_comments(sql)), sql
    assert not _PARAMETER.findall(without_strings_and_comments("SELECT ':no' -- :no ?"))


# -- every worked example runs, as pasted -----------------------------------------------


def run(conn: sqlite3.Connection, sql: str) -> list[Any]:
    """Run one example read-only, binding nothing (as pasted into ``sqlite3``)."""
    conn.execute("PRAGMA query_only = 1")  # a worked example never writes
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.execute("PRAGMA query_only = 0")


@pytest.fixture(scope="module")
def hand_filled() -> Storage:
    return sampledb.build()


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.title for e in EXAMPLES])
def test_every_example_runs_on_a_hand_filled_database(
    hand_filled: Storage, example: schemadoc.Example
) -> None:
    rows = run(hand_filled.db.conn, example.sql)
    assert rows or example.may_be_empty, "no rows"


def test_every_example_runs_in_the_sqlite3_shell(tmp_path: Path) -> None:
    shell = shutil.which("sqlite3")
    if shell is None:
        pytest.skip("the sqlite3 command is not installed (apt-get install sqlite3)")
    path = tmp_path / "kita.db"
    storage = Storage.open(path)
    sampledb.fill(storage)
    storage.close()
    failures = {}
    for example in EXAMPLES:
        done = subprocess.run(
            [shell, "-bail", "-readonly", str(path)],
            input=example.sql + ";\n",
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        if done.returncode != 0 or done.stderr:
            failures[example.title] = done.stderr.strip() or f"exit {done.returncode}"
        elif not done.stdout.strip() and not example.may_be_empty:
            failures[example.title] = "no rows"
    assert failures == {}


@pytest.mark.slow
def test_every_example_runs_on_a_crawled_imitation(crawled_imitation: Crawled) -> None:
    conn = sqlite3.connect(f"file:{crawled_imitation.db}?mode=ro", uri=True)
    try:
        failures = {}
        for example in EXAMPLES:
            try:
                rows = run(conn, example.sql)
            except sqlite3.Error as exc:
                failures[example.title] = str(exc)
                continue
            if not rows and not example.may_be_empty:
                failures[example.title] = "no rows"
        assert failures == {}
    finally:
        conn.close()
