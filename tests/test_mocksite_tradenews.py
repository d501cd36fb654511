"""The imitation's Korean trade news (``mocksite/boards/tradenews.py``): deterministic, every trap
present, its truth what its pages say (read back by a reader of its own, not kitacrawl's), and
the site's answers: GET and POST, with and without the site id, a wrong one, refusals, size."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections import Counter
from typing import Any

import lxml.html
import pytest

from mocksite import MockSite, build_board
from mocksite.boards.tradenews import TradeNewsBoard, build_tradenews
from mocksite.boards.tradewords import SEARCHED, compose
from mocksite.markup.current.tradenews import ROW_FORMS
from mocksite.urls import TRADENEWS_PATHS

BASE = "http://127.0.0.1:1"


@pytest.fixture(scope="module")
def board() -> TradeNewsBoard:
    return build_tradenews(400)


@pytest.fixture(scope="module")
def truth(board: TradeNewsBoard) -> dict[str, Any]:
    return board.ground_truth(BASE)


def test_it_is_built_the_same_every_time(board: TradeNewsBoard, truth: dict[str, Any]) -> None:
    assert build_tradenews(400).ground_truth(BASE) == truth
    again = build_tradenews(400).list_page(3)
    assert again.body == board.list_page(3).body


def test_ids_run_without_gaps_about_25_a_day(board: TradeNewsBoard) -> None:
    nos = [post.no for post in board.posts]
    assert nos == list(range(nos[0], nos[0] - len(nos), -1))
    per_day = Counter(post.posted for post in board.posts)
    assert 18 <= sorted(per_day.values())[len(per_day) // 2] <= 32


def test_every_trap_is_on_the_board(board: TradeNewsBoard, truth: dict[str, Any]) -> None:
    assert {a["site_id"] for a in truth["articles"]} == {1, 2, 6}
    assert {p["kind"] for p in truth["problems"]} == {"http_404", "deleted"}
    assert board.pinned, "pinned notices on top of every list page"
    forms = {ROW_FORMS[post.no % len(ROW_FORMS)] for post in board.posts}
    assert forms == set(ROW_FORMS)
    bodies = [a["title"] + a["body"] for a in truth["articles"]]
    for noun in SEARCHED:
        inside = [b for b in bodies if re.search(f"\\w{noun}|{noun}\\w", b)]
        assert inside, f"{noun} is never inside a longer word"
    assert any("한반도 체" in b for b in bodies), "no look-alike across two words"
    links = [link for a in truth["articles"] for link in a["links"]]
    assert any(link["rel"] == "body" and "siteId" not in link["url"] for link in links)
    assert any(link["rel"] == "attachment" for link in links)


def _text(element: Any) -> str:
    return " ".join(element.text_content().split())


def read_page(html: bytes) -> dict[str, Any]:
    """What an article page says, read with lxml and nothing of kitacrawl's."""
    tree = lxml.html.fromstring(html.decode("utf-8"))
    title = _text(tree.get_element_by_id("subTopTitle"))
    badges = {
        "write": _text(tree.find_class("write")[0]),
        "view": _text(tree.find_class("view")[0]),
    }
    body = tree.find_class("detail-body")[0]
    paragraphs = [_text(p) for p in body.iter("p") if _text(p)]
    head = tree.find_class("detail-head")[0]
    pairs = [(_text(dl.find("dt")), _text(dl.find("dd"))) for dl in head.iter("dl")]
    files = [_text(a) for li in tree.find_class("attachfile-list")[0:1] for a in li.iter("a")]
    site = tree.xpath("//input[@name='siteId']/@value")[0]
    return {
        "title": title,
        "published": badges["write"].split()[-1].replace(".", "-"),
        "hits": int(badges["view"].split()[-1].replace(",", "")),
        "body": "\n\n".join(paragraphs),
        "category": "; ".join(f"{label}: {value}" for label, value in pairs),
        "files": [name for name in files if name not in ("down 다운로드",)],
        "site_id": int(site),
    }


