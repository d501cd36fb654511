"""The current template of KITA's pages (kita.net's framework, seen in 2026), and its drifted copy.

The English news board rendered as the Korean site's framework renders its
boards today, after the site contract's section "The current KITA template"
and the real page fragments it describes:

- ``names.py``: the class names and ids a crawler finds things by
  (``DRIFT_NAMES`` renames them all);
- ``sessions.py``: where session ids go in URLs, and the session cookie;
- ``menu.py``: the mega-menu of ``global.moveMenu`` handlers naming every board;
- ``chrome.py``: head, header, inline scripts, footer, the document around
  the content (``PAGE_WEIGHT``);
- ``links.py``: the ``goDetailPage`` calls that stand for links to articles;
- ``dext.py``: the body as the DEXT editor's nested document;
- ``article.py``: the article page (``article_html``, ``truncate``,
  ``deleted_html``);
- ``listing.py``: the list page (``list_html``);
- ``home.py``: the home page (``home_html``);
- ``variations.py``: which variation a page shows, and the labels naming them.
"""

from kitacrawl.mocksite.markup.current.article import article_html, deleted_html, truncate
from kitacrawl.mocksite.markup.current.home import home_html
from kitacrawl.mocksite.markup.current.listing import PAGE_UNITS, list_html
from kitacrawl.mocksite.markup.current.names import DRIFT_NAMES, NAMES, Names
from kitacrawl.mocksite.markup.current.sessions import apply, cookie_header

__all__ = [
    "DRIFT_NAMES",
    "NAMES",
    "PAGE_UNITS",
    "Names",
    "apply",
    "article_html",
    "cookie_header",
    "deleted_html",
    "home_html",
    "list_html",
    "truncate",
]
