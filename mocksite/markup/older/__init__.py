"""The older template of KITA's English pages (2017-2022), and its drifted copy.

- ``names.py``: the class names a crawler finds things by (``DRIFT_NAMES``
  renames them all);
- ``section.py``: what differs from board to board (heading, menus, paths,
  the query of its links): ``NEWS``, ``INSIGHTS``, ``PHOTOS``;
- ``chrome.py``: header, all-menu, side menu, footer and the document around
  the content;
- ``links.py``: the forms of a link to an article;
- ``article.py``: the article page (``article_html``, ``truncate``);
- ``listing.py``: the list page (``list_html``).
"""

from mocksite.markup.older.article import article_html, truncate
from mocksite.markup.older.listing import list_html
from mocksite.markup.older.names import DRIFT_NAMES, NAMES, Names
from mocksite.markup.older.section import INSIGHTS, NEWS, PHOTOS, Section

__all__ = [
    "DRIFT_NAMES",
    "INSIGHTS",
    "NAMES",
    "NEWS",
    "PHOTOS",
    "Names",
    "Section",
    "article_html",
    "list_html",
    "truncate",
]
