"""The worked examples of ``docs/schema.md``: its ```` ```sql ```` blocks, as pasted.

A worked example is a ```` ```sql ```` block under a ``### `` heading; a block that
may rightly return no rows says so in a line ``-- may be empty``. (The tables of the
document are generated from the code and checked by ``cog --check``: nothing here
reads them.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "schema.md"
MAY_BE_EMPTY = "-- may be empty"

_SQL = re.compile(r"^```sql\n(?P<sql>.*?)^```$", re.DOTALL | re.MULTILINE)


@dataclass(frozen=True)
class Example:
    title: str
    sql: str

    @property
    def may_be_empty(self) -> bool:
        return any(line.strip() == MAY_BE_EMPTY for line in self.sql.splitlines())


def text() -> str:
    return DOC.read_text(encoding="utf-8")


def examples(source: str | None = None) -> list[Example]:
    source = source or text()
    found = []
    for match in _SQL.finditer(source):
        titles = re.findall(r"^### (.+)$", source[: match.start()], flags=re.MULTILINE)
        found.append(Example(titles[-1] if titles else "(untitled)", match["sql"].strip()))
    return found


def normalise(sql: str) -> str:
    return " ".join(sql.split())