def test_the_truth_is_what_the_pages_say(board: TradeNewsBoard, truth: dict[str, Any]) -> None:
    for article in truth["articles"][:: len(truth["articles"]) // 40]:
        page = board.view_page(article["no"], article["site_id"])
        assert page.status == 200
        read = read_page(page.body)
        for name in ("title", "published", "hits", "body", "category", "site_id"):
            assert read[name] == article[name], (article["no"], name)
        files = [link["text"] for link in article["links"] if link["rel"] == "attachment"]
        assert read["files"] == files


def test_list_pages_show_the_board_newest_first(board: TradeNewsBoard) -> None:
    page = lxml.html.fromstring(board.list_page(2).body.decode("utf-8"))
    rows = page.xpath("//ul[contains(@class, 'board-list')]/li")
    ids = [
        int(m.group(1))
        for row in rows
        if (m := re.search(r"(?:no=|')(\d{5,})", lxml.html.tostring(row).decode()))
    ]
    listed = [post.no for post in board.posts]
    assert ids[: len(board.pinned)] == list(board.pinned)
    assert ids[len(board.pinned) :] == listed[10:20]
    assert "총 <strong>400</strong> 건" in board.list_page(1).body.decode()
    assert b"JSESSIONID_KITA=" in board.list_page(1).body


def _get(url: str, data: bytes | None = None) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, data=data, timeout=10) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_the_site_answers_with_and_without_the_site_id(board: TradeNewsBoard) -> None:
    article = board.articles[3]
    with MockSite(build_board(20), boards=("news", "tradenews"), tradenews=board) as site:
        detail = f"{site.base_url}{TRADENEWS_PATHS.detail_path}"
        right = _get(f"{detail}?no={article.no}&siteId={board.site_id(article.no)}")
        bare = _get(f"{detail};JSESSIONID_KITA=ABC.Hyper?no={article.no}&logGb=A9400_20240201")
        wrong_site = next(s for s in (1, 2, 6) if s != board.site_id(article.no))
        wrong = _get(f"{detail}?no={article.no}&siteId={wrong_site}")
        posted = _get(f"{site.base_url}{TRADENEWS_PATHS.list_path}", b"pageIndex=2")
        got = _get(f"{site.base_url}{TRADENEWS_PATHS.list_path}?pageIndex=2")
        missing = _get(f"{detail}?no=1&siteId=2")
    assert right[0] == bare[0] == 200
    assert read_page(right[1])["title"] == read_page(bare[1])["title"]
    assert wrong[0] == 200
    assert b"dlgAlert" in wrong[1]
    assert b"subTopTitle" not in wrong[1]
    assert posted[0] == got[0] == 200
    assert posted[1] == got[1]
    assert missing[0] == 404


@pytest.mark.parametrize("refuse", ["403", "robots"])
def test_a_refusing_site(refuse: str) -> None:
    with MockSite(build_board(20), boards=("news", "tradenews"), refuse=refuse) as site:
        robots = _get(f"{site.base_url}/robots.txt")
        listed = _get(f"{site.base_url}{TRADENEWS_PATHS.list_path}")
    if refuse == "403":
        assert robots[0] == listed[0] == 403
    else:
        assert robots[0] == 200
        assert b"Disallow: /board/totalTradeNews/" in robots[1]


def test_a_board_of_20000_is_written_page_by_page() -> None:
    composed = compose.cache_info().misses
    large = build_tradenews(20_000)
    assert compose.cache_info().misses == composed, "building it composes no article's text"
    assert len(large) == 20_000
    page = large.view_page(large.articles[10_000].no, None)
    assert b"subTopTitle" in page.body
    with MockSite(build_board(20), boards=("news", "tradenews"), tradenews=large) as site:
        _get(f"{site.base_url}{TRADENEWS_PATHS.list_path}?pageIndex=1500")
        kept = len(site.routes.cache._pages)
    assert kept == 0, "a trade news page was kept after it was written"
