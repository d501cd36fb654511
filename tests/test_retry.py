"""When to ask again for an article that could not be stored (kitacrawl.retry)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kitacrawl.retry import Attempt, Policy, schedule

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
POLICY = Policy()


def ago(**kwargs: float) -> datetime:
    return NOW - timedelta(**kwargs)


def test_waits_double_from_an_hour_up_to_a_week() -> None:
    waits = [POLICY.wait_after(n) for n in range(1, 12)]
    assert waits[:4] == [timedelta(hours=h) for h in (1, 2, 4, 8)]
    assert waits[-1] == timedelta(days=7)
    assert waits == sorted(waits)
    assert POLICY.wait_after(10_000) == timedelta(days=7)


def test_a_passing_failure_waits_then_is_due() -> None:
    waiting = {1: [Attempt("http_500", ago(minutes=30), counted=True)]}
    due = {2: [Attempt("http_500", ago(minutes=90), counted=True)]}
    result = schedule({**waiting, **due}, NOW, POLICY, limit=10)
    assert result.due == [2]
    assert result.waiting == {1}
    assert not result.gone


def test_the_wait_grows_with_each_failure() -> None:
    three = [Attempt("timeout", ago(hours=h), counted=True) for h in (10, 6, 3)]
    # Third failure: the wait is 4 hours, and only 3 have passed.
    assert schedule({5: three}, NOW, POLICY, limit=10).waiting == {5}


def test_attempts_of_runs_that_did_not_end_well_do_not_count() -> None:
    # The whole site answered 503 in a run that failed: ask again at once.
    history = {7: [Attempt("http_503", ago(minutes=1), counted=False)]}
    result = schedule(history, NOW, POLICY, limit=5)
    assert result.due == [7]


def test_final_pages_are_gone_and_rechecked_weekly() -> None:
    fresh = {3: [Attempt("deleted", ago(days=2), counted=True)]}
    stale = {4: [Attempt("http_404", ago(days=8), counted=True)]}
    result = schedule({**fresh, **stale}, NOW, POLICY, limit=10)
    assert result.gone == {3, 4}
    assert result.due == [4]
    assert not result.waiting


def test_a_long_failing_article_is_given_up_visibly() -> None:
    series = [Attempt("http_500", ago(days=d), counted=True) for d in (40, 30, 20, 10, 2)]
    result = schedule({9: series}, NOW, POLICY, limit=10)
    assert 9 in result.give_up
    assert "5 attempts" in result.give_up[9]
    assert 9 in result.gone
    assert result.due == []
    # A given-up article is then re-checked like a final one.
    later = [*series, Attempt("gave_up", ago(days=8), counted=True)]
    assert schedule({9: later}, NOW, POLICY, limit=10).due == [9]


def test_too_few_attempts_are_never_given_up() -> None:
    series = [Attempt("timeout", ago(days=d), counted=True) for d in (60, 50)]
    result = schedule({9: series}, NOW, POLICY, limit=10)
    assert not result.give_up
    assert result.due == [9]


def test_the_most_overdue_first_within_the_limit() -> None:
    histories = {
        no: [Attempt("http_500", ago(hours=hours), counted=True)]
        for no, hours in ((1, 2), (2, 50), (3, 10))
    }
    result = schedule(histories, NOW, POLICY, limit=2)
    assert result.due == [2, 3]
    assert result.waiting == {1}
