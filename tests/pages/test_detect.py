"""Generation detection and the dispatching entry points of kitacrawl.pages.

One-line pages for :func:`generation_of`; every older golden fixture read
through :func:`read_article` / :func:`read_list` gives exactly what the older
page objects give (so the dispatcher changes nothing for them); pages in
neither markup keep the older ParseError kinds; a current page grown to the
real size (~235 kB of menu and scripts) reads the same as the small one.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import pytest
from scrapy.http import HtmlResponse

from kitacrawl import site
from kitacrawl.items import ParseError
from kitacrawl.pages import generation_of, read_article, read_list
from kitacrawl.pages.article import ArticlePage
from kitacrawl.pages.listing import ListPageParser
from tests.pages.golden import GoldenSet

OLDER_ARTICLES = GoldenSet("article")
OLDER_LISTS = GoldenSet("list")
CURRENT_ARTICLES = GoldenSet("current_article")
CURRENT_LISTS = GoldenSet("current_list")
URL = "http://www.kita.org/about/newsView.do?no=2530"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<div class="board-detail theme-board1">', "current"),
        ('<p id="subTopTitle" class="h3">T</p>', "current"),
        ('<ul class="board-list-biz theme-board3"><li>', "current"),
        ('<div class="bbs-summary max">총 <strong>80</strong> 건</div>', "current"),
        ('<div class="view_cont"><p>x</p></div>', "older"),
        ('<table class="board_list"><tbody>', "older"),
        # chrome of the current template, no board: still that template
        ("<a onclick=\"global.moveMenu('/info/index.do', '')\">Home</a>", "current"),
        ('<footer class="ft"><div class="familysite"></div></footer>', "current"),
        # the older board wins over a current-looking menu handler
        ('<a onclick="global.moveMenu(\'/x.do\')">x</a><div class="view_cont">', "older"),
        # both boards: the current one is what the page is built of
        ('<div class="board-detail"></div><div class="view_cont"></div>', "current"),
        # names in a stylesheet or a script are no board
        ("<style>.board-list-biz b { color: red; }</style>", "older"),
        ("<script>if (i < n) { $('.board-detail').hide(); }</script>", "older"),
        # neither markup: the older path and its ParseError kinds
        ("<script>alert('The post has been deleted.'); history.back();</script>", "older"),
        ("", "older"),
        ("{}", "older"),
    ],
)
def test_generation_of(html: str, expected: str) -> None:
    assert generation_of(html) == expected


def test_generation_of_a_response() -> None:
    response = HtmlResponse(url=URL, body=b'<p id="subTopTitle">T</p>', encoding="utf-8")
    assert generation_of(response) == "current"


# -- the older fixtures through the dispatcher ------------------------------------
def _older_article(name: str) -> Any:
    meta = OLDER_ARTICLES.meta(name)
    urls = site.BoardUrls(meta["base_url"])
    for read in (
        lambda: read_article(OLDER_ARTICLES.response(name), urls=urls, no=meta["no"]),
        lambda: ArticlePage.from_response(
            OLDER_ARTICLES.response(name), urls=urls, no=meta["no"]
        ).to_item(),
    ):
        try:
            yield read().to_json()
        except ParseError as exc:
            yield ("error", exc.kind, exc.detail)


@pytest.mark.parametrize("name", OLDER_ARTICLES.cases)
def test_older_article_fixtures_read_as_before(name: str) -> None:
    assert generation_of(OLDER_ARTICLES.response(name)) == "older"
    through_dispatcher, page_object = _older_article(name)
    assert through_dispatcher == page_object


@pytest.mark.parametrize("name", OLDER_LISTS.cases)
def test_older_list_fixtures_read_as_before(name: str) -> None:
    assert generation_of(OLDER_LISTS.response(name)) == "older"
    urls = site.BoardUrls(OLDER_LISTS.meta(name)["base_url"])
    response = OLDER_LISTS.response(name)
    expected = ListPageParser.from_response(response, urls=urls).to_item()
    assert asdict(read_list(response, urls=urls)) == asdict(expected)


# -- pages in neither markup keep the older kinds ----------------------------------
@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (b"<script>alert('The post does not exist.'); history.back();</script>", "deleted"),
        (b"<html><head><script>alert('x');</script></head><body></body></html>", "deleted"),
        (b"", "truncated"),
        (b"<html><head><title>KITA", "truncated"),
        (b'<html><body><div id="footer"></div></body></html>', "unparsable"),
    ],
)
def test_neither_markup_keeps_the_older_kinds(body: bytes, kind: str) -> None:
    response = HtmlResponse(url=URL, body=body, headers={"Content-Type": "text/html"})
    with pytest.raises(ParseError) as raised:
        read_article(response, urls=site.NEWS_URLS, no=2530)
    assert raised.value.kind == kind


def test_neither_markup_list_has_no_rows() -> None:
    response = HtmlResponse(url=URL, body=b"<html><body>Not found</body></html>", encoding="utf-8")
    page = read_list(response, urls=site.NEWS_URLS)
    assert page.rows == []
    assert page.page_numbers == []


# -- a page of the real size --------------------------------------------------------
def grown(body: bytes, size: int = 235_000) -> bytes:
    """The page with its mega-menu and header script repeated until it is ``size`` bytes.

    The real pages are ~235 kB, nearly all menu and inline JS; the fixtures
    carry one copy of that chrome.
    """
    start, end = (
        body.index(b'<header class="hd">'),
        body.index(b"</script>", body.index(b"</header>")),
    )
    chrome = body[start : end + len(b"</script>")]
    copies = max(1, (size - len(body)) // len(chrome) + 1)
    at = end + len(b"</script>")
    return body[:at] + b"\n" + chrome * copies + body[at:]


def _grown_response(fixtures: GoldenSet, name: str) -> HtmlResponse:
    body = grown(fixtures.input_bytes(name))
    assert len(body) >= 235_000
    return HtmlResponse(
        url=fixtures.meta(name)["url"], body=body, headers={"Content-Type": "text/html"}
    )


@pytest.mark.parametrize(
    "name", ["english_badges_neighbours", "korean_labels_dext_debris", "attachments_session_ids"]
)
def test_a_full_size_article_page_reads_the_same(name: str) -> None:
    urls, no = CURRENT_ARTICLES.urls(name), CURRENT_ARTICLES.meta(name)["no"]
    small = read_article(CURRENT_ARTICLES.response(name), urls=urls, no=no)
    large = read_article(_grown_response(CURRENT_ARTICLES, name), urls=urls, no=no)
    assert large == small


@pytest.mark.parametrize("name", ["first_page", "nested_lists_biz_rows", "hrefs_session_ids"])
def test_a_full_size_list_page_reads_the_same(name: str) -> None:
    urls = CURRENT_LISTS.urls(name)
    small = read_list(CURRENT_LISTS.response(name), urls=urls)
    large = read_list(_grown_response(CURRENT_LISTS, name), urls=urls)
    assert large == small


# -- an XHTML page that declares its encoding ----------------------------------------
XML_DECLARATION = b'<?xml version="1.0" encoding="utf-8"?>\n'
INFERRED_ARTICLES = GoldenSet("inferred_article")
INFERRED_LISTS = GoldenSet("inferred_list")


def _declared(fixtures: GoldenSet, name: str) -> HtmlResponse:
    # lxml refuses a decoded str that declares an encoding: the page must not read as empty.
    return HtmlResponse(
        url=fixtures.meta(name)["url"],
        body=XML_DECLARATION + fixtures.input_bytes(name),
        headers={"Content-Type": "text/html; charset=utf-8"},
    )


@pytest.mark.parametrize(
    ("fixtures", "name"),
    [
        (OLDER_ARTICLES, "seed_2530"),
        (CURRENT_ARTICLES, "english_badges_neighbours"),
        (INFERRED_ARTICLES, "html5_article_time_subtitle"),
    ],
)
def test_an_xml_declaration_changes_no_article(fixtures: GoldenSet, name: str) -> None:
    urls, no = fixtures.urls(name), fixtures.meta(name).get("no")
    plain = read_article(fixtures.response(name), urls=urls, no=no)
    assert read_article(_declared(fixtures, name), urls=urls, no=no) == plain


@pytest.mark.parametrize(
    ("fixtures", "name"),
    [
        (OLDER_LISTS, "hits_thousands"),
        (CURRENT_LISTS, "first_page"),
        (INFERRED_LISTS, "dl_rows_defined_handler"),
    ],
)
def test_an_xml_declaration_changes_no_list(fixtures: GoldenSet, name: str) -> None:
    urls = fixtures.urls(name)
    plain = read_list(fixtures.response(name), urls=urls)
    assert plain.rows
    assert read_list(_declared(fixtures, name), urls=urls) == plain
