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
from kitacrawl.items import Article, Generation, ListPage
from kitacrawl.pages.current_list import CurrentListPageParser
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

    The board picks the page objects (a photo item reads its images) and says
    whether a title's ``[Category]`` prefix moves to ``category``.
    """
    from kitacrawl.boards import board as board_of  # noqa: PLC0415 - boards import page objects

    spec = board_of(board)
    text = response_text(response)
    if generation_of(text) == "current":
        page: Any = spec.current_page(text, response.url, urls=urls, no=no, board=board)
        article: Article = page.to_item()
    else:
        article = spec.older_page.from_text(
            text, response.url, urls=urls, no=no, board=board
        ).to_item()
    if spec.category_prefix:
        article.category, article.title = split_category(article.title)
    return article


def read_list(response: Any, *, urls: site.BoardUrls) -> ListPage:
    """What a list page shows, whichever markup it is in."""
    text = response_text(response)
    if generation_of(text) == "current":
        return CurrentListPageParser(text, response.url, urls=urls).to_item()
    return ListPageParser.from_text(text, response.url, urls=urls).to_item()


__all__ = ["generation_of", "read_article", "read_list"]
