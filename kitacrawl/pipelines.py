"""The item pipeline: storing, in batches, and telling the run what was stored.

Page code owns the item: an :class:`~kitacrawl.items.Article` reaches the
pipeline whole (title, body and number present, links once each, no
implausible date) or not at all (the spider turns a page the page code refuses
into a :class:`~kitacrawl.items.Problem`). What is left is what only a pipeline
can do: :class:`StorePipeline` writes through :mod:`kitacrawl.storage`, with the
page the item was read from (which the spider handed to the run, never in the
item) in the same transaction, and tells the run
(:class:`kitacrawl.boardrun.BoardRun`) what it stored. Items are read through
``ItemAdapter``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter

from kitacrawl.boardrun import BoardRun
from kitacrawl.items import Article, HitObservation, Problem
from kitacrawl.pages.version import code_version
from kitacrawl.storage import StorageError

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler


class StorePipeline:
    """Writes articles, problems and counters in batches; the run keeps the tally.

    A batch is committed after ``BATCH_ITEMS`` items or ``BATCH_SECONDS``,
    whichever comes first, and when the spider closes (before the run moves
    its mark): a killed process loses at most that much work, never half an
    item (see :meth:`kitacrawl.storage.Storage.begin_batch`).
    """

    BATCH_ITEMS = 500
    BATCH_SECONDS = 1.0

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.board_run: BoardRun | None = None
        # Which page code read the articles: rows made by an older one are stale.
        self.page_code = code_version()
        self.pending = 0
        self._timer: Any = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(crawler)

    def open_spider(self, spider: Spider | None = None) -> None:
        self.board_run = BoardRun.of(self.crawler)
        from twisted.internet import task  # noqa: PLC0415 - the reactor Scrapy installed

        self._timer = task.LoopingCall(self.flush)
        self._timer.start(self.BATCH_SECONDS, now=False)

    def close_spider(self, spider: Spider | None = None) -> None:
        if self._timer is not None and self._timer.running:
            self._timer.stop()
        self.flush()

    def flush(self) -> None:
        """Commit the batch in progress (the timer calls this every BATCH_SECONDS)."""
        board_run = self.board_run
        storage = board_run.storage if board_run is not None else None
        if not self.pending or board_run is None or storage is None:
            return
        self.pending = 0
        try:
            storage.commit_batch()
        except StorageError as exc:
            board_run.storage_failed(exc)

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        board_run = self.board_run
        if board_run is None:
            return item
        # The page the item was read from, handed to the run by the spider.
        page = board_run.page_of(item)
        storage = board_run.storage
        if storage is None:
            return item  # no run began (`scrapy parse`), or it is closing on an error
        adapter = ItemAdapter(item)
        crawl_id = board_run.crawl_id
        try:
            storage.begin_batch()
            self.pending += 1
            if isinstance(item, Article):
                result = storage.save_article(item, crawl_id, page=page, page_code=self.page_code)
                board_run.stored(item, result)
            elif isinstance(item, Problem):
                storage.record_problem(item, crawl_id, page)
                board_run.problem_stored(item)
            elif isinstance(item, HitObservation):
                counts = adapter["counts"]
                board_run.observed(
                    storage.observe_hits(adapter["board"], counts, crawl_id, "list", page)
                )
            if page is not None:
                board_run.archived()
        except StorageError as exc:
            board_run.storage_failed(exc)
            return item
        if self.pending >= self.BATCH_ITEMS:
            self.flush()
        return item
