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

# Pages of one board look alike: the same menus, scripts and footer around a
# few kB of article. zlib with a preset dictionary (the first 32 kB, zlib's
# window, of the board's first page of that kind) finds that chrome in the
# dictionary: a 23 kB page is kept in about 1 kB, and compressing it costs a
# third of plain zlib at level 6. The codec is stored with each body, so old
# rows (plain `zlib`) stay readable and a better codec can come later.
CODEC = "zlib"
DICT_CODEC = "zlib+dict"
LEVEL = 3
DICT_SIZE = 32 * 1024


def digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


# Dictionaries are content-addressed (their SHA-256): one cache serves every file.
_dictionaries: dict[str, bytes] = {}


def _dictionary(conn: sqlite3.Connection, dict_hash: str) -> bytes:
    found = _dictionaries.get(dict_hash)
    if found is None:
        row = conn.execute("SELECT body FROM archive_dicts WHERE hash = ?", (dict_hash,)).fetchone()
        if row is None:
            raise ValueError(f"archive dictionary {dict_hash} is missing")
        found = _dictionaries[dict_hash] = bytes(row[0])
    return found


def compress(body: bytes, dictionary: bytes | None = None) -> bytes:
    if dictionary is None:
        return zlib.compress(body, LEVEL)
    packer = zlib.compressobj(LEVEL, zdict=dictionary)
    return packer.compress(body) + packer.flush()


def decompress(codec: str, data: bytes, dictionary: bytes | None = None) -> bytes:
    if codec == CODEC:
        return zlib.decompress(data)
    if codec == DICT_CODEC and dictionary is not None:
        unpacker = zlib.decompressobj(zdict=dictionary)
        return unpacker.decompress(data) + unpacker.flush()
    if codec == "identity":
        return data
    raise ValueError(f"unknown archive codec {codec!r}")


class Dictionaries:
    """The dictionary each (board, kind) of page is packed with, for one database."""

    def __init__(self) -> None:
        self._current: dict[tuple[str, str], str] = {}
        # A compressor that has read its dictionary, copied for each page: priming
        # zlib with 32 kB costs more than compressing a page with it.
        self._primed: dict[str, Any] = {}

    def compress(self, dict_hash: str, dictionary: bytes, body: bytes) -> bytes:
        primed = self._primed.get(dict_hash)
        if primed is None:
            primed = self._primed[dict_hash] = zlib.compressobj(LEVEL, zdict=dictionary)
        packer = primed.copy()
        return packer.compress(body) + packer.flush()

    def for_page(self, conn: sqlite3.Connection, page: FetchedPage) -> tuple[str, bytes]:
        key = (page.board, page.kind)
        dict_hash = self._current.get(key)
        if dict_hash is None:
            row = conn.execute(
                "SELECT hash FROM archive_dicts WHERE board = ? AND kind = ?"
                " ORDER BY rowid DESC LIMIT 1",
                key,
            ).fetchone()
            if row is not None:
                dict_hash = str(row[0])
            else:
                body = page.body[:DICT_SIZE]
                dict_hash = digest(body)
                conn.execute(
                    "INSERT OR IGNORE INTO archive_dicts (hash, board, kind, body, created_at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (dict_hash, page.board, page.kind, body, page.fetched_at),
                )
                _dictionaries[dict_hash] = body
            self._current[key] = dict_hash
        return dict_hash, _dictionary(conn, dict_hash)


def write(
    conn: sqlite3.Connection,
    page: FetchedPage,
    crawl_id: int | None,
    dictionaries: Dictionaries | None = None,
) -> int:
    """Keep one fetched page (inside the caller's transaction); its ``archive.id``."""
    body_hash = digest(page.body)
    known = conn.execute("SELECT 1 FROM archive_bodies WHERE hash = ?", (body_hash,)).fetchone()
    if known is None:
        dictionaries = dictionaries or Dictionaries()
        dict_hash, dictionary = dictionaries.for_page(conn, page)
        packed = dictionaries.compress(dict_hash, dictionary, page.body)
        conn.execute(
            "INSERT INTO archive_bodies (hash, codec, size, stored, body, dict_hash)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (body_hash, DICT_CODEC, len(page.body), len(packed), packed, dict_hash),
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
    " a.fetched_at, a.crawl_id, a.base_url, b.codec, b.body, b.dict_hash"
    " FROM archive a JOIN archive_bodies b ON b.hash = a.body_hash"
)


def _row(conn: sqlite3.Connection, row: tuple[Any, ...]) -> ArchivedPage:
    *meta, codec, data, dict_hash = row
    dictionary = _dictionary(conn, dict_hash) if dict_hash else None
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
        body=decompress(codec, data, dictionary),
    )


def get(conn: sqlite3.Connection, archive_id: int) -> ArchivedPage | None:
    row = conn.execute(f"{_SELECT} WHERE a.id = ?", (archive_id,)).fetchone()
    return _row(conn, row) if row else None


def pages(
    conn: sqlite3.Connection, where: str = "", params: tuple[Any, ...] = ()
) -> Iterator[ArchivedPage]:
    """Archived fetches in fetch order, optionally filtered (``where`` on alias ``a``)."""
    clause = f" WHERE {where}" if where else ""
    for row in conn.execute(f"{_SELECT}{clause} ORDER BY a.id", params).fetchall():
        yield _row(conn, row)


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
    # Dictionaries stay: they are few, small, and the next pages are packed with them.
    return fetches, bodies


def import_page(
    conn: sqlite3.Connection, page: FetchedPage, dictionaries: Dictionaries | None = None
) -> bool:
    """Add one fetch read from elsewhere (a WARC), unless the archive has it already."""
    known = conn.execute(
        "SELECT 1 FROM archive WHERE url = ? AND fetched_at = ? AND body_hash = ?",
        (page.url, page.fetched_at, digest(page.body)),
    ).fetchone()
    if known is not None:
        return False
    write(conn, page, None, dictionaries)
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
