"""The news list page: a response in, a :class:`ListPage` out.

Pure code. The "No." column is a row counter, never the id: the id comes
only from the row's link, written as an href or as a ``fn_view('N')``
handler. Pinned notices are flagged so that paging logic can ignore them.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any

from parsel import Selector

from kitacrawl import site
from kitacrawl.clean import normalise_space, parse_date, parse_hits
from kitacrawl.items import ListPage, ListRow
from kitacrawl.pages.links import article_no_of
from kitacrawl.pages.scripts import PageScripts
from kitacrawl.pages.text import (
    attribute,
    css_all,
    first,
    links_below,
    node_text,
    parse_html,
    response_text,
    xpath_all,
)

_HEADER_KEYS = (
    ("date", re.compile(r"date|등록일|작성일|게시일", re.I)),
    ("hit", re.compile(r"hit|view|조회", re.I)),
    ("title", re.compile(r"title|subject|제목", re.I)),
    ("no", re.compile(r"^\s*(no\.?|번호|num)", re.I)),
)


class ListPageParser:
    """One list page of a board, read through the selectors of :mod:`kitacrawl.site`."""

    def __init__(self, selector: Selector, url: str, *, urls: site.BoardUrls = site.NEWS_URLS):
        self.sel = selector
        self.page_url = url
        self.urls = urls
        # Set when ``sel`` holds only the contents slice (see ArticlePage).
        self._whole_page: str | None = None
        # The whole page, where its handlers are defined (its scripts).
        self.page_text: str | None = None

    @cached_property
    def scripts(self) -> PageScripts:
        """The page's handlers, read through their own definitions on the page."""
        text = self.page_text if self.page_text is not None else self.sel.get()
        return PageScripts(text, self.urls)

    @classmethod
    def from_response(
        cls, response: Any, *, urls: site.BoardUrls = site.NEWS_URLS
    ) -> ListPageParser:
        return cls.from_text(response_text(response), response.url, urls=urls)

    @classmethod
    def from_text(
        cls, text: str, url: str, *, urls: site.BoardUrls = site.NEWS_URLS
    ) -> ListPageParser:
        """Build from a page's decoded text and the URL it was served at."""
        region = site.content_region(text)
        # type="html": a body that parses as JSON must not become a JSON selector
        # (see ArticlePage.from_response).
        selector = parse_html(region if region is not None else text)
        parser = cls(selector, url, urls=urls)
        parser._whole_page = text if region is not None else None
        parser.page_text = text
        return parser

    def to_item(self) -> ListPage:
        page = self._to_item()
        if not page.rows and self._whole_page is not None:
            whole = type(self)(parse_html(self._whole_page), self.page_url, urls=self.urls)
            whole.page_text = self._whole_page
            return whole._to_item()
        return page

    def _to_item(self) -> ListPage:
        return ListPage(
            rows=self.rows(),
            current_page=self.current_page(),
            page_numbers=self.page_numbers(),
            total=self.total(),
        )

    def _columns(self) -> tuple[dict[str, int], int]:
        columns: dict[str, int] = {}
        headers = first(self.sel, site.LIST_HEADER)
        for index, th in enumerate(headers):
            label = normalise_space(node_text(th.root))
            for key, pattern in _HEADER_KEYS:
                if key not in columns and pattern.search(label):
                    columns[key] = index
                    break
        return columns, len(headers)

    def rows(self) -> list[ListRow]:
        columns = self._columns()
        rows: list[ListRow] = []
        seen: set[tuple[int, bool]] = set()
        for tr in first(self.sel, site.LIST_ROWS):
            row = self._row(tr, columns)
            if row is not None and (row.no, row.pinned) not in seen:
                seen.add((row.no, row.pinned))
                rows.append(row)
        return rows

    def _row(self, tr: Selector, columns: tuple[dict[str, int], int]) -> ListRow | None:
        target: tuple[int, Selector] | None = None
        for element in [tr, *links_below(tr)]:
            no = article_no_of(element, self.page_url, self.urls, self.scripts)
            if no is not None:
                target = (no, element)
                break
        if target is None:
            return None  # "No posts" rows, header rows, decoration
        no, link = target
        cells = xpath_all(tr, "./td|./th")

        def cell(key: str, css: str) -> str | None:
            found = css_all(tr, css)
            if found:
                return node_text(found[0].root)
            # Positions from the header are only trusted when the row has as many cells.
            index = columns[0].get(key)
            if index is not None and len(cells) == columns[1]:
                return node_text(cells[index].root)
            return None

        title_text = (
            node_text(link.root) if link.root is not tr.root else cell("title", "td.subject")
        )
        title = normalise_space(title_text) or None
        num_text = cell("no", "td.num")
        return ListRow(
            no=no,
            url=self.urls.article_url(no),
            title=title,
            published=parse_date(cell("date", "td.date")),
            hits=parse_hits(cell("hit", "td.hit"), bare=True),
            pinned=_is_pinned(tr, num_text),
        )

    def page_numbers(self) -> list[int]:
        numbers: set[int] = set()
        for container in first(self.sel, site.LIST_PAGING):
            for element in links_below(container):
                page = site.page_from_link(
                    attribute(element, "href"), attribute(element, "onclick")
                )
                if page is not None:
                    numbers.add(page)
            for text in container.css(_CURRENT_PAGE_TEXT).getall():
                page = site.read_id(text)
                if page is not None:
                    numbers.add(page)
        return sorted(numbers)

    def current_page(self) -> int | None:
        for container in first(self.sel, site.LIST_PAGING):
            for text in container.css(_CURRENT_PAGE_TEXT).getall():
                page = site.read_id(text)
                if page is not None:
                    return page
        return None

    def total(self) -> int | None:
        found = first(self.sel, site.LIST_TOTAL)
        if not found:
            return None
        digits = re.search(r"\d[\d,]*", node_text(found[0].root))
        return site.read_int(digits.group(0).replace(",", "")) if digits else None


# The current page's number: in <strong>, or in or just inside the item marked on/active
# (Bootstrap's <li class="active"><span>3</span></li>).
_CURRENT_PAGE_TEXT = "strong::text, .on::text, .active::text, .active > *::text"


def _is_pinned(tr: Selector, num_text: str | None) -> bool:
    classes = (attribute(tr, "class") or "").lower().split()
    if any(name in classes for name in site.PINNED_ROW_CLASSES):
        return True
    if num_text is None:
        return False
    return not normalise_space(num_text).replace(",", "").isdigit()
