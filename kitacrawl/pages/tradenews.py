"""The article page of KITA's Korean trade news (무역뉴스): the current template, and more.

The page is the current template's (:mod:`kitacrawl.pages.current_article`):
title block, badges, the DEXT document in ``div.detail-body``, attachments
through the page's own ``doDownloadFile``, neighbours through
``goDetailPage('N', 'S')``. What this board adds (SITE.md, "KITA's Korean
trade news"):

- a ``div.detail-head`` block beside the body, the template's label and value
  pairs (source, category), which is no body text: what it says becomes the
  article's ``category`` (``출처: 연합뉴스; 분류: 통상``), and it is left out of
  the body even where a page nests it there;
- a site id (``siteId``: 1, 2 or 6) the article is fetched with and kept
  under: the URL's, else the one the page's own form carries.

Pure code, as every page object.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from kitacrawl import site
from kitacrawl.clean import normalise_space
from kitacrawl.pages.current_article import CurrentArticlePage
from kitacrawl.pages.text import excluded_roots, first, node_text, xpath_all


class TradeNewsArticlePage(CurrentArticlePage):
    """One article page of the Korean trade news."""

    @cached_property
    def _body_excluded(self) -> set[Any]:
        body = self._body_element
        return excluded_roots(body, site.TRADENEWS_BODY_EXCLUDE) if body is not None else set()

    def category(self) -> str | None:
        """The head block's pairs, ``label: value`` joined by ``; ``, else its text; else None."""
        found = first(self.root, site.TRADENEWS_HEAD) or first(self.sel, site.TRADENEWS_HEAD)
        if not found:
            return None
        head = found[0]
        pairs: list[str] = []
        for pair in xpath_all(head, site.TRADENEWS_HEAD_PAIR):
            label = normalise_space(" ".join(node_text(dt) for dt in pair.root.iter("dt")))
            value = normalise_space(" ".join(node_text(dd) for dd in pair.root.iter("dd")))
            if value:
                pairs.append(f"{label}: {value}" if label else value)
        text = "; ".join(pairs) or normalise_space(node_text(head.root))
        return text or None

    def site_id(self) -> int | None:
        """The URL's site id, else the one the page's form holds for the article it shows."""
        from_url = super().site_id()
        if from_url is not None:
            return from_url
        tag = site.TRADENEWS_SITE_INPUT_RE.search(self.text)
        value = site.INPUT_VALUE_RE.search(tag.group(0)) if tag else None
        return site.read_int(value.group(1)) if value else None


__all__ = ["TradeNewsArticlePage"]
