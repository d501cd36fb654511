"""Why a run failed, said where an operator looks: the summary line, the ledger, ``health``.

Each way a crawl of the imitation can get nothing (a refused connection, an
article the site does not have, robots.txt, an offline replay with no
archive or without the page) ends with its cause named, host and port or URL
included, never "the site answered nothing usable" alone. Crawls run
in-process; ``kitacrawl health`` and the summary line are the command line's
own functions. (A DNS failure or a timeout would need the network or a wait:
``tests/test_failures.py`` names them from the failures themselves.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy.utils.defer import deferred_f_from_coro_f

from kitacrawl.cli import main
from kitacrawl.cli.crawl import OFFLINE, summary
from kitacrawl.outcome import ExitCode
from kitacrawl.storage import Storage
from mocksite import MockSite, build_board
from tests import crawls
from tests.conftest import Crawled, closed_port

pytestmark = pytest.mark.slow

OFFLINE_SETTINGS = tuple(f"{name}={value}" for name, value in OFFLINE.items())


def ledger_message(db: Path) -> str:
    return str(crawls.snapshot(db)["crawls"][-1]["message"])


def health(db: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["health", "--db", str(db)])
    return code, capsys.readouterr().out.splitlines()


@deferred_f_from_coro_f
async def test_a_refused_connection_is_named_with_its_host_and_port(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    port = closed_port()
    result = await crawls.crawl(f"http://127.0.0.1:{port}", db)
    cause = f"connection refused (127.0.0.1:{port})"
    assert result.code == ExitCode.FAILED
    line = summary(result.results[0])
    assert line.startswith("news: failed (exit 3, crawl 1) in ")
    # Two tries each (RETRY_TIMES=1) of robots.txt and list page 1; the page lost, a problem.
    assert line.endswith(f"1 problem, 0 list pages, 4 requests; list page 1 was lost: {cause}")
    ledger = crawls.snapshot(db)
    assert [(c["status"], c["exit_code"], c["message"]) for c in ledger["crawls"]] == [
        ("failed", ExitCode.FAILED, f"list page 1 was lost: {cause}")
    ]
    assert ledger["articles"] == {}
    code, out = health(db, capsys)
    assert code == 2
    assert out == [
        f"KITACRAWL CRITICAL - news: last run 1 ended failed: list page 1 was lost: {cause}",
        f"news: last run 1 ended failed: list page 1 was lost: {cause}",
    ]


def test_health_names_the_unreachable_run_of_a_history(
    crawled_imitation: Crawled, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = health(crawled_imitation.db, capsys)
    assert code == 2
    assert "list page 1 was lost: connection refused (127.0.0.1:" in out[0]


@deferred_f_from_coro_f
async def test_health_names_every_failing_board(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The imitation serves the news board only: the other two are not there.
    with MockSite(build_board(12)) as site:
        result = await crawls.crawl(site.base_url, db, boards=("news", "insights", "photos"))
    assert [r.exit_code for r in result.results] == [0, 3, 3]
    code, out = health(db, capsys)
    assert code == 2
    status, *boards = out
    assert status.startswith("KITACRAWL CRITICAL - insights: last run 2 ended failed: the")
    assert status.endswith("(and 1 more board not OK)")
    assert [line.split(":")[0] for line in boards] == ["insights", "photos"]
    assert all("is not where kitacrawl looks for it" in line for line in boards)


@deferred_f_from_coro_f
async def test_an_article_the_site_does_not_have_is_named_by_status_and_url(
    site: MockSite, db: Path
) -> None:
    result = await crawls.crawl(site.base_url, db, no=99999)
    assert result.code == ExitCode.FAILED
    url = f"{site.base_url}/about/newsView.do?no=99999"
    assert ledger_message(db) == f"the site answered nothing usable: HTTP 404 at {url}"
    assert summary(result.results[0]).endswith(
        f"; the site answered nothing usable: HTTP 404 at {url}"
    )


@deferred_f_from_coro_f
async def test_a_page_robots_txt_forbids_is_named(site: MockSite, db: Path) -> None:
    # The imitation's robots.txt forbids /cmm/: a board said to live there is refused.
    forbidden = "KITACRAWL_NEWS_LIST_PATH=/cmm/newsList.do"
    result = await crawls.crawl(site.base_url, db, settings=(forbidden,))
    assert result.code == ExitCode.FAILED
    assert ledger_message(db) == (
        f"list page 1 was lost: robots.txt forbids {site.base_url}/cmm/newsList.do?pageIndex=1"
    )


@deferred_f_from_coro_f
async def test_an_offline_replay_without_an_archive_says_so_and_asks_nothing(
    db: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "missing.db"
    archive = f"KITACRAWL_ARCHIVE_DB={missing}"
    result = await crawls.crawl("http://127.0.0.1:9", db, settings=(*OFFLINE_SETTINGS, archive))
    assert result.code == ExitCode.FAILED
    assert ledger_message(db) == f"no such archive: {missing} does not exist"
    assert result.results[0].stats.get("downloader/request_count", 0) == 0
    assert not missing.exists()


@deferred_f_from_coro_f
async def test_an_offline_replay_names_the_page_the_archive_lacks(db: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    Storage.open(empty).close()  # a kitacrawl database, its archive empty
    archive = f"KITACRAWL_ARCHIVE_DB={empty}"
    result = await crawls.crawl("http://127.0.0.1:9", db, settings=(*OFFLINE_SETTINGS, archive))
    assert result.code == ExitCode.FAILED
    assert ledger_message(db) == (
        "list page 1 was lost: not in the archive: http://127.0.0.1:9/about/newsList.do?pageIndex=1"
    )
