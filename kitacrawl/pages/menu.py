"""The board paths a page's own menu offers, to tell the operator where a board went.

When the list page the crawler asks for is not a list (a 404, a redirect to
the home page, a page without rows), the run fails and names the
``...List.do`` paths the site's menu links to: the current template's
``global.moveMenu('/board/photoNews/photoNewsList.do', ...)`` handlers and
plain hrefs alike, so that the operator can set the board's path. Pure code.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from parsel import Selector

from kitacrawl import site
from kitacrawl.pages import handlers


def board_paths(page: str | Selector, *, base_url: str | None = None) -> list[str]:
    """The ``...List.do`` paths a page links to, in page order, each once.

    Session ids and queries are dropped (a path is what the setting takes).
    Absolute URLs count only on KITA's English hosts (or ``base_url``'s):
    the Korean sister site's boards are not this site's.
    """
    # type="html": see ArticlePage.from_response (a JSON-looking body).
    sel = (
        page if isinstance(page, Selector) else Selector(text=page or "<html></html>", type="html")
    )
    base = base_url or site.DEFAULT_BASE_URL
    found: dict[str, None] = {}
    for value in sel.xpath("//@onclick | //a/@href | //area/@href").getall():
        script = value.strip()
        target = handlers.menu_path(script)
        if target is None:
            if script.lower().startswith("javascript:"):
                continue
            target = script
        path = _site_path(target, base)
        if path is not None and site.LIST_PATH_RE.search(path):
            found.setdefault(path, None)
    return list(found)


def _site_path(target: str, base_url: str) -> str | None:
    """The path of a link on this site, without session id or query; else None."""
    try:
        parts = urlsplit(site.strip_session(target.strip()))
    except ValueError:
        return None  # an unbalanced [ in a host: no link of this site
    if parts.scheme and parts.scheme not in ("http", "https"):
        return None
    if parts.netloc and not site.is_kita_host(parts.hostname or "", base_url):
        return None
    if not parts.path.startswith("/"):
        return None
    return parts.path


__all__ = ["board_paths"]
