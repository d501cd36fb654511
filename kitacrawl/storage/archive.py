"""The archive: every page a run fetched, kept raw, so that everything else can be derived again.

Two tables in the crawl's own database (see ``docs/schema.md`` for why not a
separate file): ``archive_bodies`` holds each distinct body once, compressed,
under its SHA-256; ``archive`` holds one row per fetch (final URL, status, the
headers needed to decode the body, when, which run) pointing at its body. An
hourly run that sees the same list page again adds one small row, not a copy.

**Packing.** New bodies are packed with zstd (the ``zstandard`` binding) at
level 1 with a dictionary per board and kind of page (codec ``zstd+dict``):
pages of one board look alike, the same menus, scripts and footer around a few
kB of article, and zstd finds that chrome in the dictionary. On the imitation a
23 kB page is kept in about 0.7 kB and a 55 kB one in 1.4 kB, packed in a third
(or a tenth) of the CPU of the zlib with a preset dictionary used before (bench
row 6b and BENCHMARKS.md, "Archive codec", for the figures of every codec tried).
A database written before goes on with the dictionaries it has (those of
``zlib+dict``, the first 32 kB of a page, are raw-content dictionaries too).

**Dictionaries are made, not trained.** A board and kind's first page (status
200, at least ``DICT_MIN`` bytes) becomes its dictionary, whole up to
``DICT_MAX``, used by zstd as raw content; that page packs into a few bytes.
Dictionaries trained by zstd's trainer (``zstandard.train_dictionary``, which
keeps the most frequent fragments of sample pages) were measured against it and
lost: pages of 20-230 kB that repeat their chrome verbatim pack to 1.3-4x the
size with a 16-110 kB trained dictionary, for as much CPU or more, and a
trained one needs a hundred pages and 0.1-2 s of training first. Before a board
and kind has a dictionary (its first pages were errors or tiny), pages are
packed with plain zstd (codec ``zstd``).

**A dictionary is replaced when the pages stop matching it**, as when the site
changes its markup: pages then pack to a fifth of their size, as with no
dictionary. After ``POOR_PAGES`` more poorly packed pages (over ``POOR_SHARE``
of their size) than well packed ones, the latest poor page is tried as the
dictionary for the one before it, and becomes the board and kind's new
dictionary when it packs that page to less than half. Dictionaries live in
``archive_dicts``, the latest row of a board and kind being its current one,
and are never deleted (old bodies need theirs).

**Older codecs stay readable forever**: ``zlib`` (the first archives),
``zlib+dict`` (zlib at level 3 with the preset dictionary ``dict_hash``, 32 kB:
zlib's window) and ``identity``. The codec is stored with each body.

**Writes** run inside the caller's transaction, so a page and what was read
from it are committed together or not at all. In a batch of writes
(:meth:`kitacrawl.storage.Storage.begin_batch`) a page is hashed, packed and
given its ``archive.id`` when it is added, and its rows are written when the
batch is committed (:meth:`Writer.flush`, before ``COMMIT``, in the same
transaction): two statements for the whole batch instead of three a page. Only
the packed bodies wait for the commit, not the pages: a second's batch of 50 kB
pages held whole cost the crawl 10-28 MB of peak memory (measured, and the
thread that packed them at the commit while SQLite indexed the batch saved no
time on a busy machine).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import zstandard

from kitacrawl.items import FetchedPage

ZLIB = "zlib"
ZLIB_DICT = "zlib+dict"
ZSTD = "zstd"
ZSTD_DICT = "zstd+dict"
IDENTITY = "identity"
# Level 1: levels 2-3 save 2-6% of the bytes for 1.1-1.5x the CPU; the fast
# (negative) levels stop finding a 55 kB page's chrome in its dictionary.
LEVEL = 1
# A dictionary is a whole page (the site's real pages run to 230 kB) ...
DICT_MAX = 256 * 1024
# ... that is a page of the board's template, not an error message.
DICT_MIN = 4 * 1024
# Judging whether pages still match their dictionary (see the module's docstring).
POOR_SHARE = 1 / 16
POOR_PAGES = 16
# Rows of one `IN (...)` lookup: far below SQLite's limit on parameters.
_CHUNK = 500


class PackError(Exception):
    """A batch's pages could not be packed (zstd failed: out of memory)."""


def digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


# Dictionaries are content-addressed (their SHA-256): one cache serves every file.
_dictionaries: dict[str, bytes] = {}
# zstd's decompression contexts are not shared between threads (zstandard's rule).
_local = threading.local()


