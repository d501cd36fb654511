"""Unit tests of kitacrawl.pages.region: finding the board's slice of a page by string search."""

from __future__ import annotations

import pytest

from kitacrawl import site
from kitacrawl.pages.region import (
    board_region,
    drop_scripts,
    head_title,
    in_tag,
    last_in_tag,
    tag_start,
)


@pytest.mark.parametrize(
    ("text", "token", "expected"),
    [
        ('<div class="board-detail theme-board1">', "board-detail", 0),
        ('x <p id="subTopTitle" class="h3">', "subTopTitle", 2),
        # a rule of a stylesheet, then the tag
        ('<style>.board-list-biz b { }</style><ul class="board-list-biz">', "board-list", 36),
        # a JS comparison before the name is no tag
        ("<script>if (a < $('.board-list').length) {}</script>", "board-list", -1),
        ("<script>$('.board-list')</script>", "board-list", -1),
        ("board-list", "board-list", -1),
        ("", "board-list", -1),
    ],
)
def test_tag_start(text: str, token: str, expected: int) -> None:
    assert tag_start(text, token) == expected


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ('<div class="board-list">', 12, True),
        ("<p>board-list</p>", 3, False),
        ("</div class=x>", 8, False),
        ("a < b board", 6, False),
        ("board", 0, False),
    ],
)
def test_in_tag(text: str, at: int, expected: bool) -> None:
    assert in_tag(text, at) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('<div class="board-detail"><a onclick="x(\'/board/a\')">', "board-detail"),
        ('<ul class="board-list"></ul><script>$(".board_view")</script>', "board-list"),
        ('<div class="board_view"></div><ul class="board-list-biz">', "board-list"),
        ('<table class="board_list">', "board_list"),
        ('<a href="/board/kitaNews/kitaNewsList.do">', None),
        ("", None),
    ],
)
def test_last_in_tag(text: str, expected: str | None) -> None:
    words = (*site.CURRENT_BOARD_WORDS, *site.OLDER_BOARD_WORDS)
    assert last_in_tag(text, site.BOARD_TOKEN, words) == expected


def test_the_last_of_several_tags() -> None:
    text = '<p class="sub-top">a</p><p class="sub-top">b</p>'
    assert tag_start(text, "sub-top") == text.index("<p", 1)


def test_board_region_from_earliest_start_to_footer() -> None:
    text = (
        '<header>menu</header><div class="sub-top">T</div><script>x</script>'
        '<div class="board-detail">B</div><footer class="ft">F</footer>'
        '<div class="familysite"></div>'
    )
    region = board_region(text, site.CURRENT_ARTICLE_START, site.CURRENT_PAGE_END)
    assert region is not None
    assert text[region[0] : region[1]] == (
        '<div class="sub-top">T</div><script>x</script><div class="board-detail">B</div>'
    )


def test_board_region_of_a_page_cut_off_runs_to_its_end() -> None:
    text = '<div class="board-detail">B</div><div class="detail-body">cut'
    assert board_region(text, site.CURRENT_ARTICLE_START, site.CURRENT_PAGE_END) == (0, len(text))


def test_a_footer_in_the_body_is_not_the_pages() -> None:
    text = '<div class="board-detail"><footer>editor</footer>B</div><footer class="ft">F'
    region = board_region(text, site.CURRENT_ARTICLE_START, site.CURRENT_PAGE_END)
    assert region is not None
    assert text[region[0] : region[1]].endswith("B</div>")


def test_board_region_none_without_a_board() -> None:
    assert (
        board_region("<div>menu</div>", site.CURRENT_ARTICLE_START, site.CURRENT_PAGE_END) is None
    )


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>a</p><script>var x = '<p>';</script><p>b</p>", "<p>a</p><p>b</p>"),
        ('<script type="text/javascript">1</script >c', "c"),
        # only the template's own spelling: another is left for the parser
        ("<SCRIPT>2</SCRIPT>c", "<SCRIPT>2</SCRIPT>c"),
        ("<p>a</p><script>never closed", "<p>a</p>"),
        ("<p>a</p></script><p>b</p>", "<p>a</p></script><p>b</p>"),
        ("no scripts", "no scripts"),
        ("", ""),
    ],
)
def test_drop_scripts(html: str, expected: str) -> None:
    assert drop_scripts(html) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<html><head><title>KITA &amp; KOTRA</title></head>", "KITA &amp; KOTRA"),
        ("<head>\n<title>\n\tA\n</title>", "\n\tA\n"),
        ("<TITLE>B</TITLE>", "B"),
        # no title of its own: the embedded document's is not the page's
        ("<head></head><body><html><head><title>제목없음</title></head>", None),
        ("<html><body><title>제목없음</title>", None),
        ("<title>unclosed", None),
        ("", None),
    ],
)
def test_head_title(text: str, expected: str | None) -> None:
    assert head_title(text) == expected
