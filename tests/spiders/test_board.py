"""What the board spider decides from a URL alone: which list page, which board."""

from __future__ import annotations

import pytest
from scrapy.settings import Settings

from kitacrawl.spiders.board import _other_board, _page_index


@pytest.mark.parametrize(
    ("url", "page"),
    [
        ("http://x/about/newsList.do?pageIndex=3", 3),
        ("http://x/about/newsList.do;jsessionid=A?id=&pageIndex=12&searchWrd=", 12),
        ("http://x/about/newsList.do", 1),
        ("http://x/about/newsList.do?pageIndex=0", 1),
    ],
)
def test_a_list_url_names_its_page(url: str, page: int) -> None:
    assert _page_index(url) == page


@pytest.mark.parametrize(
    ("url", "board"),
    [
        ("http://x/kitaInsights/kitaInsightsList.do?pageIndex=1", "insights"),
        ("http://x/about/photoView.do?photonewsId=930", "photos"),
        ("http://x/about/newsView.do?no=5", "news"),
    ],
)
def test_a_url_of_a_board_is_named_for_scrapy_parse(url: str, board: str) -> None:
    said = f": it is a page of the {board} board (scrapy parse --spider {board} URL)"
    assert _other_board(Settings(), url) == said


def test_a_url_of_no_board_names_none() -> None:
    assert _other_board(Settings(), "http://x/index.do") == ""