def _dictionary(conn: sqlite3.Connection, dict_hash: str) -> bytes:
    found = _dictionaries.get(dict_hash)
    if found is None:
        row = conn.execute("SELECT body FROM archive_dicts WHERE hash = ?", (dict_hash,)).fetchone()
        if row is None:
            raise ValueError(f"archive dictionary {dict_hash} is missing")
        found = _dictionaries[dict_hash] = bytes(row[0])
    return found


def _raw_dictionary(body: bytes) -> zstandard.ZstdCompressionDict:
    return zstandard.ZstdCompressionDict(body, dict_type=zstandard.DICT_TYPE_RAWCONTENT)


def decompress(codec: str, data: bytes, dictionary: bytes | None = None) -> bytes:
    """A body as served, from what ``archive_bodies`` holds (any codec it ever held)."""
    if codec == ZSTD_DICT and dictionary is not None:
        return zstandard.ZstdDecompressor(dict_data=_raw_dictionary(dictionary)).decompress(data)
    if codec == ZSTD:
        return zstandard.ZstdDecompressor().decompress(data)
    if codec == ZLIB:
        return zlib.decompress(data)
    if codec == ZLIB_DICT and dictionary is not None:
        unpacker = zlib.decompressobj(zdict=dictionary)
        return unpacker.decompress(data) + unpacker.flush()
    if codec == IDENTITY:
        return data
    raise ValueError(f"unknown archive codec {codec!r}")


def _unpack(conn: sqlite3.Connection, codec: str, data: bytes, dict_hash: str | None) -> bytes:
    """``decompress``, with one zstd context a dictionary and thread (priming one costs
    four times the unpacking of a page)."""
    if codec == ZSTD_DICT and dict_hash:
        contexts: dict[str, zstandard.ZstdDecompressor] | None = getattr(_local, "contexts", None)
        if contexts is None:
            contexts = _local.contexts = {}
        context = contexts.get(dict_hash)
        if context is None:
            dictionary = _raw_dictionary(_dictionary(conn, dict_hash))
            context = contexts[dict_hash] = zstandard.ZstdDecompressor(dict_data=dictionary)
        return context.decompress(data)
    return decompress(codec, data, _dictionary(conn, dict_hash) if dict_hash else None)


@dataclass(eq=False)
class _Dictionary:
    """A dictionary ready to pack with: its row in ``archive_dicts`` and its compressor."""

    hash: str
    board: str
    kind: str
    body: bytes
    created_at: str
    packer: zstandard.ZstdCompressor = field(repr=False)
    # Made by this writer: its row is (re)written with every flush that uses it, so a
    # rolled-back batch never leaves bodies pointing at a dictionary that is not there.
    made: bool = False

    @classmethod
    def of(
        cls,
        dict_hash: str,
        board: str,
        kind: str,
        body: bytes,
        created_at: str,
        *,
        made: bool = False,
    ) -> _Dictionary:
        dictionary = _raw_dictionary(body)
        # Prepared once: priming a context with the dictionary costs more than a page.
        dictionary.precompute_compress(level=LEVEL)
        packer = zstandard.ZstdCompressor(level=LEVEL, dict_data=dictionary)
        return cls(dict_hash, board, kind, body, created_at, packer, made)

    @classmethod
    def made_from(cls, page: FetchedPage) -> _Dictionary:
        body = page.body[:DICT_MAX]
        return cls.of(digest(body), page.board, page.kind, body, page.fetched_at, made=True)


@dataclass
class _Fit:
    """How the pages of one board and kind have packed with its dictionary lately."""

    poor: int = 0
    last_poor: bytes | None = None
    last_poor_size: int = 0


@dataclass(frozen=True, slots=True)
class _Ready:
    """A page hashed and packed, waiting for its batch's commit (without its body)."""

    hash: str
    row: tuple[Any, ...]  # its row of `archive`
    codec: str
    packed: bytes
    size: int
    dictionary: _Dictionary | None
    judged: bool  # a page that says whether its dictionary still fits (not an error page)
    # The page itself only when it packed poorly with its dictionary: it may become
    # the next one (Writer._judge).
    poor: FetchedPage | None


