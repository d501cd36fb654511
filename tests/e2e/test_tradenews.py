"""KITA's Korean trade news (무역뉴스) end to end: crawls, search, refusals, --since.

The imitation (``mocksite/boards/tradenews.py``) serves the board beside the
English ones on one server: rows by ``goDetailPage('N', 'S')`` and by hrefs
with and without the site id, with ``logGb`` and session ids, pinned rows,
404s and deleted posts answering 200 with an alert; its truth says what a
correct crawl stores. One full crawl is shared by the tests that only read it
(module fixture); the tests that change the board build their own.
"""

from __future__ import annotations

import json
import re
import signal
from collections import Counter
from collections.abc import Iterator
from contextlib import redirect_stdout
from datetime import date
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from scrapy.utils.defer import deferred_f_from_coro_f

from kitacrawl.cli import main
from kitacrawl.outcome import ExitCode
from kitacrawl.storage import queries
from mocksite import MockSite, build_board
from mocksite.boards.tradenews import TradeNewsBoard, build_tradenews
from mocksite.truth import compare
from tests import crawls
from tests.e2e.test_incremental import SLOW_CRAWL, stored_count, wait_for

pytestmark = pytest.mark.slow

BOARD = "tradenews"
# Enough for every kind of bad page, pinned rows, all row forms, a dozen list pages.
SIZE = 100
DETAIL_RE = re.compile(r"totalTradeNewsDetail\.do[^?]*\?no=(\d+)")
LIST_RE = re.compile(r"totalTradeNewsList\.do")


def serve(board: TradeNewsBoard, **options: Any) -> MockSite:
    return MockSite(build_board(20), boards=("news", BOARD), tradenews=board, **options)


def detail_fetches(site: MockSite) -> Counter[int]:
    """How often each article page of the trade news was asked for."""
    return Counter(int(m.group(1)) for t in site.requests if (m := DETAIL_RE.search(t)))


def list_fetches(site: MockSite) -> int:
    return sum(1 for target in site.requests if LIST_RE.search(target))


def list_pages(site: MockSite) -> list[int]:
    """The list pages asked for, in order."""
    return [
        int(m.group(1)) if (m := re.search(r"pageIndex=(\d+)", target)) else 1
        for target in site.requests
        if LIST_RE.search(target)
    ]


def assert_exact(db: Path, truth: dict[str, Any], *, stale_next: int | None = None) -> None:
    """Every article once with every field and link of the truth; every bad page a problem.

    `stale_next`: an article whose "next" link may still lack the articles published after it
    (incremental runs of this board fetch the new articles only).
    """
    result = compare(db, truth, board=BOARD)
    assert not result.missing, result.missing
    assert not result.extra, result.extra
    wrong = [f"{w.no}.{w.name}: {w.stored!r} != {w.expected!r}" for w in result.wrong_fields]
    assert not wrong, "\n".join(wrong[:10])
    for links in result.wrong_links:
        assert links.no == stale_next, links
        assert links.stored == [link for link in links.expected if link["rel"] != "next"]
    assert not result.wrong_problems, result.wrong_problems[:3]
    assert not result.problems_stored


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, Any], int]]:
    """A full crawl of the board and the English news board into one database; its truth
    and the number of article pages asked for more than once."""
    db = tmp_path_factory.mktemp("tradenews") / "kita.db"
    with serve(build_tradenews(SIZE)) as site:
        news = crawls.crawl_and_wait(site.base_url, db, mode="full")
        result = crawls.crawl_and_wait(site.base_url, db, boards=(BOARD,), mode="full")
        assert news.code == ExitCode.OK, news.log[-2000:]
        assert result.code == ExitCode.OK, result.log[-2000:]
        truth = site.ground_truth(board=BOARD)
        fetched = detail_fetches(site)
    return db, truth, sum(1 for count in fetched.values() if count > 1)


def test_a_full_crawl_stores_every_article_once_exactly(
    crawled: tuple[Path, dict[str, Any], int],
) -> None:
    db, truth, twice = crawled
    assert_exact(db, truth)
    assert twice == 0, "an article page was fetched more than once"
    with crawls.storage(db) as storage:
        rows = list(storage.db.query("SELECT url, site_id FROM articles WHERE board = ?", [BOARD]))
    assert {row["site_id"] for row in rows} == {1, 2, 6}
    # The canonical URL carries the id and the site id, nothing else.
    assert all(re.fullmatch(r".*Detail\.do\?no=\d+&siteId=\d", row["url"]) for row in rows)
    kinds = Counter(p["kind"] for p in truth["problems"])
    assert kinds["http_404"], "the board must hold pages that answer 404"
    assert kinds["deleted"], "the board must hold deleted posts answering an alert"


