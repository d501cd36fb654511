"""Every English board: KITA Insights and the Photo Gallery beside the news.

The imitation serves the three boards at once; each spider (and one
``kitacrawl crawl all``, the command itself once) must store every item of its
board exactly as the ground truth says, keep the boards apart, read the two
Insights paths as one board, keep every image of a photo item, and stay cheap
when nothing changed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from scrapy.utils.defer import deferred_f_from_coro_f

from kitacrawl.outcome import ExitCode
from mocksite import MockSite, build_board
from mocksite.truth import compare
from tests import crawls

pytestmark = pytest.mark.slow

BOARDS = ("news", "insights", "photos")


def three_boards(**options: Any) -> MockSite:
    return MockSite(build_board(40), boards=BOARDS, **options)


def kitacrawl_crawl(site: MockSite, db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    settings = [arg for item in crawls.TEST_SETTINGS.items() for arg in ("-s", "=".join(item))]
    return subprocess.run(
        [sys.executable, "-m", "kitacrawl", "crawl", *args, "--base-url", site.base_url,
         "--db", str(db), *settings],
        cwd=crawls.PROJECT, env=crawls.environment(), capture_output=True, text=True,
        timeout=300, check=False,
    )  # fmt: skip


def assert_board_matches(db: Path, truth: dict[str, Any]) -> None:
    result = compare(db, truth)
    assert not result.missing, f"{truth['board']}: missing {result.missing}"
    assert not result.extra, f"{truth['board']}: extra {result.extra}"
    wrong = [f"{w.no}.{w.name}: {w.stored!r} != {w.expected!r}" for w in result.wrong_fields]
    assert not wrong, "\n".join(wrong[:10])
    links = [f"{w.no}: {w.stored} != {w.expected}" for w in result.wrong_links]
    assert not links, "\n".join(links[:3])
    assert not result.wrong_problems, result.wrong_problems[:3]
    assert not result.problems_stored, result.problems_stored


@pytest.mark.parametrize("spider", ["insights", "photos"])
@deferred_f_from_coro_f
async def test_each_board_spider_stores_its_board_exactly(db: Path, spider: str) -> None:
    with three_boards() as site:
        result = await crawls.crawl(site.base_url, db, boards=(spider,))
        truth = site.ground_truth(board=spider)
    assert result.code == ExitCode.OK, result.log[-3000:]
    assert_board_matches(db, truth)
    state = crawls.snapshot(db)
    assert state["articles"] == {}, "the news board was crawled by another spider"
    ledger = state["crawls"][-1]
    assert (ledger["board"], ledger["status"]) == (spider, "ok")


@deferred_f_from_coro_f
async def test_crawl_all_runs_every_board_under_one_lock(db: Path) -> None:
    with three_boards() as site:
        done = kitacrawl_crawl(site, db, "all")
        truths = {board: site.ground_truth(board=board) for board in BOARDS}
        site.reset_requests()
        again = await crawls.crawl(site.base_url, db, boards=BOARDS)
        asked = list(site.requests)
    assert done.returncode == ExitCode.OK, done.stderr[-3000:]
    assert again.code == ExitCode.OK, again.log[-3000:]
    for truth in truths.values():
        assert_board_matches(db, truth)
    ledger = crawls.snapshot(db)["crawls"]
    assert [(c["board"], c["status"]) for c in ledger] == [(b, "ok") for b in BOARDS] * 2
    assert done.stdout.splitlines()[-1].startswith("all boards: exit 0")
    # Nothing changed: each board's run costs its robots.txt and its list page 1.
    lists = [target for target in asked if "List.do" in target]
    assert len(lists) == len(BOARDS), asked
    assert len(asked) == 2 * len(BOARDS), asked


@deferred_f_from_coro_f
async def test_boards_are_kept_apart_although_their_numbers_meet(db: Path) -> None:
    with three_boards() as site:
        assert (await crawls.crawl(site.base_url, db, boards=BOARDS)).code == ExitCode.OK
        numbers = {b: {a["no"] for a in site.ground_truth(board=b)["articles"]} for b in BOARDS}
    state = crawls.snapshot(db)
    with crawls.storage(db) as storage:
        rows = list(storage.db.query("SELECT board, count(*) n FROM articles GROUP BY board"))
    assert {r["board"]: r["n"] for r in rows} == {b: len(numbers[b]) for b in BOARDS}
    assert state["problems"], "no problem recorded at all"


@deferred_f_from_coro_f
async def test_the_two_insights_paths_are_one_article(db: Path) -> None:
    # Old items answer only on the older path, newer ones only on the newer path.
    with three_boards(insights_split=True) as site:
        result = await crawls.crawl(site.base_url, db, boards=("insights",))
        truth = site.ground_truth(board="insights")
    assert result.code == ExitCode.OK, result.log[-3000:]
    assert_board_matches(db, truth)
    urls = {a["url"] for a in crawls.snapshot(db, board="insights")["articles"].values()}
    assert all("/kitaInsights/kitaInsightsDetail.do?insightsId=" in url for url in urls)


@deferred_f_from_coro_f
async def test_insights_falls_back_to_the_older_list(db: Path) -> None:
    with three_boards(insights_newer_list=False) as site:
        result = await crawls.crawl(site.base_url, db, boards=("insights",))
        truth = site.ground_truth(board="insights")
        asked = [t for t in site.requests if "insightslist.do" in t.lower()]
    assert result.code == ExitCode.OK, result.log[-3000:]
    assert_board_matches(db, truth)
    assert asked[0].startswith("/kitaInsights/kitaInsightsList.do")
    assert any(t.startswith("/global/insightsList.do") for t in asked)


@deferred_f_from_coro_f
async def test_every_image_of_a_photo_item_is_kept(db: Path) -> None:
    with three_boards() as site:
        assert (await crawls.crawl(site.base_url, db, boards=("photos",))).code == ExitCode.OK
        truth = site.ground_truth(board="photos")
    stored = crawls.snapshot(db, board="photos")
    for article in truth["articles"]:
        images = [link for link in article["links"] if link["rel"] == "image"]
        got = [link for link in stored["links"][article["no"]] if link["rel"] == "image"]
        assert got == images, article["no"]
    assert any(not a["body"] for a in truth["articles"]), "no text-less photo item in the board"
