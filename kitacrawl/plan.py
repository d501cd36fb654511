"""What to fetch next: the paging and incremental rules, as pure code.

The spider feeds list pages in and gets decisions out; nothing here does I/O.

Incremental runs rest on one fact kept in the database (``board_state``):
``complete_upto`` = every listed article numbered at or below it was stored,
is known to be gone, or is on the durable retry schedule (a ``problems`` row
of a run that ended well; see :mod:`kitacrawl.retry`). Ids only grow, and the
list is newest first, so once a list page ends on a row at or below that
number, nothing older can be missing. A run that is killed, fails or drifts
never moves the mark, so the next run pages as far back as needed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
    # Stored articles to fetch again (recent ones, for edits) and articles whose
    # retry or re-check is due (:mod:`kitacrawl.retry`).
    revisit: list[int] = field(default_factory=list)
    retry: list[int] = field(default_factory=list)
    max_pages: int | None = None
    hard_max_pages: int = 5000
    seen: set[int] = field(default_factory=set)
    requested: set[int] = field(default_factory=set)
    pages_requested: set[int] = field(default_factory=set)
    rows_first_page: int | None = None
    max_seen: int | None = None
    paging_complete: bool = False
    # A list page that could not be read leaves a hole nobody can vouch for.
    list_gap: bool = False
    # Articles whose list counter this run already recorded (pinned notices show
    # on every page; rows pushed down by new articles show twice).
    observed: set[int] = field(default_factory=set)
    _previous_unknown: bool = False
    _failed_in_a_row: int = 0

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
        """A list page failed for good: skip it once, stop if the next fails too."""
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
        if regular:
            top = max(row.no for row in regular)
            self.max_seen = top if self.max_seen is None else max(self.max_seen, top)

        # A list without counters (the current template's news list shows none) is
        # no reason to fetch every page-1 article each run: recent articles are
        # revisited on their own schedule, and a full run refreshes the rest.
        wanted = [row.no for row in page.rows if self.mode == FULL or row.no not in self.known]
        wanted += self._newer_neighbour_changed(regular)
        articles = self._claim(wanted)

        stop = self._stop_reason(page_no, page, regular, fresh)
        if stop is not None:
            return ListDecision(articles, None, stop)
        next_page = page_no + 1
        if next_page in self.pages_requested:
            self.paging_complete = True
            return ListDecision(articles, None, "page already read")
        self.pages_requested.add(next_page)
        return ListDecision(articles, next_page)

    def _newer_neighbour_changed(self, regular: list[ListRow]) -> list[int]:
        """Stored articles right below a new one: their "next" link now points at it."""
        if self.mode != INCREMENTAL:
            return []
        changed: list[int] = []
        for row in regular:
            if row.no in self.stored and self._previous_unknown:
                changed.append(row.no)
            self._previous_unknown = row.no not in self.known
        return changed

    def _stop_reason(
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
        if (
            self.mode == INCREMENTAL
            and self.complete_upto is not None
            and regular[-1].no <= self.complete_upto
        ):
            self.paging_complete = True
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
