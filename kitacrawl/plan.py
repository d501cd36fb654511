"""What to fetch next: the paging and incremental rules, as pure code.

The spider feeds list pages in and gets decisions out; nothing here does I/O.

Incremental runs rest on one fact kept in the database (``board_state``):
``complete_upto`` = every listed article numbered at or below it was stored,
is known to be gone, or is on the durable retry schedule (a ``problems`` row
of a run that ended well; see :mod:`kitacrawl.retry`). Ids only grow, and the
list is newest first, so once a list page ends on a row at or below that
number, nothing older can be missing. A run that is killed, fails or drifts
never moves the mark, so the next run pages as far back as needed.

A board may have a horizon (``since``, ``kitacrawl crawl --since``): rows
listed before that day are neither fetched nor paged to, and the mark then
vouches for the articles from that day on (``complete_since``). Only the
last dated row of a page decides when paging stops, so pinned notices at
the top of a page never stop it (nor, being rows read before, prolong it).

A run that stops before the end of its sweep (killed, or ``max_pages``)
leaves where it got to (``resume_page`` of the list as it stood under
``resume_top``: every page up to it read, its articles stored or tried; the
spider's batches write it with the articles, see ``done_through``). The next
run reads the rows published since, then goes on from there instead of
reading again the list pages the interrupted run had read: at 10,000 list
pages, those are hours of requests. It lands a page early, and steps back
while the page it lands on starts with a row nobody handled (rows deleted
meanwhile move the list up).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kitacrawl.items import ListPage, ListRow

INCREMENTAL, FULL, SINGLE = "incremental", "full", "single"
MODES = (INCREMENTAL, FULL)


@dataclass(slots=True)
class ListDecision:
    articles: list[int]
    next_page: int | None
    # Why paging stopped, for the log; None while it goes on.
    stop_reason: str | None = None


@dataclass(slots=True)
class Plan:
    mode: str = INCREMENTAL
    # Articles stored, articles known to be gone, articles waiting for their
    # next retry: none of them is fetched again just because the list shows it.
    known: set[int] = field(default_factory=set)
    # The stored ones among them: a stored article below a new one has a new "next" link.
    stored: set[int] = field(default_factory=set)
    complete_upto: int | None = None
    # The list path the board last answered at: asked first.
    list_path: str | None = None
    # The horizon: rows listed before this day are left alone (None: the whole board).
    since: date | None = None
    # The horizon the mark vouches for (None: the whole board, when there is a mark).
    complete_since: date | None = None
    # The run reaches further back than the mark vouches (an earlier horizon than
    # before): paging goes on past the mark, down to `since`.
    extend_back: bool = False
    # Site ids of the articles asked for by number (retries, revisits), where known:
    # an article is fetched as the site links it (the Korean trade news' siteId).
    site_ids: dict[int, int] = field(default_factory=dict)
    # Where an earlier run stopped before the end of its sweep (see the module's doc).
    resume_page: int | None = None
    resume_top: int | None = None
    # Stored articles to fetch again (recent ones, for edits) and articles whose
    # retry or re-check is due (:mod:`kitacrawl.retry`).
    revisit: list[int] = field(default_factory=list)
    retry: list[int] = field(default_factory=list)
    # Fetch a stored article again when a new one is listed right above it (its "next"
    # link changed); off where incremental runs must cost the new articles only.
    refresh_neighbours: bool = True
    max_pages: int | None = None
    hard_max_pages: int = 5000
    seen: set[int] = field(default_factory=set)
    requested: set[int] = field(default_factory=set)
    pages_requested: set[int] = field(default_factory=set)
    rows_first_page: int | None = None
    max_seen: int | None = None
    paging_complete: bool = False
    # Paging stopped at the mark (rows stored before): the rest vouched for before.
    reached_mark: bool = False
    # A row was left out because it was listed before the horizon.
    skipped_by_horizon: bool = False
    # What the list pages read so far said, for the estimate of what is left: the
    # list's total (page 1), rows read, the newest and the latest (oldest) dates and
    # the lowest id among them.
    total: int | None = None
    rows_read: int = 0
    newest_date: date | None = None
    oldest_date: date | None = None
    lowest_seen: int | None = None
    # A list page that could not be read leaves a hole nobody can vouch for.
    list_gap: bool = False
    # Articles whose list counter this run already recorded (pinned notices show
    # on every page; rows pushed down by new articles show twice).
    observed: set[int] = field(default_factory=set)
    _previous_unknown: bool = False
    _failed_in_a_row: int = 0
    # This run's own progress, for a run after it: its page 1's top row, and every page
    # up to `done_through` read with its articles handled (pages skipped count as done).
    top_first_page: int | None = None
    done_through: int = 0
    _pending: dict[int, set[int]] = field(default_factory=dict)
    _page_of: dict[int, int] = field(default_factory=dict)
    # Pages done above `done_through` (a page waits for those before it).
    _finished_pages: set[int] = field(default_factory=set)
    _skipped_pages: set[int] = field(default_factory=set)
    # Resuming: rows above the earlier run's top read so far, the page landed on (to be
    # checked), and where to go on after stepping back from it.
    _new_rows: int = 0
    _resumed: bool = False
    _landing: int | None = None
    _forward_from: int | None = None

    def new_observations(self, page: ListPage) -> dict[int, int]:
        """The counters of this page not yet recorded in this run: one per article a run."""
        counts: dict[int, int] = {}
        for row in page.rows:
            if row.hits is not None and row.no not in self.observed:
                self.observed.add(row.no)
                counts[row.no] = row.hits
        return counts

    def initial_articles(self) -> list[int]:
        """Articles asked for by number before any list page: due retries and re-checks,
        recent articles to revisit (incremental), or the one article of a single run."""
        if self.mode == FULL:
            return []
        return self._claim([*self.retry, *self.revisit])

    def _claim(self, numbers: list[int]) -> list[int]:
        fresh: list[int] = []
        for no in numbers:
            if no not in self.requested:
                self.requested.add(no)
                fresh.append(no)
        return fresh

    def first_page(self) -> int:
        self.pages_requested.add(1)
        return 1

    def on_list_failure(self, page_no: int) -> int | None:
        """A list page failed for good: skip it once, stop if the next fails too.

        The page is never done (``done_through`` stays below it)."""
        self.list_gap = True
        self._failed_in_a_row += 1
        next_page = page_no + 1
        if self._failed_in_a_row > 1 or next_page in self.pages_requested:
            return None
        if self.max_pages is not None and page_no >= self.max_pages:
            return None
        self.pages_requested.add(next_page)
        return next_page

    def on_list_page(self, page_no: int, page: ListPage) -> ListDecision:
        self._failed_in_a_row = 0
        regular = [row for row in page.rows if not row.pinned]
        fresh = [row for row in regular if row.no not in self.seen]
        self.seen.update(row.no for row in regular)
        if page_no == 1 and self.rows_first_page is None:
            self.rows_first_page = len(regular)
        if page_no == 1 and page.total is not None:
            self.total = page.total
        if regular:
            top = max(row.no for row in regular)
            self.max_seen = top if self.max_seen is None else max(self.max_seen, top)
            if page_no == 1 and self.top_first_page is None:
                self.top_first_page = top
        self._count(fresh)

        # A list without counters (the current template's news list shows none) is
        # no reason to fetch every page-1 article each run: recent articles are
        # revisited on their own schedule, and a full run refreshes the rest.
        candidates = [row for row in page.rows if self.mode == FULL or row.no not in self.known]
        wanted = [row.no for row in candidates if self.within(row)]
        if len(wanted) < len(candidates):
            self.skipped_by_horizon = True
        wanted += self._newer_neighbour_changed(regular)
        articles = self._claim(wanted)
        self._page_read(page_no, articles)

        stop = self._stop_reason(page_no, page, regular, fresh)
        if stop is not None:
            return ListDecision(articles, None, stop)
        next_page, why = self._resume_step(page_no, regular, fresh)
        if next_page in self.pages_requested:
            self.paging_complete = True
            return ListDecision(articles, None, "page already read")
        self.pages_requested.add(next_page)
        return ListDecision(articles, next_page, why)

    # -- resuming an interrupted sweep, and this run's own progress -----------------
    def _resume_step(
        self, page_no: int, regular: list[ListRow], fresh: list[ListRow]
    ) -> tuple[int, str | None]:
        """The next page to read: the one after this, or where an interrupted run got to."""
        if self._landing == page_no:
            return self._landed(page_no, regular)
        if self._resumed or self.resume_page is None or self.resume_top is None:
            return page_no + 1, None
        self._new_rows += sum(1 for row in fresh if row.no > self.resume_top)
        if not regular or regular[-1].no > self.resume_top:
            return page_no + 1, None  # still among the rows published since
        self._resumed = True
        size = self.rows_first_page or len(regular)
        # The first row the earlier run did not reach, one page early.
        target = (self.resume_page * size + self._new_rows) // size
        if target <= page_no + 1:
            return page_no + 1, None
        for skipped in range(page_no + 1, target):
            self._skipped_pages.add(skipped)
            self._finish_page(skipped)
        self._landing = target
        return target, f"going on from page {target}, where an earlier run stopped"

    def _landed(self, page_no: int, regular: list[ListRow]) -> tuple[int, str | None]:
        """On the page a resumed run jumped to: step back while it starts with a row nobody
        handled (the list moved up), else go on."""
        first = regular[0].no if regular else None
        back = page_no - 1
        if first is not None and first not in self.known and back in self._skipped_pages:
            # The page before was skipped as done: it is not, until it is read.
            self._skipped_pages.discard(back)
            if self.done_through >= back:
                # Pages after it stay done; the count waits for it again.
                self._finished_pages.update(range(back + 1, self.done_through + 1))
                self.done_through = back - 1
            self._finished_pages.discard(back)
            self._landing = back
            self._forward_from = self._forward_from or page_no + 1
            return back, f"stepping back to page {back}"
        self._landing = None
        forward, self._forward_from = self._forward_from, None
        return (forward or page_no + 1), None

    def _page_read(self, page_no: int, articles: list[int]) -> None:
        outstanding = set(articles)
        for no in outstanding:
            self._page_of[no] = page_no
        if outstanding:
            self._pending[page_no] = outstanding
        else:
            self._finish_page(page_no)

    def article_done(self, no: int) -> None:
        """An article asked for from a list page was stored, or its problem recorded."""
        page_no = self._page_of.pop(no, None)
        if page_no is None:
            return
        outstanding = self._pending.get(page_no)
        if outstanding is not None:
            outstanding.discard(no)
            if not outstanding:
                del self._pending[page_no]
                self._finish_page(page_no)

    def _finish_page(self, page_no: int) -> None:
        self._finished_pages.add(page_no)
        self._advance()

    def _advance(self) -> None:
        while self.done_through + 1 in self._finished_pages:
            self.done_through += 1
            self._finished_pages.discard(self.done_through)

    def within(self, row: ListRow) -> bool:
        """Is the row on this side of the horizon? (An undated row cannot say: it is.)"""
        return self.since is None or row.published is None or row.published >= self.since

    def _count(self, fresh: list[ListRow]) -> None:
        self.rows_read += len(fresh)
        for row in fresh:
            if row.published is not None:
                if self.newest_date is None or row.published > self.newest_date:
                    self.newest_date = row.published
                if self.oldest_date is None or row.published < self.oldest_date:
                    self.oldest_date = row.published
            if self.lowest_seen is None or row.no < self.lowest_seen:
                self.lowest_seen = row.no

    def rows_left(self) -> int | None:
        """About how many list rows this run has still to read, else None (cannot tell).

        Down to the horizon: the days left at the rate rows came per day so far;
        down to the mark: the ids between it and the lowest read (ids run nearly
        without gaps); a whole board: the list's total less the rows read.
        """
        if self.paging_complete or self.rows_read == 0:
            return 0 if self.paging_complete else None
        if self.since is not None and self.newest_date and self.oldest_date:
            days_read = (self.newest_date - self.oldest_date).days + 1
            days_left = max(0, (self.oldest_date - self.since).days)
            return round(self.rows_read * days_left / days_read)
        if (
            self.mode == INCREMENTAL
            and self.complete_upto is not None
            and not self.extend_back
            and self.lowest_seen is not None
        ):
            return max(0, self.lowest_seen - self.complete_upto - 1)
        if self.total is not None:
            return max(0, self.total - self.rows_read)
        return None

    def _newer_neighbour_changed(self, regular: list[ListRow]) -> list[int]:
        """Stored articles right below a new one: their "next" link now points at it."""
        if self.mode != INCREMENTAL or not self.refresh_neighbours:
            return []
        changed: list[int] = []
        for row in regular:
            if row.no in self.stored and self._previous_unknown:
                changed.append(row.no)
            self._previous_unknown = row.no not in self.known
        return changed

    def _stop_reason(  # noqa: PLR0911 - one answer per way paging ends
        self, page_no: int, page: ListPage, regular: list[ListRow], fresh: list[ListRow]
    ) -> str | None:
        if not fresh:
            # Past the end the server sends an empty list, or the last or first
            # page again: either way this page brought nothing new.
            self.paging_complete = True
            return "end of list" if not regular else "page repeats rows already read"
        if self.max_pages is not None and page_no >= self.max_pages:
            return f"max_pages={self.max_pages}"
        if page_no >= self.hard_max_pages:
            return f"hard limit of {self.hard_max_pages} list pages"
        last_dated = next((row.published for row in reversed(regular) if row.published), None)
        if self.since is not None and last_dated is not None and last_dated < self.since:
            self.paging_complete = True
            return f"reached rows listed before {self.since.isoformat()} (the horizon)"
        if (
            self.mode == INCREMENTAL
            and self.complete_upto is not None
            and not self.extend_back
            and regular[-1].no <= self.complete_upto
        ):
            self.paging_complete = self.reached_mark = True
            return f"reached articles stored before (no <= {self.complete_upto})"
        if (
            page.page_numbers
            and page_no >= max(page.page_numbers)
            and self.rows_first_page
            and len(regular) < self.rows_first_page
        ):
            self.paging_complete = True
            return "last page of the paging bar"
        return None

    def complete_upto_after(self) -> int | None:
        """The new mark after a run that ended well, or None to leave it."""
        if not self.paging_complete or self.list_gap or self.mode not in MODES:
            return None
        candidates = [v for v in (self.complete_upto, self.max_seen) if v is not None]
        return max(candidates) if candidates else None

    def complete_since_after(self) -> date | None:
        """The horizon the new mark vouches for (read with `complete_upto_after`); None: none.

        What this run read vouches from its horizon on, or for everything when
        the horizon left no row out; where it stopped at the mark, the older
        part is vouched for as before, so the later of the two horizons holds.
        """
        own = self.since if self.skipped_by_horizon else None
        if not self.reached_mark:
            return own
        if own is None or self.complete_since is None:
            return own or self.complete_since
        return max(own, self.complete_since)
