"""The article page of KITA's current template: a response in, an :class:`Article` out.

The template of the framework KITA's sites render today (SITE.md, "The
current KITA template"): the title in the page's title block
(``p#subTopTitle``), date and counter in badges, the body in
``div.board-detail > div.detail-body`` as a whole second document written by
the DEXT editor, attachments and neighbours reached only through script
handlers. Pure code, one method per field, the same :class:`ParseError`
kinds as the older page (:mod:`kitacrawl.pages.article`).

Only the board's slice of the page is parsed, its scripts dropped
(:mod:`kitacrawl.pages.region`); a slice that gives no article is read again
from the whole page.

Decided where the contract is silent:

- A first paragraph repeating the title is taken off only when the markup
  makes it a heading (the whole paragraph bold or an ``<h*>``), as the
  2019–2022 editors wrote it and content carried over keeps it. The older
  page's word test alone would eat a short lede that restates the title
  ("KITA signed a memorandum of understanding with ..."), which is how
  bodies on this template open. A ``- subtitle -`` first paragraph (after
  such a heading, or first of all) is the subtitle, as on the older page.
- A neighbour's text is its anchor's ``title`` attribute, else its text
  without the ``<i>`` label; a bare label ("Previous") is no text.
- ``deleted`` needs an alert saying the post is gone (see
  ``site.CURRENT_GONE_ALERT_RE``); any other page without a board is
  ``unparsable``, so that a layout change is counted as one.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from datetime import date
from functools import cached_property
from typing import Any, Literal

from lxml import etree
from parsel import Selector

from kitacrawl import site
from kitacrawl.clean import (
    document_title,
    normalise_space,
    parse_count,
    parse_date,
    split_heading,
)
from kitacrawl.items import Article, Link, ParseError
from kitacrawl.pages import handlers
from kitacrawl.pages.article_base import ArticleFields
from kitacrawl.pages.links import body_links, link_target
from kitacrawl.pages.region import board_region, drop_scripts, has_any, head_title
from kitacrawl.pages.scripts import PageScripts
from kitacrawl.pages.text import (
    attribute,
    block_lines,
    css_all,
    excluded_roots,
    first,
    links_below,
    node_text,
    parse_html,
    response_text,
    xpath_all,
)

Side = Literal["prev", "next"]


class CurrentArticlePage(ArticleFields):
    """One article page of the current template, read through :mod:`kitacrawl.site`."""

    GENERATION = "current"

    def __init__(
        self,
        text: str,
        url: str,
        *,
        urls: site.BoardUrls = site.NEWS_URLS,
        no: int | None = None,
        board: str = site.BOARD_NEWS,
        whole: bool = False,
    ) -> None:
        self.text = text
        self.page_url = url
        self.urls = urls
        self.board = board
        self._no = no
        region = (
            None if whole else board_region(text, site.CURRENT_ARTICLE_START, site.CURRENT_PAGE_END)
        )
        # (start, end) of the parsed slice in ``text``; None: the whole page is parsed.
        self.region = region
        # The whole page is parsed as it is; a slice without its scripts.
        source = drop_scripts(text[region[0] : region[1]]) if region else text
        # type="html": see ArticlePage.from_response (a JSON-looking body).
        self.sel = parse_html(source)

    @classmethod
    def from_response(
        cls,
        response: Any,
        *,
        urls: site.BoardUrls = site.NEWS_URLS,
        no: int | None = None,
        board: str = site.BOARD_NEWS,
    ) -> CurrentArticlePage:
        """Build from an ``HtmlResponse`` (or anything with ``.url`` and ``.text``)."""
        return cls(response_text(response), response.url, urls=urls, no=no, board=board)

    @cached_property
    def scripts(self) -> PageScripts:
        """The page's handlers, read through its own definitions (the whole page's scripts)."""
        return PageScripts(self.text, self.urls)

    # -- whole-page checks --------------------------------------------------
    @cached_property
    def root(self) -> Selector:
        found = first(self.sel, site.CURRENT_DETAIL)
        return found[0] if found else self.sel

    def is_whole(self) -> bool:
        """Did the page arrive up to its footer?

        ``</html>`` alone proves nothing here: the body embeds a document of
        its own, so a page cut right after it ends with ``</html>`` too. It
        counts only when every ``<html>`` opened was closed.
        """
        start = self.region[0] if self.region else 0
        if has_any(self.text, site.CURRENT_PAGE_END, start):
            return True
        if not self.text[-4096:].rstrip().lower().endswith("</html>"):
            return False
        text = self.text
        opened = text.count("<html") + text.count("<HTML")
        closed = text.count("</html") + text.count("</HTML")
        return closed >= opened

    def check_page(self) -> None:
        """Raise ParseError when the page is not a whole article page."""
        if self._body_element is None and not self._title_elements:
            area = self.text[self.region[0] : self.region[1]] if self.region else self.text
            tail = self.text[-4096:].rstrip().lower()
            ends = tail.endswith(("</html>", "</script>"))
            # "lert" first: the pattern has no literal prefix to skip ahead with.
            if ends and "lert" in area and site.CURRENT_GONE_ALERT_RE.search(area):
                raise ParseError(
                    "deleted", "the page only says, in an alert, that the post is gone"
                )
        if not self.is_whole():
            raise ParseError("truncated", "the page ends before its footer")

    def to_item(self) -> Article:
        try:
            return self._to_item()
        except ParseError as exc:
            if self.region is None or exc.kind != "unparsable":
                raise
            # The board may have markup the slice markers miss: read it all once.
            whole = type(self)(
                self.text, self.page_url, urls=self.urls, no=self._no, board=self.board, whole=True
            )
            return whole._to_item()

    def may_show_more(self, article: Article) -> bool:
        """A date, counter or neighbours left empty where the template's block for it is missing."""
        if article.published is None and not first(self.sel, site.CURRENT_DATE):
            return True
        if article.hits is None and not first(self.sel, site.CURRENT_HIT):
            return True
        has_neighbours = any(link.rel in ("prev", "next") for link in article.links)
        return not has_neighbours and not first(self.sel, site.CURRENT_MOVE)

    # -- fields -------------------------------------------------------------
    @cached_property
    def _title_elements(self) -> list[Selector]:
        return list(first(self.sel, site.CURRENT_TITLE))

    def title(self) -> str:
        return self._title

    @cached_property
    def _title(self) -> str:
        for element in self._title_elements:
            text = normalise_space(node_text(element.root))
            if text:
                return text
        for element in self._title_elements:
            text = normalise_space(attribute(element, "title"))
            if text:
                return text
        # The page's own <title> is the post title alone on this template;
        # never a <title> inside the body's embedded document.
        raw = head_title(self.text)
        return document_title(html.unescape(raw)) if raw else ""

    def published(self) -> date | None:
        for badge in first(self.sel, site.CURRENT_DATE):
            value = parse_date(node_text(badge.root))
            if value:
                return value
        return None

    def hits(self) -> int | None:
        for badge in first(self.sel, site.CURRENT_HIT):
            value = parse_count(node_text(badge.root))
            if value is not None:
                return value
        return None

    @cached_property
    def _body_element(self) -> Selector | None:
        found = first(self.sel, site.CURRENT_BODY)
        return found[0] if found else None

    @cached_property
    def _body_excluded(self) -> set[Any]:
        # Searched once for both the body's text and its links.
        body = self._body_element
        return excluded_roots(body, site.CURRENT_BODY_EXCLUDE) if body is not None else set()

    @cached_property
    def _split_body(self) -> tuple[str | None, list[str]]:
        body = self._body_element
        if body is None:
            return None, []
        lines = block_lines(body, excluded=self._body_excluded)
        heading = bool(lines) and _is_heading(body, lines[0])
        return split_heading(lines, self.title() if heading else "")

    def subtitle(self) -> str | None:
        return self._split_body[0]

    def paragraphs(self) -> list[str]:
        return self._split_body[1]

    # -- links --------------------------------------------------------------
    def neighbours(self) -> list[Link]:
        """The previous (older) and next (newer) articles the page links to."""
        found: dict[Side, tuple[int, str | None]] = {}
        unsided: list[tuple[int, str | None]] = []
        for container in first(self.root, site.CURRENT_MOVE) or first(self.sel, site.CURRENT_MOVE):
            for slot in xpath_all(container, "./*"):
                target = self._neighbour_in(slot)
                if target is None:
                    continue
                side = _slot_side(slot)
                if side is None:
                    unsided.append(target)
                else:
                    found.setdefault(side, target)
        current = self.no()
        for target in unsided:
            # No side marked: the number says it (ids grow with time).
            if current is not None:
                found.setdefault("prev" if target[0] < current else "next", target)
        return [
            Link(rel=side, url=self.urls.article_url(no), text=text, target_no=no)
            for side, (no, text) in sorted(found.items(), key=lambda item: item[0] != "prev")
        ]

    def _neighbour_in(self, slot: Selector) -> tuple[int, str | None] | None:
        """(article no, title) of the article a slot links to, else None."""
        for element in [slot, *links_below(slot)]:
            call = self.scripts.article(attribute(element, "onclick")) or self.scripts.article(
                attribute(element, "href")
            )
            if call is not None:
                no = call.no
            else:
                linked = link_target(element, self.urls, self.page_url, self.scripts)
                if linked is None or linked[1] is None:
                    continue
                no = linked[1]
            if no == self.no():
                continue  # the page linking to itself is no neighbour
            return no, _anchor_text(element)
        return None

    @cached_property
    def _download_template(self) -> handlers.DownloadTemplate | None:
        # The definition sits in the page's own script after the board; the
        # rest of the page is searched only when it is not there.
        if self.region is None:
            return handlers.download_template(self.text)
        start, end = self.region
        return (
            handlers.download_template(self.text, start, end)
            or handlers.download_template(self.text, end)
            or handlers.download_template(self.text, 0, start)
        )

    def _download_url(self, arguments: tuple[str, ...]) -> str:
        template = self._download_template
        if template is not None:
            url = template.url(arguments)
        else:
            url = handlers.default_download_url(self.urls.paths.detail_paths[0], arguments)
        return self.urls.absolute(url, self.page_url)

    def attachments(self) -> list[Link]:
        """One link per file (its preview and download buttons repeat the same call)."""
        found: list[Link] = []
        seen: set[str] = set()
        for row in first(self.root, site.CURRENT_FILES):
            names = first(row, site.CURRENT_FILE_NAME)
            url: str | None = None
            for element in [*names, *links_below(row)]:
                url = self._file_url(element)
                if url is not None:
                    break
            if url is None or url in seen:
                continue
            seen.add(url)
            text = normalise_space(node_text(names[0].root)) if names else ""
            found.append(Link(rel="attachment", url=url, text=text or None))
        return found

    def _file_url(self, element: Selector) -> str | None:
        for script in (attribute(element, "onclick"), attribute(element, "href")):
            arguments = handlers.download_arguments(script)
            if arguments is not None:
                return self._download_url(arguments)
        target = link_target(element, self.urls, self.page_url, self.scripts)
        return target[0] if target is not None and target[1] is None else None

    def body_links(self) -> list[Link]:
        body = self._body_element
        if body is None:
            return []
        return body_links(
            body, self.urls, self.page_url, (), excluded=self._body_excluded, scripts=self.scripts
        )


