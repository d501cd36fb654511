"""The Scrapy commands a developer runs from the project folder, and what a crawl starts.

``scrapy parse --spider BOARD URL`` as the README prints it (a real process:
its output is under test): any list or article URL of a board read by the
page code, the items printed without the page's bytes, no deprecation
warning, nothing stored. ``scrapy crawl`` refuses a setting it cannot use as
a usage error. And no crawl starts Scrapy 2.19's RemoteControl server (an
HTTP server that runs the Python sent to it) unless asked.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from scrapy import signals
from scrapy.crawler import CrawlerRunner
from scrapy.utils.defer import deferred_f_from_coro_f, maybe_deferred_to_future

from kitacrawl.boardrun import BoardRun
from kitacrawl.crawl import project_settings
from kitacrawl.outcome import ExitCode
from mocksite import MockSite, build_board
from tests import crawls

pytestmark = pytest.mark.slow


def scrapy(*args: str, cwd: Path = crawls.PROJECT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scrapy", *args],
        cwd=cwd,
        env=crawls.environment(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def two_boards() -> Iterator[MockSite]:
    with MockSite(build_board(24), boards=("news", "insights")) as site:
        yield site


def test_scrapy_parse_reads_an_article_url_as_printed(two_boards: MockSite, tmp_path: Path) -> None:
    article = next(a for a in two_boards.ground_truth()["articles"] if a["published"])
    db = tmp_path / "untouched.db"
    done = scrapy(
        "parse", "--spider", "news", "--nocolour", article["url"], "-s", f"KITACRAWL_DB={db}"
    )
    assert done.returncode == 0, done.stderr[-3000:]
    items = done.stdout.split("# Scraped Items")[1].split("# Requests")[0]
    assert f"'no': {article['no']}," in items
    assert repr(article["title"])[:40] in items
    # The item as the page code made it: no page bytes, no `source`.
    assert "source" not in items
    assert "b'" not in items
    assert "Deprecat" not in done.stderr
    assert "Remote control" not in done.stderr
    assert "Traceback" not in done.stderr
    assert not db.exists(), "scrapy parse began a run"


def test_scrapy_parse_reads_a_list_url_of_another_board(two_boards: MockSite) -> None:
    # Depth 2: the list page through `parse`, the articles it leads to through their
    # callbacks, each wrapped by the parse command: none returns a Deferred.
    listed = two_boards.ground_truth(board="insights")["articles"]
    url = f"{two_boards.base_url}/kitaInsights/kitaInsightsList.do?pageIndex=1"
    done = scrapy("parse", "--spider", "insights", "--nocolour", "-d", "2", url)
    assert done.returncode == 0, done.stderr[-3000:]
    items = done.stdout.split("# Scraped Items")[1]
    assert "'counts': {" in items
    assert sum(f"'no': {a['no']}," in items for a in listed) >= 5
    assert "Deprecat" not in done.stderr
    assert "b'" not in items


def test_scrapy_crawl_refuses_an_unusable_setting(tmp_path: Path) -> None:
    db = tmp_path / "kita.db"
    done = scrapy("crawl", "news", "-s", "KITACRAWL_BASE_URL=notaurl", "-s", f"KITACRAWL_DB={db}")
    assert done.returncode == 2
    assert "KITACRAWL_BASE_URL (--base-url) must be an http:// or https:// URL" in done.stderr
    assert "Traceback" not in done.stderr
    assert not any(tmp_path.iterdir()), "no database, no ledger row"


async def _job_files_at_close(site: MockSite, db: Path, jobs: Path, *settings: str) -> list[str]:
    """The RemoteControl job files present while the crawl closes (its server runs then)."""
    given = {**crawls.overrides(site.base_url, db, settings), "REMOTE_CONTROL_JOBS_DIR": str(jobs)}
    runner = CrawlerRunner(project_settings(given))
    crawler = runner.create_crawler("news")
    seen: list[str] = []

    def closed(spider: object) -> None:
        seen.extend(path.name for path in jobs.glob("*"))

    crawler.signals.connect(closed, signal=signals.spider_closed)
    await maybe_deferred_to_future(runner.crawl(crawler, max_pages=1))
    assert BoardRun.of(crawler).exit_code == ExitCode.OK
    return seen


@deferred_f_from_coro_f
async def test_no_remote_control_server_starts(site: MockSite, db: Path, tmp_path: Path) -> None:
    jobs = tmp_path / "jobs"
    assert await _job_files_at_close(site, db, jobs) == []
    if importlib.util.find_spec("scrapy.extensions.remote_control") is None:
        return  # Scrapy < 2.19 has no such server to turn on
    # Turned on as the README says, for debugging: the same check sees its server.
    on = await _job_files_at_close(site, db, jobs, "REMOTE_CONTROL_ENABLED=1")
    assert len(on) == 1
