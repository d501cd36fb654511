"""Offline replay: Scrapy's HTTP cache, served from the archive.

``scrapy crawl news -s HTTPCACHE_ENABLED=1 -s HTTPCACHE_IGNORE_MISSING=1
-s HTTPCACHE_STORAGE=kitacrawl.cache.ArchiveCacheStorage`` (or
``kitacrawl crawl --offline``) answers every request from the pages the
archive kept (the latest fetch of each URL) and never touches the network: a
request the archive cannot answer is dropped ("not in the archive"). A
developer iterating on a selector replays a real crawl this way. The archive
read is the crawl's own database unless ``KITACRAWL_ARCHIVE_DB`` names another
(so that a replay can write to a scratch database). A database that holds no
archive fails the run at once ("no such archive"), with its ledger row;
:func:`archived_base_url` tells the command line which site the archive was
crawled from, so that a replay asks for the same URLs.
"""

from __future__ import annotations

import os
import sqlite3
from typing import Any
from urllib.parse import urlsplit

from scrapy.http import Request, Response
from scrapy.http.headers import Headers
from scrapy.responsetypes import responsetypes

from kitacrawl import config, site
from kitacrawl.boardrun import BoardRun
from kitacrawl.storage import archive


def archive_db(settings: Any) -> str:
    """The database whose archive a replay reads."""
    return str(config.get(settings, "KITACRAWL_ARCHIVE_DB") or config.db_path(settings))


def open_archive(db_path: str) -> sqlite3.Connection | str:
    """The archive of ``db_path``, read-only; or why there is none, in a few words."""
    if not os.path.isfile(db_path):
        return f"no such archive: {db_path} does not exist"
    uri = f"file:{os.path.abspath(db_path)}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=30)
        found = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'archive'"
        ).fetchone()
    except sqlite3.Error as exc:
        return f"no such archive: {db_path} cannot be read ({exc})"
    if found is None:
        conn.close()
        return f"no such archive: {db_path} is no kitacrawl database with an archive"
    return conn


def archived_base_url(db_path: str) -> str | None:
    """The site the archive's latest page was fetched from; None when it holds no page.

    Raises :class:`LookupError` (its message says why) when there is no archive at all.
    """
    conn = open_archive(db_path)
    if isinstance(conn, str):
        raise LookupError(conn)
    try:
        row = conn.execute(
            "SELECT base_url, url FROM archive WHERE kind IN ('list', 'article')"
            " ORDER BY id DESC LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    if row is None:
        return None
    base, url = row
    if base:
        return str(base)
    parts = urlsplit(url)  # rows of an older kitacrawl kept no base: the page's own site
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


class ArchiveCacheStorage:
    def __init__(self, settings: Any) -> None:
        self.db_path = archive_db(settings)
        self.conn: sqlite3.Connection | None = None

    def open_spider(self, spider: Any) -> None:
        found = open_archive(self.db_path)
        if isinstance(found, sqlite3.Connection):
            self.conn = found
            return
        # Every request would be dropped as "not in the archive": the run fails at once,
        # naming the cause (a crawler without kitacrawl's run just finds nothing).
        board_run = spider.crawler.get_extension(BoardRun)
        if board_run is not None:
            board_run.cannot_start(found)

    def close_spider(self, spider: Any) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def retrieve_response(self, spider: Any, request: Request) -> Response | None:
        if self.conn is None:
            return None
        url = site.strip_session(request.url)
        row = self.conn.execute(
            "SELECT id FROM archive WHERE url = ? OR requested_url = ? ORDER BY id DESC LIMIT 1",
            (url, url),
        ).fetchone()
        page = archive.get(self.conn, row[0]) if row else None
        if page is None:
            return None
        headers = Headers(page.headers)
        cls = responsetypes.from_args(headers=headers, url=page.url, body=page.body)
        return cls(url=page.url, status=page.status, headers=headers, body=page.body)

    def store_response(self, spider: Any, request: Request, response: Response) -> None:
        # The store pipeline archives every page already; nothing to do twice.
        return None
