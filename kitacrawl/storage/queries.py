"""Reading the database for people: search, one article, export, the latest articles
(for feeds), stats, health.

The analysts' side of storage, a plain module over sqlite-utils that knows
nothing of Scrapy or of the command line (``kitacrawl.cli`` formats what
these functions return). Nothing here writes, except bringing an older
database's schema up to date when the file is writable.
"""

from __future__ import annotations

import calendar
import json
import os
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from kitacrawl.storage import schema
from kitacrawl.storage.db import parse_time


class MissingDatabase(Exception):
    """There is no database at the path given."""


class BadQuery(ValueError):
    """A value an analyst typed that cannot be used (a date, a search)."""


def open_database(path: str | os.PathLike[str]) -> sqlite_utils.Database:
    """Open an existing database for reading; never creates one.

    A writable file is brought up to the current schema first (so that an
    older file has today's views); a read-only one is read as it is.
    """
    target = Path(path)
    if not target.is_file():
        raise MissingDatabase(f"no database at {target}")
    if os.access(target, os.W_OK) and os.access(target.parent, os.W_OK):
        conn = sqlite3.connect(str(target), timeout=30)
        db = sqlite_utils.Database(conn)
        schema.migrate(db)
        return db
    conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True, timeout=30)
    return sqlite_utils.Database(conn)


# -- dates ------------------------------------------------------------------------

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
# The forms a date filter takes (`--since`, `--until`): a month or a year means its first
# day (or, for an end, its last).
DATE_FORMS = "YYYY-MM-DD, YYYY-MM or YYYY"


