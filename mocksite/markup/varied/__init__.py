"""Made-up markups of the site's boards, many from a seed, each within the site contract.

Nobody knows the markup www.kita.org serves today; the contract says what
every generation seen so far keeps ("Markup nobody has seen (what a
crawler may rely on)"). A ``Markup`` picks, from a seed, one option of every
dimension in which pages may vary within that (``catalogue.py``: rows,
links and handlers, dates and counters, paging, the article's head, body,
files, neighbours, ...), and made-up class names and handler names
(``names.py``, ``scripts.py``). The same board rendered in any markup has
the same ground truth, but where a markup shows less (no counter on the
article page).

- ``catalogue.py``: ``DIMENSIONS``, ``Markup``, ``markup_for(seed)``,
  ``representative_seeds(n)``;
- ``names.py``: class names and ids; ``scripts.py``: handlers and their
  inline definitions; ``links.py``: where links lead (``Place``, ``Links``);
- ``chrome.py``: the page around the content;
- ``listing.py``: the list page (``list_html``); ``article.py``: the article
  page (``article_html``, ``truncate``); ``gallery.py``: the Photo Gallery's
  list (``gallery_html``).
"""

from mocksite.markup.varied.article import Written, article_html, truncate
from mocksite.markup.varied.catalogue import (
    DIMENSION_NAMES,
    DIMENSIONS,
    Dimension,
    Markup,
    as_markup,
    markup_for,
    representative_seeds,
)
from mocksite.markup.varied.links import Place
from mocksite.markup.varied.listing import list_html

__all__ = [
    "DIMENSIONS",
    "DIMENSION_NAMES",
    "Dimension",
    "Markup",
    "Place",
    "Written",
    "article_html",
    "as_markup",
    "list_html",
    "markup_for",
    "representative_seeds",
    "truncate",
]
