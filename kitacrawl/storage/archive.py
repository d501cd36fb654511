"""The archive: every page a run fetched, kept raw, so that everything else can be derived again.

Two tables in the crawl's own database (see ``docs/schema.md`` for why not a
separate file): ``archive_bodies`` holds each distinct body once, compressed,
under its SHA-256; ``archive`` holds one row per fetch (final URL, status, the
headers needed to decode the body, when, which run) pointing at its body. An
hourly run that sees the same list page again adds one small row, not a copy.

The writes here run inside the caller's transaction (``Storage.save_article``
and friends), so a page and what was read from it are committed together or
not at all.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from kitacrawl.items import FetchedPage

# zlib at level 6: a 23 kB page of the imitation is ~6 kB. Stored with the codec's
# name so that a better codec can be added without rewriting old rows.
CODEC = "zlib"
LEVEL = 6


def digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def compress(body: bytes) -> bytes:
    return zlib.compress(body, LEVEL)


def decompress(codec: str, data: bytes) -> bytes:
    if codec == CODEC:
        return zlib.decompress(data)
    if codec == "identity":
        return data
    raise ValueError(f"unknown archive codec {codec!r}")


def write(conn: sqlite3.Connection, page: FetchedPage, crawl_id: int | None) -> int:
    """Keep one fetched page (inside the caller's transaction); its ``archive.id``."""
    body_hash = digest(page.body)
    known = conn.execute("SELECT 1 FROM archive_bodies WHERE hash = ?", (body_hash,)).fetchone()
    if known is None:
        packed = compress(page.body)
        conn.execute(
            "INSERT INTO archive_bodies (hash, codec, size, stored, body) VALUES (?, ?, ?, ?, ?)",
            (body_hash, CODEC, len(page.body), len(packed), packed),
        )
    cursor = conn.execute(
        "INSERT INTO archive (board, no, kind, url, requested_url, status, headers, fetched_at,"
        " crawl_id, base_url, body_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            page.board or None,
            page.no,
            page.kind,
            page.url,
            page.requested_url,
            page.status,
            json.dumps(page.headers, ensure_ascii=False, sort_keys=True),
            page.fetched_at,
            crawl_id,
            page.base_url,
            body_hash,
        ),
    )
    assert cursor.lastrowid is not None
    return int(cursor.lastrowid)


@dataclass(frozen=True, slots=True)
class ArchivedPage:
    """One archived fetch, with its body."""

    id: int
    board: str | None
    no: int | None
    kind: str
    url: str
    requested_url: str | None
    status: int
    headers: dict[str, str]
    fetched_at: str
    crawl_id: int | None
    base_url: str
    body: bytes

    def page(self) -> FetchedPage:
        return FetchedPage(
            url=self.url,
            status=self.status,
            headers=dict(self.headers),
            body=self.body,
            fetched_at=self.fetched_at,
            requested_url=self.requested_url,
            base_url=self.base_url,
            kind=self.kind,  # type: ignore[arg-type]  # the archive only holds the three kinds
            board=self.board or "",
            no=self.no,
        )


_SELECT = (
    "SELECT a.id, a.board, a.no, a.kind, a.url, a.requested_url, a.status, a.headers,"
    " a.fetched_at, a.crawl_id, a.base_url, b.codec, b.body"
    " FROM archive a JOIN archive_bodies b ON b.hash = a.body_hash"
)


def _row(row: tuple[Any, ...]) -> ArchivedPage:
    *meta, codec, data = row
    id_, board, no, kind, url, requested, status, headers, fetched_at, crawl_id, base = meta
    return ArchivedPage(
        id=id_,
        board=board,
        no=no,
        kind=kind,
        url=url,
        requested_url=requested,
        status=status,
        headers=json.loads(headers) if headers else {},
        fetched_at=fetched_at,
        crawl_id=crawl_id,
        base_url=base or "",
        body=decompress(codec, data),
    )


def get(conn: sqlite3.Connection, archive_id: int) -> ArchivedPage | None:
    row = conn.execute(f"{_SELECT} WHERE a.id = ?", (archive_id,)).fetchone()
    return _row(row) if row else None


def pages(
    conn: sqlite3.Connection, where: str = "", params: tuple[Any, ...] = ()
) -> Iterator[ArchivedPage]:
    """Archived fetches in fetch order, optionally filtered (``where`` on alias ``a``)."""
    clause = f" WHERE {where}" if where else ""
    for row in conn.execute(f"{_SELECT}{clause} ORDER BY a.id", params):
        yield _row(row)


def prune(conn: sqlite3.Connection, keep: int) -> tuple[int, int]:
    """Keep the last ``keep`` fetches of each URL (and every page an article was
    derived from); delete the rest and the bodies no fetch needs any more.

    Runs inside the caller's transaction; returns (fetches, bodies) deleted.
    """
    if keep < 1:
        raise ValueError("keep at least one version of each URL")
    fetches = conn.execute(
        "DELETE FROM archive WHERE id IN ("
        " SELECT id FROM (SELECT id, row_number() OVER"
        " (PARTITION BY url ORDER BY fetched_at DESC, id DESC) AS newer FROM archive)"
        " WHERE newer > ?)"
        " AND id NOT IN (SELECT archive_id FROM articles WHERE archive_id IS NOT NULL)",
        (keep,),
    ).rowcount
    # Problems keep naming their page only while it is kept.
    conn.execute(
        "UPDATE problems SET archive_id = NULL WHERE archive_id IS NOT NULL"
        " AND archive_id NOT IN (SELECT id FROM archive)"
    )
    bodies = conn.execute(
        "DELETE FROM archive_bodies WHERE hash NOT IN (SELECT body_hash FROM archive)"
    ).rowcount
    return fetches, bodies


def import_page(conn: sqlite3.Connection, page: FetchedPage) -> bool:
    """Add one fetch read from elsewhere (a WARC), unless the archive has it already."""
    known = conn.execute(
        "SELECT 1 FROM archive WHERE url = ? AND fetched_at = ? AND body_hash = ?",
        (page.url, page.fetched_at, digest(page.body)),
    ).fetchone()
    if known is not None:
        return False
    write(conn, page, None)
    return True


def sizes(conn: sqlite3.Connection) -> dict[str, Any]:
    """What the archive holds and what it costs, by kind of page."""
    rows = conn.execute(
        "SELECT a.kind, count(*), count(DISTINCT a.body_hash) FROM archive a GROUP BY a.kind"
    ).fetchall()
    by_kind: dict[str, Any] = {kind: {"fetches": n, "bodies": b} for kind, n, b in rows}
    for kind, raw, stored in conn.execute(
        "SELECT kind, sum(b.size), sum(b.stored) FROM archive_bodies b JOIN"
        " (SELECT DISTINCT body_hash, kind FROM archive) a ON a.body_hash = b.hash GROUP BY kind"
    ):
        by_kind[kind].update(raw_bytes=raw, stored_bytes=stored)
    return by_kind
