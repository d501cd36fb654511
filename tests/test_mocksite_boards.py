"""One imitated site, three boards: the news board as before, KITA Insights, the Photo Gallery.

The news board's pages must not change when the other boards are served
beside it; each board's truth names its board, problems included; ids may
repeat across boards, which keep them apart; ``truth.compare`` judges one
board's rows against one board's truth; the command line serves the boards
and says so.
"""

from __future__ import annotations

import dataclasses
import json
import re
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kitacrawl.items import Article, Link, Problem
from kitacrawl.storage import Storage
from mocksite import MockSite, build_board, build_insights, build_photos
from mocksite.__main__ import _parser
from mocksite.markup.varied import DIMENSIONS, markup_for
from mocksite.truth import BOARD_FIELDS, FIELDS, board_truth, compare
from tests.test_mocksite import PROJECT, get

ALL = ("news", "insights", "photos")


@pytest.fixture
def site() -> Iterator[MockSite]:
    with MockSite(build_board(30), boards=ALL) as running:
        yield running


# -- serving three boards -----------------------------------------------------------


def test_news_pages_unchanged_beside_the_other_boards() -> None:
    paths = [
        "/about/newsList.do?pageIndex=1",
        "/about/newsList.do?pageIndex=3",
        "/about/newsList.do?pageIndex=9",
        "/robots.txt",
        "/nowhere",
        "/global/insightsView.do?insightsId=20",
    ]
    with MockSite(build_board(30)) as alone, MockSite(build_board(30), boards=ALL) as beside:
        nos = [p.no for p in alone.board.posts]
        for path in [*paths[:-1], *(f"/about/newsView.do?no={no}" for no in nos)]:
            assert get(alone, path).body == get(beside, path).body, path
        # Without the boards, their paths are nowhere.
        assert get(alone, paths[-1]).status == 404
        assert get(beside, paths[-1]).status == 200
        assert alone.ground_truth("http://x") == beside.ground_truth("http://x")
        home = get(beside, "/").body.decode()
    assert 'href="/kitaInsights/kitaInsightsList.do"' in home
    assert 'href="/about/photoList.do"' in home
    with (
        MockSite(build_board(30), template="current") as alone,
        MockSite(build_board(30), template="current", boards=ALL) as beside,
    ):
        for path in ("/board/kitaNews/kitaNewsList.do?pageIndex=2", "/"):
            assert get(alone, path).body == get(beside, path).body


def test_truths_name_their_board(site: MockSite) -> None:
    truths = site.ground_truths()
    assert list(truths) == list(ALL)
    assert truths["news"] == site.ground_truth()
    for name, truth in truths.items():
        assert truth["board"] == name
        assert {a["board"] for a in truth["articles"]} == {name}
        assert truth["problems"]
        assert {p["board"] for p in truth["problems"]} == {name}
        assert truth["list_pages"] >= 3
    assert truths["insights"]["articles"][0]["url"].startswith(
        f"{site.base_url}/kitaInsights/kitaInsightsDetail.do?insightsId="
    )
    assert truths["photos"]["articles"][0]["url"].startswith(
        f"{site.base_url}/about/photoView.do?photonewsId="
    )


def test_ids_repeat_across_boards_and_stay_apart() -> None:
    news = build_board(40, first_no=901)
    insights = build_insights(40, first_no=901)
    with MockSite(news, boards=ALL, insights=insights) as site:
        truths = site.ground_truths()
        shared = (
            {a["no"] for a in truths["news"]["articles"]}
            & {a["no"] for a in truths["photos"]["articles"]}
            & {a["no"] for a in truths["insights"]["articles"]}
        )
        assert shared
        no = min(shared)
        pages = {
            get(site, f"/about/newsView.do?no={no}").body,
            get(site, f"/about/photoView.do?photonewsId={no}").body,
            get(site, f"/global/insightsView.do?insightsId={no}").body,
        }
        assert len(pages) == 3
    titles = {
        name: next(a["title"] for a in t["articles"] if a["no"] == no) for name, t in truths.items()
    }
    assert len(set(titles.values())) == 3


