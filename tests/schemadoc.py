"""``docs/schema.md`` read as data: its table sections and its worked examples.

The document's conventions, which these functions rely on:

- a table or view is a section headed ``## `name` — description`` (a view:
  ``## `name` (view) — description``);
- its columns are a Markdown table headed ``| column | type | meaning |``, one
  column a row; its keys and indexes a table headed
  ``| index | columns | unique | serves |``;
- a worked example is a ```` ```sql ```` block under a ``### `` heading; a block
  that may rightly return no rows says so in a line ``-- may be empty``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "schema.md"
MAY_BE_EMPTY = "-- may be empty"

_HEADING = re.compile(r"^## `(?P<name>\w+)`(?P<view> \(view\))? — (?P<description>.+)$")
_SQL = re.compile(r"^```sql\n(?P<sql>.*?)^```$", re.DOTALL | re.MULTILINE)


@dataclass
class Section:
    name: str
    kind: str
    description: str
    # column name: (type, meaning), in the document's order
    columns: dict[str, tuple[str, str]] = field(default_factory=dict)
    # (index name or "primary key", its columns, unique)
    indexes: set[tuple[str, tuple[str, ...], bool]] = field(default_factory=set)


@dataclass(frozen=True)
class Example:
    title: str
    sql: str

    @property
    def may_be_empty(self) -> bool:
        return any(line.strip() == MAY_BE_EMPTY for line in self.sql.splitlines())


def text() -> str:
    return DOC.read_text(encoding="utf-8")


def _names(cell: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("`") for part in cell.split(","))


def _tables(chunk: str) -> list[list[list[str]]]:
    """Every Markdown table of a chunk: a list of rows of cells, the header first."""
    tables: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in [*chunk.splitlines(), ""]:
        if line.startswith("|"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if not all(set(cell) <= {"-", " "} for cell in cells):  # the --- line
                current.append(cells)
        elif current:
            tables.append(current)
            current = []
    return tables


def sections(source: str | None = None) -> dict[str, Section]:
    found: dict[str, Section] = {}
    for chunk in re.split(r"^(?=## )", source or text(), flags=re.MULTILINE):
        heading = _HEADING.match(chunk.splitlines()[0]) if chunk.strip() else None
        if heading is None:
            continue
        section = Section(
            heading["name"], "view" if heading["view"] else "table", heading["description"]
        )
        for table in _tables(chunk):
            header, rows = table[0], table[1:]
            if header == ["column", "type", "meaning"]:
                for name, kind, meaning in rows:
                    section.columns[name.strip("`")] = (kind, meaning)
            elif header == ["index", "columns", "unique", "serves"]:
                for name, columns, unique, _ in rows:
                    section.indexes.add((name.strip("`"), _names(columns), unique == "yes"))
            else:
                raise AssertionError(f"{section.name}: a table of unknown shape {header}")
        found[section.name] = section
    return found


def examples(source: str | None = None) -> list[Example]:
    source = source or text()
    found = []
    for match in _SQL.finditer(source):
        titles = re.findall(r"^### (.+)$", source[: match.start()], flags=re.MULTILINE)
        found.append(Example(titles[-1] if titles else "(untitled)", match["sql"].strip()))
    return found


def normalise(sql: str) -> str:
    return " ".join(sql.split())
