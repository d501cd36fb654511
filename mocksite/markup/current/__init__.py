"""The current template of KITA's pages (kita.net's framework, seen in 2026), and its drifted copy.

The English news board rendered as the Korean site's framework renders its
boards today, after the site contract's section "The current KITA template"
and the real page fragments it describes:

- ``names.py``: the class names and ids a crawler finds things by
  (``DRIFT_NAMES`` renames them all);
- ``sessions.py``: where session ids go in URLs, the session cookie, the answer
  carrying both;
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

Decisions where the contract and the fragments leave things open: the body
does not repeat the title, and a subtitle is the body's first paragraph in
the older pages' ``- text -`` form (so title, subtitle and body read the same
in both templates); every article shows its date and counter badges, older
layouts included; a deleted post answers 200 with only a ``dlgAlert``
script, an empty body is the editor's document with one ``&nbsp;``
paragraph, and a truncated page stops between the (whole) nested document
and the footer, so a ``</html>`` is no proof that a page is complete; as on
the real list page, ``form#listForm`` closes before the rows (the contract
says it holds them); the neighbour slots are the first and last ``<p>`` of
``div.board-btns``, older post first, marked by a Korean comment or an
English one with a label; session ids are fixed per page (the post's, the
list page's), so pages stay cacheable and deterministic; error pages are the
web server's own, without the menu, which the home page carries.
"""

from mocksite.markup.current.article import article_html, deleted_html, truncate
from mocksite.markup.current.home import home_html
from mocksite.markup.current.listing import PAGE_UNITS, list_html
from mocksite.markup.current.names import DRIFT_NAMES, NAMES, Names
from mocksite.markup.current.sessions import answer, apply, cookie_header

__all__ = [
    "DRIFT_NAMES",
    "NAMES",
    "PAGE_UNITS",
    "Names",
    "answer",
    "apply",
    "article_html",
    "cookie_header",
    "deleted_html",
    "home_html",
    "list_html",
    "truncate",
]
