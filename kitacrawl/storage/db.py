"""Storage over sqlite-utils: articles, links, hit history, the run ledger.

A plain module that knows nothing of Scrapy. Every write of one article is a
single transaction, so a process killed at any point leaves either the old
row or the new one, never half of each. WAL mode lets analysts read while a
crawl writes; ``synchronous=NORMAL`` keeps commits cheap and is still safe
against a killed process (only a power cut can lose the last commits).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal

import sqlite_utils

from kitacrawl.items import Article, FetchedPage, Problem
from kitacrawl.retry import Attempt
from kitacrawl.storage import archive, ngrams, schema

SaveResult = Literal["new", "changed", "unchanged"]


class StorageError(Exception):
    """The database cannot be opened or written (read-only, full disk, locked, corrupt)."""


TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def utcnow() -> str:
    return datetime.now(UTC).strftime(TIME_FORMAT)


def parse_time(text: str) -> datetime:
    return datetime.strptime(text, TIME_FORMAT).replace(tzinfo=UTC)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def content_hash(title: str, subtitle: str | None, body: str) -> str:
    joined = "\x1f".join((title, subtitle or "", body))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


class Storage:
    """One kitacrawl database."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        # Packs and writes the archive's rows (a batch's at its commit), with this
        # database's dictionaries.
        self.archive_writer = archive.Writer()
        self._batch = False
        # Articles with a larger rowid are not in the full-text index yet.
        self._indexed_upto = 0

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, busy_timeout_ms: int = 30_000) -> Storage:
        """Open (creating if needed) and migrate the database at ``path``."""
        try:
            if str(path) != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(path), timeout=busy_timeout_ms / 1000)
            db = sqlite_utils.Database(conn)
            # Switching the journal mode needs a moment alone with the file:
            # only ask when it is not already WAL (readers may be in it).
            mode = db.execute("PRAGMA journal_mode").fetchone()[0]
            if str(path) != ":memory:" and mode != "wal":
                db.enable_wal()
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
            storage = cls(db)
            schema.migrate(db)
            with db.atomic():
                storage.reconcile_search()
        except (sqlite3.Error, OSError) as exc:
            raise StorageError(f"cannot open database {path}: {exc}") from exc
        return storage

    @classmethod
    def memory(cls) -> Storage:
        return cls.open(":memory:")

    def close(self) -> None:
        self.archive_writer.close()
        self.db.close()

    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        """One write, whole or not at all: its own transaction, or a part of the batch.

        Inside a batch there is no savepoint per write (FTS5 writes its pending
        terms out at every savepoint release: one segment per article); a write
        that fails rolls the whole batch back instead, and the run ends on the
        storage error with nothing half-written committed.
        """
        if self._batch:
            try:
                yield
            except BaseException:
                self._abandon_batch()
                raise
            return
        with self.db.atomic():
            yield

    def _abandon_batch(self) -> None:
        """Roll the open batch back, the archive's pages waiting for its commit included."""
        self._batch = False
        self.archive_writer.discard()
        if self.db.conn.in_transaction:
            self.db.conn.execute("ROLLBACK")

    def _archive(self, page: FetchedPage, crawl_id: int | None) -> int:
        """Keep ``page`` in the archive, in this write's transaction; its ``archive.id``."""
        if self._batch:
            # Packed and inserted with the rest of the batch, before its COMMIT.
            return self.archive_writer.add(self.db.conn, page, crawl_id)
        return self.archive_writer.write(self.db.conn, page, crawl_id)

    def _index_new_articles(self) -> None:
        """Put the articles inserted since the last call into the full-text index.

        One statement for all of them: FTS5 writes out its pending terms at the end
        of every statement, so one INSERT per article made one index segment per
        article (the bulk of a new article's cost). New rows take rowids above any
        existing one, so those above the last indexed rowid are the new ones.
        """
        conn = self.db.conn
        conn.execute(
            "INSERT INTO articles_fts (rowid, title, subtitle, body)"
            " SELECT rowid, title, subtitle, body FROM articles WHERE rowid > ?",
            (self._indexed_upto,),
        )
        # The Korean search index: what plain SQL changed is taken out first (a rowid
        # freed by a deletion may come back with a new article).
        self.reconcile_search()
        ngrams.index_rows(
            conn,
            conn.execute(
                f"SELECT {ngrams.SELECTED} FROM articles WHERE rowid > ?", (self._indexed_upto,)
            ).fetchall(),
        )
        self._indexed_upto = self._max_rowid()

    def reconcile_search(self) -> None:
        """Bring the Korean search index (``articles_search``) in step with what plain SQL did.

        Rows whose text changed or that were deleted left their old texts in
        ``articles_search_pending`` (triggers). Kitacrawl's own writes take theirs out at
        once (:meth:`_reindex_changed`); what is left was done by someone else, to rows
        that may or may not have been indexed: the index is built again, whole. Cheap
        when nothing is pending (every write batch asks).
        """
        conn = self.db.conn
        if conn.execute(f"SELECT 1 FROM {ngrams.PENDING} LIMIT 1").fetchone() is not None:
            ngrams.rebuild(conn)

    def _reindex_changed(self) -> None:
        """Take the old text of the rows this write changed out of the index, index the new."""
        conn = self.db.conn
        pending = conn.execute(
            f"SELECT id, row, title, subtitle, body, board FROM {ngrams.PENDING} ORDER BY id"
        ).fetchall()
        if not pending:
            return
        # The first text pending for a row is the one it was indexed with.
        first: dict[int, tuple[Any, ...]] = {}
        for _id, row, *texts in pending:
            first.setdefault(row, (row, *texts))
        ngrams.unindex_rows(conn, list(first.values()))
        marks = ", ".join("?" for _ in first)
        ngrams.index_rows(
            conn,
            conn.execute(
                f"SELECT {ngrams.SELECTED} FROM articles WHERE rowid IN ({marks})", list(first)
            ).fetchall(),
        )
        conn.execute(f"DELETE FROM {ngrams.PENDING} WHERE id <= ?", (pending[-1][0],))

    def _max_rowid(self) -> int:
        return int(
            self.db.conn.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0]
        )

    # -- batches --------------------------------------------------------------
    # A crawl groups its writes: one transaction per batch (about a second of
    # work) instead of one per article. Each write keeps its own savepoint, so
    # a failed write leaves no half of itself; a killed process loses at most
    # the batch not yet committed, which the next run fetches again (the
    # incremental mark only moves after the last batch is in).
    @property
    def in_batch(self) -> bool:
        return self._batch

    def begin_batch(self) -> None:
        """Open a batch unless one is open: the next writes join it."""
        try:
            if not self.db.conn.in_transaction:
                # Pages added to a transaction that is gone (rolled back) are not this one's.
                self.archive_writer.discard()
                self.db.conn.execute("BEGIN IMMEDIATE")
            if not self._batch:
                self._indexed_upto = self._max_rowid()
            self._batch = True
        except sqlite3.Error as exc:
            raise StorageError(f"cannot start a batch of writes: {exc}") from exc

    def commit_batch(self) -> None:
        """Commit the open batch, if any, with the archive's pages it holds.

        A batch that cannot be committed is rolled back whole: no article is ever
        committed without its page.
        """
        try:
            if self._batch and self.db.conn.in_transaction:
                self._index_new_articles()
                self.archive_writer.flush(self.db.conn)
            self._batch = False
            if self.db.conn.in_transaction:
                self.db.conn.execute("COMMIT")
        except (sqlite3.Error, archive.PackError) as exc:
            with contextlib.suppress(sqlite3.Error):
                self._abandon_batch()
            raise StorageError(f"cannot store a batch of writes (commit): {exc}") from exc

    # -- articles -----------------------------------------------------------
    def save_article(
        self,
        article: Article,
        crawl_id: int | None = None,
        *,
        page: FetchedPage | None = None,
        page_code: str | None = None,
        archive_id: int | None = None,
        observed: bool = True,
    ) -> SaveResult:
        """Insert or update one article with its links and its page, in one transaction.

        The page it was read from (``page``) goes to the archive in the same
        transaction, so a killed process never leaves one without the other. ``observed`` is
        False for re-extraction from the archive (``archive_id`` names the page):
        that is no visit of the site, so it records no counter observation, moves
        neither ``last_seen`` nor ``last_fetched``, leaves ``hits`` at the newest
        observation, and a change of text is a revision of cause ``reparse``
        (``page``, then, only says when the archived page was fetched).
        ``hits`` is the newest counter seen from any source (see :meth:`_counter`).
        """
        now = utcnow()
        seen = now if observed or page is None else page.fetched_at
        digest = content_hash(article.title, article.subtitle, article.body)
        published = article.published.isoformat() if article.published else None
        links = [
            {
                "board": article.board,
                "no": article.no,
                "position": i,
                "rel": link.rel,
                "url": link.url,
                "text": link.text,
                "target_no": link.target_no,
            }
            for i, link in enumerate(article.links)
        ]
        key = (article.board, article.no)
        try:
            with self._write():
                if page is not None and observed:
                    archive_id = self._archive(page, crawl_id)
                old = self._row(
                    "SELECT title, subtitle, body, content_hash, first_seen, last_changed,"
                    " crawl_id, hits, hits_seen_at, hits_source FROM articles"
                    " WHERE board = ? AND no = ?",
                    key,
                )
                # One observation from the article page per run, even when a redirect
                # brought the same page twice.
                seen_this_run = (
                    old is not None and crawl_id is not None and old["crawl_id"] == crawl_id
                )
                observing = observed and article.hits is not None and not seen_this_run
                hits, hits_seen_at, hits_source = self._counter(
                    key, old, article.hits, observing=observing, seen=seen
                )
                common = {
                    "url": article.url,
                    "generation": article.generation,
                    "category": article.category,
                    "site_id": article.site_id,
                    "crawl_id": crawl_id,
                    "page_code": page_code,
                    "archive_id": archive_id,
                    "hits": hits,
                    "hits_seen_at": hits_seen_at,
                    "hits_source": hits_source,
                }
                if old is None:
                    result: SaveResult = "new"
                    row = {
                        "board": article.board,
                        "no": article.no,
                        "title": article.title,
                        "subtitle": article.subtitle,
                        "published": published,
                        "body": article.body,
                        "content_hash": digest,
                        "first_seen": seen,
                        "last_seen": seen,
                        "last_fetched": seen,
                        **common,
                    }
                    names = ", ".join(row)
                    marks = ", ".join("?" for _ in row)
                    self.db.conn.execute(
                        f"INSERT INTO articles ({names}) VALUES ({marks})", list(row.values())
                    )
                    if not self._batch:
                        self._index_new_articles()
                else:
                    changed = old["content_hash"] != digest
                    result = "changed" if changed else "unchanged"
                    updates: dict[str, Any] = dict(common)
                    if changed and self._batch:
                        # The update trigger takes the old text out of the index: it must be in.
                        self._index_new_articles()
                    if changed:
                        self._keep_revision(old, key, now, crawl_id, observed)
                        updates.update(
                            title=article.title,
                            subtitle=article.subtitle,
                            body=article.body,
                            content_hash=digest,
                            last_changed=now,
                        )
                    if observed:
                        updates.update(last_seen=now, last_fetched=now)
                    # A missing date or site id on one visit never erases a known one.
                    site_id = updates.pop("site_id")
                    sql = ", ".join(f"{name} = ?" for name in updates)
                    self.db.execute(
                        f"UPDATE articles SET {sql}, published = coalesce(?, published),"
                        " site_id = coalesce(?, site_id) WHERE board = ? AND no = ?",
                        [*updates.values(), published, site_id, *key],
                    )
                    if changed:
                        self._reindex_changed()
                self._replace_links(article.board, article.no, links, new=result == "new")
                if observing:
                    assert article.hits is not None
                    self._insert_hits(
                        article.board, {article.no: article.hits}, crawl_id, "article", now
                    )
        except (sqlite3.Error, archive.PackError) as exc:
            raise StorageError(f"cannot store article {article.no}: {exc}") from exc
        return result

    def _counter(
        self,
        key: tuple[str, int],
        old: dict[str, Any] | None,
        page_hits: int | None,
        *,
        observing: bool,
        seen: str,
    ) -> tuple[int | None, str | None, str | None]:
        """``articles.hits`` after a write of the article, with when and where it was seen.

        The newest counter seen from any source: the page's, when this write records
        it as an observation (it was read just now); else the one the row holds; else
        the newest of the history (a list showed it before the page was stored, or the
        page shows none); else, for a re-extraction, the page's own, as old as the page.
        A missing counter on one visit never erases a known one.
        """
        if observing:
            return page_hits, seen, "article"
        if old is not None and old["hits"] is not None:
            return old["hits"], old["hits_seen_at"], old["hits_source"]
        row = self.db.execute(
            "SELECT hits, observed_at, source FROM hits WHERE board = ? AND no = ?"
            " ORDER BY observed_at DESC, id DESC LIMIT 1",
            key,
        ).fetchone()
        if row is not None:
            return int(row[0]), row[1], row[2]
        if page_hits is not None:
            return page_hits, seen, "article"
        return None, None, None

    def _keep_revision(
        self,
        old: dict[str, Any],
        key: tuple[str, int],
        now: str,
        crawl_id: int | None,
        observed: bool,
    ) -> None:
        self.db.execute(
            "INSERT INTO revisions (board, no, title, subtitle, body, content_hash, valid_from,"
            " replaced_at, crawl_id, cause) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                *key,
                old["title"],
                old["subtitle"],
                old["body"],
                old["content_hash"],
                old["last_changed"] or old["first_seen"],
                now,
                crawl_id,
                "site" if observed else "reparse",
            ],
        )

    def _replace_links(
        self, board: str, no: int, links: list[dict[str, Any]], *, new: bool = False
    ) -> None:
        if new:
            # Nothing to compare with; links left behind by a deleted row must go.
            self.db.execute("DELETE FROM links WHERE board = ? AND no = ?", [board, no])
            self._insert_links(links)
            return
        current = [
            (r["rel"], r["url"], r["text"], r["target_no"])
            for r in self.db.query(
                "SELECT rel, url, text, target_no FROM links WHERE board = ? AND no = ?"
                " ORDER BY position",
                [board, no],
            )
        ]
        wanted = [(r["rel"], r["url"], r["text"], r["target_no"]) for r in links]
        if current == wanted:
            return
        self.db.execute("DELETE FROM links WHERE board = ? AND no = ?", [board, no])
        self._insert_links(links)

    def _insert_links(self, links: list[dict[str, Any]]) -> None:
        # Plain executemany: insert_all re-inspects the table on every call, which
        # cost more than the insert itself on this hot path.
        self.db.conn.executemany(
            "INSERT INTO links (board, no, position, rel, url, text, target_no)"
            " VALUES (:board, :no, :position, :rel, :url, :text, :target_no)",
            links,
        )

    # -- hit history --------------------------------------------------------
    def observe_hits(
        self,
        board: str,
        counts: dict[int, int],
        crawl_id: int | None,
        source: str = "list",
        page: FetchedPage | None = None,
    ) -> int:
        """Record counters read off a list; the stored articles take them as their ``hits``.

        A counter read now is the newest one seen, whatever the article page shows.
        A list row is a sighting of the article too: ``last_seen`` moves, ``last_fetched``
        (the article page itself) does not.
        """
        now = utcnow()
        try:
            with self._write():
                if page is not None:
                    self._archive(page, crawl_id)
                if not counts:
                    return 0
                self._insert_hits(board, counts, crawl_id, source, now)
                self.db.conn.executemany(
                    "UPDATE articles SET last_seen = ?, hits = ?, hits_seen_at = ?,"
                    " hits_source = ? WHERE board = ? AND no = ?",
                    [(now, hits, now, source, board, no) for no, hits in counts.items()],
                )
        except sqlite3.Error as exc:
            raise StorageError(f"cannot record hit counters: {exc}") from exc
        return len(counts)

    def _insert_hits(
        self, board: str, counts: dict[int, int], crawl_id: int | None, source: str, now: str
    ) -> None:
        self.db.conn.executemany(
            "INSERT INTO hits (board, no, hits, observed_at, crawl_id, source)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(board, no, hits, now, crawl_id, source) for no, hits in counts.items()],
        )

    # -- problems -----------------------------------------------------------
    def record_problem(
        self, problem: Problem, crawl_id: int | None, page: FetchedPage | None = None
    ) -> None:
        """One attempt that did not give an article, with the page it came from, if any."""
        try:
            with self._write():
                archive_id = self._archive(page, crawl_id) if page is not None else None
                self.db.execute(
                    "INSERT INTO problems (crawl_id, board, no, url, kind, detail, observed_at,"
                    " archive_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        crawl_id,
                        problem.board,
                        problem.no,
                        problem.url,
                        problem.kind,
                        problem.detail[:2000],
                        utcnow(),
                        archive_id,
                    ],
                )
        except (sqlite3.Error, archive.PackError) as exc:
            raise StorageError(f"cannot record a problem: {exc}") from exc

    # -- what an incremental run needs ---------------------------------------
    def stored_numbers(self, board: str) -> set[int]:
        return {r[0] for r in self.db.execute("SELECT no FROM articles WHERE board = ?", [board])}

    def attempt_histories(self, board: str) -> dict[int, list[Attempt]]:
        """Every attempt at each listed article that is not stored, oldest first.

        An attempt counts (judges the page) only when its run ended ``ok``.
        """
        histories: dict[int, list[Attempt]] = {}
        rows = self.db.execute(
            "SELECT p.no, p.kind, p.observed_at, c.status = ? FROM problems p"
            " LEFT JOIN crawls c ON c.id = p.crawl_id"
            " WHERE p.board = ? AND p.no IS NOT NULL AND NOT EXISTS"
            " (SELECT 1 FROM articles a WHERE a.board = p.board AND a.no = p.no)"
            " ORDER BY p.no, p.observed_at, p.id",
            [schema.OK, board],
        )
        for no, kind, observed_at, counted in rows:
            histories.setdefault(no, []).append(
                Attempt(kind=kind, at=parse_time(observed_at), counted=bool(counted))
            )
        return histories

    def complete_upto(self, board: str) -> int | None:
        row = self._row("SELECT complete_upto FROM board_state WHERE board = ?", (board,))
        return row["complete_upto"] if row else None

    def set_complete_upto(
        self,
        board: str,
        value: int | None,
        crawl_id: int | None,
        *,
        complete_since: date | None = None,
    ) -> None:
        """Move the mark; ``complete_since``: the horizon it vouches for (None: the whole board)."""
        with self.db.atomic():
            if value is None:
                self.db.execute("DELETE FROM board_state WHERE board = ?", [board])
            else:
                # A sweep that reached its end leaves nothing to go on from.
                self.db.table("board_state").upsert(
                    {
                        "board": board,
                        "complete_upto": value,
                        "complete_since": complete_since.isoformat() if complete_since else None,
                        "updated_at": utcnow(),
                        "crawl_id": crawl_id,
                        "resume_page": None,
                        "resume_top": None,
                    },
                    pk="board",
                )

    def horizons(self, board: str) -> tuple[date | None, date | None]:
        """The board's horizon (``since``) and the one its mark vouches for
        (``complete_since``); None for either that is not set."""
        row = self._row("SELECT since, complete_since FROM board_state WHERE board = ?", (board,))
        if row is None:
            return None, None
        return _day(row["since"]), _day(row["complete_since"])

    def resume_point(self, board: str) -> tuple[int, int] | None:
        """(list page, top id of its page 1) an interrupted sweep of the board got to."""
        row = self._row("SELECT resume_page, resume_top FROM board_state WHERE board = ?", (board,))
        if row is None or row["resume_page"] is None or row["resume_top"] is None:
            return None
        return int(row["resume_page"]), int(row["resume_top"])

    def set_resume_point(self, board: str, page: int, top: int) -> None:
        """Where this sweep got to: written in the batch with the articles it vouches for."""
        try:
            with self._write():
                self.db.execute(
                    "INSERT INTO board_state (board, resume_page, resume_top, updated_at)"
                    " VALUES (?, ?, ?, ?) ON CONFLICT(board) DO UPDATE SET"
                    " resume_page = excluded.resume_page, resume_top = excluded.resume_top",
                    [board, page, top, utcnow()],
                )
        except sqlite3.Error as exc:
            raise StorageError(f"cannot record where the run got to: {exc}") from exc

    def set_since(self, board: str, since: date) -> None:
        """Remember the board's horizon: a run without one (a backfill resumed) keeps to it."""
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO board_state (board, since, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT(board) DO UPDATE SET since = excluded.since",
                [board, since.isoformat(), utcnow()],
            )

    def last_urls(self, board: str, nos: Iterable[int]) -> dict[int, str]:
        """The URL each of these articles was last stored or tried at (the article's, else
        its latest problem's): where to ask for it again."""
        wanted = list(nos)
        found: dict[int, str] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            for no, url in self.db.execute(
                f"SELECT no, url FROM problems WHERE board = ? AND no IN ({marks}) ORDER BY id",
                [board, *chunk],
            ):
                found[no] = url
            for no, url in self.db.execute(
                f"SELECT no, url FROM articles WHERE board = ? AND no IN ({marks})",
                [board, *chunk],
            ):
                found[no] = url
        return found

    def board_list_path(self, board: str) -> str | None:
        """The list path the board last answered at, if a run recorded one."""
        row = self._row("SELECT list_path FROM board_state WHERE board = ?", (board,))
        return row["list_path"] if row else None

    def set_board_list_path(self, board: str, path: str) -> None:
        """Remember where the board answered (kept beside its mark, or alone)."""
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO board_state (board, list_path, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT(board) DO UPDATE SET list_path = excluded.list_path",
                [board, path, utcnow()],
            )

    def due_for_revisit(self, board: str, published_since: date, fetched_before: str) -> list[int]:
        """Recent articles whose page was last fetched before ``fetched_before``."""
        return [
            r[0]
            for r in self.db.execute(
                "SELECT no FROM articles WHERE board = ? AND published >= ?"
                " AND (last_fetched IS NULL OR last_fetched <= ?) ORDER BY no DESC",
                [board, published_since.isoformat(), fetched_before],
            )
        ]

    # -- the run ledger -----------------------------------------------------
    def start_crawl(self, spider: str, board: str, mode: str, base_url: str) -> int:
        try:
            with self.db.atomic():
                # A run killed with -9 never finished its row: say so, once.
                self.db.execute(
                    "UPDATE crawls SET status = ?, finish_reason = 'killed' WHERE status = ?",
                    [schema.INTERRUPTED, schema.RUNNING],
                )
                table = self.db.table("crawls").insert(
                    {
                        "spider": spider,
                        "board": board,
                        "mode": mode,
                        "base_url": base_url,
                        "started_at": utcnow(),
                        "status": schema.RUNNING,
                        "pid": os.getpid(),
                    }
                )
        except sqlite3.Error as exc:
            raise StorageError(f"cannot start the run ledger: {exc}") from exc
        assert table.last_pk is not None
        return int(table.last_pk)

    def finish_crawl(self, crawl_id: int, **fields: Any) -> None:
        fields.setdefault("finished_at", utcnow())
        if isinstance(fields.get("collapsed_fields"), list | tuple):
            fields["collapsed_fields"] = json.dumps(list(fields["collapsed_fields"]))
        try:
            with self.db.atomic():
                self.db.table("crawls").update(crawl_id, fields)
        except sqlite3.Error as exc:
            raise StorageError(f"cannot finish the run ledger: {exc}") from exc

    def record_skipped(
        self,
        spider: str,
        board: str,
        mode: str,
        message: str,
        exit_code: int,
        *,
        at: str | None = None,
        pid: int | None = None,
    ) -> None:
        """A ``skipped`` ledger row: a run the lock refused (at ``at``, by process ``pid``)."""
        now = at or utcnow()
        try:
            with self.db.atomic():
                self.db.table("crawls").insert(
                    {
                        "spider": spider,
                        "board": board,
                        "mode": mode,
                        "started_at": now,
                        "finished_at": now,
                        "status": schema.SKIPPED,
                        "finish_reason": "locked",
                        "exit_code": exit_code,
                        "message": message,
                        "pid": pid or os.getpid(),
                    }
                )
        except sqlite3.Error as exc:
            raise StorageError(f"cannot record a skipped run: {exc}") from exc

    def last_ok_crawl(self, board: str) -> dict[str, Any] | None:
        """The last run of this board that ended ``ok``: the baseline drift is judged against."""
        return self._row(
            "SELECT * FROM crawls WHERE board = ? AND status = ? AND mode != ?"
            " ORDER BY id DESC LIMIT 1",
            (board, schema.OK, schema.REPARSE),
        )

    # -- reading ------------------------------------------------------------
    def article(self, board: str, no: int) -> dict[str, Any] | None:
        return self._row("SELECT * FROM articles WHERE board = ? AND no = ?", (board, no))

    def links(self, board: str, no: int) -> list[dict[str, Any]]:
        return list(
            self.db.query(
                "SELECT rel, url, text, target_no FROM links WHERE board = ? AND no = ?"
                " ORDER BY position",
                [board, no],
            )
        )

    def _row(self, sql: str, params: Iterable[Any]) -> dict[str, Any] | None:
        # The connection's own cursor: sqlite-utils' query() costs 6 µs more a call, on
        # the path of every article stored.
        cursor = self.db.conn.execute(sql, tuple(params))
        row = cursor.fetchone()
        if row is None:
            return None
        return dict(zip([column[0] for column in cursor.description], row, strict=True))

    def iter_articles(self, board: str) -> Iterator[dict[str, Any]]:
        yield from self.db.query("SELECT * FROM articles WHERE board = ? ORDER BY no", [board])