def test_the_english_boards_keep_their_rows_beside_it(
    crawled: tuple[Path, dict[str, Any], int],
) -> None:
    db, _, _ = crawled
    with crawls.storage(db) as storage:
        boards = dict(storage.db.execute("SELECT board, count(*) FROM articles GROUP BY board"))
        news_sites = storage.db.execute(
            "SELECT count(*) FROM articles WHERE board = 'news' AND site_id IS NOT NULL"
        ).fetchone()[0]
    assert set(boards) == {"news", BOARD}
    assert boards["news"] > 0
    assert news_sites == 0
    english = queries.search(queries.open_database(db), "KITA", limit=5)
    assert english
    assert all(row["board"] == "news" for row in english)


@pytest.mark.parametrize("noun", ["반도체", "관세"])
def test_search_finds_the_noun_inside_any_word_and_nowhere_else(
    crawled: tuple[Path, dict[str, Any], int], noun: str
) -> None:
    db, truth, _ = crawled
    holding = {a["no"] for a in truth["articles"] if noun in a["title"] or noun in a["body"]}
    inside = {a["no"] for a in truth["articles"] if re.search(f"\\w{noun}|{noun}\\w", a["body"])}
    assert inside & holding, "the imitation must hold the noun inside longer words"
    hits = queries.search(queries.open_database(db), noun, limit=10_000)
    assert {row["no"] for row in hits} == holding
    assert all(f"[{noun}]" in row["snippet"] for row in hits)
    ranks = [row["rank"] for row in hits]
    assert ranks == sorted(ranks)


def test_look_alikes_across_two_words_are_no_match(
    crawled: tuple[Path, dict[str, Any], int],
) -> None:
    db, truth, _ = crawled
    split = {a["no"] for a in truth["articles"] if "한반도 체" in a["body"]}
    assert split, "the imitation must hold 반도체's look-alike across two words"
    found = {row["no"] for row in queries.search(queries.open_database(db), "반도체", limit=10_000)}
    holding = {a["no"] for a in truth["articles"] if "반도체" in a["body"] + a["title"]}
    assert split - holding
    assert not (split - holding) & found


def test_the_command_searches_one_board_as_json(
    crawled: tuple[Path, dict[str, Any], int],
) -> None:
    _db, truth, _ = crawled
    out = StringIO()
    with redirect_stdout(out):
        code = main(["search", "관세", "--board", BOARD, "--format", "json", "--limit", "500"])
    assert code == 0
    hits = json.loads(out.getvalue())
    holding = {a["no"] for a in truth["articles"] if "관세" in a["title"] + a["body"]}
    assert {hit["no"] for hit in hits} == holding
    assert {hit["board"] for hit in hits} == {BOARD}
    by_no = {a["no"]: a for a in truth["articles"]}
    assert all(hit["url"] == by_no[hit["no"]]["url"] for hit in hits)


