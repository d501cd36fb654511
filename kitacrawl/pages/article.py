"""The news article page: a response in, an :class:`Article` out.

Pure code: no I/O, no Scrapy scheduling. One method per field. Structural
failures (a deleted article, a page cut off, a page without a title or body)
raise :class:`ParseError` with a short kind, so that nothing half-parsed ever
becomes an item.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property
from typing import Any

from parsel import Selector

from kitacrawl import site
from kitacrawl.clean import (
    clean_title,
    normalise_space,
    parse_date,
    parse_hits,
    parse_hits_after_date,
    split_heading,
)
from kitacrawl.items import Article, Link, LinkRel, ParseError
from kitacrawl.pages.article_base import ArticleFields
from kitacrawl.pages.links import body_links, link_target
from kitacrawl.pages.scripts import PageScripts
from kitacrawl.pages.text import (
    attribute,
    block_lines,
    excluded_roots,
    first,
    links_below,
    node_text,
    parse_html,
    response_text,
)


class ArticlePage(ArticleFields):
    """One news article page, read through the selectors of :mod:`kitacrawl.site`."""

    GENERATION = "older"

    def __init__(
        self,
        selector: Selector,
        url: str,
        *,
        urls: site.BoardUrls = site.NEWS_URLS,
        no: int | None = None,
        board: str = site.BOARD_NEWS,
        raw_text: str | None = None,
    ) -> None:
        self.sel = selector
        self.page_url = url
        self.urls = urls
        self.board = board
        self._no = no
        self._raw_text = raw_text
        self._paragraphs: tuple[str | None, list[str]] | None = None
        # Set when ``sel`` holds only the content slice: the whole page, to
        # read again if the slice does not give an article.
        self._whole_page: str | None = None
        # The content slice of the page's text (None: none found), once looked for.
        self._region: str | None = None
        self._region_read = False

    @classmethod
    def from_response(
        cls,
        response: Any,
        *,
        urls: site.BoardUrls = site.NEWS_URLS,
        no: int | None = None,
        board: str = site.BOARD_NEWS,
    ) -> ArticlePage:
        """Build from an ``HtmlResponse`` (or anything with ``.url`` and ``.text``)."""
        return cls.from_text(response_text(response), response.url, urls=urls, no=no, board=board)

    @classmethod
    def from_text(
        cls,
        text: str,
        url: str,
        *,
        urls: site.BoardUrls = site.NEWS_URLS,
        no: int | None = None,
        board: str = site.BOARD_NEWS,
    ) -> ArticlePage:
        """Build from a page's decoded text and the URL it was served at."""
        region = site.content_region(text)
        page = cls(
            # type="html": parsel would take a body that parses as a JSON object
            # or array (`{}`, `[]`) for a JSON document, on which CSS raises.
            parse_html(region if region is not None else text),
            url,
            urls=urls,
            no=no,
            board=board,
            raw_text=text,
        )
        page._whole_page = text if region is not None else None
        page._region, page._region_read = region, True
        return page

    @cached_property
    def scripts(self) -> PageScripts:
        """The page's handlers, read through its own definitions (the whole page's scripts)."""
        text = self._raw_text if self._raw_text is not None else self.sel.get()
        return PageScripts(text, self.urls)

    # -- whole-page checks --------------------------------------------------
    @cached_property
    def root(self) -> Selector:
        found = first(self.sel, site.ARTICLE_ROOT)
        return found[0] if found else self.sel

    def check_page(self) -> None:
        """Raise ParseError when the page is not a whole article page."""
        text = self._raw_text if self._raw_text is not None else self.sel.get()
        tail = text[-4096:].lower().rstrip()
        has_body = self._body_element is not None
        if not has_body and not first(self.sel, site.ARTICLE_TITLE):
            scripts = " ".join(self.sel.xpath("//script/text()").getall())
            # The layout's own scripts (search-box validation) call alert() too, so a
            # page cut off in its header is not "deleted": the alert answer arrives
            # whole, as a document or as nothing but the script.
            if site.ALERT_RE.search(scripts) and ("</html>" in tail or tail.endswith("</script>")):
                raise ParseError("deleted", "the page is only an alert() script")
        # The text test first: it is free, the footer lookup scans the whole page.
        if "</html>" not in tail and not first(self.sel, site.PAGE_END_MARKERS):
            raise ParseError("truncated", "the page ends before its footer")

    def to_item(self) -> Article:
        try:
            return self._to_item()
        except ParseError:
            if self._whole_page is None:
                raise
            whole = type(self)(
                parse_html(self._whole_page),
                self.page_url,
                urls=self.urls,
                no=self._no,
                board=self.board,
                raw_text=self._whole_page,
            )
            return whole._to_item()

    def may_show_more(self, article: Article) -> bool:
        """A field left empty where the known block for it is missing from the page.

        A page of the 2017 layout shows no date line in a head that is there
        (``.view_top``): nothing more to find. A head, neighbours or files in
        blocks of other names may hold what this reading missed.
        """
        if (article.published is None or article.hits is None) and not first(
            self.root, site.ARTICLE_INFO
        ):
            return True
        if not any(link.rel in ("prev", "next") for link in article.links) and not first(
            self.sel, site.ARTICLE_MOVE
        ):
            return True
        if any(link.rel == "attachment" for link in article.links):
            return False
        raw = self._raw_text or ""
        region = (self._region if self._region_read else site.content_region(raw)) or raw
        return site.mentions_download_link(region) and not first(self.root, site.ARTICLE_FILES)

    # -- fields -------------------------------------------------------------
    def title(self) -> str:
        return self._title

    @cached_property
    def _title(self) -> str:
        return self._heading[0]

    @cached_property
    def _heading(self) -> tuple[str, str]:
        """(title, the date and counter drawn inside the title's heading, if any)."""
        found = first(self.root, site.ARTICLE_TITLE) or first(self.sel, site.ARTICLE_TITLE)
        if not found:
            return "", ""
        heading = found[0].root
        text = node_text(heading)
        meta: list[str] = []
        # A date or counter drawn inside the heading (`<small>2021-05-10 · Views 432</small>`)
        # is no part of the title.
        for child in heading.iterdescendants():
            if not isinstance(child.tag, str):
                continue
            own = node_text(child)
            if own and (site.DATE_RE.search(own) or site.HIT_LABELLED_RE.search(own)):
                text = text.replace(own, " ", 1)
                meta.append(own)
        return clean_title(text), normalise_space(" ".join(meta))

    @cached_property
    def _body_element(self) -> Selector | None:
        found = first(self.root, site.ARTICLE_BODY)
        return found[0] if found else None

    @cached_property
    def _body_excluded(self) -> set[Any]:
        # Searched once for both the body's text and its links.
        body = self._body_element
        return excluded_roots(body, site.BODY_EXCLUDE) if body is not None else set()

    @cached_property
    def _info(self) -> str:
        return normalise_space(f"{self._info_text()} {self._heading[1]}")

    def _info_text(self) -> str:
        found = first(self.root, site.ARTICLE_INFO)
        if not found:
            return ""
        info = found[0]
        text = node_text(info.root)
        # The `.view_top` fallback holds the title too; a year in a title is no date.
        title_el = first(info, site.ARTICLE_TITLE)
        if title_el:
            text = text.replace(node_text(title_el[0].root), " ", 1)
        return normalise_space(text)

    def published(self) -> date | None:
        found = first(self.root, site.ARTICLE_DATE)
        if found:
            value = parse_date(node_text(found[0].root))
            if value:
                return value
        return parse_date(self._info)

    def hits(self) -> int | None:
        found = first(self.root, site.ARTICLE_HIT)
        if found:
            value = parse_hits(node_text(found[0].root), bare=True)
            if value is not None:
                return value
        info = self._info
        labelled = parse_hits(info)
        return labelled if labelled is not None else parse_hits_after_date(info)

    def _split_body(self) -> tuple[str | None, list[str]]:
        """The subtitle and the body paragraphs, the repeated title removed."""
        if self._paragraphs is None:
            body = self._body_element
            lines = block_lines(body, excluded=self._body_excluded) if body is not None else []
            # A "Back to list" link at the top or foot of the body is the page's button.
            lines = [line for line in lines if not _is_list_button(line)]
            self._paragraphs = split_heading(lines, self.title())
        return self._paragraphs

    def subtitle(self) -> str | None:
        return self._split_body()[0]

    def paragraphs(self) -> list[str]:
        return self._split_body()[1]

    # -- links --------------------------------------------------------------
    def _link_target(self, element: Selector) -> tuple[str, int | None] | None:
        """(url, article no) of a link written as an href or a script handler."""
        return link_target(element, self.urls, self.page_url, self.scripts)

    def neighbours(self) -> list[Link]:
        move = first(self.root, site.ARTICLE_MOVE) or first(self.sel, site.ARTICLE_MOVE)
        if not move:
            return []
        container = move[0]
        found: list[Link] = []
        for rel, selectors in (("prev", site.ARTICLE_PREV), ("next", site.ARTICLE_NEXT)):
            for slot in first(container, selectors):
                link = self._neighbour_in(slot, rel)  # type: ignore[arg-type]  # rel is prev/next
                if link:
                    found.append(link)
                    break
        if found:
            return found
        # No prev/next classes: order the linked articles by number around ours.
        current = self.no()
        for element in links_below(container):
            target = self._link_target(element)
            if target and target[1] is not None:
                rel = "prev" if current is not None and target[1] < current else "next"
                text = normalise_space(node_text(element.root)) or None
                found.append(Link(rel=rel, url=target[0], text=text, target_no=target[1]))  # type: ignore[arg-type]  # rel is prev/next
        return found

    def _neighbour_in(self, slot: Selector, rel: LinkRel) -> Link | None:
        for element in [slot, *links_below(slot)]:
            target = self._link_target(element)
            if target and target[1] is not None:
                text = normalise_space(node_text(element.root))
                if not text:
                    dd = slot.css("dd")
                    text = normalise_space(node_text(dd[0].root)) if dd else ""
                return Link(rel=rel, url=target[0], text=text or None, target_no=target[1])
        return None

    def attachments(self) -> list[Link]:
        found: list[Link] = []
        seen: set[str] = set()
        for element in first(self.root, site.ARTICLE_FILES):
            script = " ".join(attribute(element, name) or "" for name in ("onclick", "href"))
            match = site.DOWNLOAD_HANDLER_RE.search(script)
            if match:
                url = self.urls.file_url(match.group(1), match.group(2))
            else:
                target = self._link_target(element)
                if target is None:
                    continue
                url = target[0]
            if url in seen:
                continue
            seen.add(url)
            text = normalise_space(node_text(element.root)) or None
            if text is None or site.DOWNLOAD_LABEL_RE.fullmatch(text):
                text = _file_name_beside(element.root) or text
            found.append(Link(rel="attachment", url=url, text=text))
        return found

    def body_links(self) -> list[Link]:
        body = self._body_element
        if body is None:
            return []
        found = body_links(
            body, self.urls, self.page_url, (), excluded=self._body_excluded, scripts=self.scripts
        )
        # The list button inside the body is no link of the article's.
        return [link for link in found if not (link.text and _is_list_button(link.text))]


def _is_list_button(text: str) -> bool:
    return bool(site.LIST_BUTTON_RE.fullmatch(text.strip(" " + site.NEIGHBOUR_ARROWS)))


def _file_name_beside(element: Any) -> str | None:
    """A file's name written beside a link that only says "Download" (one file a holder)."""
    holder = element.getparent()
    if holder is None:
        return None
    links = [
        inner
        for inner in holder.iter()
        if isinstance(inner.tag, str)
        and (inner.get("href") is not None or inner.get("onclick") is not None)
    ]
    if len(links) != 1:
        return None
    text = normalise_space(site.DOWNLOAD_LABEL_RE.sub(" ", node_text(holder)))
    text = normalise_space(site.FILE_SIZE_RE.sub(" ", text))
    return text if text and site.FILE_EXTENSION_RE.search(text) else None


__all__ = ["ArticlePage"]
