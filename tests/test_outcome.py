"""Run status and exit codes from a run's tally."""

from __future__ import annotations

from kitacrawl.outcome import ExitCode, RunTally, decide


def tally(**kwargs: int) -> RunTally:
    base = RunTally(list_pages=3, list_rows_first_page=10, article_pages=20, articles=20)
    for name in ("published", "hits", "subtitle", "body"):
        base.present[name] = 20
    for key, value in kwargs.items():
        setattr(base, key, value)
    return base


def test_a_good_run_is_ok() -> None:
    outcome = decide(tally(), finish_reason="finished", responses=25)
    assert (outcome.status, outcome.exit_code) == ("ok", ExitCode.OK)


def test_nothing_answered_is_failed() -> None:
    empty = RunTally()
    outcome = decide(empty, finish_reason="finished", responses=0)
    assert (outcome.status, outcome.exit_code) == ("failed", ExitCode.FAILED)


def test_signal_is_interrupted() -> None:
    outcome = decide(tally(), finish_reason="shutdown", responses=25)
    assert (outcome.status, outcome.exit_code) == ("interrupted", ExitCode.INTERRUPTED)


def test_storage_error_wins() -> None:
    broken = tally(storage_error="disk full")
    assert decide(broken, finish_reason="finished", responses=5).exit_code == ExitCode.STORAGE


def test_titles_missing_on_most_pages_is_drift() -> None:
    drifted = tally(article_pages=20, articles=0, missing_title=20, missing_body=20)
    outcome = decide(drifted, finish_reason="finished", responses=25)
    assert outcome.exit_code == ExitCode.DRIFT
    assert outcome.collapsed == ["title", "body"]


def test_empty_first_list_page_is_drift() -> None:
    outcome = decide(tally(list_rows_first_page=0), finish_reason="finished", responses=3)
    assert outcome.exit_code == ExitCode.DRIFT
    assert "list_rows" in outcome.collapsed


def test_optional_field_collapse_is_judged_against_the_last_good_run() -> None:
    run = tally()
    run.present["published"] = 0
    baseline = {"share_published": 0.8, "share_hits": 0.8}
    outcome = decide(run, finish_reason="finished", responses=25, baseline=baseline)
    assert outcome.collapsed == ["published"]
    # Without history, a board with no dates is not drift.
    assert decide(run, finish_reason="finished", responses=25).exit_code == ExitCode.OK


def test_small_runs_are_not_judged_for_drift() -> None:
    small = tally(article_pages=2, articles=0, missing_title=2)
    assert decide(small, finish_reason="finished", responses=3).exit_code == ExitCode.OK


def test_shares_are_rounded_fractions() -> None:
    run = tally()
    run.present["subtitle"] = 5
    assert run.shares()["share_subtitle"] == 0.25
    assert RunTally().shares()["share_body"] is None


def test_a_failed_run_says_why_its_requests_failed() -> None:
    refused = RunTally()
    refused.failed("connection refused (127.0.0.1:1)")
    refused.first_list_page_lost = "connection refused (127.0.0.1:1)"
    outcome = decide(refused, finish_reason="finished", responses=0)
    assert outcome.message == "list page 1 was lost: connection refused (127.0.0.1:1)"
    one_article = RunTally(problems=1)
    one_article.failed("HTTP 404 at http://x/about/newsView.do?no=9")
    one_article.failed("HTTP 404 at http://x/about/newsView.do?no=9")
    outcome = decide(one_article, finish_reason="finished", responses=2)
    assert outcome.exit_code == ExitCode.FAILED
    assert outcome.message == (
        "the site answered nothing usable: HTTP 404 at http://x/about/newsView.do?no=9"
    )


def test_a_run_names_its_first_few_causes_only() -> None:
    many = RunTally()
    for port in range(10):
        many.failed(f"timeout (x:{port})")
    assert many.causes == ["timeout (x:0)", "timeout (x:1)", "timeout (x:2)"]


def test_a_run_that_cannot_start_fails_with_its_reason() -> None:
    outcome = decide(
        RunTally(cannot_start="no such archive: x.db does not exist"),
        finish_reason="finished",
        responses=0,
    )
    assert (outcome.exit_code, outcome.message) == (
        ExitCode.FAILED,
        "no such archive: x.db does not exist",
    )
