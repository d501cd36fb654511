"""kitacrawl's offline imitation of www.kita.org's English news board.

``build_board`` makes a deterministic board of articles and bad pages,
``MockSite`` serves it on 127.0.0.1 (``server.py``), and
``python -m kitacrawl.mocksite`` runs it from the command line. Tests and the
demo crawl it instead of the live site and compare what they stored with
``MockSite.ground_truth()`` (``truth.compare``).

The modules, from data to pages:

- ``seed.py``: the real article the site contract quotes, as data;
- ``words.py``: word pools and templates of generated posts;
- ``kinds.py``: good articles and the kinds of bad pages;
- ``variations.py``: the catalogue of markup variations, and the labels a page shows;
- ``model.py``: ``Post``, ``Block``, ``Attachment``, ``Variant``, ``Page``, ``ListOptions``;
- ``text.py``, ``urls.py``: small text functions; the board's paths and hosts;
- ``timeline.py``, ``assign.py``, ``compose.py``, ``build.py``: building a board
  (dates, variants, words, then ``build_board``);
- ``editor.py``: the article body as the site's editor stores it;
- ``markup/``: the pages as a template writes them (``markup/older/`` today);
- ``board.py``: ``Board``, what each page shows, the ground truth, changes;
- ``truth.py``: how a crawled database compares with the ground truth;
- ``server.py``: the HTTP server and its faults.
"""

from kitacrawl.mocksite.board import Board
from kitacrawl.mocksite.build import build_board
from kitacrawl.mocksite.server import FAULTS, MockSite
from kitacrawl.mocksite.variations import ALL_VARIATIONS

__all__ = ["ALL_VARIATIONS", "FAULTS", "Board", "MockSite", "build_board"]