def parse_day(text: str, *, end: bool = False) -> str:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` as an ISO date (the first day, or with
    ``end`` the last day, of a month or year). Raises :class:`BadQuery`."""
    match = _DATE_RE.match(text.strip())
    if not match:
        raise BadQuery(f"not a date: {text!r} (use {DATE_FORMS})")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        if month is None:
            return date(year, 12 if end else 1, 31 if end else 1).isoformat()
        if day is None:
            last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
            return date(year, month, last if end else 1).isoformat()
        return date(year, month, day).isoformat()
    except ValueError:
        raise BadQuery(f"not a date: {text!r}") from None


def _date_filter(
    since: str | None, until: str | None, column: str = "a.published"
) -> tuple[str, list[Any]]:
    clauses, params = [], []
    if since:
        clauses.append(f"{column} >= ?")
        params.append(parse_day(since))
    if until:
        clauses.append(f"{column} <= ?")
        params.append(parse_day(until, end=True))
    return " AND ".join(clauses), params


def _where(*parts: tuple[str, list[Any]]) -> tuple[str, list[Any]]:
    clauses = [sql for sql, _ in parts if sql]
    params = [value for _, values in parts for value in values]
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


# -- search ---------------------------------------------------------------------

HIGHLIGHT = ("[", "]")


def quote_fts(query: str) -> str:
    """Free text as an FTS5 query of quoted terms (all must match): no syntax leaks in."""
    terms = [term.replace('"', '""') for term in query.split() if term.strip('"')]
    return " ".join(f'"{term}"' for term in terms)


def search(
    db: sqlite_utils.Database,
    query: str,
    *,
    board: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
    highlight: tuple[str, str] = HIGHLIGHT,
) -> list[dict[str, Any]]:
    """Ranked full-text search (FTS5, bm25) with a highlighted snippet per hit.

    The query is FTS5 syntax (``supply AND chain``, ``"supply chain"``,
    ``semicon*``); a query FTS5 rejects is searched again as plain words.
    """
    if not query.strip():
        raise BadQuery("the search is empty")
    where, params = _where(
        ("articles_fts MATCH ?", []),
        (("a.board = ?", [board]) if board else ("", [])),
        _date_filter(since, until),
    )
    sql = (
        "SELECT a.board, a.no, a.title, a.category, a.published, a.hits, a.url,"
        " snippet(articles_fts, -1, ?, ?, '…', 16) AS snippet,"
        " bm25(articles_fts) AS rank"
        " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
        f"{where} ORDER BY rank LIMIT ?"
    )
    for match in (query, quote_fts(query)):
        if not match:
            break
        try:
            rows = list(db.query(sql, [*highlight, match, *params, limit]))
        except sqlite3.OperationalError as exc:
            # FTS5 reports a bad query as an OperationalError of many wordings
            # ("syntax error", "unterminated string", "unknown special query").
            if "locked" in str(exc) or "busy" in str(exc):
                raise
            continue
        for row in rows:
            row["rank"] = round(row["rank"], 4)
        return rows
    raise BadQuery(f"not a search: {query!r}")


# -- one article ----------------------------------------------------------------


def article(db: sqlite_utils.Database, board: str, no: int) -> dict[str, Any] | None:
    """An article's row, its links, its counter history and its earlier revisions."""
    rows = list(db.query("SELECT * FROM articles WHERE board = ? AND no = ?", [board, no]))
    if not rows:
        return None
    found = rows[0]
    found["links"] = list(
        db.query(
            "SELECT rel, url, text, target_no FROM links WHERE board = ? AND no = ?"
            " ORDER BY position",
            [board, no],
        )
    )
    found["hits_history"] = list(
        db.query(
            "SELECT observed_at, hits, source FROM hits WHERE board = ? AND no = ?"
            " ORDER BY observed_at, id",
            [board, no],
        )
    )
    found["revisions"] = list(
        db.query(
            "SELECT * FROM revisions WHERE board = ? AND no = ? ORDER BY replaced_at DESC, id DESC",
            [board, no],
        )
    )
    return found


# -- export ---------------------------------------------------------------------


def article_columns(db: sqlite_utils.Database) -> list[str]:
    return [column.name for column in db["articles"].columns]


def iter_articles(
    db: sqlite_utils.Database,
    *,
    board: str | None = None,
    since: str | None = None,
    until: str | None = None,
    links: bool = True,
) -> Iterator[dict[str, Any]]:
    """Every article (all columns; with ``links``, its links as a list), streamed.

    Two cursors walk articles and links in the same (board, no) order and are
    merged, so memory stays flat however large the board.
    """
    where, params = _where(
        (("a.board = ?", [board]) if board else ("", [])), _date_filter(since, until)
    )
    articles = db.query(f"SELECT a.* FROM articles a{where} ORDER BY a.board, a.no", params)
    if not links:
        yield from articles
        return
    link_rows = db.execute(
        "SELECT l.board, l.no, l.rel, l.url, l.text, l.target_no FROM links l"
        " JOIN articles a ON a.board = l.board AND a.no = l.no"
        f"{where} ORDER BY l.board, l.no, l.position",
        params,
    )
    pending = next(link_rows, None)
    for row in articles:
        key = (row["board"], row["no"])
        found = []
        while pending is not None and (pending[0], pending[1]) < key:
            pending = next(link_rows, None)
        while pending is not None and (pending[0], pending[1]) == key:
            found.append(
                {"rel": pending[2], "url": pending[3], "text": pending[4], "target_no": pending[5]}
            )
            pending = next(link_rows, None)
        row["links"] = found
        yield row


# -- the latest articles (feeds) --------------------------------------------------


@dataclass(frozen=True, slots=True)
class LatestArticle:
    """A dated article as a feed shows it: the newest first."""

    board: str
    no: int
    url: str
    title: str
    published: date
    # When its title, subtitle or body last changed (a run saw an edit, or a reparse
    # read it differently); None if never since it was first stored.
    changed: datetime | None
    # The first characters of the body (at most the ``body_chars`` asked for).
    body_start: str


def latest_articles(
    db: sqlite_utils.Database,
    *,
    board: str | None = None,
    limit: int = 50,
    body_chars: int = 1000,
) -> list[LatestArticle]:
    """The ``limit`` newest dated articles (of one board, or of all), newest first by
    posting date, then by number (a board numbers its articles in posting order).

    Undated articles are left out: nothing says where they belong in time.
    """
    where, params = _where(
        # A real ISO date only: with a modifier SQLite's date() rolls 2025-02-30 over to
        # March, and it has no reading of other text. Anything else is no date to publish,
        # left out here rather than after the limit.
        ("date(a.published, '+0 days') = a.published", []),
        (("a.board = ?", [board]) if board else ("", [])),
    )
    rows = db.execute(
        "SELECT a.board, a.no, a.url, a.title, a.published, a.last_changed,"
        f" substr(a.body, 1, ?) FROM articles a{where}"
        " ORDER BY a.published DESC, a.no DESC, a.board LIMIT ?",
        [body_chars, *params, limit],
    )
    return [
        LatestArticle(
            board=board_name,
            no=no,
            url=url,
            title=title,
            published=date.fromisoformat(published),
            changed=parse_time(changed) if changed else None,
            body_start=body_start or "",
        )
        for board_name, no, url, title, published, changed, body_start in rows
    ]


def last_finished_run(db: sqlite_utils.Database, *, board: str | None = None) -> datetime | None:
    """When the newest run that went to the end (of one board, or of any) finished."""
    where, params = _where(
        ("status NOT IN (?, ?)", [schema.RUNNING, schema.SKIPPED]),
        ("mode != ?", [schema.REPARSE]),
        ("finished_at IS NOT NULL", []),
        (("board = ?", [board]) if board else ("", [])),
    )
    row = db.execute(f"SELECT max(finished_at) FROM crawls{where}", params).fetchone()
    return parse_time(row[0]) if row and row[0] else None


# -- stats and health -----------------------------------------------------------

RUN_FIELDS = ("id", "board", "status", "started_at", "finished_at", "exit_code", "requests")


def stats(db: sqlite_utils.Database) -> dict[str, Any]:
    """Articles per board, problems by kind, runs by status, the last run."""

    def pairs(sql: str) -> dict[str, int]:
        return {str(key): value for key, value in db.execute(sql).fetchall()}

    last = list(
        db.query(
            "SELECT * FROM crawls WHERE status NOT IN (?, ?) AND mode != ?"
            " ORDER BY id DESC LIMIT 1",
            [schema.RUNNING, schema.SKIPPED, schema.REPARSE],
        )
    )
    last_run = {name: last[0][name] for name in RUN_FIELDS} if last else None
    coverage = (
        {
            name.removeprefix("share_"): last[0][name]
            for name in last[0]
            if name.startswith("share_")
        }
        if last
        else {}
    )
    fields = ("published", "hits", "subtitle", "category")
    total = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    present = db.execute(
        "SELECT " + ", ".join(f"count({name})" for name in fields) + " FROM articles"
    ).fetchone()
    return {
        "articles": total,
        "articles_by_board": pairs("SELECT board, count(*) FROM articles GROUP BY board"),
        "problems_by_kind": pairs(
            "SELECT kind, count(*) FROM problems GROUP BY kind ORDER BY count(*) DESC"
        ),
        "runs_by_status": pairs(
            "SELECT status, count(*) FROM crawls GROUP BY status ORDER BY count(*) DESC"
        ),
        "field_coverage": {
            name: round(count / total, 4) if total else None
            for name, count in zip(fields, present, strict=True)
        },
        "field_coverage_last_run": coverage,
        "last_run": last_run,
    }


@dataclass(frozen=True, slots=True)
class Health:
    ok: bool
    # Nagios plugin codes: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
    code: int
    message: str
    # Every board that is not OK, one message each (the long output after the status line).
    not_ok: tuple[str, ...] = ()


def health(
    db: sqlite_utils.Database,
    *,
    max_age_hours: float = 26,
    board: str | None = None,
    now: datetime | None = None,
) -> Health:
    """Is the crawl alive? The last finished run of each board ended ``ok``, and
    its last ``ok`` run is younger than ``max_age_hours``.

    When not: the worst board's verdict, with (``not_ok``) every board that is
    not OK, worst first, each in one line.
    """
    now = now or datetime.now(UTC)
    boards = (
        [board]
        if board
        else [
            r[0]
            for r in db.execute(
                "SELECT DISTINCT board FROM crawls WHERE mode != ?", [schema.REPARSE]
            )
        ]
    )
    boards = [b for b in boards if b]
    if not boards:
        return Health(False, 3, "never ran: no crawl in the ledger")
    verdicts = [_board_health(db, name, max_age_hours, now) for name in sorted(boards)]
    failing = sorted((v for v in verdicts if not v.ok), key=lambda v: -v.code)
    if not failing:
        return Health(True, 0, "; ".join(v.message for v in verdicts))
    worst = failing[0]
    others = len(failing) - 1
    more = f" (and {others} more {'board' if others == 1 else 'boards'} not OK)" if others else ""
    return Health(False, worst.code, worst.message + more, tuple(v.message for v in failing))


def _board_health(
    db: sqlite_utils.Database, board: str, max_age_hours: float, now: datetime
) -> Health:
    finished = list(
        db.query(
            "SELECT id, status, finished_at, message FROM crawls WHERE board = ?"
            " AND status NOT IN (?, ?) AND mode != ? ORDER BY id DESC LIMIT 1",
            [board, schema.RUNNING, schema.SKIPPED, schema.REPARSE],
        )
    )
    if not finished:
        return Health(False, 3, f"{board}: never ran to the end")
    last = finished[0]
    if last["status"] != schema.OK:
        why = f": {last['message']}" if last["message"] else ""
        return Health(False, 2, f"{board}: last run {last['id']} ended {last['status']}{why}")
    ok_at = last["finished_at"]
    age = (now - parse_time(ok_at)).total_seconds() / 3600 if ok_at else float("inf")
    if age > max_age_hours:
        return Health(
            False,
            2,
            f"{board}: stale, the last ok run ({last['id']}) finished {age:.1f} h ago"
            f" (more than {max_age_hours:g} h)",
        )
    return Health(True, 0, f"{board}: last run {last['id']} ok, {age:.1f} h ago")


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)
