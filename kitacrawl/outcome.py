"""How a run ended: its ledger status and the exit code cron acts on.

Pure code: a :class:`RunTally` (what the run saw) in, an :class:`Outcome` out.
The exit codes are part of the operators' API (documented in the README).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from kitacrawl.storage import schema


class ExitCode(IntEnum):
    OK = 0
    # 1 and 2 are Scrapy's own (start-up failure, usage error).
    FAILED = 3  # site unreachable, nothing parsed
    DRIFT = 4  # extraction collapsed: the site's markup changed
    LOCKED = 5  # another run holds this database
    STORAGE = 6  # the database could not be written
    INTERRUPTED = 7  # SIGTERM / Ctrl-C: committed work kept


# Fields whose share of present values is written to the ledger.
FIELDS = ("published", "hits", "subtitle", "body")
# Below this many article pages a run is too small to judge its extraction.
MIN_PAGES_FOR_DRIFT = 5
# Title or body missing on more than this share of pages means the page code no
# longer reads the site (the site's own broken pages are a few in a hundred): the
# run ends in drift rather than leave a fifth of its articles quietly unread.
REQUIRED_FIELD_FLOOR = 0.2
# An optional field that was present this often before and is now never present.
OPTIONAL_FIELD_BASELINE = 0.5
# More than this share of the article fetches failed for a passing reason: the run
# failed, whatever the list pages said (KITACRAWL_FAILED_SHARE).
FAILED_SHARE = 0.5
# A failed run names at most this many distinct causes (the first met).
CAUSES_KEPT = 3


@dataclass(slots=True)
class RunTally:
    """Counters one run collects on its way."""

    list_pages: int = 0
    list_rows_first_page: int | None = None
    article_pages: int = 0  # article pages that reached the parser
    articles: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    problems: int = 0
    # Article fetches that got an answer (an article or a problem) and those that
    # failed for a passing reason (5xx, timeout, connection), retries of pages
    # already failing before this run left out of both.
    article_fetches: int = 0
    article_failures: int = 0
    failure_kinds: dict[str, int] = field(default_factory=dict)
    hit_observations: int = 0
    # Pages this run kept in the archive (a drifted run's pages are kept too).
    archived_pages: int = 0
    missing_title: int = 0
    missing_body: int = 0
    present: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    storage_error: str | None = None
    # Set when list page 1 is not the board (moved, removed, a redirect elsewhere)...
    board_missing: str | None = None
    # ...or could not be fetched at all (5xx, timeout): the run saw nothing new.
    first_list_page_lost: str | None = None
    # Set when the run could not even ask (offline replay with no archive to replay).
    cannot_start: str | None = None
    # Why requests failed, in words (kitacrawl.failures.describe): the first few distinct.
    causes: list[str] = field(default_factory=list)

    # List and article pages read, by how they were read (items' `generation`).
    read_by: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(("older", "current", "inferred"), 0)
    )

    def failed(self, cause: str) -> None:
        """A request failed for ``cause``: kept when it is among the first few distinct."""
        if cause not in self.causes and len(self.causes) < CAUSES_KEPT:
            self.causes.append(cause)

    def pages_read(self) -> dict[str, int]:
        """The ledger's `pages_older`, `pages_current`, `pages_inferred`."""
        return {f"pages_{name}": count for name, count in self.read_by.items()}

    def shares(self) -> dict[str, float | None]:
        if not self.articles:
            return {f"share_{name}": None for name in FIELDS}
        return {f"share_{name}": round(self.present[name] / self.articles, 4) for name in FIELDS}


@dataclass(slots=True)
class Outcome:
    status: str
    exit_code: ExitCode
    collapsed: list[str]
    message: str


def decide(  # noqa: PLR0911 - one answer per outcome, in order of precedence
    tally: RunTally,
    *,
    finish_reason: str,
    responses: int,
    baseline: dict[str, Any] | None = None,
    failed_share: float = FAILED_SHARE,
) -> Outcome:
    """Judge a finished run. ``baseline`` is the last good run's ledger row."""
    if tally.storage_error:
        return Outcome(schema.FAILED, ExitCode.STORAGE, [], tally.storage_error)
    if finish_reason in ("shutdown", "interrupted"):
        return Outcome(schema.INTERRUPTED, ExitCode.INTERRUPTED, [], "stopped by a signal")
    if tally.cannot_start:
        return Outcome(schema.FAILED, ExitCode.FAILED, [], tally.cannot_start)
    if tally.board_missing:
        return Outcome(schema.FAILED, ExitCode.FAILED, [], tally.board_missing)
    if tally.first_list_page_lost:
        return Outcome(
            schema.FAILED,
            ExitCode.FAILED,
            [],
            f"list page 1 was lost: {tally.first_list_page_lost}",
        )
    if responses == 0 or (tally.list_pages == 0 and tally.article_pages == 0):
        why = f": {'; '.join(tally.causes)}" if tally.causes else ""
        return Outcome(schema.FAILED, ExitCode.FAILED, [], f"the site answered nothing usable{why}")
    if tally.article_failures and tally.article_failures > failed_share * tally.article_fetches:
        kinds = ", ".join(f"{kind} x{n}" for kind, n in sorted(tally.failure_kinds.items()))
        message = (
            f"{tally.article_failures} of {tally.article_fetches} article fetches failed"
            f" for a passing reason ({kinds}); they are asked for again by the next run"
        )
        return Outcome(schema.FAILED, ExitCode.FAILED, [], message)
    collapsed = collapsed_fields(tally, baseline)
    if collapsed:
        return Outcome(
            schema.DRIFT,
            ExitCode.DRIFT,
            collapsed,
            "extraction collapsed (layout drift?): " + ", ".join(collapsed),
        )
    if finish_reason not in ("finished", "max_pages"):
        return Outcome(schema.FAILED, ExitCode.FAILED, [], f"closed early: {finish_reason}")
    return Outcome(schema.OK, ExitCode.OK, [], read_by_structure(tally))


def read_by_structure(tally: RunTally) -> str:
    """A word for a good run whose pages were mostly read by structure, else ``""``.

    The site's markup is new to kitacrawl: what was stored was read exactly as
    far as the structural reading goes, and an operator should look once.
    """
    read = sum(tally.read_by.values())
    inferred = tally.read_by.get("inferred", 0)
    if read < MIN_PAGES_FOR_DRIFT or inferred * 2 <= read:
        return ""
    return (
        f"{inferred} of {read} pages were read by their structure (markup kitacrawl has not"
        " seen before): check them once with `kitacrawl doctor`"
    )


def collapsed_fields(tally: RunTally, baseline: dict[str, Any] | None) -> list[str]:
    collapsed: list[str] = []
    if tally.list_rows_first_page == 0:
        collapsed.append("list_rows")
    if tally.article_pages >= MIN_PAGES_FOR_DRIFT:
        for name, missing in (("title", tally.missing_title), ("body", tally.missing_body)):
            if missing / tally.article_pages > REQUIRED_FIELD_FLOOR:
                collapsed.append(name)
    if baseline and tally.articles >= MIN_PAGES_FOR_DRIFT:
        for name in ("published", "hits"):
            before = baseline.get(f"share_{name}")
            if before is not None and before >= OPTIONAL_FIELD_BASELINE and not tally.present[name]:
                collapsed.append(name)
    return collapsed
