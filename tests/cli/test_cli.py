"""The ``kitacrawl`` command line, used as a newcomer would: from another folder.

One crawl of the imitation (a subprocess of ``python -m kitacrawl crawl``,
run in an empty folder: no ``scrapy.cfg`` near it) and a second one in this
process feed every read command; read commands run in-process through
``kitacrawl.cli.main``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kitacrawl.cli import main
from kitacrawl.outcome import ExitCode
from mocksite import MockSite, build_board
from tests import crawls

pytestmark = pytest.mark.slow


def kitacrawl(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kitacrawl", *args],
        cwd=cwd,
        env=crawls.environment(env),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    folder = tmp_path_factory.mktemp("elsewhere")
    db = folder / "data" / "kita.db"
    with MockSite(build_board(60)) as site:
        first = kitacrawl("crawl", "--base-url", site.base_url, "--db", str(db), cwd=folder)
        # The same crawl again, in this process (the command's output is the first's).
        second = crawls.crawl_and_wait(site.base_url, db)
        yield {
            "db": db,
            "truth": site.ground_truth(),
            "first": first,
            "second": second,
            "site": site,
            "folder": folder,
        }


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_crawl_from_another_folder_stores_the_board(crawled: dict[str, Any]) -> None:
    first, second = crawled["first"], crawled["second"]
    assert first.returncode == ExitCode.OK, first.stderr[-2000:]
    assert second.code == ExitCode.OK, second.log[-2000:]
    assert not (crawled["folder"] / "output").exists(), "--db was not honoured"
    # Under cron: warnings and errors on stderr (no INFO), one summary line on stdout
    # saying what landed.
    assert first.stdout.count("\n") == 1
    truth = crawled["truth"]
    assert first.stdout.startswith(
        f"news: ok (exit 0, crawl 1) in {first.stdout.split(' in ')[1].split()[0]} s:"
        f" {len(truth['articles'])} new, 0 changed, 0 unchanged,"
        f" {len(truth['problems'])} problems, "
    )
    assert " list pages, " in first.stdout
    assert "INFO" not in first.stderr
    state = crawls.snapshot(crawled["db"])
    assert len(state["articles"]) == len(crawled["truth"]["articles"])
    assert [c["status"] for c in state["crawls"]] == ["ok", "ok"]


def test_crawl_progress_line(crawled: dict[str, Any], tmp_path: Path) -> None:
    site = crawled["site"]
    done = kitacrawl(
        "crawl", "--base-url", site.base_url, "--db", str(tmp_path / "k.db"), "--progress",
        "always", "--max-pages", "1", cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == ExitCode.OK, done.stderr[-2000:]
    # (Text mode turned the line's carriage returns into newlines.)
    assert "news: 1 list pages, 12/12 articles, 0 problems" in done.stderr
    assert "INFO" not in done.stderr


def test_a_second_crawl_at_once_is_refused_in_one_line(crawled: dict[str, Any]) -> None:
    from kitacrawl.session import open_session  # noqa: PLC0415 - only this test holds the lock

    with open_session(str(crawled["db"])):
        done = kitacrawl("crawl", "--db", str(crawled["db"]), cwd=crawled["folder"])
    assert done.returncode == ExitCode.LOCKED
    assert done.stderr.strip().count("\n") == 0
    assert "locked" in done.stderr


def test_search_json(crawled: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "trade", "--format", "json", "--db", str(crawled["db"]))
    assert code == 0
    hits = json.loads(out)
    assert hits
    assert {"board", "no", "title", "published", "hits", "url", "snippet"} <= set(hits[0])
    assert any("[" in hit["snippet"] for hit in hits)
    code, out, _ = run(capsys, "search", "trade", "--limit", "2", "--format", "json",
                       "--db", str(crawled["db"]))  # fmt: skip
    assert len(json.loads(out)) == 2


@pytest.mark.parametrize("query", ['"', "AND OR", "title:(", "NEAR(", "x' OR 1=1 --", "*"])
def test_search_never_tracebacks(
    crawled: dict[str, Any], capsys: pytest.CaptureFixture[str], query: str
) -> None:
    code, out, err = run(capsys, "search", query, "--format", "json", "--db", str(crawled["db"]))
    assert code in (0, 2)
    if code == 0:
        assert isinstance(json.loads(out), list)
    else:
        assert err.count("\n") == 1


def test_search_filters_by_date(
    crawled: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "search", "KITA", "--since", "2017-06-01", "--until",
                       "2017-06-30", "--format", "json", "--limit", "100",
                       "--db", str(crawled["db"]))  # fmt: skip
    assert code == 0
    assert all("2017-06-01" <= hit["published"] <= "2017-06-30" for hit in json.loads(out))


def test_show_json(crawled: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    expected = crawled["truth"]["articles"][3]
    code, out, _ = run(capsys, "show", str(expected["no"]), "--format", "json",
                       "--db", str(crawled["db"]))  # fmt: skip
    assert code == 0
    shown = json.loads(out)
    assert shown["no"] == expected["no"]
    for name in ("board", "title", "published", "body", "url"):
        assert shown[name] == expected[name], name
    assert shown["links"] == expected["links"]
    assert all(set(point) == {"observed_at", "hits", "source"} for point in shown["hits_history"])
    assert shown["hits_history"], "no counter history"
    assert shown["revisions"] == []


def test_export_formats(crawled: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    db = str(crawled["db"])
    expected = {a["no"]: a for a in crawled["truth"]["articles"]}
    code, out, _ = run(capsys, "export", "--format", "jsonl", "--db", db)
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert {r["no"] for r in rows} == set(expected)
    assert all(r["links"] == expected[r["no"]]["links"] for r in rows)
    code, out, _ = run(capsys, "export", "--format", "json", "--db", db)
    assert [r["no"] for r in json.loads(out)] == [r["no"] for r in rows]
    code, out, _ = run(capsys, "export", "--format", "csv", "--db", db)
    table = list(csv.DictReader(io.StringIO(out)))
    assert len(table) == len(rows)
    assert {"board", "no", "title", "published", "hits", "body"} <= set(table[0])


def test_export_dates_are_inclusive_and_leave_out_undated(
    crawled: dict[str, Any], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    dated = sorted(a["published"] for a in crawled["truth"]["articles"] if a["published"])
    since, until = dated[2], dated[-3]
    target = tmp_path / "out.jsonl"
    code, _, _ = run(capsys, "export", "--since", since, "--until", until, "--output",
                     str(target), "--db", str(crawled["db"]))  # fmt: skip
    assert code == 0
    got = [json.loads(line)["published"] for line in target.read_text().splitlines()]
    assert sorted(got) == [d for d in dated if since <= d <= until]


def test_stats_json(crawled: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "stats", "--format", "json", "--db", str(crawled["db"]))
    assert code == 0
    stats = json.loads(out)
    assert stats["articles_by_board"] == {"news": len(crawled["truth"]["articles"])}
    assert stats["runs_by_status"]["ok"] == 2
    assert sum(stats["problems_by_kind"].values()) >= len(crawled["truth"]["problems"])
    last = stats["last_run"]
    assert set(last) >= {"id", "status", "started_at", "finished_at", "exit_code", "requests"}
    assert (last["id"], last["status"], last["exit_code"]) == (2, "ok", 0)


def test_health(
    crawled: dict[str, Any], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(crawled["db"])
    code, out, _ = run(capsys, "health", "--db", db)
    assert (code, out.startswith("KITACRAWL OK")) == (0, True)
    code, out, _ = run(capsys, "health", "--max-age", "0", "--db", db)
    assert code == 2
    assert "stale" in out
    # The status line, then every board that is not OK (here one), a line each.
    status, *boards = out.splitlines()
    assert status.startswith("KITACRAWL CRITICAL - news: stale")
    assert [line.split(":")[0] for line in boards] == ["news"]
    code, out, _ = run(capsys, "health", "--db", str(tmp_path / "none.db"))
    assert code == 3
    assert not (tmp_path / "none.db").exists()


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (("show", "999999"), 1, "no article 999999"),
        (("export", "--since", "2020-13-45"), 2, "not a date"),
        (("search", "x", "--until", "2020-02-30"), 2, "not a date"),
        (("search", "x", "--format", "xml"), 2, "invalid choice"),
        (("stats", "--format", "yaml"), 2, "invalid choice"),
        (("show", "abc"), 2, "invalid int"),
    ],
)
def test_bad_input_is_one_line_and_no_traceback(
    crawled: dict[str, Any], capsys: pytest.CaptureFixture[str], args: tuple[str, ...],
    code: int, words: str,
) -> None:  # fmt: skip
    got, _, err = run(capsys, *args, "--db", str(crawled["db"]))
    assert got == code
    assert words in err
    assert err.strip().count("\n") == 0
    assert "Traceback" not in err


def test_a_missing_database_is_named_and_never_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nothing.db"
    for command in (("search", "x"), ("show", "1"), ("export",), ("stats",)):
        code, _, err = run(capsys, *command, "--db", str(missing))
        assert code == 1
        assert str(missing) in err
        assert "kitacrawl crawl" in err
        assert err.count("\n") == 1
    assert not missing.exists()


def test_the_db_default_comes_from_the_environment(
    crawled: dict[str, Any], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KITACRAWL_DB", str(crawled["db"]))
    code, out, _ = run(capsys, "stats", "--format", "json")
    assert code == 0
    assert json.loads(out)["articles"] == len(crawled["truth"]["articles"])


def test_python_dash_m_and_the_console_script_agree(crawled: dict[str, Any]) -> None:
    script = Path(sys.executable).with_name("kitacrawl")
    env = {**os.environ}
    done = subprocess.run(
        [str(script), "stats", "--format", "json", "--db", str(crawled["db"])],
        capture_output=True, text=True, check=False, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["articles"] == len(crawled["truth"]["articles"])
