"""The list page of KITA's current template: a response in, a :class:`ListPage` out.

Rows are the direct children of the board's list (``ul.board-list... > li``:
rows hold lists of their own), each opening its article through
``goDetailPage('N'[, 'S'])`` (the first argument is the id) or, on some rows,
an href. The paging bar is ``ul.pagination`` of ``goPage(n)`` handlers, the
current page an ``a.active`` without one; disabled arrows keep their onclick
(``goPage(0)`` on the mobile "previous" of page 1) and are not pages to go
to. Pure code; only the board's slice is parsed (see
:mod:`kitacrawl.pages.region`).

Decided where the contract is silent: the real list fragments mark no
notices (no class, no badge), so a row is pinned only when a later markup
says so: a notice class on the row (``li.is-notice``) or a badge of its own
that says "공지" / "Notice". A notice repeated at the top of every page is a
row the plan has already seen, and paging still ends.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property
from typing import Any

from parsel import Selector

from kitacrawl import site
from kitacrawl.clean import normalise_space, parse_count, parse_date
from kitacrawl.items import ListPage, ListRow
from kitacrawl.pages.links import article_of
from kitacrawl.pages.region import board_region, drop_scripts
from kitacrawl.pages.scripts import PageScripts
from kitacrawl.pages.text import (
    attribute,
    first,
    links_below,
    node_text,
    parse_html,
    response_text,
    xpath_all,
)


class CurrentListPageParser:
    """One list page of a board on the current template."""

    def __init__(
        self,
        text: str,
        url: str,
        *,
        urls: site.BoardUrls = site.NEWS_URLS,
        whole: bool = False,
    ) -> None:
        self.text = text
        self.page_url = url
        self.urls = urls
        region = (
            None if whole else board_region(text, site.CURRENT_LIST_START, site.CURRENT_PAGE_END)
        )
        self.region = region
        # The whole page is parsed as it is; a slice without its scripts.
        source = drop_scripts(text[region[0] : region[1]]) if region else text
        self.source = source
        # type="html": see ArticlePage.from_response (a JSON-looking body).
        self.sel = parse_html(source)

    def may_show_counters(self) -> bool:
        """Could the board's part of the page show a counter anywhere? Not without one of
        the words a counter is labelled by (in its text or its markup): then no reading,
        known or structural, finds one (the Korean trade news' list shows none)."""
        return site.COUNTER_WORD_RE.search(self.source) is not None

    @classmethod
    def from_response(
        cls, response: Any, *, urls: site.BoardUrls = site.NEWS_URLS
    ) -> CurrentListPageParser:
        return cls(response_text(response), response.url, urls=urls)

    @cached_property
    def scripts(self) -> PageScripts:
        """The page's handlers, read through its own definitions (the whole page's scripts)."""
        return PageScripts(self.text, self.urls)

    def to_item(self) -> ListPage:
        page = self._to_item()
        if not page.rows and self.region is not None:
            # Rows the slice markers missed: read the whole page once.
            return type(self)(self.text, self.page_url, urls=self.urls, whole=True)._to_item()
        return page

    def _to_item(self) -> ListPage:
        return ListPage(
            rows=self.rows(),
            current_page=self.current_page(),
            page_numbers=self.page_numbers(),
            total=self.total(),
            generation="current",
        )

    # -- rows ---------------------------------------------------------------
    def rows(self) -> list[ListRow]:
        rows: list[ListRow] = []
        seen: set[int] = set()
        for li in first(self.sel, site.CURRENT_LIST_ROWS):
            row = self._row(li)
            if row is not None and row.no not in seen:
                seen.add(row.no)
                rows.append(row)
        return rows

    def _row(self, li: Selector) -> ListRow | None:
        no, site_id, link = self._target(li)
        if no is None:
            return None  # "no posts" rows and decoration
        if link is None or not (attribute(link, "title") or "").strip():
            named = first(li, site.CURRENT_ROW_LINK)
            link = named[0] if named else link
        title = None
        if link is not None:
            title = normalise_space(attribute(link, "title")) or normalise_space(
                node_text(link.root)
            )
        return ListRow(
            no=no,
            # The board's site id (Korean trade news) is part of the article's URL.
            url=self.urls.article_url(no, site_id=site_id),
            title=title or None,
            published=self._published(li),
            hits=self._hits(li),
            pinned=_pinned(li.root),
        )

    def _target(self, li: Selector) -> tuple[int | None, int | None, Selector | None]:
        """The row's article number, its site id (if any) and the element that opens it."""
        for element in [li, *links_below(li)]:
            call = self.scripts.article(attribute(element, "onclick")) or self.scripts.article(
                attribute(element, "href")
            )
            found = (
                (call.no, self.urls.site_id_of(call.extras))
                if call
                else article_of(element, self.page_url, self.urls, self.scripts)
            )
            if found is not None:
                return found[0], found[1], element if element.root is not li.root else None
        return None, None, None

    def _published(self, li: Selector) -> date | None:
        for element in first(li, site.CURRENT_ROW_DATE):
            value = parse_date(node_text(element.root))  # a range gives its first date
            if value:
                return value
        return None

    def _hits(self, li: Selector) -> int | None:
        for element in first(li, site.CURRENT_ROW_HIT):
            value = parse_count(node_text(element.root))
            if value is not None:
                return value
        return None

    # -- paging -------------------------------------------------------------
    @cached_property
    def _paging_links(self) -> list[tuple[int | None, bool, bool]]:
        """(page, active, disabled) of every link of the paging bar."""
        found: list[tuple[int | None, bool, bool]] = []
        for container in first(self.sel, site.CURRENT_PAGING):
            for element in xpath_all(container, ".//a"):
                classes = (attribute(element, "class") or "").lower().split()
                active = "active" in classes or "on" in classes
                disabled = "disabled" in classes or attribute(element, "aria-disabled") == "true"
                page = self.scripts.page(attribute(element, "onclick")) or site.page_from_link(
                    attribute(element, "href"), None
                )
                if page is None and active:
                    page = site.read_id(node_text(element.root))
                found.append((page, active, disabled))
        return found

    def page_numbers(self) -> list[int]:
        """The pages the bar links to (numbers and arrows), the current one included.

        A disabled arrow names a page (``goPage(8)`` on the last page's "next")
        without offering it; it is left out, so that it never reads as "a
        next page exists".
        """
        numbers = {
            page
            for page, active, disabled in self._paging_links
            if page is not None and (active or not disabled)
        }
        current = self.current_page()
        if current is not None:
            numbers.add(current)
        return sorted(numbers)

    def current_page(self) -> int | None:
        for page, active, _disabled in self._paging_links:
            if active and page is not None:
                return page
        # The mobile bar's `<strong>2</strong> / 12` says it too.
        for container in first(self.sel, site.CURRENT_PAGING):
            for text in container.css("strong::text").getall():
                page = site.read_id(text)
                if page is not None:
                    return page
        return None

    def total(self) -> int | None:
        found = first(self.sel, site.CURRENT_TOTAL)
        number = site.COUNT_RE.search(node_text(found[0].root)) if found else None
        return site.read_int(number.group(1).replace(",", "")) if number else None


def _pinned(row: Any) -> bool:
    """A notice class on the row, or a short badge of its own saying it is one."""
    if site.PINNED_CLASS_STRICT_RE.search((row.get("class") or "").lower()):
        return True
    for element in row.iterdescendants():
        if not isinstance(element.tag, str) or len(element):
            continue
        text = (element.text or "").strip()
        if text and len(text) <= _BADGE_CHARS and site.PINNED_LABEL_RE.fullmatch(text):
            return True
    return False


# "공지", "[Notice]": a badge is a word or two.
_BADGE_CHARS = 12

__all__ = ["CurrentListPageParser"]