def _slot_side(slot: Selector) -> Side | None:
    """Which neighbour a ``div.board-btns`` slot holds, from its comment, classes or labels.

    The signals are asked strongest first, each only if the ones before said
    nothing: the template's comment (``<!-- 이전글 -->``), then class names,
    then label text; a neighbour's own title ("Next Steps for ...") is read
    last, so it rarely decides.
    """
    for signal in _side_signals(slot):
        prev = site.CURRENT_PREV_RE.search(signal) is not None
        next_ = site.CURRENT_NEXT_RE.search(signal) is not None
        if prev != next_:
            return "prev" if prev else "next"
    return None


def _side_signals(slot: Selector) -> Iterator[str]:
    yield " ".join(str(comment.text or "") for comment in slot.root.iter(etree.Comment))
    yield " ".join(
        attribute(element, "class") or "" for element in [slot, *css_all(slot, "[class]")]
    )
    yield " ".join(node_text(element.root) for element in css_all(slot, "i, em, dt, .label"))
    yield node_text(slot.root)


def _is_heading(body: Selector, line: str) -> bool:
    """Is this line of the body the whole text of a bold run or a heading element?"""
    return any(
        normalise_space(node_text(element.root)) == line
        for element in css_all(body, site.CURRENT_BODY_HEADING)
    )


def _anchor_text(element: Selector) -> str | None:
    """A neighbour's title: the ``title`` attribute, else the text without its label."""
    text = normalise_space(attribute(element, "title"))
    if not text:
        text = normalise_space(node_text(element.root))
        for label in css_all(element, "i"):
            label_text = normalise_space(node_text(label.root))
            if label_text:
                text = normalise_space(text.replace(label_text, " ", 1))
    if not text or site.CURRENT_NEIGHBOUR_LABEL_RE.fullmatch(text):
        return None  # nothing, or only a label ("Previous", "이전글")
    return text


__all__ = ["CurrentArticlePage"]
