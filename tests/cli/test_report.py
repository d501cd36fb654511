"""``kitacrawl report``: what a person can get wrong, and an empty database.

The page drawn from a real crawl, in a real browser, is tested in
``tests/report/test_browser.py`` (slow).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kitacrawl.cli import main
from kitacrawl.storage import Storage


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    path = tmp_path / "kita.db"
    Storage.open(path).close()
    return path


def test_an_empty_database_gives_a_page_that_says_so(
    empty_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "pages" / "r.html"
    code, out, err = run(capsys, "report", "--db", str(empty_db), "--output", str(target))
    assert (code, err) == (0, "")
    assert out == f"{target}\n"
    text = target.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert "This database has no articles yet" in text
    assert 'data-charts-expected="0"' in text
    assert not list(target.parent.glob(".*.tmp")), "the temporary file was left behind"


def test_the_default_output_is_output_report_html(
    empty_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "report", "--db", str(empty_db))
    assert code == 0
    assert out == "output/report.html\n"
    assert (tmp_path / "output" / "report.html").is_file()


@pytest.mark.parametrize("since", ["2024-13", "yesterday", "2024-02-30"])
def test_a_bad_date_is_one_line_and_exit_2(
    since: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "r.html"
    code, out, err = run(capsys, "report", "--since", since, "--db", str(tmp_path / "none.db"),
                         "--output", str(target))  # fmt: skip
    assert code == 2
    assert out == ""
    assert err.startswith("kitacrawl report: not a date")
    assert err.count("\n") == 1
    assert not target.exists()


def test_a_missing_database_is_named_and_never_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing, target = tmp_path / "none.db", tmp_path / "r.html"
    code, _, err = run(capsys, "report", "--db", str(missing), "--output", str(target))
    assert code == 1
    assert str(missing) in err
    assert err.count("\n") == 1
    assert not missing.exists()
    assert not target.exists()


def test_an_unwritable_output_is_one_line(
    empty_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code, _, err = run(capsys, "report", "--db", str(empty_db), "--output",
                       str(blocker / "r.html"))  # fmt: skip
    assert code == 1
    assert err.startswith(f"kitacrawl report: cannot write {blocker / 'r.html'}")
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    "command",
    [["report"], ["search"], ["export"], ["reparse"], ["archive", "export"]],
    ids=" ".join,
)
def test_every_since_names_the_date_forms_it_takes(
    command: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "300")  # one line an option: nothing wrapped
    assert main([*command, "--help"]) == 0
    (since,) = [line for line in capsys.readouterr().out.splitlines() if "  --since DATE" in line]
    assert "(YYYY-MM-DD, YYYY-MM or YYYY" in since, since


@pytest.mark.parametrize("since", ["2024", "2024-02", "2024-02-15"])
def test_each_date_form_is_taken(
    since: str, empty_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "r.html"
    code, _, err = run(
        capsys, "report", "--since", since, "--db", str(empty_db), "--output", str(target)
    )
    assert (code, err) == (0, "")
