"""Which generation of KITA's markup a page is, and the page object that reads it.

The live site may serve a board from the older 2017–2022 layout or from the
current framework's template (SITE.md), and may switch while a crawl runs,
so the choice is made per page, from what the page contains, never from a
setting. :func:`read_article` and :func:`read_list` are the entry points the
spider calls; they hand the page to :class:`~kitacrawl.pages.article.ArticlePage`
/ :class:`~kitacrawl.pages.listing.ListPageParser` or to their current-template
counterparts. A page in neither markup (an alert-only answer, a page cut off
early, something else entirely) goes the older way, whose ParseError kinds
(``deleted``, ``truncated``, ``unparsable``) the run ledger knows.
"""

from __future__ import annotations

from typing import Any

from kitacrawl import site
from kitacrawl.clean import split_category
from kitacrawl.items import Article, Generation, Link, ListPage, ParseError
from kitacrawl.pages.current_list import CurrentListPageParser
from kitacrawl.pages.inferred_list import InferredListPage
from kitacrawl.pages.listing import ListPageParser
from kitacrawl.pages.region import has_any, last_in_tag, tag_start
from kitacrawl.pages.text import response_text


def generation_of(page: Any) -> Generation:
    """``"current"`` or ``"older"``: the markup of a page (a response, or its text).

    A few substring searches from the end of the page, no parsing: the
    board's own class decides (the current template's hyphenated
    ``board-detail``/``board-list``, the older layout's ``board_view``/
    ``board_list``), then other board markers; a page with none is current
    only if it carries the current template's chrome (its menu handlers, its
    footer).
    """
    text = page if isinstance(page, str) else response_text(page)
    word = last_in_tag(text, site.BOARD_TOKEN, site.CURRENT_BOARD_WORDS + site.OLDER_BOARD_WORDS)
    if word is not None:
        return "current" if word in site.CURRENT_BOARD_WORDS else "older"
    if _in_a_tag(text, site.CURRENT_CONTENT_MARKERS):
        return "current"
    if _in_a_tag(text, site.OLDER_CONTENT_MARKERS):
        return "older"
    return "current" if has_any(text, site.CURRENT_CHROME_MARKERS) else "older"


def _in_a_tag(text: str, tokens: tuple[str, ...]) -> bool:
    # In a tag, not in a stylesheet or a script: `.board-list {` is no board.
    return any(tag_start(text, token) >= 0 for token in tokens)


def read_article(
    response: Any,
    *,
    urls: site.BoardUrls,
    no: int | None = None,
    board: str = site.BOARD_NEWS,
) -> Article:
    """The article a detail page shows, whichever markup it is in; else ParseError.

    The page object of the page's generation reads it first (the fast path).
    A page it cannot read (``unparsable``), or where it leaves out a date, a
    counter, neighbours or attachments the page may show, is read again by
    structure (:mod:`kitacrawl.pages.inferred_article`): its answer replaces
    the failure, or fills the fields the known reader left out when both
    agree on title and body. Either way the article says how it was read
    (``generation``). The board picks the page objects (a photo item reads
    its images) and says whether a title's ``[Category]`` prefix moves to
    ``category``.
    """
    from kitacrawl.boards import board as board_of  # noqa: PLC0415 - boards import page objects

    spec = board_of(board)
    text = response_text(response)
    url = response.url
    urls = urls.serving(url)
    known: Article | None = None
    failure: ParseError | None = None
    if generation_of(text) == "current":
        page: Any = spec.current_page(text, url, urls=urls, no=no, board=board)
    else:
        page = spec.older_page.from_text(text, url, urls=urls, no=no, board=board)
    try:
        known = page.to_item()
    except ParseError as exc:
        if exc.kind != "unparsable":
            raise
        failure = exc
    if known is None or page.may_show_more(known):
        inferred = _inferred(spec, text, url, urls=urls, no=no, board=board)
        if known is None:
            if inferred is None:
                assert failure is not None
                raise failure
            known = inferred
        elif inferred is not None:
            known = _filled(known, inferred)
    if spec.category_prefix:
        known.category, known.title = split_category(known.title)
    return known


