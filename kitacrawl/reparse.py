"""Re-extraction: today's page code over the archived pages, with no request at all.

When a selector is fixed, ``kitacrawl reparse`` corrects the database from the
pages already kept (:mod:`kitacrawl.storage.archive`) instead of crawling the
board again. For each article it takes the latest archived page (of one run
with ``crawl_id``, fetched since a date with ``since``), reads it with the page
code (which makes whole items, as in a crawl), and stores what changed:

- links are resolved against the base URL the page was fetched from, as
  recorded, never against today's default;
- it is no observation of the site: no ``hits`` rows, ``articles.hits`` stays
  at the newest observation, ``last_seen``/``last_fetched`` do not move;
- a change of text is a revision of cause ``reparse``; pages that were
  unparsable, or part of a drifted run, become articles when the code reads
  them now; every row written records the page code version.

Extraction holds the GIL, so it runs in worker processes (every core by
default); the parent only writes. A run is a ledger row of mode ``reparse``.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sqlite3
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from scrapy.http import HtmlResponse

from kitacrawl import site
from kitacrawl.items import Article, FetchedPage, ParseError, Problem
from kitacrawl.pages import read_article
from kitacrawl.pages.version import code_version
from kitacrawl.storage import Storage, archive, schema
from kitacrawl.storage.queries import parse_day

logger = logging.getLogger(__name__)

MODE = schema.REPARSE
# Fields compared to say what a re-extraction changes (hits are observations, not page code).
FIELDS = ("url", "title", "subtitle", "published", "body", "generation", "category", "links")
CHUNK = 128
# Writes a transaction (see Storage.begin_batch).
BATCH = 500


@dataclass(slots=True)
class Change:
    board: str
    no: int
    field: str
    before: Any
    after: Any


@dataclass(slots=True)
class ReparseResult:
    pages: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    unparsable: int = 0
    stale_before: int = 0
    field_changes: Counter[str] = field(default_factory=Counter)
    examples: list[Change] = field(default_factory=list)
    seconds: float = 0.0
    workers: int = 1
    crawl_id: int | None = None
    dry_run: bool = False

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


def candidates(
    conn: sqlite3.Connection,
    *,
    board: str | None = None,
    since: str | None = None,
    crawl_id: int | None = None,
) -> list[int]:
    """The archive ids to read: the latest article page (status 200) of each article."""
    clauses = ["kind = 'article'", "status = 200", "no IS NOT NULL", "board IS NOT NULL"]
    params: list[Any] = []
    if board:
        clauses.append("board = ?")
        params.append(board)
    if since:
        clauses.append("fetched_at >= ?")
        params.append(parse_day(since))
    if crawl_id is not None:
        clauses.append("crawl_id = ?")
        params.append(crawl_id)
    sql = f"SELECT max(id) FROM archive WHERE {' AND '.join(clauses)} GROUP BY board, no"
    return sorted(row[0] for row in conn.execute(sql, params))


# -- the workers ------------------------------------------------------------------
_worker: dict[str, Any] = {}


@dataclass(slots=True)
class Reading:
    """What a worker made of one archived page, compared with the stored row."""

    archive_id: int
    item: Article | Problem | None
    # The archived page without its body: storage takes the time it was fetched from
    # it, and the bytes need not travel back from a worker process.
    page: FetchedPage | None = None
    # None: no stored row (a new article); else the fields that differ, with both values.
    changes: list[tuple[str, Any, Any]] | None = None
    # The stored row was made by today's page code.
    current_code: bool = False


def _start_worker(db_path: str, paths: dict[str, site.BoardPaths], version: str) -> None:
    uri = f"file:{os.path.abspath(db_path)}?mode=ro"
    _worker["conn"] = sqlite3.connect(uri, uri=True, timeout=30)
    _worker["paths"] = paths
    _worker["version"] = version


def _read_chunk(ids: Sequence[int]) -> list[Reading]:
    # The worker reads, extracts and compares: the parent only writes what changed.
    conn: sqlite3.Connection = _worker["conn"]
    paths: dict[str, site.BoardPaths] = _worker["paths"]
    out: list[Reading] = []
    for archive_id in ids:
        page = archive.get(conn, archive_id)
        item = read(page, paths) if page is not None else None
        fetched = replace(page.page(), body=b"") if page is not None else None
        reading = Reading(archive_id, item, fetched)
        if isinstance(item, Article):
            before = _current(conn, item.board, item.no)
            if before is not None:
                after = _as_row(item)
                reading.changes = [
                    (name, before[name], after[name])
                    for name in FIELDS
                    if before[name] != after[name]
                ]
                reading.current_code = before["page_code"] == _worker["version"]
        out.append(reading)
    return out


def response_of(page: archive.ArchivedPage) -> HtmlResponse:
    """The archived page as the response it was (the page code reads responses)."""
    return HtmlResponse(
        url=page.url,
        status=page.status,
        body=page.body,
        headers={"Content-Type": page.headers.get("Content-Type", "text/html")},
    )


def read(page: archive.ArchivedPage, paths: dict[str, site.BoardPaths]) -> Article | Problem:
    """What today's page code makes of one archived page: an article, or why not."""
    board = page.board or site.BOARD_NEWS
    urls = site.BoardUrls(page.base_url or site.DEFAULT_BASE_URL, paths[board])
    response = response_of(page)
    try:
        item: Article | Problem = read_article(response, urls=urls, no=page.no, board=board)
    except ParseError as exc:
        item = Problem(board=board, url=urls.article_url(page.no or 0), kind=exc.kind,
                       detail=exc.detail, no=page.no)  # fmt: skip
    return item


