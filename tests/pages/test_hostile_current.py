"""Property tests: hostile mutations of current-template pages never crash the page code.

The mutations of ``test_hostile_pages`` (cut short, elements deleted or
duplicated, junk bytes, huge attributes, deep nesting, floods of ``<br>``,
class names swapped, numbers rewritten, something that is not HTML) applied
to the current-template golden pages, read through ``read_article`` /
``read_list`` as the spider will: a valid item or a ParseError of a known
kind, nothing else. Reproducible (derandomized, no example database).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from scrapy.http import HtmlResponse

from kitacrawl import site
from kitacrawl.items import Article, ListPage, ParseError
from kitacrawl.pages import read_article, read_list
from tests.pages.golden import GoldenSet
from tests.pages.test_hostile_pages import (
    HOSTILE,
    LINK_RELS,
    PARSE_ERROR_KINDS,
    SQLITE_MAX_INT,
    Mutation,
    apply,
    break_floods,
    class_swaps,
    deep_nestings,
    deletions,
    duplications,
    huge_attributes,
    insertions,
    number_rewrites,
    replacements,
    truncations,
)

CURRENT_TAGS = (
    "html", "head", "title", "script", "body", "header", "footer", "form", "div", "p", "ul",
    "li", "a", "span", "i", "strong", "b", "font", "img", "br", "select", "option", "style",
)  # fmt: skip
CURRENT_CLASSES = (
    "sub-top", "board-detail", "detail-body", "detail-footer", "attachfile-list", "filename",
    "board-btns", "badge", "write", "view", "board-list", "board-list-biz", "subject", "date",
    "font-numbers", "bbs-summary", "pagination", "active", "disabled", "ft", "familysite",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Page:
    """One golden page of the current template, as served."""

    name: str
    url: str
    urls: site.BoardUrls = field(repr=False)
    body: bytes = field(repr=False)
    no: int | None = None


def _pages(kind: str) -> tuple[Page, ...]:
    fixtures = GoldenSet(kind)
    return tuple(
        Page(
            name,
            fixtures.meta(name)["url"],
            fixtures.urls(name),
            fixtures.input_bytes(name),
            fixtures.meta(name)["no"],
        )
        for name in fixtures.cases
    )


ARTICLES = _pages("current_article")
LISTS = _pages("current_list")


def mutations() -> st.SearchStrategy[Mutation]:
    return st.one_of(
        truncations(),
        deletions(CURRENT_TAGS),
        duplications(CURRENT_TAGS),
        insertions(),
        huge_attributes(CURRENT_TAGS),
        deep_nestings(),
        break_floods(),
        class_swaps(CURRENT_CLASSES),
        number_rewrites("utf-8"),
        replacements(),
    )


def _response(page: Page, data: bytes) -> HtmlResponse:
    return HtmlResponse(url=page.url, body=data, headers={"Content-Type": "text/html"})


def _read_article(page: Page, data: bytes) -> Article | ParseError:
    try:
        return read_article(_response(page, data), urls=page.urls, no=page.no)
    except ParseError as exc:
        return exc


def check_article(page: Page, data: bytes) -> None:
    article = _read_article(page, data)
    if isinstance(article, ParseError):
        assert article.kind in PARSE_ERROR_KINDS, article
        assert article.detail, article
        return
    expected_no = page.no if page.no is not None else page.urls.no_from_url(page.url)
    assert article.no == expected_no
    assert article.url == page.urls.article_url(article.no)
    assert article.title.strip(), "an article with an empty title"
    assert article.body.strip(), "an article with an empty body"
    assert all(p.strip() for p in article.body.split("\n\n")), "an empty paragraph"
    assert article.published is None or isinstance(article.published, date)
    assert article.hits is None or 0 <= article.hits <= SQLITE_MAX_INT
    for link in article.links:
        assert link.rel in LINK_RELS
        assert link.url
        assert link.target_no is None or 0 < link.target_no <= SQLITE_MAX_INT, link


def check_list(page: Page, data: bytes) -> None:
    result = read_list(_response(page, data), urls=page.urls)
    assert isinstance(result, ListPage)
    for row in result.rows:
        assert 0 < row.no <= SQLITE_MAX_INT, row
        assert row.url == page.urls.article_url(row.no)
        assert row.title is None or row.title.strip()
        assert row.published is None or isinstance(row.published, date)
        assert row.hits is None or 0 <= row.hits <= SQLITE_MAX_INT
    assert len({row.no for row in result.rows}) == len(result.rows)
    assert result.page_numbers == sorted(set(result.page_numbers))
    assert all(0 < number <= SQLITE_MAX_INT for number in result.page_numbers)
    assert result.current_page is None or result.current_page in result.page_numbers
    assert result.total is None or 0 <= result.total <= SQLITE_MAX_INT


@settings(HOSTILE)
@given(page=st.sampled_from(ARTICLES), mutate=mutations())
def test_current_article_mutated(page: Page, mutate: Mutation) -> None:
    check_article(page, mutate(page.body))


@settings(HOSTILE)
@given(page=st.sampled_from(ARTICLES), mutate=st.lists(mutations(), min_size=2, max_size=4))
def test_current_article_mutations_combined(page: Page, mutate: list[Mutation]) -> None:
    check_article(page, apply(mutate, page.body))


@settings(HOSTILE)
@given(page=st.sampled_from(LISTS), mutate=mutations())
def test_current_list_mutated(page: Page, mutate: Mutation) -> None:
    check_list(page, mutate(page.body))


@settings(HOSTILE)
@given(page=st.sampled_from(LISTS), mutate=st.lists(mutations(), min_size=2, max_size=4))
def test_current_list_mutations_combined(page: Page, mutate: list[Mutation]) -> None:
    check_list(page, apply(mutate, page.body))
