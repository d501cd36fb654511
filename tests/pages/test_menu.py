"""Unit tests of kitacrawl.pages.menu: the board paths a page's own menu offers."""

from __future__ import annotations

import pytest
from parsel import Selector

from kitacrawl.pages.menu import board_paths
from tests.pages.golden import GoldenSet

SID = ";JSESSIONID_ORG=7C0E5A2B9D4F61E8A3B7C5D9E1F20A4B.Hyper"


def move(path: str) -> str:
    return (
        f"<a href=\"javascript:void(0);\" onclick=\"global.moveMenu('{path}', '', '', "
        f"'Y', 'N', '_self');\">x</a>"
    )


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (move("/board/photoNews/photoNewsList.do"), ["/board/photoNews/photoNewsList.do"]),
        (move(f"/board/kitaNews/kitaNewsList.do{SID}"), ["/board/kitaNews/kitaNewsList.do"]),
        ('<a href="/about/newsList.do?pageIndex=1">News</a>', ["/about/newsList.do"]),
        (f'<a href="/about/newsList.do{SID}">News</a>', ["/about/newsList.do"]),
        ('<a href="http://global.kita.net/about/photoList.do">P</a>', ["/about/photoList.do"]),
        ("<a href=\"javascript:global.moveMenu('/a/bList.do')\">B</a>", ["/a/bList.do"]),
        ('<area href="/global/insightsList.do">', ["/global/insightsList.do"]),
        # not boards: other pages, other sites, relative paths, other schemes
        (move("/about/greeting.do"), []),
        (move("https://stat.kita.net/stat/SumList.screen"), []),
        ('<a href="https://www.kita.net/board/totalTradeNews/totalTradeNewsList.do">K</a>', []),
        ('<a href="newsList.do">relative</a>', []),
        ('<a href="mailto:newsList.do">m</a>', []),
        ('<a href="javascript:void(0);" onclick="global.goList(\'/a/bList.do\')">list</a>', []),
        ('<a href="http://[::1/aList.do">broken</a>', []),
        ("", []),
    ],
)
def test_board_paths(html: str, expected: list[str]) -> None:
    assert board_paths(html) == expected


def test_page_order_and_each_path_once() -> None:
    html = (
        move("/board/notice/noticeList.do")
        + move("/board/kitaNews/kitaNewsList.do")
        + move(f"/board/notice/noticeList.do{SID}")
        + '<a href="/board/photoNews/photoNewsList.do">P</a>'
    )
    assert board_paths(html) == [
        "/board/notice/noticeList.do",
        "/board/kitaNews/kitaNewsList.do",
        "/board/photoNews/photoNewsList.do",
    ]


def test_a_selector_and_another_base_host() -> None:
    sel = Selector(text='<a href="http://127.0.0.1:8000/about/newsList.do">N</a>', type="html")
    assert board_paths(sel) == []
    assert board_paths(sel, base_url="http://127.0.0.1:8000") == ["/about/newsList.do"]


def test_the_menu_of_a_current_template_page() -> None:
    """The golden page's mega-menu and links, in page order; no board of the Korean site."""
    page = GoldenSet("current_list").input_bytes("hrefs_session_ids").decode("utf-8")
    assert board_paths(page) == [
        "/kitaInsights/kitaInsightsList.do",
        "/board/kitaNews/kitaNewsList.do",
        "/board/pressRelease/pressReleaseList.do",
        "/board/photoNews/photoNewsList.do",
    ]


def test_the_menu_of_an_older_page() -> None:
    page = GoldenSet("article").input_bytes("session_ids").decode("utf-8")
    assert board_paths(page) == [
        "/about/newsList.do",
        "/about/photoList.do",
        "/kitaInsights/kitaInsightsList.do",
    ]
