"""End to end: crawl the imitation as `scrapy crawl news` does, compare with its truth."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from scrapy.crawler import CrawlerRunner
from scrapy.utils.defer import deferred_f_from_coro_f, maybe_deferred_to_future

from kitacrawl.boardrun import BoardRun
from kitacrawl.crawl import project_settings
from kitacrawl.outcome import ExitCode
from kitacrawl.session import open_session
from mocksite import MockSite, build_board
from mocksite.truth import FIELDS, compare
from tests import crawls

pytestmark = pytest.mark.slow


def article_fetches(site: MockSite) -> Counter[int]:
    counts: Counter[int] = Counter()
    for target in site.requests:
        match = re.search(r"newsView\.do.*[?&]no=(\d+)", target)
        if match:
            counts[int(match.group(1))] += 1
    return counts


def list_fetches(site: MockSite) -> Counter[int]:
    counts: Counter[int] = Counter()
    for target in site.requests:
        if "newsList.do" in target:
            match = re.search(r"pageIndex=(\d+)", target)
            counts[int(match.group(1)) if match else 1] += 1
    return counts


def assert_matches_truth(
    db: Path, truth: dict[str, Any], fields: tuple[str, ...] = FIELDS, *, problems: bool = True
) -> None:
    result = compare(db, truth, fields=fields)
    missing, extra = list(result.missing), list(result.extra)
    assert missing == extra == [], f"stored articles differ from the truth: {missing=} {extra=}"
    wrong = [f"{w.no}.{w.name}: {w.stored!r} != {w.expected!r}" for w in result.wrong_fields]
    assert not wrong, "\n".join(wrong[:20])
    wrong_links = [w.no for w in result.wrong_links]
    assert not wrong_links, f"links differ for {wrong_links}: {result.wrong_links[0].stored}"
    if not problems:
        return
    for wrong_problem in result.wrong_problems:
        problem, kinds = wrong_problem.problem, set(wrong_problem.found)
        assert kinds, f"no problem row for {problem}"
        assert problem["kind"] in kinds, f"{problem['no']}: {kinds} lacks {problem['kind']}"
    assert not result.problems_stored, "a problem page was stored as an article"


@pytest.mark.parametrize(
    "options",
    [
        {"past_end": "empty", "list_links": "mixed", "paging": "last"},
        {"past_end": "last", "list_links": "onclick", "paging": "blocks"},
        {"past_end": "first", "list_links": "href", "paging": "blocks", "list_columns": False},
    ],
    ids=["empty-mixed-last", "last-onclick-blocks", "first-href-nocolumns"],
)
@deferred_f_from_coro_f
async def test_full_crawl_stores_exactly_the_truth(db: Path, options: dict[str, Any]) -> None:
    with MockSite(build_board(60), **options) as site:
        result = await crawls.crawl(site.base_url, db)
        truth = site.ground_truth()
        fetched = article_fetches(site)
        lists = list_fetches(site)
    assert result.code == ExitCode.OK, result.log[-3000:]
    assert_matches_truth(db, truth)
    # Every article page once (a flaky page's retry is the same fetch repeated).
    assert all(
        count == 1
        for no, count in fetched.items()
        if no in {a["no"] for a in truth["articles"]} and count != 2
    ), fetched
    assert max(lists.values()) == 1, f"a list page was fetched twice: {lists}"
    assert len(lists) <= truth["list_pages"] + 1, "paging went past the end more than once"
    ledger = crawls.snapshot(db)["crawls"][-1]
    assert ledger["status"] == "ok"
    assert ledger["exit_code"] == 0
    assert ledger["articles_new"] == len(truth["articles"])
    assert ledger["problems"] >= len(truth["problems"])


@deferred_f_from_coro_f
async def test_single_article_for_debugging(site: MockSite, db: Path) -> None:
    truth = site.ground_truth()
    target = truth["articles"][len(truth["articles"]) // 2]
    result = await crawls.crawl(site.base_url, db, no=target["no"])
    assert result.code == ExitCode.OK, result.log[-2000:]
    state = crawls.snapshot(db)
    assert list(state["articles"]) == [target["no"]]
    assert state["articles"][target["no"]]["body"] == target["body"]
    assert not any("newsList.do" in r for r in site.requests)


@deferred_f_from_coro_f
async def test_max_pages_stops_paging(site: MockSite, db: Path) -> None:
    result = await crawls.crawl(site.base_url, db, max_pages=2, mode="full")
    assert result.code == ExitCode.OK, result.log[-2000:]
    assert set(list_fetches(site)) == {1, 2}


@deferred_f_from_coro_f
async def test_rerun_updates_in_place(site: MockSite, db: Path) -> None:
    assert (await crawls.crawl(site.base_url, db)).code == ExitCode.OK
    first = crawls.snapshot(db)
    assert (await crawls.crawl(site.base_url, db, mode="full")).code == ExitCode.OK
    second = crawls.snapshot(db)
    assert sorted(second["articles"]) == sorted(first["articles"])
    assert sum(len(v) for v in second["links"].values()) == sum(
        len(v) for v in first["links"].values()
    )
    assert second["crawls"][-1]["articles_unchanged"] == len(first["articles"])
    assert_matches_truth(db, site.ground_truth())


@deferred_f_from_coro_f
async def test_a_plain_scrapy_script_runs_the_same_run(site: MockSite, db: Path) -> None:
    # No kitacrawl code around the crawler: its BoardRun takes the lock and opens the
    # database itself, and refuses when another holder has it.
    settings = project_settings(crawls.overrides(site.base_url, db))
    runner = CrawlerRunner(settings)
    crawler = runner.create_crawler("news")
    await maybe_deferred_to_future(runner.crawl(crawler, max_pages=1))
    assert BoardRun.of(crawler).exit_code == ExitCode.OK
    assert crawls.snapshot(db)["articles"], "nothing stored"
    with open_session(str(db)):
        refused = runner.create_crawler("news")
        await maybe_deferred_to_future(runner.crawl(refused))
    assert BoardRun.of(refused).exit_code == ExitCode.LOCKED
    ledger = crawls.snapshot(db)["crawls"]
    assert [(c["status"], c["exit_code"]) for c in ledger] == [("ok", 0), ("skipped", 5)]


@deferred_f_from_coro_f
async def test_a_refused_crawl_of_every_board_records_each(site: MockSite, db: Path) -> None:
    with open_session(str(db)):
        result = await crawls.crawl(site.base_url, db, boards=("news", "insights", "photos"))
    assert result.code == ExitCode.LOCKED
    assert "locked by another kitacrawl run" in result.log
    ledger = crawls.snapshot(db)["crawls"]
    assert [(c["board"], c["status"]) for c in ledger] == [
        ("news", "skipped"), ("insights", "skipped"), ("photos", "skipped"),
    ]  # fmt: skip
    assert not site.requests, "a refused crawl asked the site"


def test_a_bad_spider_argument_ends_the_command_at_once(db: Path) -> None:
    # The spider refuses the argument before the reactor runs: the command says why and
    # exits 1 (Scrapy could not start), rather than wait for a crawl that never comes.
    done = crawls.run_process("http://127.0.0.1:9", db, "-a", "mode=bogus", timeout=60)
    assert done.code == 1, done.log[-2000:]
    assert "mode must be one of incremental, full, not 'bogus'" in done.log
