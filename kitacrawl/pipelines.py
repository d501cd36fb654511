"""Item pipelines, in settings order: clean -> validate -> store.

Thin glue, each doing what only a pipeline can: ``CleanPipeline`` gives every
item the same shape whatever page code made it, ``ValidatePipeline`` keeps
anything that is not a whole article out of the ``articles`` table, and
``StorePipeline`` writes through :mod:`kitacrawl.storage` and tells the run
(:class:`kitacrawl.run.BoardRun`) what it stored. Items are read through
``ItemAdapter``.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter

from kitacrawl import problems
from kitacrawl.boards import board
from kitacrawl.items import Article, HitObservation, Link, Problem
from kitacrawl.pages.version import code_version
from kitacrawl.run import BoardRun
from kitacrawl.storage import StorageError

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class CleanPipeline:
    """One link per (rel, URL): page code reports what the page shows, repeats included."""

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        if not isinstance(item, Article):
            return item
        adapter = ItemAdapter(item)
        seen: set[tuple[str, str]] = set()
        links: list[Link] = []
        for link in adapter["links"]:
            if (link.rel, link.url) not in seen:
                seen.add((link.rel, link.url))
                links.append(link)
        adapter["links"] = links
        return item


class ValidatePipeline:
    """An article without a title, body or number becomes a problem, never a row."""

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        if not isinstance(item, Article):
            return item
        adapter = ItemAdapter(item)
        missing = [name for name in ("title", "body") if not str(adapter.get(name) or "").strip()]
        if missing == ["body"] and _images_are_content(adapter):
            missing = []
        if adapter.get("no") is None or int(adapter["no"]) <= 0:
            missing.append("no")
        if missing:
            return Problem(
                board=adapter["board"],
                url=adapter["url"],
                kind=problems.UNPARSABLE,
                detail="no " + " and no ".join(missing),
                no=adapter.get("no"),
                source=adapter.get("source"),
            )
        published = adapter.get("published")
        if isinstance(published, date) and not 1990 <= published.year <= date.today().year + 1:
            logger.warning("implausible date %s on %s: dropped", published, adapter["url"])
            adapter["published"] = None
        return item


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
        self.run: BoardRun | None = None
        # Which page code read the articles: rows made by an older one are stale.
        self.page_code = code_version()
        self.pending = 0
        self._timer: Any = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(crawler)

    def open_spider(self, spider: Spider | None = None) -> None:
        self.run = BoardRun.of(self.crawler)
        from twisted.internet import task  # noqa: PLC0415 - the reactor Scrapy installed

        self._timer = task.LoopingCall(self.flush)
        self._timer.start(self.BATCH_SECONDS, now=False)

    def close_spider(self, spider: Spider | None = None) -> None:
        if self._timer is not None and self._timer.running:
            self._timer.stop()
        self.flush()

    def flush(self) -> None:
        """Commit the batch in progress (the timer calls this every BATCH_SECONDS)."""
        run = self.run
        storage = run.storage if run is not None else None
        if not self.pending or run is None or storage is None:
            return
        self.pending = 0
        try:
            storage.commit_batch()
        except StorageError as exc:
            run.storage_failed(exc)

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        run = self.run
        storage = run.storage if run is not None else None
        if run is None or storage is None:
            return item  # no run began (`scrapy parse`), or it is closing on an error
        adapter = ItemAdapter(item)
        try:
            storage.begin_batch()
            self.pending += 1
            if isinstance(item, Article):
                result = storage.save_article(item, run.crawl_id, page_code=self.page_code)
                run.stored(item, result)
            elif isinstance(item, Problem):
                storage.record_problem(item, run.crawl_id)
                run.problem_stored(item)
            elif isinstance(item, HitObservation):
                counts, source = adapter["counts"], adapter["source"]
                run.observed(
                    storage.observe_hits(adapter["board"], counts, run.crawl_id, "list", source)
                )
            if adapter.get("source") is not None:
                run.archived()
        except StorageError as exc:
            run.storage_failed(exc)
            return item
        if self.pending >= self.BATCH_ITEMS:
            self.flush()
        return item


def _images_are_content(adapter: ItemAdapter) -> bool:
    """A photo item without text is still an article when it shows images."""
    return board(adapter["board"]).images_are_content and any(
        link.rel == "image" for link in adapter["links"]
    )
