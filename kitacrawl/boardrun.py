"""One crawl of one board, from start to end: a Scrapy extension.

:class:`BoardRun` owns a board's run. The spider asks it to
:meth:`~BoardRun.begin` when its start requests are first needed: it writes
through the database session lent to its crawler by the code that created it
(:func:`kitacrawl.crawl.crawl_boards`; or opens its own, for a script that
runs a crawler by itself: :func:`kitacrawl.session.open_session`), writes the
ledger row, decides the retries and give-ups (:mod:`kitacrawl.retry`) and
hands the spider its incremental state as a :class:`~kitacrawl.plan.Plan`.
While the crawl runs it collects the tally: list pages and why requests
failed from the spider, articles, problems and counters from the store
pipeline. It also holds each fetched page the spider hands it beside the item
read from it (:meth:`~BoardRun.keep_page`) until the store pipeline writes both
(:meth:`~BoardRun.page_of`): items never carry page bytes. When the spider closes it decides the
outcome (:mod:`kitacrawl.outcome`), moves the incremental mark, finishes the
ledger row and sets :attr:`~BoardRun.exit_code`. Spider and pipelines reach
it through :meth:`BoardRun.of`; it never reaches into them. Commands such as
``scrapy parse`` that never start the spider's requests never begin a run, so
they touch no database.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from scrapy import signals

from kitacrawl import config, problems, retry, scrapy_compat
from kitacrawl.items import Article, FetchedPage, Problem
from kitacrawl.outcome import ExitCode, Outcome, RunTally, decide
from kitacrawl.plan import INCREMENTAL, MODES, SINGLE, Plan
from kitacrawl.runlock import LockedError
from kitacrawl.session import DatabaseSession, import_refusals, lent_session, open_session
from kitacrawl.storage import Storage, StorageError, schema
from kitacrawl.storage.db import TIME_FORMAT, SaveResult

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from kitacrawl.items import ListPage
    from kitacrawl.site import BoardUrls

logger = logging.getLogger(__name__)


class BoardRun:
    """One crawl of one board: ledger row, incremental state, tally, outcome, mark, exit code."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.db_path = config.db_path(crawler.settings)
        self.base_url = config.base_url(crawler.settings)
        self.session: DatabaseSession | None = None
        self._own_session = False
        self.crawl_id: int | None = None
        self.board = ""
        self.mode = INCREMENTAL
        self.plan: Plan | None = None
        # Where list page 1 of the board answered this run (kept after a good run).
        self.list_path: str | None = None
        self.tally = RunTally()
        self.outcome: Outcome | None = None
        # Until the run has decided, a crawl that never began is a failure.
        self.exit_code = ExitCode.FAILED
        self.begun = False
        # Articles already failing in a run that ended well: their retries say
        # nothing new about the site, so they stay out of the failure share.
        self._known_failing: set[int] = set()
        # Pages waiting for their item to be stored, by the item's id (the item is held
        # too, so that its id cannot be reused meanwhile).
        self._pages: dict[int, tuple[Any, FetchedPage]] = {}
        # Why the run cannot ask for anything, said before it began (kitacrawl.cache).
        self._cannot_start: str | None = None
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BoardRun:
        return cls(crawler)

    @staticmethod
    def of(crawler: Crawler) -> BoardRun:
        run = crawler.get_extension(BoardRun)
        if run is None:
            raise RuntimeError("kitacrawl.boardrun.BoardRun is not enabled in EXTENSIONS")
        return run

    @property
    def storage(self) -> Storage | None:
        """The database while the run can write to it, else None."""
        if self.session is None or self.tally.storage_error:
            return None
        return self.session.storage

    # -- start ---------------------------------------------------------------
    def begin(
        self,
        *,
        spider_name: str,
        board: str,
        mode: str,
        urls: BoardUrls,
        single_no: int | None = None,
        max_pages: int | None = None,
    ) -> Plan | None:
        """Start the run; the spider's plan, or None when the run cannot go on."""
        self.begun = True
        self.board, self.mode = board, mode
        for name in config.unknown_names(self.crawler.settings):
            logger.warning("unknown setting %s is ignored (a typo?)", name)
        session = lent_session(self.crawler)
        if session is None:  # nobody lent one: a script running this crawler by itself
            try:
                session = open_session(self.db_path, [board], mode)
            except LockedError as exc:
                self._refuse(Outcome(schema.SKIPPED, ExitCode.LOCKED, [], str(exc)))
                return None
            except StorageError as exc:
                self._refuse(Outcome(schema.FAILED, ExitCode.STORAGE, [], str(exc)))
                return None
            self._own_session = True
        self.session = session
        try:
            import_refusals(session.storage, self.db_path)
            self.crawl_id = session.storage.start_crawl(spider_name, board, mode, self.base_url)
            if self._cannot_start:  # the ledger row is written: its end says why
                self.tally.cannot_start = self._cannot_start
                return None
            plan = self._plan(session.storage, urls, single_no, max_pages)
        except StorageError as exc:
            self.storage_failed(exc)
            return None
        self.plan = plan
        logger.info(
            "%s run of %s: %d articles stored, complete up to %s, %d to revisit, %d to retry",
            mode,
            board,
            len(plan.stored),
            plan.complete_upto,
            len(plan.revisit),
            len(plan.retry),
        )
        return plan

    def _plan(
        self, storage: Storage, urls: BoardUrls, single_no: int | None, max_pages: int | None
    ) -> Plan:
        settings = self.crawler.settings
        plan = Plan(
            mode=self.mode,
            max_pages=max_pages,
            hard_max_pages=config.get(settings, "KITACRAWL_MAX_LIST_PAGES"),
            list_path=storage.board_list_path(self.board),
        )
        if self.mode == SINGLE:
            plan.retry = [single_no] if single_no is not None else []
            return plan
        plan.stored = storage.stored_numbers(self.board)
        histories = storage.attempt_histories(self.board)
        now = datetime.now(UTC)
        policy = retry.Policy(
            first_wait=timedelta(hours=config.get(settings, "KITACRAWL_RETRY_AFTER_HOURS")),
            max_wait=timedelta(days=config.get(settings, "KITACRAWL_RETRY_MAX_DAYS")),
            give_up=timedelta(days=config.get(settings, "KITACRAWL_GIVE_UP_DAYS")),
            recheck=timedelta(days=config.get(settings, "KITACRAWL_RECHECK_DAYS")),
        )
        schedule = retry.schedule(
            histories, now, policy, limit=config.get(settings, "KITACRAWL_RETRY_MAX")
        )
        plan.known = plan.stored | schedule.gone | schedule.waiting
        for no, reason in schedule.give_up.items():
            logger.warning("giving up on article %d: %s", no, reason)
            self._record(
                Problem(
                    board=self.board,
                    url=urls.article_url(no),
                    kind=problems.GAVE_UP,
                    detail=reason,
                    no=no,
                )
            )
        if self.mode != INCREMENTAL:
            return plan
        plan.complete_upto = storage.complete_upto(self.board)
        since = now.date() - timedelta(days=config.get(settings, "KITACRAWL_REVISIT_DAYS"))
        before = now - timedelta(hours=config.get(settings, "KITACRAWL_REVISIT_AFTER_HOURS"))
        revisit = storage.due_for_revisit(self.board, since, before.strftime(TIME_FORMAT))
        plan.revisit = revisit[: config.get(settings, "KITACRAWL_REVISIT_MAX")]
        plan.retry = schedule.due
        self._known_failing = {
            no
            for no in schedule.due
            if histories[no][-1].counted and not problems.is_final(histories[no][-1].kind)
        } | (set(schedule.due) & schedule.gone)
        return plan

    def _refuse(self, outcome: Outcome) -> None:
        logger.error("%s", outcome.message)
        self.outcome = outcome
        self.exit_code = outcome.exit_code
        scrapy_compat.close_spider(self.crawler, "kitacrawl_refused")

    def _record(self, problem: Problem) -> None:
        storage = self.storage
        if storage is not None:
            storage.record_problem(problem, self.crawl_id)
            self.tally.problems += 1

    def cannot_start(self, message: str) -> None:
        """The run will have nothing to ask (no archive to replay): it fails with ``message``.

        Said by a component as the spider opens, before the run begins: the run
        still writes its ledger row, so that ``health`` names the cause.
        """
        self._cannot_start = message

    # -- what the spider reports ---------------------------------------------------
    def request_failed(self, cause: str) -> None:
        """A request got no usable answer; ``cause`` says why (kitacrawl.failures.describe)."""
        self.tally.failed(cause)

    def keep_page(self, item: Any, page: FetchedPage | None) -> None:
        """Hold the page ``item`` was read from, for the store pipeline to archive with it.

        Nothing is held when no run began (``scrapy parse``) or the archive is off.
        """
        if page is not None and self.begun and self.outcome is None:
            self._pages[id(item)] = (item, page)

    def page_of(self, item: Any) -> FetchedPage | None:
        """The page held for ``item`` (once: it is let go)."""
        kept = self._pages.pop(id(item), None)
        return kept[1] if kept is not None else None

    def list_page_read(self, page_no: int, page: ListPage) -> None:
        self.tally.list_pages += 1
        self.tally.read_by[page.generation] = self.tally.read_by.get(page.generation, 0) + 1
        if page_no == 1:
            self.tally.list_rows_first_page = sum(not row.pinned for row in page.rows)

    def board_answered_at(self, list_path: str) -> None:
        """List page 1 was the board, at this path: a good run remembers it for the next."""
        self.list_path = list_path

    def first_list_page_lost(self, reason: str) -> None:
        self.tally.first_list_page_lost = reason

    def board_missing(self, message: str) -> None:
        """List page 1 is not the board: the run fails with this message."""
        logger.error("%s", message)
        self.tally.board_missing = message

    # -- what the store pipeline reports -----------------------------------------
    def stored(self, article: Article, result: SaveResult) -> None:
        tally = self.tally
        tally.article_pages += 1
        tally.read_by[article.generation] = tally.read_by.get(article.generation, 0) + 1
        tally.articles += 1
        tally.article_fetches += article.no not in self._known_failing
        setattr(tally, result, getattr(tally, result) + 1)
        for name in tally.present:
            if getattr(article, name):
                tally.present[name] += 1

    def problem_stored(self, problem: Problem) -> None:
        tally = self.tally
        tally.problems += 1
        if problem.kind == problems.UNPARSABLE:
            tally.article_pages += 1
            tally.missing_title += "title" in problem.detail
            tally.missing_body += "body" in problem.detail
        if problem.no is None or problem.no in self._known_failing:
            return
        tally.article_fetches += 1
        if not problems.is_final(problem.kind):
            tally.article_failures += 1
            tally.failure_kinds[problem.kind] = tally.failure_kinds.get(problem.kind, 0) + 1

    def observed(self, count: int) -> None:
        self.tally.hit_observations += count

    def archived(self) -> None:
        self.tally.archived_pages += 1

    def storage_failed(self, exc: StorageError) -> None:
        """The database refused a write: one clear error, then the run closes."""
        if self.tally.storage_error:
            return
        logger.error("%s", exc)
        self.tally.storage_error = str(exc)
        scrapy_compat.close_spider(self.crawler, "storage_error")

    # -- end -------------------------------------------------------------------------
    def spider_closed(self, spider: Any, reason: str) -> None:
        if not self.begun:
            return
        try:
            self._finish(reason)
        finally:
            self._pages.clear()
            if self._own_session and self.session is not None:
                self.session.close()
            self.session = None

    def _finish(self, reason: str) -> None:
        if self.outcome is not None:  # refused before it began: nothing to write
            return
        stats = self.crawler.stats
        assert stats is not None
        storage = self.session.storage if self.session is not None else None
        if storage is not None and not self.tally.storage_error:
            # The store pipeline commits its last batch when the spider closes; a batch
            # still open here must be in before the ledger and the mark move.
            try:
                storage.commit_batch()
            except StorageError as exc:
                self.storage_failed(exc)
        baseline = None
        if storage is not None and not self.tally.storage_error:
            try:
                baseline = storage.last_ok_crawl(self.board)
            except StorageError:
                baseline = None
        outcome = decide(
            self.tally,
            finish_reason=reason,
            responses=stats.get_value("downloader/response_count", 0),
            baseline=baseline,
            failed_share=config.get(self.crawler.settings, "KITACRAWL_FAILED_SHARE"),
        )
        self.outcome = outcome
        self.exit_code = outcome.exit_code
        if outcome.message:
            log = logger.info if outcome.exit_code == ExitCode.OK else logger.error
            log("run %s: %s", outcome.status, outcome.message)
        if storage is None or self.crawl_id is None:
            return
        tally = self.tally
        try:
            import_refusals(storage, self.db_path)
            if outcome.exit_code == ExitCode.OK and self.plan is not None and self.mode in MODES:
                upto = self.plan.complete_upto_after()
                if upto is not None:
                    storage.set_complete_upto(self.board, upto, self.crawl_id)
            storage.finish_crawl(
                self.crawl_id,
                status=outcome.status,
                finish_reason=reason,
                exit_code=int(outcome.exit_code),
                requests=stats.get_value("downloader/request_count", 0),
                responses=stats.get_value("downloader/response_count", 0),
                list_pages=tally.list_pages,
                article_pages=tally.article_pages,
                articles_new=tally.new,
                articles_changed=tally.changed,
                articles_unchanged=tally.unchanged,
                article_failures=tally.article_failures,
                problems=tally.problems,
                hit_observations=tally.hit_observations,
                archived_pages=tally.archived_pages,
                collapsed_fields=outcome.collapsed or None,
                message=outcome.message or None,
                **tally.shares(),
                **tally.pages_read(),
            )
            if outcome.exit_code == ExitCode.OK and self.list_path is not None:
                storage.set_board_list_path(self.board, self.list_path)
        except StorageError as exc:
            logger.error("%s", exc)
            self.exit_code = ExitCode.STORAGE
