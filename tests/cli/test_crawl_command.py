"""``kitacrawl crawl`` as an operator meets it: usage errors, the log, the summary, replay.

Mistakes are refused in this process before any database or Scrapy work
(``kitacrawl.cli.main``: exit 2, one line, nothing created); what the command
decides before a crawl (log level, the replay's site) is read from its own
functions; one real process, ``kitacrawl crawl all`` on an unchanged
imitation with stdout and stderr in one file as the README's cron line has
it, counts what lands in the log.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from scrapy.settings import Settings

from kitacrawl import crawl as crawling
from kitacrawl.cli import build_parser, main
from kitacrawl.cli.crawl import _overrides, _replay_where_archived, summary
from kitacrawl.items import FetchedPage
from kitacrawl.outcome import ExitCode, RunTally
from kitacrawl.storage import Storage
from mocksite import MockSite, build_board
from tests import crawls

BOARDS = ("news", "insights", "photos")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def nothing_created(folder: Path) -> bool:
    return not any(folder.iterdir())


@pytest.mark.parametrize("url", ["notaurl", "ftp://x", "http://", "http://x:port/"])
def test_a_malformed_base_url_is_a_usage_error(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "crawl", "--base-url", url, "--db", str(tmp_path / "k.db"))
    assert code == 2
    assert (out, err.count("\n")) == ("", 1)
    assert err.startswith("kitacrawl crawl: KITACRAWL_BASE_URL (--base-url) must be an http://")
    assert nothing_created(tmp_path), "no database, no lock, no ledger row"


def test_an_unusable_setting_is_a_usage_error_wherever_it_comes_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "k.db")
    code, _, err = run(capsys, "crawl", "--db", db, "-s", "KITACRAWL_FAILED_SHARE=2")
    assert (code, err) == (
        2,
        "kitacrawl crawl: KITACRAWL_FAILED_SHARE must be at most 1, not 2.0\n",
    )
    monkeypatch.setenv("KITACRAWL_REVISIT_DAYS", "soon")
    code, _, err = run(capsys, "crawl", "all", "--db", db)
    assert (code, err) == (
        2,
        "kitacrawl crawl: KITACRAWL_REVISIT_DAYS must be a whole number, not 'soon'"
        " (from the environment)\n",
    )
    assert nothing_created(tmp_path)


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"hello, not a warc\n", "Unknown archive format"),
        (b"", "it holds no WARC record"),
        (b"WARC/1.0\r\nWARC-Type: response\r\n", ""),
    ],
    ids=["text", "empty", "cut"],
)
def test_a_file_that_is_no_warc_is_refused_and_creates_nothing(
    content: bytes, why: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "notawarc.txt"
    source.write_bytes(content)
    db = tmp_path / "out" / "new.db"
    db.parent.mkdir()
    code, out, err = run(capsys, "archive", "import", str(source), "--db", str(db))
    assert code == 1
    assert (out, err.count("\n")) == ("", 1)
    assert f"{source} is not a WARC file ({why}" in err
    assert "Traceback" not in err
    assert nothing_created(db.parent)


@pytest.mark.parametrize(
    ("flags", "level"),
    [
        ((), "WARNING"),
        (("--verbose",), "INFO"),
        (("--quiet",), "ERROR"),
        (("--quiet", "-s", "LOG_LEVEL=DEBUG"), "DEBUG"),
    ],
)
def test_the_log_holds_warnings_and_errors_unless_asked(flags: tuple[str, ...], level: str) -> None:
    args = build_parser().parse_args(["crawl", *flags, "--log-file", "x.log"])
    overrides = _overrides(args)
    assert (overrides["LOG_LEVEL"], overrides["LOG_FILE"]) == (level, "x.log")


def test_verbose_and_quiet_together_are_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "crawl", "--verbose", "--quiet")
    assert code == 2
    assert "not allowed with argument" in err


def test_the_summary_says_what_landed() -> None:
    tally = RunTally(new=3, changed=1, unchanged=40, problems=2, list_pages=5)
    result = crawling.BoardResult(
        "news", ExitCode.OK, 8, "ok", "", {"elapsed_time_seconds": 1.23,
        "downloader/request_count": 52}, tally,
    )  # fmt: skip
    assert summary(result) == (
        "news: ok (exit 0, crawl 8) in 1.2 s: 3 new, 1 changed, 40 unchanged, 2 problems,"
        " 5 list pages, 52 requests"
    )
    once = RunTally(problems=1, list_pages=1)
    result = crawling.BoardResult(
        "news", ExitCode.FAILED, 9, "failed", "list page 2 was lost: timeout (x:80)",
        {"downloader/request_count": 1}, once,
    )  # fmt: skip
    assert summary(result) == (
        "news: failed (exit 3, crawl 9) in 0.0 s: 0 new, 0 changed, 0 unchanged, 1 problem,"
        " 1 list page, 1 request; list page 2 was lost: timeout (x:80)"
    )


def _offline_settings(archive: Path, *flags: str) -> Settings:
    args = build_parser().parse_args(
        ["crawl", "--offline", "--db", "x.db", "-s", f"KITACRAWL_ARCHIVE_DB={archive}", *flags]
    )
    return crawling.project_settings(_overrides(args))


def test_an_offline_replay_asks_the_site_the_archive_was_crawled_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KITACRAWL_BASE_URL", raising=False)
    archive = tmp_path / "kita.db"
    storage = Storage.open(archive)
    try:
        page = FetchedPage(
            url="http://127.0.0.1:8123/about/newsList.do?pageIndex=1", status=200,
            headers={}, body=b"<html></html>", fetched_at="2026-12-01T00:00:00Z",
            base_url="http://127.0.0.1:8123", kind="list", board="news",
        )  # fmt: skip
        storage.observe_hits("news", {}, None, "list", page)
    finally:
        storage.close()
    settings = _offline_settings(archive)
    _replay_where_archived(settings)
    assert settings["KITACRAWL_BASE_URL"] == "http://127.0.0.1:8123"
    # A base URL given wins.
    given = _offline_settings(archive, "--base-url", "http://127.0.0.1:9")
    _replay_where_archived(given)
    assert given["KITACRAWL_BASE_URL"] == "http://127.0.0.1:9"
    assert capsys.readouterr() == ("", "")


def test_an_offline_replay_of_an_empty_archive_says_so_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KITACRAWL_BASE_URL", raising=False)
    empty = tmp_path / "empty.db"
    Storage.open(empty).close()
    settings = _offline_settings(empty)
    _replay_where_archived(settings)
    err = capsys.readouterr().err
    assert err == (
        f"kitacrawl crawl: the archive in {empty} holds no page, so no site to replay;"
        " asking for http://www.kita.org (give --base-url)\n"
    )
    # No archive at all: nothing said here, the run fails naming it (tests/e2e/test_causes.py).
    _replay_where_archived(_offline_settings(tmp_path / "missing.db"))
    assert capsys.readouterr() == ("", "")


@pytest.mark.slow
def test_an_unchanged_crawl_all_under_cron_writes_its_summary_and_little_else(
    tmp_path: Path,
) -> None:
    db = tmp_path / "kita.db"
    log = tmp_path / "cron.log"
    with MockSite(build_board(24), boards=BOARDS) as site:
        first = crawls.crawl_and_wait(site.base_url, db, boards=BOARDS)
        assert first.code == ExitCode.OK, first.log[-2000:]
        # As the README's cron line runs it: no terminal, stdout and stderr in one file.
        with log.open("w") as out:
            done = subprocess.run(
                [sys.executable, "-m", "kitacrawl", "crawl", "all", "--db", str(db),
                 "--base-url", site.base_url],
                cwd=tmp_path, env=crawls.environment(), stdin=subprocess.DEVNULL,
                stdout=out, stderr=subprocess.STDOUT, timeout=180, check=False,
            )  # fmt: skip
    lines = log.read_text().splitlines()
    assert done.returncode == ExitCode.OK, lines
    assert len(lines) <= 30, lines
    # Here: one summary line a board, then the whole run's; no Scrapy banner, no stats.
    assert [line.split(":")[0] for line in lines] == [*BOARDS, "all boards"], lines
    for line in lines[:-1]:
        assert ": ok (exit 0, crawl " in line
        assert "0 new, 0 changed, 0 unchanged, 0 problems, 1 list page, " in line
