"""The documentation's generated parts, for cog: ``make docs`` writes them, ``make lint`` checks.

- ``README.md``: the settings table, from :data:`kitacrawl.config.OPTIONS`;
- ``docs/schema.md``: each table's and view's heading, column table and index
  table, from :mod:`kitacrawl.serve.metadata` (what each one means) and a
  database migrated in memory (columns, declared types, ``NOT NULL``, keys and
  indexes); and the SQL of the canned queries, as the metadata holds it.

Each function returns Markdown; a cog block in the document prints it, e.g.

    <!-- [[[cog import docgen; cog.out(docgen.relation("articles"))]]] -->
    <!-- [[[end]]] -->

(``cog -I tools`` puts this folder on the path). Hand-written prose stays
around the blocks. The sources themselves are tested (``tests/serve/
test_metadata.py``, ``tests/test_config.py``): every table, column and index of
a migrated database is described there, and nothing else.
"""

from __future__ import annotations

import functools
from typing import Any

from kitacrawl import config
from kitacrawl.serve import metadata
from kitacrawl.storage import Storage


def settings_table() -> str:
    """The README's table of ``KITACRAWL_*`` settings, in ``config.OPTIONS`` order."""
    lines = ["| setting | default | meaning |", "| --- | --- | --- |"]
    lines += [
        f"| `{option.name}` | {_default(option.default)} | {option.doc} |"
        for option in config.OPTIONS
    ]
    return "\n".join(lines) + "\n"


def _default(value: Any) -> str:
    if isinstance(value, bool):
        return "`1`" if value else "`0`"
    if isinstance(value, float) and value.is_integer():
        return f"`{int(value)}`"
    if value == "":
        return "(empty)"
    return f"`{value}`"


@functools.cache
def _database() -> Storage:
    return Storage.memory()


def relation(name: str) -> str:
    """The heading, the column table and (for a table) the index table of ``name``."""
    described = metadata.BY_NAME[name]
    db = _database().db
    view = " (view)" if described.kind == "view" else ""
    lines = [f"## `{name}`{view} — {described.description}", ""]
    lines += ["| column | type | meaning |", "| --- | --- | --- |"]
    columns = db.execute(f"PRAGMA table_info([{name}])").fetchall()
    if [row[1] for row in columns] != list(described.columns):
        raise ValueError(f"{name}: the metadata's columns are not the database's")
    for _, column, declared, not_null, _, _ in columns:
        kind = declared + (" NOT NULL" if not_null else "") if declared else described.types[column]
        lines.append(f"| `{column}` | {kind} | {described.columns[column]} |")
    indexes = _indexes(name)
    if indexes:
        if set(indexes) != set(described.indexes):
            raise ValueError(f"{name}: the metadata's indexes are not the database's")
        lines += ["", "| index | columns | unique | serves |", "| --- | --- | --- | --- |"]
        for index, serves in described.indexes.items():
            on, unique = indexes[index]
            label = index if index == "primary key" else f"`{index}`"
            cells = ", ".join(f"`{column}`" for column in on)
            serves_cell = f" {serves} " if serves else " "
            lines.append(f"| {label} | {cells} | {'yes' if unique else 'no'} |{serves_cell}|")
    return "\n".join(lines) + "\n"


def _indexes(name: str) -> dict[str, tuple[tuple[str, ...], bool]]:
    """The key (as ``primary key``) and the indexes of a table: their columns, unique."""
    db = _database().db
    found: dict[str, tuple[tuple[str, ...], bool]] = {}
    key = [row for row in db.execute(f"PRAGMA table_info([{name}])") if row[5]]
    if key:
        found["primary key"] = (tuple(row[1] for row in sorted(key, key=lambda r: r[5])), True)
    for _, index, unique, origin, _ in db.execute(f"PRAGMA index_list([{name}])"):
        if origin == "pk":  # the primary key's own index, listed above as the key
            continue
        on = tuple(row[2] for row in db.execute(f"PRAGMA index_info([{index}])"))
        found[index] = (on, bool(unique))
    return found


def canned_query(name: str) -> str:
    """A canned query's worked example as a ```` ```sql ```` block: what runs as pasted."""
    query = metadata.CANNED_BY_NAME[name]
    return f"```sql\n{query.example.strip()}\n```\n"