def _pack(packer: zstandard.ZstdCompressor, body: bytes) -> bytes:
    try:
        packed = packer.compress(body)
    except zstandard.ZstdError as exc:
        raise PackError(f"cannot pack the archive's pages: {exc}") from exc
    # Copied to its own size: zstandard's result keeps the allocation of the bound it was
    # packed into (the page's size), so a batch's waiting bodies held 15-30 times their
    # bytes (measured: 5,760 pages of 4 kB packed held 96 MB, copied 25 MB).
    return bytes(memoryview(packed))


class Writer:
    """Packs and writes the archive's rows of one database (``Storage`` holds one).

    :meth:`add` is for a batch of writes, which holds the database's write lock
    (``BEGIN IMMEDIATE``) until :meth:`flush`; :meth:`write` writes at once.
    """

    def __init__(self) -> None:
        # The current dictionary of each (board, kind); None: none yet.
        self._current: dict[tuple[str, str], _Dictionary | None] = {}
        self._fit: dict[tuple[str, str], _Fit] = {}
        self._plain = zstandard.ZstdCompressor(level=LEVEL)
        self._pending: list[_Ready] = []
        self._next_id: int | None = None

    # -- a batch ----------------------------------------------------------------------
    def add(self, conn: sqlite3.Connection, page: FetchedPage, crawl_id: int | None) -> int:
        """The ``archive.id`` ``page`` will have; its rows are written by :meth:`flush`.

        Only inside a transaction that holds the write lock (a batch): no other
        writer can take the id before the flush.
        """
        if self._next_id is None:
            row = conn.execute("SELECT coalesce(max(id), 0) FROM archive").fetchone()
            self._next_id = int(row[0]) + 1
        archive_id = self._next_id
        self._next_id += 1
        self._pending.append(self._ready(conn, page, archive_id, crawl_id))
        return archive_id

    def flush(self, conn: sqlite3.Connection) -> None:
        """Write the pages added since the last flush (inside the caller's transaction)."""
        pending = self._pending
        self._pending, self._next_id = [], None
        if pending:
            self._store(conn, pending)
            conn.executemany(_INSERT_FETCH, [ready.row for ready in pending])

    def discard(self) -> None:
        """The transaction the pages were added in was rolled back: forget them."""
        self._pending, self._next_id = [], None

    def close(self) -> None:
        self.discard()

    # -- one page ---------------------------------------------------------------------
    def write(self, conn: sqlite3.Connection, page: FetchedPage, crawl_id: int | None) -> int:
        """Keep one fetched page now (inside the caller's transaction); its ``archive.id``."""
        ready = self._ready(conn, page, None, crawl_id)
        self._store(conn, [ready])
        cursor = conn.execute(_INSERT_FETCH, ready.row)
        assert cursor.lastrowid is not None
        return int(cursor.lastrowid)

    # -- both -------------------------------------------------------------------------
    def _ready(
        self,
        conn: sqlite3.Connection,
        page: FetchedPage,
        archive_id: int | None,
        crawl_id: int | None,
    ) -> _Ready:
        dictionary = self._dictionary(conn, page)
        body = page.body
        body_hash = digest(body)
        if dictionary is None:
            codec, packed = ZSTD, _pack(self._plain, body)
        else:
            codec, packed = ZSTD_DICT, _pack(dictionary.packer, body)
        judged = dictionary is not None and _fit_for_dictionary(page)
        poor = page if judged and len(packed) > len(body) * POOR_SHARE else None
        row = _fetch_row(page, archive_id, crawl_id, body_hash)
        return _Ready(body_hash, row, codec, packed, len(body), dictionary, judged, poor)

    def _store(self, conn: sqlite3.Connection, pages: list[_Ready]) -> None:
        """Insert the bodies the archive lacks (each once) and the dictionaries they need."""
        known = _known(conn, [ready.hash for ready in pages])
        rows = []
        used: dict[str, _Dictionary] = {}
        for ready in pages:
            if ready.hash in known:
                continue
            known.add(ready.hash)
            dictionary = ready.dictionary
            if dictionary is not None:
                used[dictionary.hash] = dictionary
                self._judge(ready, dictionary)
            rows.append(
                (
                    ready.hash,
                    ready.codec,
                    ready.size,
                    len(ready.packed),
                    ready.packed,
                    dictionary.hash if dictionary is not None else None,
                )
            )
        for dictionary in used.values():
            if dictionary.made:
                conn.execute(
                    "INSERT OR IGNORE INTO archive_dicts (hash, board, kind, body, created_at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (dictionary.hash, dictionary.board, dictionary.kind, dictionary.body,
                     dictionary.created_at),
                )  # fmt: skip
        conn.executemany(
            "INSERT INTO archive_bodies (hash, codec, size, stored, body, dict_hash)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )

    def _dictionary(self, conn: sqlite3.Connection, page: FetchedPage) -> _Dictionary | None:
        key = (page.board, page.kind)
        if key not in self._current:
            row = conn.execute(
                "SELECT hash, body, created_at FROM archive_dicts WHERE board = ? AND kind = ?"
                " ORDER BY rowid DESC LIMIT 1",
                key,
            ).fetchone()
            found = None
            if row is not None:
                body = _dictionaries.setdefault(str(row[0]), bytes(row[1]))
                found = _Dictionary.of(str(row[0]), page.board, page.kind, body, row[2] or "")
            self._current[key] = found
        current = self._current[key]
        if current is None and _fit_for_dictionary(page):
            current = self._current[key] = _Dictionary.made_from(page)
            _dictionaries.setdefault(current.hash, current.body)
        return current

    def _judge(self, ready: _Ready, dictionary: _Dictionary) -> None:
        """Count how a page packed; replace the dictionary when pages stopped matching it."""
        key = (dictionary.board, dictionary.kind)
        # Pages of the batch packed before their dictionary was replaced say nothing new.
        if not ready.judged or self._current.get(key) is not dictionary:
            return
        fit = self._fit.setdefault(key, _Fit())
        page = ready.poor
        if page is None:
            fit.poor = max(0, fit.poor - 1)
            return
        stored = len(ready.packed)
        fit.poor += 1
        before, before_size = fit.last_poor, fit.last_poor_size
        fit.last_poor, fit.last_poor_size = page.body, stored
        if fit.poor < POOR_PAGES or before is None:
            return
        fit.poor = 0
        candidate = _Dictionary.made_from(page)
        if len(candidate.packer.compress(before)) * 2 < before_size:
            _dictionaries.setdefault(candidate.hash, candidate.body)
            self._current[key] = candidate
            self._fit[key] = _Fit()


def _fit_for_dictionary(page: FetchedPage) -> bool:
    return page.status == 200 and len(page.body) >= DICT_MIN


def _known(conn: sqlite3.Connection, hashes: Sequence[str]) -> set[str]:
    """Which of ``hashes`` the archive holds already."""
    found: set[str] = set()
    wanted = list(dict.fromkeys(hashes))
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        found.update(
            row[0]
            for row in conn.execute(
                f"SELECT hash FROM archive_bodies WHERE hash IN ({marks})", chunk
            )
        )
    return found


_INSERT_FETCH = (
    "INSERT INTO archive (id, board, no, kind, url, requested_url, status, headers, fetched_at,"
    " crawl_id, base_url, body_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


# The kept headers as JSON, by their items: pages of a run mostly share the same few.
_headers_json: dict[tuple[tuple[str, str], ...], str] = {}


def _headers(headers: dict[str, str]) -> str:
    key = tuple(headers.items())
    found = _headers_json.get(key)
    if found is None:
        found = json.dumps(headers, ensure_ascii=False, sort_keys=True)
        if len(_headers_json) < 1024:
            _headers_json[key] = found
    return found


def _fetch_row(
    page: FetchedPage, archive_id: int | None, crawl_id: int | None, body_hash: str
) -> tuple[Any, ...]:
    return (
        archive_id,
        page.board or None,
        page.no,
        page.kind,
        page.url,
        page.requested_url,
        page.status,
        _headers(page.headers),
        page.fetched_at,
        crawl_id,
        page.base_url,
        body_hash,
    )


def write(
    conn: sqlite3.Connection,
    page: FetchedPage,
    crawl_id: int | None,
    writer: Writer | None = None,
) -> int:
    """Keep one fetched page (inside the caller's transaction); its ``archive.id``."""
    return (writer or Writer()).write(conn, page, crawl_id)


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
        body=_unpack(conn, codec, data, dict_hash),
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


def import_page(conn: sqlite3.Connection, page: FetchedPage, writer: Writer | None = None) -> bool:
    """Add one fetch read from elsewhere (a WARC), unless the archive has it already."""
    known = conn.execute(
        "SELECT 1 FROM archive WHERE url = ? AND fetched_at = ? AND body_hash = ?",
        (page.url, page.fetched_at, digest(page.body)),
    ).fetchone()
    if known is not None:
        return False
    write(conn, page, None, writer)
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