def _inferred(
    spec: Any, text: str, url: str, *, urls: site.BoardUrls, no: int | None, board: str
) -> Article | None:
    try:
        page = spec.inferred_page(text, url, urls=urls, no=no, board=board)
        article: Article = page.to_item()
    except ParseError:
        return None
    return article


def _filled(known: Article, inferred: Article) -> Article:
    """The known reading, with what the structural one found where it found nothing.

    Only when both read the same title and body: a page the two readings
    disagree on keeps the known one, which matched the markup it knows.
    """

    def read(article: Article) -> tuple[str, str, str | None]:
        return article.title, article.body, article.subtitle

    if read(known) != read(inferred):
        return known
    filled = False
    if known.published is None and inferred.published is not None:
        known.published, filled = inferred.published, True
    if known.hits is None and inferred.hits is not None:
        known.hits, filled = inferred.hits, True
    for rels in (("prev", "next"), ("attachment",)):
        if not any(link.rel in rels for link in known.links):
            found = [link for link in inferred.links if link.rel in rels]
            if found:
                known.links = _merged(known.links, found)
                filled = True
    if filled:
        known.generation = "inferred"
    return known


def _merged(links: list[Link], added: list[Link]) -> list[Link]:
    """Links in the item's order: neighbours, attachments, then the body's."""
    order = {"prev": 0, "next": 1, "attachment": 2}
    combined = [*links, *added]
    return sorted(combined, key=lambda link: order.get(link.rel, 3))


def read_list(response: Any, *, urls: site.BoardUrls) -> ListPage:
    """What a list page shows, whichever markup it is in.

    The known reader of the page's generation first; a page where it finds
    no row is read by structure (:mod:`kitacrawl.pages.inferred_list`); rows
    it found without any date or counter take those the structural reading
    finds for the same articles.
    """
    text = response_text(response)
    urls = urls.serving(response.url)
    counters_possible = True
    if generation_of(text) == "current":
        parser = CurrentListPageParser(text, response.url, urls=urls)
        known = parser.to_item()
        # A list that shows no counter at all is not read again for them (the structural
        # reading of a ~50 kB page costs ten article pages' reading).
        counters_possible = parser.may_show_counters()
    else:
        known = ListPageParser.from_text(text, response.url, urls=urls).to_item()
    lacking = (
        not all(row.published for row in known.rows)
        or (counters_possible and not all(row.hits is not None for row in known.rows))
        or not known.page_numbers
    )
    if known.rows and not lacking:
        return known
    inferred = InferredListPage(text, response.url, urls=urls).to_item()
    if not known.rows:
        return inferred if inferred.rows else known
    return _rows_filled(known, inferred)


def _rows_filled(known: ListPage, inferred: ListPage) -> ListPage:
    """The known reading, with the dates, counters and pins the structural one found.

    When both read the same articles in the same order, the known rows are
    filled in place; when the structural reading has every article the known
    one has and more to say of them (a pinned copy of a row the known reader
    folded into one, say), it is taken whole. Otherwise the known one stays.
    """
    by_no = {row.no: row for row in inferred.rows}
    if any(row.no not in by_no for row in known.rows):
        return known
    gained = any(
        (row.published is None and by_no[row.no].published is not None)
        or (row.hits is None and by_no[row.no].hits is not None)
        or (by_no[row.no].pinned and not row.pinned)
        for row in known.rows
    )
    if [row.no for row in known.rows] != [row.no for row in inferred.rows]:
        if not gained:
            return known
        if not inferred.page_numbers:
            inferred.page_numbers, inferred.current_page = known.page_numbers, known.current_page
        return inferred
    filled = False
    for row, other in zip(known.rows, inferred.rows, strict=True):
        if row.published is None and other.published is not None:
            row.published, filled = other.published, True
        if row.hits is None and other.hits is not None:
            row.hits, filled = other.hits, True
        if other.pinned and not row.pinned:
            row.pinned, filled = True, True
    if not known.page_numbers and inferred.page_numbers:
        known.page_numbers, known.current_page = inferred.page_numbers, inferred.current_page
        filled = True
    if filled:
        known.generation = "inferred"
    return known


__all__ = ["generation_of", "read_article", "read_list"]
