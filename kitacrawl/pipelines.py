"""Item pipelines, in settings order: clean -> validate -> store.

Thin glue: the work is done by :mod:`kitacrawl.clean`, :mod:`kitacrawl.outcome`
and :mod:`kitacrawl.storage`. Items are read through ``ItemAdapter``.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.utils.defer import deferred_from_coro

from kitacrawl import runlock
from kitacrawl.clean import clean_title, normalise_space
from kitacrawl.items import Article, HitObservation, Link, Problem
from kitacrawl.middlewares import call_later
from kitacrawl.outcome import ExitCode, RunTally, decide
from kitacrawl.settings_keys import base_url_from, db_path_from
from kitacrawl.storage import Storage, StorageError

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

EXIT_CODE_STAT = "kitacrawl/exit_code"


class CleanPipeline:
    """Normalise the text of articles (idempotent: page code already cleans)."""

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        if not isinstance(item, Article):
            return item
        adapter = ItemAdapter(item)
        adapter["title"] = clean_title(adapter["title"])
        adapter["subtitle"] = normalise_space(adapter["subtitle"]) or None
        paragraphs = (normalise_space(p) for p in str(adapter["body"]).split("\n\n"))
        adapter["body"] = "\n\n".join(p for p in paragraphs if p)
        seen: set[tuple[str, str]] = set()
        links: list[Link] = []
        for link in adapter["links"]:
            if (link.rel, link.url) not in seen:
                seen.add((link.rel, link.url))
                link.text = normalise_space(link.text) or None
                links.append(link)
        adapter["links"] = links
        return item


class ValidatePipeline:
    """An article without a title or body becomes a problem, never a row."""

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        if not isinstance(item, Article):
            return item
        adapter = ItemAdapter(item)
        missing = [name for name in ("title", "body") if not adapter.get(name)]
        if adapter.get("no") is None or int(adapter["no"]) <= 0:
            missing.append("no")
        if missing:
            return Problem(
                board=adapter["board"],
                url=adapter["url"],
                kind="unparsable",
                detail="no " + " and no ".join(missing),
                no=adapter.get("no"),
            )
        published = adapter.get("published")
        if isinstance(published, date) and not 1990 <= published.year <= date.today().year + 1:
            logger.warning("implausible date %s on %s: dropped", published, adapter["url"])
            adapter["published"] = None
        return item


class StorePipeline:
    """Writes items, keeps the run ledger, and decides the run's exit code."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.db_path = db_path_from(crawler.settings)
        self.base_url = base_url_from(crawler.settings)
        self.storage: Storage | None = None
        self.crawl_id: int | None = None
        self.tally = RunTally()
        self.locked = False
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(crawler)

    def open_spider(self, spider: Spider | None = None) -> None:
        spider = spider or self.crawler.spider
        assert spider is not None
        try:
            runlock.acquire(self.db_path)
            self.locked = True
        except runlock.LockedError as exc:
            logger.error("%s", exc)
            self._close("locked")
            return
        try:
            self.storage = Storage.open(self.db_path)
            self.crawl_id = self.storage.start_crawl(
                spider.name,
                getattr(spider, "board", spider.name),
                getattr(spider, "mode", "full"),
                self.base_url,
            )
        except StorageError as exc:
            self.tally.storage_error = str(exc)
            logger.error("%s", exc)
            self._close("storage_error")

    def _close(self, reason: str) -> None:
        """Ask the engine to close the spider, from the reactor's next turn."""
        engine = self.crawler.engine
        if engine is not None:
            call_later(0, lambda: _schedule_close(engine, reason))

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        if self.storage is None or self.tally.storage_error:
            return item  # the run is closing: one clear error, not one per item
        try:
            if isinstance(item, Article):
                self._tally_article(item)
                result = self.storage.save_article(item, self.crawl_id)
                setattr(self.tally, result, getattr(self.tally, result) + 1)
            elif isinstance(item, Problem):
                self._tally_problem(item)
                self.storage.record_problem(item, self.crawl_id)
            elif isinstance(item, HitObservation):
                self.tally.hit_observations += self.storage.observe_hits(
                    item.board, item.counts, self.crawl_id, "list"
                )
        except StorageError as exc:
            logger.error("%s", exc)
            self.tally.storage_error = str(exc)
            self._close("storage_error")
        return item

    def _tally_article(self, article: Article) -> None:
        tally = self.tally
        tally.article_pages += 1
        tally.articles += 1
        for name in tally.present:
            if getattr(article, name):
                tally.present[name] += 1

    def _tally_problem(self, problem: Problem) -> None:
        tally = self.tally
        tally.problems += 1
        if problem.kind == "unparsable":
            tally.article_pages += 1
            tally.missing_title += "title" in problem.detail
            tally.missing_body += "body" in problem.detail

    # -- end of run ---------------------------------------------------------
    def spider_closed(self, spider: Spider, reason: str) -> None:
        stats = self.crawler.stats
        assert stats is not None
        if not self.locked:
            stats.set_value(EXIT_CODE_STAT, int(ExitCode.LOCKED))
            return
        self.tally.list_pages = stats.get_value("kitacrawl/list_pages", 0)
        self.tally.list_rows_first_page = stats.get_value("kitacrawl/list_rows_first_page")
        storage = self.storage
        baseline = storage.last_ok_crawl(spider.name) if storage else None
        outcome = decide(
            self.tally,
            finish_reason=reason,
            responses=stats.get_value("downloader/response_count", 0),
            baseline=baseline,
        )
        stats.set_value(EXIT_CODE_STAT, int(outcome.exit_code))
        stats.set_value("kitacrawl/status", outcome.status)
        if outcome.message:
            log = logger.info if outcome.exit_code == ExitCode.OK else logger.error
            log("run %s: %s", outcome.status, outcome.message)
        if storage is None or self.crawl_id is None:
            runlock.release(self.db_path)
            return
        try:
            plan = getattr(spider, "plan", None)
            if outcome.exit_code == ExitCode.OK and plan is not None:
                upto = plan.complete_upto_after()
                if upto is not None:
                    storage.set_complete_upto(getattr(spider, "board", "news"), upto, self.crawl_id)
            storage.finish_crawl(
                self.crawl_id,
                status=outcome.status,
                finish_reason=reason,
                exit_code=int(outcome.exit_code),
                requests=stats.get_value("downloader/request_count", 0),
                responses=stats.get_value("downloader/response_count", 0),
                list_pages=self.tally.list_pages,
                article_pages=self.tally.article_pages,
                articles_new=self.tally.new,
                articles_changed=self.tally.changed,
                articles_unchanged=self.tally.unchanged,
                problems=self.tally.problems,
                hit_observations=self.tally.hit_observations,
                collapsed_fields=outcome.collapsed or None,
                message=outcome.message or None,
                **self.tally.shares(),
            )
        except StorageError as exc:
            logger.error("%s", exc)
            stats.set_value(EXIT_CODE_STAT, int(ExitCode.STORAGE))
        finally:
            storage.close()
            self.storage = None
            runlock.release(self.db_path)


def _schedule_close(engine: Any, reason: str) -> None:
    # A second request while the engine is already closing just waits for it.
    if engine.spider is not None:
        deferred_from_coro(engine.close_spider_async(reason=reason))
