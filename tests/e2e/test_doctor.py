"""First contact: the doctor against the imitation; `kitacrawl doctor` and `scrapy doctor`.

The diagnosis runs in-process (:func:`kitacrawl.doctor.examine`, what both
commands run); each command is also run as a person runs it, once.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.defer import deferred_f_from_coro_f

from kitacrawl.crawl import project_settings
from kitacrawl.outcome import ExitCode
from mocksite import MockSite, build_board
from tests import crawls

pytestmark = pytest.mark.slow


def command(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=crawls.PROJECT,
        env=crawls.environment(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_site_that_works(tmp_path: Path) -> None:
    with MockSite(build_board(40)) as site:
        done = command("kitacrawl", "doctor", "--base-url", site.base_url, "--output",
                       str(tmp_path), "--format", "json")  # fmt: skip
        asked = list(site.requests)
    assert done.returncode == ExitCode.OK, done.stdout + done.stderr[-2000:]
    report = json.loads(done.stdout)
    assert report["ok"]
    assert report["verdict"] == "a crawl would work"
    lines = {(s["title"].split(" (")[0], line["label"]): line for s in report["sections"]
             for line in s["lines"]}  # fmt: skip
    assert lines[("list page 1", "markup generation")]["value"] == "older"
    assert lines[("newest article", "title")]["ok"]
    assert lines[("session ids", "form in the pages' URLs")]["value"] == "JSESSIONID_ORG"
    assert lines[("robots.txt", "list page allowed")]["value"] is True
    # Politely few requests: robots.txt, list page 1, the newest article.
    assert len(asked) == 3, asked
    saved = sorted(p.name for p in tmp_path.iterdir())
    assert "list-page-1.html" in saved
    assert "report.txt" in saved
    assert any(name.startswith("article-") and name.endswith(".html") for name in saved)


@deferred_f_from_coro_f
async def test_a_board_that_is_not_there_names_the_menus_paths(tmp_path: Path) -> None:
    with MockSite(build_board(40)) as site:
        report = await crawls.doctor(
            site.base_url, tmp_path, settings=("KITACRAWL_NEWS_LIST_PATH=/board/gone/goneList.do",)
        )
    assert report["exit_code"] == ExitCode.FAILED, report["verdict"]
    assert report["verdict"].startswith("a crawl would NOT work")
    assert "is not the board: HTTP 404" in report["verdict"]
    assert "/about/newsList.do" in report["verdict"]


def test_scrapy_doctor_gives_the_same_verdict(tmp_path: Path) -> None:
    with MockSite(build_board(40)) as site:
        done = command("scrapy", "doctor", "--base-url", site.base_url, "--output", str(tmp_path))
    assert done.returncode == ExitCode.OK, done.stdout + done.stderr[-2000:]
    assert "verdict: a crawl would work (exit 0)" in done.stdout


@deferred_f_from_coro_f
async def test_page_code_that_cannot_read_the_article_is_drift(tmp_path: Path) -> None:
    with MockSite(build_board(40), drift=True) as site:
        report = await crawls.doctor(site.base_url, tmp_path)
    # A drifted board still lists article links: the board is there, unreadable.
    assert report["exit_code"] in (ExitCode.DRIFT, ExitCode.FAILED), report["verdict"]
    assert report["verdict"].startswith("a crawl would NOT work")


def test_the_doctor_is_no_spider_to_crawl() -> None:
    # What `scrapy list` prints: the spider loader's names, from the project's settings.
    loader = SpiderLoader.from_settings(project_settings().frozencopy())
    assert sorted(loader.list()) == ["insights", "news", "photos", "tradenews"]
    refused = command("scrapy", "crawl", "doctor")
    assert refused.returncode == 2
    assert "no board 'doctor': choose from news, insights, photos" in refused.stderr
