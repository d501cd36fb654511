"""First contact: `kitacrawl doctor` and `scrapy doctor` against the imitation."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kitacrawl.outcome import ExitCode
from mocksite import MockSite, build_board
from tests import crawlrun

pytestmark = pytest.mark.slow


def doctor(*args: str, scrapy: bool = False) -> subprocess.CompletedProcess[str]:
    command = ["-m", "scrapy", "doctor"] if scrapy else ["-m", "kitacrawl", "doctor"]
    return subprocess.run(
        [sys.executable, *command, *args],
        cwd=crawlrun.PROJECT,
        env=crawlrun.environment(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_site_that_works(tmp_path: Path) -> None:
    with MockSite(build_board(40)) as site:
        done = doctor("--base-url", site.base_url, "--output", str(tmp_path), "--format", "json")
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
    # Politely few requests: robots.txt, list page 1, the newest article.
    assert len(asked) == 3, asked
    saved = sorted(p.name for p in tmp_path.iterdir())
    assert "list-page-1.html" in saved
    assert "report.txt" in saved
    assert any(name.startswith("article-") and name.endswith(".html") for name in saved)


def test_a_board_that_is_not_there_names_the_menus_paths(tmp_path: Path) -> None:
    with MockSite(build_board(40)) as site:
        done = doctor("--base-url", site.base_url, "--output", str(tmp_path),
                      "-s", "KITACRAWL_NEWS_LIST_PATH=/board/gone/goneList.do")  # fmt: skip
    assert done.returncode == ExitCode.FAILED, done.stdout
    assert "a crawl would NOT work" in done.stdout
    assert "is not the board: HTTP 404" in done.stdout
    assert "/about/newsList.do" in done.stdout


def test_scrapy_doctor_gives_the_same_verdict(tmp_path: Path) -> None:
    with MockSite(build_board(40)) as site:
        done = doctor("--base-url", site.base_url, "--output", str(tmp_path), scrapy=True)
    assert done.returncode == ExitCode.OK, done.stdout + done.stderr[-2000:]
    assert "verdict: a crawl would work (exit 0)" in done.stdout


def test_page_code_that_cannot_read_the_article_is_drift(tmp_path: Path) -> None:
    with MockSite(build_board(40), drift=True) as site:
        done = doctor("--base-url", site.base_url, "--output", str(tmp_path))
    # A drifted board still lists article links: the board is there, unreadable.
    assert done.returncode in (ExitCode.DRIFT, ExitCode.FAILED), done.stdout
    assert "a crawl would NOT work" in done.stdout
