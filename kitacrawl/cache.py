"""Offline replay: Scrapy's HTTP cache, served from the archive.

``scrapy crawl news -s HTTPCACHE_ENABLED=1 -s HTTPCACHE_IGNORE_MISSING=1
-s HTTPCACHE_STORAGE=kitacrawl.cache.ArchiveCacheStorage`` (or
``kitacrawl crawl --offline``) answers every request from the pages the
archive kept (the latest fetch of each URL) and never touches the network: a
request the archive cannot answer is dropped. A developer iterating on a
selector replays a real crawl this way. The archive read is the crawl's own
database unless ``KITACRAWL_ARCHIVE_DB`` names another (so that a replay can
write to a scratch database).
"""

from __future__ import annotations

import os
import sqlite3
from typing import Any

from scrapy.http import Request, Response
from scrapy.http.headers import Headers
from scrapy.responsetypes import responsetypes

from kitacrawl import config, site
from kitacrawl.storage import archive


class ArchiveCacheStorage:
    def __init__(self, settings: Any) -> None:
        self.db_path = str(config.get(settings, "KITACRAWL_ARCHIVE_DB") or config.db_path(settings))
        self.conn: sqlite3.Connection | None = None

    def open_spider(self, spider: Any) -> None:
        uri = f"file:{os.path.abspath(self.db_path)}?mode=ro"
        self.conn = sqlite3.connect(uri, uri=True, timeout=30)

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
