"""The report of a real crawl, opened in a real headless Chromium: are the charts drawn?

The imitation is crawled twice (``python -m kitacrawl crawl``, as in
``tests/cli/test_cli.py``); the first run's counter readings are then moved
three days back, as if it had run earlier, so that recent articles have
counters on two days (a growth curve); another test crawls once (a point an
article, no curve yet). ``kitacrawl report`` writes the page,
and Chromium loads it from ``file://`` and dumps the DOM after the scripts ran.

The page checks itself (``assets/report.js``): once Chart.js has drawn, it
counts the charts whose canvas holds painted pixels (``getImageData``) and
that laid out at least one bar or point, and writes the count and any script
error on ``<body>`` (``data-charts-drawn``, ``data-errors``), beside
``data-charts-expected`` (the canvases the page has). This test reads those.

Without Chromium the test is skipped (locally), unless ``CHROMIUM_REQUIRED``
is set: ``.ci/run`` installs Chromium and sets it, so CI can never skip.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from scrapy.utils.defer import deferred_f_from_coro_f

from kitacrawl.cli import main
from kitacrawl.outcome import ExitCode
from kitacrawl.storage import Storage
from mocksite import MockSite, build_board
from tests import crawls

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

# What each flag is for. Chromium's own background requests (component
# updates, sync, dictionaries) get their connections refused on a closed
# network, which slows the run and fills its log: the networking flags cut
# them, and the proxy sends the few left (Google's time and account services)
# and anything the page itself would fetch to a port where nothing listens:
# the page must need no network, even on a machine that has one.
CHROMIUM_FLAGS = (
    "--headless",  # no display
    "--no-sandbox",  # the sandbox cannot start as root in a container
    "--disable-gpu",  # software rendering: canvas pixels are still really painted
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--proxy-server=127.0.0.1:9",  # the discard port: every http(s) request fails at once
    "--window-size=1280,2400",
    # Run the page's scripts, timers and the load event to rest, then dump.
    "--virtual-time-budget=10000",
    "--dump-dom",
)


@pytest.fixture
def chromium() -> str:
    """Chromium's path; checked first, so that a skip costs no crawl."""
    if CHROMIUM is None:
        if os.environ.get("CHROMIUM_REQUIRED"):
            pytest.fail("chromium is required (CHROMIUM_REQUIRED is set) but not installed")
        pytest.skip("chromium is not installed (apt-get install chromium); CI installs it")
    return CHROMIUM


def chromium_dom(chromium: str, page: Path, profile: Path) -> str:
    """The DOM of ``page`` after its scripts ran (Chromium's ``--dump-dom``)."""
    done = subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", page.resolve().as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "<body" in done.stdout, done.stderr[-2000:]
    return done.stdout


class Elements(HTMLParser):
    """The attributes of <body> and of every <canvas>."""

    def __init__(self, dom: str) -> None:
        super().__init__()
        self.body: dict[str, str | None] = {}
        self.canvases: list[dict[str, str | None]] = []
        self.feed(dom)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body" and not self.body:
            self.body = dict(attrs)
        elif tag == "canvas":
            self.canvases.append(dict(attrs))


def external_references(text: str) -> list[str]:
    """Tags that would load something from a network (``src``/``href`` to http(s))."""
    return re.findall(
        r"<(?:script|link|img|iframe|source|object|embed)\b[^>]*?\b(?:src|href|data)\s*=\s*"
        r"[\"']?\s*(?:https?:)?//[^>]*>",
        text,
        flags=re.IGNORECASE,
    )


def report(db: Path, target: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(["report", "--db", str(db), "--output", str(target), *args])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert out == f"{target}\n"
    return target.read_text(encoding="utf-8")


@deferred_f_from_coro_f
async def test_the_report_of_a_crawl_draws_its_four_charts(
    chromium: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kita.db"
    with MockSite(build_board(60)) as site:
        for _ in range(2):
            done = await crawls.crawl(site.base_url, db)
            assert done.code == ExitCode.OK, done.log[-2000:]
    with sqlite3.connect(db) as conn:
        conn.execute(
            "UPDATE hits SET observed_at = strftime('%Y-%m-%dT%H:%M:%SZ', observed_at,"
            " '-3 days') WHERE crawl_id = 1"
        )
    conn.close()

    text = report(db, tmp_path / "report.html", capsys)
    assert external_references(text) == []
    assert text.count('<a href="http') >= 20  # the most read articles, linked

    found = Elements(chromium_dom(chromium, tmp_path / "report.html", tmp_path / "profile"))
    assert found.body.get("data-errors") == ""
    assert found.body.get("data-charts-expected") == "4"
    assert found.body.get("data-charts-drawn") == "4"
    assert [c["id"] for c in found.canvases] == [
        "chart-monthly", "chart-top", "chart-growth", "chart-runs",
    ]  # fmt: skip
    for canvas in found.canvases:
        assert int(canvas.get("data-painted-pixels") or 0) > 1000, canvas
    elements = {c["id"]: int(c.get("data-elements") or 0) for c in found.canvases}
    assert elements["chart-top"] == 20
    assert elements["chart-growth"] >= 2 * 2  # lines of two days each, at least two
    assert elements["chart-runs"] == 2 * 2  # a bar and a point per run

    # --since leaves out what is older, and the page still draws.
    text = report(db, tmp_path / "since.html", capsys, "--since", "2017-05")
    assert "since 2017-05-01" in text
    found = Elements(chromium_dom(chromium, tmp_path / "since.html", tmp_path / "profile"))
    assert (found.body.get("data-errors"), found.body.get("data-charts-drawn")) == ("", "4")


@deferred_f_from_coro_f
async def test_the_report_of_a_first_crawl_draws_all_its_charts(
    chromium: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # One crawl: one counter reading an article, no growth line yet; the growth chart
    # is a point an article (hits against days since posting).
    db = tmp_path / "kita.db"
    with MockSite(build_board(60)) as site:
        done = await crawls.crawl(site.base_url, db)
        assert done.code == ExitCode.OK, done.log[-2000:]
    text = report(db, tmp_path / "report.html", capsys)
    assert "lines appear from the second day a counter is read" in text
    found = Elements(chromium_dom(chromium, tmp_path / "report.html", tmp_path / "profile"))
    assert found.body.get("data-errors") == ""
    assert (found.body.get("data-charts-expected"), found.body.get("data-charts-drawn")) == (
        "4",
        "4",
    )
    elements = {c["id"]: int(c.get("data-elements") or 0) for c in found.canvases}
    with sqlite3.connect(db) as conn:
        (dated_with_counter,) = conn.execute(
            "SELECT count(*) FROM articles WHERE published IS NOT NULL AND hits IS NOT NULL"
        ).fetchone()
    conn.close()
    assert dated_with_counter > 20
    assert elements["chart-growth"] == dated_with_counter  # a point an article


def test_an_empty_database_gives_a_page_without_charts_or_errors(
    chromium: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kita.db"
    Storage.open(db).close()
    text = report(db, tmp_path / "empty.html", capsys)
    assert "This database has no articles yet" in text
    found = Elements(chromium_dom(chromium, tmp_path / "empty.html", tmp_path / "profile"))
    assert found.body.get("data-errors") == ""
    assert (found.body.get("data-charts-expected"), found.body.get("data-charts-drawn")) == (
        "0",
        "0",
    )
    assert found.canvases == []
