"""Where a link of a KITA page points, whichever generation of markup wrote it.

Shared by the page objects: an element's href or script handler becomes a
canonical URL and, when it names an article of the board, its number; a
body's anchors and images become ``body`` and ``image`` links. One rule for
both generations, so that an article reads the same whichever template
served it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urljoin

from parsel import Selector

from kitacrawl import site
from kitacrawl.clean import normalise_space
from kitacrawl.items import Link
from kitacrawl.pages.scripts import ArticleCall, PageScripts
from kitacrawl.pages.text import attribute, excluded_roots, node_text, xpath_all


def link_target(
    element: Selector, urls: site.BoardUrls, page_url: str, scripts: PageScripts | None = None
) -> tuple[str, int | None] | None:
    """(url, article no) of a link written as an href or a script handler, else None.

    ``scripts`` reads handlers through the page's own definitions; without
    it, only the handlers KITA's pages are known to use are understood. A
    link to an article is its canonical URL (with its site id, on a board
    that has one, when the link names it).
    """
    href = (attribute(element, "href") or "").strip()
    onclick = attribute(element, "onclick") or ""
    call = _handler_call(onclick, href, urls, scripts)
    if call is not None:
        return urls.article_url(call.no, site_id=urls.site_id_of(call.extras)), call.no
    if not href or href.startswith("#") or href.lower().startswith(("javascript:", "data:")):
        return None
    if href.startswith("/") and not href.startswith("//"):
        # A path on this site: an article link needs no URL resolution.
        no = urls.no_from_url(href)
        if no is not None:
            return urls.article_url(no, site_id=urls.site_id_from_url(href)), no
    url = urls.absolute(href, page_url)
    if not url.lower().startswith(("http://", "https://", "mailto:")):
        return None
    no = urls.no_from_url(url)
    if no is not None:
        return urls.article_url(no, site_id=urls.site_id_from_url(url)), no
    return url, None


def _handler_call(
    onclick: str, href: str, urls: site.BoardUrls, scripts: PageScripts | None
) -> ArticleCall | None:
    if scripts is None:
        scripts = PageScripts("", urls)
    for script in (onclick, href):
        if script and "(" in script:
            call = scripts.article(script)
            if call is not None:
                return call
    return None


def article_no_of(
    element: Selector, page_url: str, urls: site.BoardUrls, scripts: PageScripts | None = None
) -> int | None:
    """The article a list row's element opens (handler first, then href), else None."""
    found = article_of(element, page_url, urls, scripts)
    return found[0] if found is not None else None


def article_of(
    element: Selector, page_url: str, urls: site.BoardUrls, scripts: PageScripts | None = None
) -> tuple[int, int | None] | None:
    """(article no, site id) an element opens (handler first, then href), else None.

    The site id is the one the handler's or the href's parameters name, on a
    board that has one (else None).
    """
    onclick = attribute(element, "onclick") or ""
    href = (attribute(element, "href") or "").strip()
    call = _handler_call(onclick, href, urls, scripts)
    if call is not None:
        return call.no, urls.site_id_of(call.extras)
    if href and not href.startswith("#") and not href.lower().startswith("javascript:"):
        url = urljoin(page_url, site.strip_session(href))
        no = urls.no_from_url(url)
        return (no, urls.site_id_from_url(url)) if no is not None else None
    return None


def body_links(
    body: Selector,
    urls: site.BoardUrls,
    page_url: str,
    exclude: Iterable[str],
    *,
    excluded: set[Any] | None = None,
    scripts: PageScripts | None = None,
) -> list[Link]:
    """The anchors (``body``) and images (``image``) of an article body, in document order."""
    if excluded is None:
        excluded = excluded_roots(body, exclude)
    links: list[Link] = []
    for element in xpath_all(body, ".//a[@href or @onclick] | .//img[@src]"):
        if any(ancestor in excluded for ancestor in element.root.iterancestors()):
            continue
        if element.root.tag == "img":
            src = (attribute(element, "src") or "").strip()
            if not src or src.lower().startswith(("data:", "javascript:")):
                continue
            url = urls.absolute(src, page_url)
            alt = normalise_space(attribute(element, "alt")) or None
            links.append(Link(rel="image", url=url, text=alt))
            continue
        target = link_target(element, urls, page_url, scripts)
        if target is None:
            continue
        text = normalise_space(node_text(element.root)) or None
        links.append(Link(rel="body", url=target[0], text=text, target_no=target[1]))
    return links


__all__ = ["article_no_of", "article_of", "body_links", "link_target"]
