"""When to ask again for an article that could not be stored: pure code.

Every article that was listed but is not stored has a history of attempts
(``problems`` rows). Only attempts made by runs that ended ``ok`` count: a
run that failed or drifted says nothing about one page (the site or the
parser was at fault), so its articles are simply asked for again.

- The last counted attempt was *final* (``deleted``, ``http_404``,
  ``gave_up``, ...): the article is known to be gone; it is re-checked every
  ``recheck`` interval, so that a transient error page or a parser gap heals.
- Otherwise it *waits*: the n-th counted failure is retried after
  ``first_wait * 2**(n-1)``, capped at ``max_wait`` (hours, then days). After
  ``give_up`` of failing (and at least ``MIN_ATTEMPTS_TO_GIVE_UP`` attempts) the
  run records a visible ``gave_up`` problem; from then on the article is
  re-checked like a final page. Nothing is ever dropped without a row saying so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from kitacrawl.problems import is_final

MIN_ATTEMPTS_TO_GIVE_UP = 5


@dataclass(frozen=True, slots=True)
class Attempt:
    kind: str
    at: datetime
    # Made by a run that ended `ok`: only such attempts judge the page.
    counted: bool


@dataclass(frozen=True, slots=True)
class Policy:
    first_wait: timedelta = timedelta(hours=1)
    max_wait: timedelta = timedelta(days=7)
    give_up: timedelta = timedelta(days=30)
    recheck: timedelta = timedelta(days=7)

    def wait_after(self, failures: int) -> timedelta:
        """The wait after the ``failures``-th counted failure (1, 2, ...)."""
        if failures <= 0:
            return timedelta(0)
        wait = self.first_wait
        # Doubling stops at the cap (a power of two could overflow timedelta).
        for _ in range(failures - 1):
            if wait >= self.max_wait:
                break
            wait *= 2
        return min(wait, self.max_wait)


@dataclass(slots=True)
class Schedule:
    """What an incremental run does with the articles it could not store before."""

    # Ask now: passing failures whose wait is over, uncounted attempts, re-checks.
    due: list[int] = field(default_factory=list)
    # Passing failures still waiting: not fetched this run, even when listed.
    waiting: set[int] = field(default_factory=set)
    # Known gone (last counted attempt final), whether or not a re-check is due.
    gone: set[int] = field(default_factory=set)
    # Articles to record a `gave_up` problem for, with a one-line reason each.
    give_up: dict[int, str] = field(default_factory=dict)


def schedule(
    histories: dict[int, list[Attempt]], now: datetime, policy: Policy, *, limit: int
) -> Schedule:
    """Sort unstored articles into due, waiting and gone; most overdue first, ``limit`` due."""
    result = Schedule()
    overdue: list[tuple[timedelta, int]] = []
    for no, attempts in histories.items():
        state = _judge(attempts, now, policy)
        if state.gone:
            result.gone.add(no)
        if state.give_up:
            result.give_up[no] = state.give_up
        if state.due_since is None:
            if not state.gone:
                result.waiting.add(no)
            continue
        overdue.append((state.due_since, no))
    # The most overdue first; ties newest article first.
    overdue.sort(key=lambda item: (-item[0], -item[1]))
    result.due = [no for _, no in overdue[:limit]]
    result.waiting.update(no for _, no in overdue[limit:] if no not in result.gone)
    return result


@dataclass(slots=True)
class _State:
    gone: bool = False
    # How long the article has been due (None: not due).
    due_since: timedelta | None = None
    give_up: str | None = None


def _judge(attempts: Iterable[Attempt], now: datetime, policy: Policy) -> _State:
    ordered = sorted(attempts, key=lambda a: a.at)
    counted = [a for a in ordered if a.counted]
    if not ordered:
        return _State(due_since=timedelta(0))
    last = ordered[-1]
    if not counted or not last.counted:
        # The newest attempt proves nothing (its run did not end well): ask again now.
        return _State(gone=bool(counted) and is_final(counted[-1].kind), due_since=timedelta(0))
    if is_final(last.kind):
        due_at = last.at + policy.recheck
        return _State(gone=True, due_since=now - due_at if now >= due_at else None)
    # Passing failures since the last final answer (a re-check that now fails
    # for a passing reason starts a fresh series).
    series: list[Attempt] = []
    for attempt in reversed(counted):
        if is_final(attempt.kind):
            break
        series.append(attempt)
    failing_for = now - series[-1].at
    if failing_for >= policy.give_up and len(series) >= MIN_ATTEMPTS_TO_GIVE_UP:
        reason = (
            f"{len(series)} attempts over {failing_for.days} days failed for passing reasons"
            f" (last: {last.kind}); re-checked every {policy.recheck.days} days from now on"
        )
        return _State(gone=True, give_up=reason)
    due_at = last.at + policy.wait_after(len(series))
    return _State(due_since=now - due_at if now >= due_at else None)
