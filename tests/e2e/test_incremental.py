"""Scheduled runs: incremental crawls, hit history, edits, crash safety, the lock."""

from __future__ import annotations

import signal
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from scrapy.utils.defer import deferred_f_from_coro_f

from kitacrawl.outcome import ExitCode
from kitacrawl.storage import Storage
from mocksite import MockSite, build_board
from tests import crawls
from tests.e2e.test_crawl_e2e import article_fetches, assert_matches_truth

pytestmark = pytest.mark.slow

# Runs that a test stops midway are slowed down (about 30 pages/s at most), so
# that they are still running when the signal or the second run arrives.
SLOW_CRAWL = ("CONCURRENT_REQUESTS=2", "CONCURRENT_REQUESTS_PER_DOMAIN=2", "DOWNLOAD_DELAY=0.03")


def wait_for(condition: Callable[[], bool], timeout: float = 60) -> None:
    """Wait for a condition of the run under test (not for a length of time)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(0.02)


def stored_count(db: Path) -> int:
    """Articles stored so far, read like an analyst would while the crawl writes."""
    if not db.exists():
        return 0
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # the crawl has not created its tables yet
    finally:
        conn.close()


@deferred_f_from_coro_f
async def test_new_articles_and_moved_counters_cost_few_requests(site: MockSite, db: Path) -> None:
    assert (await crawls.crawl(site.base_url, db)).code == ExitCode.OK
    previous_newest = site.ground_truth()["articles"][0]["no"]
    site.reset_requests()
    new = site.publish(3)
    site.bump_hits(7)

    result = await crawls.crawl(site.base_url, db)

    assert result.code == ExitCode.OK, result.log[-2000:]
    assert len(site.requests) <= 15, list(site.requests)
    state = crawls.snapshot(db)
    assert set(new) <= set(state["articles"])
    truth = site.ground_truth()
    first_page = [a["no"] for a in truth["articles"][:10]]
    observations: dict[int, int] = {}
    for row in state["hits"]:
        observations[row["no"]] = observations.get(row["no"], 0) + 1
    assert all(observations.get(no, 0) >= 2 for no in first_page), observations
    for no in first_page:
        expected = next(a for a in truth["articles"] if a["no"] == no)
        assert state["articles"][no]["hits"] == expected["hits"]
    # Only new pages were fetched, and the one whose "next" neighbour is new;
    # pages that failed for a passing reason are retried.
    retried = {p["no"] for p in truth["problems"]}
    assert set(article_fetches(site)) <= {*new, previous_newest, *retried}
    # Counters beyond the pages read are refreshed by later runs, not this one.
    assert_matches_truth(db, truth, fields=("url", "title", "subtitle", "published", "body"))
    ledger = state["crawls"][-1]
    assert (ledger["mode"], ledger["status"], ledger["articles_new"]) == ("incremental", "ok", 3)


@deferred_f_from_coro_f
async def test_unchanged_board_costs_robots_and_one_list_page(db: Path) -> None:
    with MockSite(build_board(40), pinned=0) as site:
        assert (await crawls.crawl(site.base_url, db)).code == ExitCode.OK
        # Pages that failed for a passing reason wait an hour before a retry.
        site.reset_requests()
        assert (await crawls.crawl(site.base_url, db)).code == ExitCode.OK
        assert list(site.requests) == ["/robots.txt", "/about/newsList.do?pageIndex=1"]


@deferred_f_from_coro_f
async def test_passing_failures_back_off_and_are_given_up_visibly(site: MockSite, db: Path) -> None:
    assert (await crawls.crawl(site.base_url, db)).code == ExitCode.OK
    problems = {p["no"]: p["kind"] for p in site.ground_truth()["problems"]}
    passing = {no for no, kind in problems.items() if kind in ("http_500", "truncated")}
    final = set(problems) - passing
    assert passing
    assert final

    async def run(*settings: str) -> set[int]:
        site.reset_requests()
        result = await crawls.crawl(site.base_url, db, settings=settings)
        assert result.code == ExitCode.OK, result.log[-2000:]
        return set(article_fetches(site))

    # The first retry waits an hour: the next hourly run asks for nothing.
    assert not (passing | final) & await run()
    # Once the wait is over they are asked for again, run after run (no budget of
    # three runs any more); final pages wait for their weekly re-check.
    now = "KITACRAWL_RETRY_AFTER_HOURS=0"
    for _ in range(4):
        tried = await run(now)
        assert passing <= tried
        assert not final & tried
    # Failing for long enough (here: at once) and often enough, an article is
    # given up with a visible problem row, and then re-checked like a final page.
    await run(now, "KITACRAWL_GIVE_UP_DAYS=0")
    state = crawls.snapshot(db)
    gave_up = {p["no"] for p in state["problems"] if p["kind"] == "gave_up"}
    assert gave_up == passing
    assert not passing & await run(now)
    assert passing | final <= await run("KITACRAWL_RECHECK_DAYS=0")


@deferred_f_from_coro_f
async def test_edits_are_kept_as_revisions(site: MockSite, db: Path) -> None:
    assert (await crawls.crawl(site.base_url, db)).code == ExitCode.OK
    no = site.ground_truth()["articles"][5]["no"]
    site.edit(no, new_body_paragraph="A correction was added.")
    assert (await crawls.crawl(site.base_url, db, mode="full")).code == ExitCode.OK
    state = crawls.snapshot(db)
    assert state["articles"][no]["body"].endswith("A correction was added.")
    assert state["articles"][no]["last_changed"] is not None
    storage = Storage.open(db)
    try:
        revisions = list(storage.db["revisions"].rows)
    finally:
        storage.close()
    assert [r["no"] for r in revisions] == [no]
    assert "A correction was added." not in revisions[0]["body"]
    assert state["crawls"][-1]["articles_changed"] == 1


@deferred_f_from_coro_f
async def test_recent_articles_are_revisited_for_edits(site: MockSite, db: Path) -> None:
    assert (await crawls.crawl(site.base_url, db)).code == ExitCode.OK
    new = site.publish(2)
    assert (await crawls.crawl(site.base_url, db)).code == ExitCode.OK
    site.edit(new[0], new_body_paragraph="Updated later.")
    site.reset_requests()
    assert (
        await crawls.crawl(site.base_url, db, settings=("KITACRAWL_REVISIT_AFTER_HOURS=0",))
    ).code == ExitCode.OK
    assert set(new) <= set(article_fetches(site))
    assert crawls.snapshot(db)["articles"][new[0]]["body"].endswith("Updated later.")


@deferred_f_from_coro_f
async def test_kill_9_halfway_then_a_normal_run_catches_up(db: Path) -> None:
    with MockSite(build_board(200)) as site:
        process = crawls.start(
            site.base_url,
            db,
            settings=SLOW_CRAWL,
        )
        wait_for(lambda: stored_count(db) >= 40)
        crawls.stop(process, signal.SIGKILL)
        killed = stored_count(db)
        truth = site.ground_truth()
        assert killed < len(truth["articles"])
        result = await crawls.crawl(site.base_url, db)
    assert result.code == ExitCode.OK, result.log[-2000:]
    assert_matches_truth(db, truth)
    ledger = crawls.snapshot(db)["crawls"]
    assert [c["status"] for c in ledger] == ["interrupted", "ok"]
    assert ledger[0]["finish_reason"] == "killed"


@deferred_f_from_coro_f
async def test_sigterm_stops_cleanly_and_marks_the_run(db: Path) -> None:
    with MockSite(build_board(200)) as site:
        process = crawls.start(
            site.base_url,
            db,
            settings=SLOW_CRAWL,
        )
        wait_for(lambda: stored_count(db) >= 20)
        code = crawls.stop(process, signal.SIGTERM)
        assert code == ExitCode.INTERRUPTED
        ledger = crawls.snapshot(db)["crawls"][-1]
        assert (ledger["status"], ledger["exit_code"]) == ("interrupted", ExitCode.INTERRUPTED)
        assert (await crawls.crawl(site.base_url, db)).code == ExitCode.OK
        assert_matches_truth(db, site.ground_truth())


def test_two_runs_at_once_one_is_refused(db: Path) -> None:
    with MockSite(build_board(120)) as site:
        first = crawls.start(
            site.base_url,
            db,
            settings=SLOW_CRAWL,
        )
        wait_for(lambda: stored_count(db) >= 1)
        # A second process, as cron would start it: one line on stderr, exit 5.
        second = crawls.run_process(site.base_url, db)
        assert second.code == ExitCode.LOCKED
        assert second.log.strip().count("\n") == 0, second.log
        assert "locked" in second.log
        first.join(120)
        assert first.exitcode == ExitCode.OK
        ledger = crawls.snapshot(db)["crawls"]
    assert sorted(c["status"] for c in ledger) == ["ok", "skipped"]