def _results(
    db_path: str, ids: list[int], paths: dict[str, site.BoardPaths], workers: int, version: str
) -> Iterator[Reading]:
    chunks = [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]
    if workers <= 1 or len(chunks) <= 1:
        _start_worker(db_path, paths, version)
        try:
            for chunk in chunks:
                yield from _read_chunk(chunk)
        finally:
            _worker.pop("conn").close()
        return
    context = multiprocessing.get_context("forkserver")
    initargs = (db_path, paths, version)
    with context.Pool(workers, initializer=_start_worker, initargs=initargs) as pool:
        for batch in pool.imap(_read_chunk, chunks):
            yield from batch


# -- the parent: compare and store --------------------------------------------------
def _current(conn: sqlite3.Connection, board: str, no: int) -> dict[str, Any] | None:
    """The stored row's fields that re-extraction compares, with its links."""
    row = conn.execute(
        "SELECT url, title, subtitle, published, body, generation, category, page_code"
        " FROM articles WHERE board = ? AND no = ?",
        (board, no),
    ).fetchone()
    if row is None:
        return None
    names = ("url", "title", "subtitle", "published", "body", "generation", "category")
    found: dict[str, Any] = dict(zip(names, row[:7], strict=True))
    found["page_code"] = row[7]
    found["links"] = [
        {"rel": rel, "url": url, "text": text, "target_no": target}
        for rel, url, text, target in conn.execute(
            "SELECT rel, url, text, target_no FROM links WHERE board = ? AND no = ?"
            " ORDER BY position",
            (board, no),
        )
    ]
    return found


def _as_row(article: Article) -> dict[str, Any]:
    return {
        "url": article.url,
        "title": article.title,
        "subtitle": article.subtitle,
        "published": article.published.isoformat() if article.published else None,
        "body": article.body,
        "generation": article.generation,
        "category": article.category,
        "links": [
            {"rel": link.rel, "url": link.url, "text": link.text, "target_no": link.target_no}
            for link in article.links
        ],
    }


def reparse(
    db_path: str,
    paths: dict[str, site.BoardPaths],
    *,
    board: str | None = None,
    since: str | None = None,
    crawl_id: int | None = None,
    dry_run: bool = False,
    workers: int | None = None,
    examples: int = 5,
    storage: Storage | None = None,
) -> ReparseResult:
    """Re-extract the archived pages into ``storage`` (which the caller holds open and locked).

    With ``dry_run`` nothing is written; the result says, per field, what would change.
    """
    assert storage is not None, "reparse writes through a locked Storage (kitacrawl.session)"
    version = code_version()
    result = ReparseResult(dry_run=dry_run, workers=workers or os.cpu_count() or 1)
    conn = storage.db.conn
    ids = candidates(conn, board=board, since=since, crawl_id=crawl_id)
    result.stale_before = conn.execute(
        "SELECT count(*) FROM articles WHERE page_code IS NULL OR page_code != ?", (version,)
    ).fetchone()[0]
    if not dry_run:
        result.crawl_id = storage.start_crawl(MODE, board or "all", MODE, "")
    written = 0
    started = time.perf_counter()
    try:
        for reading in _results(db_path, ids, paths, result.workers, version):
            result.pages += 1
            if not isinstance(reading.item, Article):
                result.unparsable += 1
                continue
            if _apply(storage, reading, version, result, dry_run=dry_run, examples=examples):
                written += 1
                if written % BATCH == 0:
                    storage.commit_batch()
        storage.commit_batch()
    finally:
        result.seconds = time.perf_counter() - started
        if result.crawl_id is not None:
            storage.finish_crawl(
                result.crawl_id,
                status=schema.OK,
                finish_reason="finished",
                exit_code=0,
                requests=0,
                responses=0,
                article_pages=result.pages,
                articles_new=result.new,
                articles_changed=result.changed,
                articles_unchanged=result.unchanged,
                problems=0,
                message=(
                    f"re-extracted {result.pages} archived pages with page code {version}"
                    f" ({result.unparsable} still unreadable)"
                ),
            )
    return result


def _apply(
    storage: Storage,
    reading: Reading,
    version: str,
    result: ReparseResult,
    *,
    dry_run: bool,
    examples: int,
) -> bool:
    """Count what one page changes, and store it (in the open batch); True when written."""
    article = reading.item
    assert isinstance(article, Article)
    if reading.changes is None:
        result.new += 1
        result.field_changes["(new article)"] += 1
    else:
        for name, before, after in reading.changes:
            result.field_changes[name] += 1
            if len(result.examples) < examples:
                result.examples.append(Change(article.board, article.no, name, before, after))
        if reading.changes:
            result.changed += 1
        else:
            result.unchanged += 1
    if dry_run or (reading.changes == [] and reading.current_code):
        return False
    storage.begin_batch()
    storage.save_article(
        article,
        result.crawl_id,
        page=reading.page,
        page_code=version,
        archive_id=reading.archive_id,
        observed=False,
    )
    return True
