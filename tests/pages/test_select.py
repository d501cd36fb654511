"""kitacrawl.pages.select answers every selector of kitacrawl.site exactly as parsel's CSS does."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from parsel import Selector

from kitacrawl import site
from kitacrawl.pages.select import Index, parse
from kitacrawl.pages.text import css_all, response_text
from tests.pages.golden import GOLDEN_ROOT, GoldenSet

# Every selector chain and group of the site module: what page code asks of a page.
CHAINS = (
    "ARTICLE_ROOT", "ARTICLE_TITLE", "ARTICLE_INFO", "ARTICLE_DATE", "ARTICLE_HIT",
    "ARTICLE_BODY", "ARTICLE_FILES", "ARTICLE_MOVE", "ARTICLE_PREV", "ARTICLE_NEXT",
    "PAGE_END_MARKERS", "BODY_EXCLUDE", "LIST_ROWS", "LIST_HEADER", "LIST_PAGING", "LIST_TOTAL",
    "CURRENT_TITLE", "CURRENT_DATE", "CURRENT_HIT", "CURRENT_DETAIL", "CURRENT_BODY",
    "CURRENT_FILES", "CURRENT_FILE_NAME", "CURRENT_MOVE", "CURRENT_BODY_EXCLUDE",
    "CURRENT_LIST_ROWS", "CURRENT_ROW_LINK", "CURRENT_ROW_DATE", "CURRENT_ROW_HIT",
    "CURRENT_TOTAL", "CURRENT_PAGING", "PHOTO_EXCLUDE", "PHOTO_CAPTION",
)  # fmt: skip
SELECTORS = sorted(
    {css for name in CHAINS for css in getattr(site, name)}
    | {
        ", ".join(site.BODY_EXCLUDE),
        ", ".join(site.CURRENT_BODY_EXCLUDE),
        ", ".join(site.PHOTO_EXCLUDE),
        site.CURRENT_BODY_HEADING,
    }
)
PAGES = sorted(Path(GOLDEN_ROOT).glob("*/*/input.html"))


@pytest.mark.parametrize("css", SELECTORS)
def test_every_site_selector_is_read(css: str) -> None:
    assert parse(css)


@pytest.mark.parametrize(
    "page", PAGES, ids=lambda path: f"{path.parent.parent.name}/{path.parent.name}"
)
def test_the_index_answers_as_parsel_does(page: Path) -> None:
    kind, name = page.parent.parent.name, page.parent.name
    selector = Selector(
        text=response_text(GoldenSet(kind).response(name)) or "<html/>", type="html"
    )
    index = Index(selector.root)
    scopes = [None, *[el for el in selector.root.iter() if isinstance(el.tag, str)][::25]]
    for css in SELECTORS:
        for scope in scopes:
            scope_sel = selector if scope is None else Selector(root=scope, type="html")
            want = [found.root for found in css_all(scope_sel, css)]
            assert index.select(css, scope) == want, (css, scope)


@pytest.mark.parametrize(
    ("css", "html", "expected"),
    [
        (
            "div.a > p.b",
            "<div class='a x'><p class='b'>1</p><span><p class='b'>2</p></span></div>",
            ["1"],
        ),
        ("div.a p.b", "<div class='a'><span><p class='b'>2</p></span></div>", ["2"]),
        (
            "ul[class^='board-list'] > li",
            "<ul class='board-list box'><li>1</li></ul><ul class='x board-list'><li>2</li></ul>",
            ["1"],
        ),
        ("ul[class*=' board-list'] > li", "<ul class='x board-list'><li>2</li></ul>", ["2"]),
        ("a[title]", "<a title=''>1</a><a>2</a>", ["1"]),
        (
            "span.view, span.hit",
            "<span class='hit'>1</span><span class='view'>2</span>",
            ["1", "2"],
        ),
        ("p#subTopTitle", "<p id='subTopTitle'>1</p><div id='subTopTitle'>2</div>", ["1"]),
        (
            ".x .y .z",
            "<div class='x'><div class='y'><div class='y'><b class='z'>1</b></div></div></div>",
            ["1"],
        ),
    ],
)
def test_one_line_pages(css: str, html: str, expected: list[str]) -> None:
    root = etree.HTML(f"<html><body>{html}</body></html>")
    assert [el.text for el in Index(root).select(css)] == expected
