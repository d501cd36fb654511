"""The site as it is in 2026: the current KITA template, a moved board, first contact.

The imitation serves the same board in KITA's current framework (rows and
paging through ``goDetailPage``/``goPage`` handlers, badges, a nested DEXT
body, ``doDownloadFile`` downloads, ``;JSESSIONID_ORG=`` session ids), and in
"moved" mode only at its new paths. The crawler meets it with the paths as
settings, and must say clearly when the board is not where it looks.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from scrapy.utils.defer import deferred_f_from_coro_f

from kitacrawl.outcome import ExitCode
from mocksite import MockSite, build_board
from tests import crawls
from tests.e2e.test_crawl_e2e import assert_matches_truth

pytestmark = pytest.mark.slow


def path_settings(site: MockSite) -> tuple[str, ...]:
    paths = site.paths
    assert paths is not None
    return (
        f"KITACRAWL_NEWS_LIST_PATH={paths.list_path}",
        f"KITACRAWL_NEWS_DETAIL_PATH={paths.detail_path}",
        f"KITACRAWL_NEWS_ID_PARAM={paths.id_param}",
    )


@pytest.mark.parametrize(
    "options",
    [{"template": "current"}, {"template": "current", "past_end": "last", "pinned": 0}],
    ids=["current", "current-last-again"],
)
@deferred_f_from_coro_f
async def test_the_current_template_is_crawled_exactly(db: Path, options: dict[str, Any]) -> None:
    with MockSite(build_board(60), **options) as site:
        result = await crawls.crawl(site.base_url, db, settings=path_settings(site))
        truth = site.ground_truth()
        lists = list_fetches_current(site)
    assert result.code == ExitCode.OK, result.log[-3000:]
    assert_matches_truth(db, truth)
    state = crawls.snapshot(db)
    assert {row["generation"] for row in state["articles"].values()} == {"current"}
    files = [
        link["url"]
        for links in state["links"].values()
        for link in links
        if link["rel"] == "attachment"
    ]
    assert files, "no attachment was found"
    assert all("fileDownload.do?fileSeq=" in url and "JSESSIONID" not in url for url in files)
    assert max(lists.values()) == 1, f"a list page was fetched twice: {lists}"
    assert len(lists) <= truth["list_pages"] + 1, "paging did not end by itself"


def list_fetches_current(site: MockSite) -> dict[int, int]:
    counts: dict[int, int] = {}
    assert site.paths is not None
    for target in site.requests:
        if site.paths.list_path in target:
            page = int(target.rsplit("pageIndex=", 1)[1]) if "pageIndex=" in target else 1
            counts[page] = counts.get(page, 0) + 1
    return counts


@deferred_f_from_coro_f
async def test_an_incremental_run_on_the_current_template_is_cheap(db: Path) -> None:
    with MockSite(build_board(60), template="current", pinned=0) as site:
        settings = path_settings(site)
        assert (await crawls.crawl(site.base_url, db, settings=settings)).code == ExitCode.OK
        site.reset_requests()
        assert (await crawls.crawl(site.base_url, db, settings=settings)).code == ExitCode.OK
        asked = list(site.requests)
    assert len(asked) == 2, asked


@pytest.mark.parametrize("moved", ["404", "home"])
@deferred_f_from_coro_f
async def test_a_moved_board_fails_loudly_and_names_the_new_path(db: Path, moved: str) -> None:
    with MockSite(build_board(40), moved=moved) as site:
        result = await crawls.crawl(site.base_url, db)
        new_list = site.paths.list_path if site.paths else ""
        asked = len(site.requests)
    assert result.code == ExitCode.FAILED, result.log[-2000:]
    state = crawls.snapshot(db)
    assert state["articles"] == {}
    ledger = state["crawls"][-1]
    assert (ledger["status"], ledger["exit_code"]) == ("failed", ExitCode.FAILED)
    assert new_list in ledger["message"]
    assert "KITACRAWL_NEWS_LIST_PATH" in ledger["message"]
    assert new_list in result.log
    assert asked < 10, "it kept asking a board that is not there"


@deferred_f_from_coro_f
async def test_a_moved_board_with_the_path_settings_is_stored_whole(db: Path) -> None:
    with MockSite(build_board(60), moved=True) as site:
        result = await crawls.crawl(site.base_url, db, settings=path_settings(site))
        truth = site.ground_truth()
    assert result.code == ExitCode.OK, result.log[-3000:]
    assert_matches_truth(db, truth)


async def doctor(site: MockSite, folder: Path, *settings: str) -> tuple[int, dict[str, Any]]:
    report = await crawls.doctor(site.base_url, folder, settings=settings)
    return report["exit_code"], report


@deferred_f_from_coro_f
async def test_doctor_on_both_generations_and_a_moved_board(tmp_path: Path) -> None:
    with MockSite(build_board(40)) as site:
        code, report = await doctor(site, tmp_path / "older")
    assert (code, report["ok"]) == (0, True)
    with MockSite(build_board(40), template="current") as site:
        code, report = await doctor(site, tmp_path / "current", *path_settings(site))
    assert (code, report["ok"]) == (0, True), report["verdict"]
    generations = [line["value"] for s in report["sections"] for line in s["lines"]
                   if line["label"] == "markup generation"]  # fmt: skip
    assert generations == ["current", "current"]
    with MockSite(build_board(40), moved=True) as site:
        code, report = await doctor(site, tmp_path / "moved")
        new_list = site.paths.list_path if site.paths else ""
    assert code == ExitCode.FAILED
    assert not report["ok"]
    assert new_list in report["verdict"]