def test_other_boards_default_to_the_news_seed() -> None:
    assert MockSite(build_board(10, seed=7), boards=ALL).ground_truth(
        "http://x", board="photos"
    ) == build_photos(seed=7).ground_truth("http://x")
    given = build_insights(12)
    site = MockSite(build_board(10), insights=given)
    assert site.boards == ("news", "insights")
    assert site.insights is given


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"boards": ("news", "gallery")}, "unknown boards"),
        ({"boards": ("insights",)}, "must include 'news'"),
        ({"insights_split": True}, "need the insights board"),
        ({"insights_newer_list": False}, "need the insights board"),
    ],
)
def test_options_are_checked(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        MockSite(build_board(10), **options)


def test_truth_of_a_board_not_served() -> None:
    site = MockSite(build_board(10), boards=("news", "photos"))
    with pytest.raises(ValueError, match="does not serve the 'insights' board"):
        site.ground_truth("http://x", board="insights")
    with pytest.raises(ValueError, match="template to choose"):
        site.ground_truth("http://x", board="photos", template="older")


def test_write_truth_of_several_boards(tmp_path: Path) -> None:
    with MockSite(build_board(10)) as only:
        only.write_truth(tmp_path / "news.json")
    assert json.loads((tmp_path / "news.json").read_text(encoding="utf-8"))["board"] == "news"
    with MockSite(build_board(10), boards=ALL) as several:
        several.write_truth(tmp_path / "all.json")
    written = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert sorted(written["boards"]) == sorted(ALL)
    assert "전세기" in (tmp_path / "all.json").read_text(encoding="utf-8")  # Korean kept as is


# -- compare, board by board ---------------------------------------------------------------


def stored(expected: dict[str, Any], **changes: Any) -> Article:
    """The article a correct crawler stores for a truth's article."""
    fields = {name: expected[name] for name in ("board", "no", *FIELDS, "category", "generation")}
    published = fields.pop("published")
    item = Article(
        **fields,
        published=date.fromisoformat(published) if published else None,
        links=[Link(**link) for link in expected["links"]],
    )
    return dataclasses.replace(item, **changes)


def store(storage: Storage, truth: dict[str, Any]) -> None:
    for expected in truth["articles"]:
        storage.save_article(stored(expected))
    for problem in truth["problems"]:
        storage.record_problem(
            Problem(problem["board"], problem["url"], problem["kind"], no=problem["no"]), None
        )


@pytest.fixture
def storage() -> Iterator[Storage]:
    storage = Storage.memory()
    yield storage
    storage.close()


def test_compare_one_board_at_a_time(storage: Storage) -> None:
    site = MockSite(build_board(40, first_no=901), boards=ALL)
    truths = site.ground_truths("http://127.0.0.1:8000")
    for truth in truths.values():
        store(storage, truth)
    for name, truth in truths.items():
        result = compare(storage, truth)
        assert result.exact == result.expected == result.stored == len(truth["articles"]), name
        assert result.wrong_problems == result.problems_stored == result.extra == ()
        # A truth of several boards: the board picks one.
        assert compare(storage, {"boards": truths}, board=name) == result


def test_compare_reads_only_its_board(storage: Storage) -> None:
    site = MockSite(build_board(40, first_no=901), boards=ALL)
    truths = site.ground_truths("http://127.0.0.1:8000")
    store(storage, truths["news"])
    photos = compare(storage, truths["photos"])
    assert photos.stored == 0
    assert photos.missing == tuple(a["no"] for a in truths["photos"]["articles"])
    # The news board's problems do not stand for the gallery's, whatever their numbers.
    assert len(photos.wrong_problems) == len(truths["photos"]["problems"])
    assert all(w.found == frozenset() for w in photos.wrong_problems)


def test_compare_checks_the_boards_own_fields(storage: Storage) -> None:
    truth = MockSite(build_board(10), boards=ALL).ground_truth("http://x", board="insights")
    first, second, *rest = truth["articles"]
    storage.save_article(stored(first, category=None))
    storage.save_article(stored(second, generation="older", title=f"[{second['category']}] x"))
    for expected in rest:
        storage.save_article(stored(expected))
    result = compare(storage, truth)
    assert {(w.no, w.name) for w in result.wrong_fields} == {
        (first["no"], "category"),
        (second["no"], "title"),
        (second["no"], "generation"),
    }
    assert BOARD_FIELDS["insights"] == (*FIELDS, "category", "generation")
    assert compare(storage, truth, fields=FIELDS).wrong_fields == (
        next(w for w in result.wrong_fields if w.name == "title"),
    )


def test_compare_refuses_a_truth_of_another_board(storage: Storage) -> None:
    truths = MockSite(build_board(30), boards=ALL).ground_truths("http://x")
    assert truths["news"]["problems"]
    with pytest.raises(ValueError, match="not of 'news'"):
        compare(storage, truths["photos"], board="news")
    with pytest.raises(ValueError, match="no 'gallery' board"):
        board_truth({"boards": truths}, "gallery")
    mixed = {**truths["photos"], "problems": truths["news"]["problems"]}
    with pytest.raises(ValueError, match="problems of other boards"):
        compare(storage, mixed)
    # A truth of the news board that names no board (as truths did before) is the news board's.
    legacy = {key: value for key, value in truths["news"].items() if key != "board"}
    assert board_truth(legacy)[1] == "news"


# -- command line ---------------------------------------------------------------------


@pytest.mark.slow  # starts `python -m mocksite` as a process
def test_command_line_serves_the_boards(tmp_path: Path) -> None:
    truth_path = tmp_path / "truth.json"
    command = [
        sys.executable, "-m", "mocksite", "--port", "0", "--articles", "15",
        "--boards", "news,insights,photos", "--insights", "12", "--photos", "14",
        "--insights-split", "--insights-no-newer-list", "--truth", str(truth_path),
    ]  # fmt: skip
    with subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        lines = [process.stdout.readline().strip() for _ in range(3)]
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
    assert re.fullmatch(
        r"kitacrawl mocksite serving 15 articles at http://127\.0\.0\.1:\d+", lines[0]
    )
    last_insights = build_insights(12).posts[0].no
    last_photo = build_photos(14).posts[0].no
    assert lines[1] == (
        f"insights: 12 items, insightsId 1-{last_insights}; lists"
        " /kitaInsights/kitaInsightsList.do (answers 404) and /global/insightsList.do; detail"
        " /kitaInsights/kitaInsightsDetail.do?insightsId=N (current template, no date) and"
        " /global/insightsView.do?insightsId=N (older template); items before 2022-10 only at"
        " the older path, later ones only at the newer"
    )
    assert lines[2] == (
        f"photos: 14 items, photonewsId 901-{last_photo}; list /about/photoList.do,"
        " detail /about/photoView.do?photonewsId=N (older template)"
    )
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    assert sorted(truth["boards"]) == sorted(ALL)
    assert (
        len(truth["boards"]["insights"]["articles"]) + len(truth["boards"]["insights"]["problems"])
        == 12
    )
    bad = subprocess.run(
        [sys.executable, "-m", "mocksite", "--boards", "news", "--insights-split"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2
    assert "insights board" in bad.stderr


@pytest.mark.slow  # starts `python -m mocksite` as a process
def test_command_line_serves_every_board_by_default(tmp_path: Path) -> None:
    truth_path = tmp_path / "truth.json"
    command = [
        sys.executable, "-m", "mocksite", "--port", "0", "--articles", "15", "--photos", "12",
        "--photo-paths", "both", "--markup", "3", "--truth", str(truth_path),
    ]  # fmt: skip
    with subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        lines = [process.stdout.readline().strip() for _ in range(4)]
        found = re.search(r"127\.0\.0\.1:(\d+)", lines[0])
        assert found, lines
        with socket.create_connection(("127.0.0.1", int(found.group(1))), timeout=5) as sock:
            sock.sendall(
                b"GET /photoGallery/photoGalleryList.do HTTP/1.1\r\nHost: x\r\n"
                b"Connection: close\r\n\r\n"
            )
            assert sock.recv(100).startswith(b"HTTP/1.1 200")
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
    assert lines[1].startswith("insights: 40 items")
    assert "/photoGallery/photoGalleryDetail.do?photonewsId=N" in lines[2]
    assert lines[3] == f"news pages (all) in {markup_for(3).describe()}"
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    assert sorted(truth["boards"]) == sorted(ALL)
    assert {a["generation"] for a in truth["boards"]["news"]["articles"]} == {"inferred"}


@pytest.mark.slow  # starts `python -m mocksite` as a process
def test_command_line_describes_a_markup_and_helps_every_option() -> None:
    described = subprocess.run(
        [sys.executable, "-m", "mocksite", "--describe-markup", "5"],
        cwd=PROJECT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    lines = described.stdout.splitlines()
    assert lines[0] == markup_for(5).describe()
    assert len(lines) == 1 + len(DIMENSIONS)
    actions = [a for a in _parser()._actions if a.dest != "help"]
    assert len(actions) > 25
    assert [a.dest for a in actions if not (a.help or "").strip()] == []