@pytest.fixture(autouse=True)
def _database(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    # The command reads KITACRAWL_DB: the shared crawl's database where a test uses it.
    if "crawled" in request.fixturenames:
        db, _, _ = request.getfixturevalue("crawled")
        monkeypatch.setenv("KITACRAWL_DB", str(db))


@deferred_f_from_coro_f
async def test_an_incremental_run_fetches_list_page_1_and_the_new_articles(db: Path) -> None:
    board = build_tradenews(60)
    with serve(board) as site:
        first = await crawls.crawl(site.base_url, db, boards=(BOARD,), mode="full")
        assert first.code == ExitCode.OK, first.log[-2000:]
        newest = board.articles[0].no
        new = site.publish(4, board=BOARD)
        site.reset_requests()
        second = await crawls.crawl(site.base_url, db, boards=(BOARD,))
        fetched, lists = detail_fetches(site), list_fetches(site)
        truth = site.ground_truth(board=BOARD)
    assert second.code == ExitCode.OK, second.log[-2000:]
    assert set(fetched) == set(new)
    assert max(fetched.values()) == 1
    assert lists == 1
    assert_exact(db, truth, stale_next=newest)


@deferred_f_from_coro_f
async def test_since_bounds_a_backfill_and_the_runs_after_it(db: Path) -> None:
    board = build_tradenews(SIZE)
    days = sorted({post.posted for post in board.articles})
    since = days[len(days) // 2]
    with serve(board) as site:
        first = await crawls.crawl(site.base_url, db, boards=(BOARD,), since=since.isoformat())
        lists_first = list_fetches(site)
        truth = site.ground_truth(board=BOARD)
        new = site.publish(3, board=BOARD)
        site.reset_requests()
        again = await crawls.crawl(site.base_url, db, boards=(BOARD,))
        fetched = detail_fetches(site)
    assert first.code == again.code == ExitCode.OK, first.log[-2000:] + again.log[-2000:]
    wanted = {a["no"] for a in truth["articles"] if date.fromisoformat(a["published"]) >= since}
    with crawls.storage(db) as storage:
        stored = {row[0] for row in storage.db.execute("SELECT no FROM articles")}
        state = storage.db.execute(
            "SELECT since, complete_since FROM board_state WHERE board = ?", [BOARD]
        ).fetchone()
    assert stored - set(new) == wanted
    # Paging stopped at the first page reaching older rows (pinned old rows did not stop it).
    listed_since = sum(1 for post in board.posts[len(new) :] if post.posted >= since)
    assert lists_first <= listed_since // 10 + 2
    assert state == (since.isoformat(), since.isoformat())
    assert set(fetched) == set(new)


@deferred_f_from_coro_f
async def test_a_backfill_stopped_midway_goes_on_where_it_stopped(db: Path) -> None:
    board = build_tradenews(SIZE)
    with serve(board) as site:
        # A run that ends before the list does (as a killed one would, its mark unmoved).
        partial = await crawls.crawl(site.base_url, db, boards=(BOARD,), max_pages=6)
        with crawls.storage(db) as storage:
            resume = storage.resume_point(BOARD)
            before = storage.stored_numbers(BOARD)
        newest = board.articles[0].no
        new = site.publish(12, board=BOARD)
        site.reset_requests()
        rest = await crawls.crawl(site.base_url, db, boards=(BOARD,))
        lists = sorted(list_pages(site))
        fetched = detail_fetches(site)
        truth = site.ground_truth(board=BOARD)
    assert partial.code == rest.code == ExitCode.OK
    assert resume is not None
    assert resume[0] == 6
    # The new rows fill pages 1-2; the six pages read before are not read again (but
    # the one it lands on, a page early), the rest is.
    assert lists[:3] == [1, 2, 7]
    assert lists == sorted(set(lists))
    assert crawls.board_state(db)[BOARD] == max(a["no"] for a in truth["articles"])
    with crawls.storage(db) as storage:
        assert storage.resume_point(BOARD) is None
    # The second run fetched the new articles and what the first had not reached, each once.
    assert set(new) <= set(fetched)
    assert not set(fetched) & before, "the second run fetched what the first had stored"
    assert all(count == 1 for count in fetched.values()), "an article was fetched twice"
    assert_exact(db, truth, stale_next=newest)


@deferred_f_from_coro_f
async def test_a_backfill_killed_midway_goes_on_where_it_stopped(db: Path) -> None:
    board = build_tradenews(SIZE)
    with serve(board) as site:
        process = crawls.start(site.base_url, db, spider=BOARD, settings=SLOW_CRAWL)
        wait_for(lambda: stored_count(db) >= SIZE // 4)
        crawls.stop(process, signal.SIGKILL)
        with crawls.storage(db) as storage:
            resume = storage.resume_point(BOARD)
            before = storage.stored_numbers(BOARD)
        site.reset_requests()
        rest = await crawls.crawl(site.base_url, db, boards=(BOARD,))
        lists, fetched = list_pages(site), detail_fetches(site)
        truth = site.ground_truth(board=BOARD)
    assert rest.code == ExitCode.OK, rest.log[-2000:]
    assert resume is not None, "the killed run left no point to go on from"
    # The list pages the killed run had read (but the page it lands on, a page early).
    assert not set(lists) & set(range(2, resume[0])), lists
    assert not set(fetched) & before, "an article stored before the kill was fetched again"
    assert_exact(db, truth)


@pytest.mark.parametrize("refuse", ["403", "robots"])
@deferred_f_from_coro_f
async def test_a_site_that_refuses_the_crawler_fails_the_run_saying_so(
    db: Path, refuse: str
) -> None:
    with serve(build_tradenews(30), refuse=refuse) as site:
        result = await crawls.crawl(site.base_url, db, boards=(BOARD,))
    assert result.code == ExitCode.FAILED
    with crawls.storage(db) as storage:
        run = storage.db.execute(
            "SELECT status, message FROM crawls WHERE board = ? ORDER BY id DESC", [BOARD]
        ).fetchone()
        articles = storage.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert run[0] == "failed"
    assert articles == 0
    assert "refuses the crawler" in run[1]
    assert ("robots.txt" if refuse == "robots" else "HTTP 403") in run[1]
