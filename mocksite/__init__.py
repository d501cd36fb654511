"""kitacrawl's offline imitation of www.kita.org's English boards: news, Insights, photos.

``build_board`` makes a deterministic news board of articles and bad pages,
``MockSite`` serves it (and by request the other two boards) on 127.0.0.1,
and ``python -m mocksite`` runs it from the command line (every board by
default). Tests, the demo (``python -m mocksite.demo``) and the benchmarks
crawl it instead of the live site and compare what they stored with
``MockSite.ground_truth()`` (``truth.compare``).

The modules, from data to pages to the server:

- ``seed.py``: the real article the site contract quotes, as data;
- ``words.py``: word pools and templates of generated posts;
- ``kinds.py``: good articles, the kinds of bad pages, where a board puts them;
- ``variations.py``: the catalogue of the news board's markup variations, and
  the labels a page shows;
- ``model.py``: ``Post``, ``Block``, ``Attachment``, ``Variant``, ``Page``, ``ListOptions``;
- ``text.py``, ``urls.py``: small text functions; the boards' paths
  (``ServedPaths``) and hosts;
- ``posts.py``: ``PostIndex``, a board's posts by id, neighbours and list views;
- ``timeline.py``, ``assign.py``, ``compose.py``: a news post's date, variant
  and words; ``editor.py``: the article body as the site's editor stores it;
- ``boards/``: one module per board on a shared base (``FakeBoard``): the
  news board (``NewsBoard``, ``build_board``), KITA Insights and the Photo
  Gallery; each decides what its pages show and states its ground truth;
- ``markup/``: the pages as a template writes them: ``older/`` (2017-2022),
  ``current/`` (KITA's framework as kita.net shows it in 2026) and
  ``varied/`` (made-up markups from a seed, each within the contract's
  "what a crawler may rely on": ``markup_for``, ``DIMENSIONS``,
  ``representative_seeds``);
- ``serving.py``: the HTTP server; ``routes.py``: which page answers which
  request, and the page cache; ``faults.py``: the faults and their targets;
  ``server.py``: ``MockSite``, which puts them together; ``requestlog.py``:
  the requests it answered;
- ``truth.py``: what the site changes in a board's truth (faults, drift), and
  how a crawled database compares with it.

What the fake site serves, by ``MockSite`` options (``server.py`` has the details):

- ``MockSite(board)``: the older template at the old paths, as the site was
  in 2017-2022;
- ``MockSite(board, template="current")``: the board also at the current
  framework's paths (``/board/kitaNews/kitaNewsList.do``,
  ``/board/kitaNews/kitaNewsDetail.do?no=N``; ``list_path``, ``detail_path``
  and ``id_param`` change them), the old paths still serving the older pages;
  ``ground_truth()`` is the truth of the current pages;
- ``MockSite(board, moved=True)`` (or ``moved="home"``): the board only at the
  current paths; the old ones answer 404 (or redirect to ``/``);
- ``MockSite(board, markup=7)`` (a seed or a ``Markup``): the news board's
  pages at the site's paths in the made-up markup of seed 7;
  ``markup_scope="list"`` or ``"article"`` renders only those pages in it.
  The truth is the same but where the markup shows less (no counter on the
  article page: ``hits`` None) and ``generation`` ("inferred");
- ``MockSite(board, boards=("news", "insights", "photos"))``: the other two
  boards as well, KITA Insights at its older and newer paths, the Photo
  Gallery at ``/about/photoView.do?photonewsId=N`` (``photo_paths="both"``
  or ``"newer"``: at ``/photoGallery/photoGalleryDetail.do`` too, or only;
  ``photo_list="cards"``: its lists as a grid of cards);
  ``ground_truth(board="insights")`` is one board's truth.

Bad pages, faults and drift work the same in every template; every board has
bad pages, faults hit the news board only.
"""

from mocksite.boards import (
    INSIGHTS_VARIATIONS,
    PHOTO_VARIATIONS,
    TEMPLATES,
    FakeBoard,
    InsightsBoard,
    NewsBoard,
    PhotoBoard,
    build_board,
    build_insights,
    build_photos,
)
from mocksite.markup.current.variations import CURRENT_VARIATIONS, LIST_VARIATIONS
from mocksite.markup.varied import DIMENSIONS, Markup, markup_for, representative_seeds
from mocksite.server import FAULTS, MARKUP_SCOPES, PHOTO_PATHS_MODES, MockSite
from mocksite.urls import BOARD_NAMES, CURRENT_PATHS, INSIGHTS_PATHS, PHOTO_PATHS, ServedPaths
from mocksite.variations import ALL_VARIATIONS

__all__ = [
    "ALL_VARIATIONS",
    "BOARD_NAMES",
    "CURRENT_PATHS",
    "CURRENT_VARIATIONS",
    "DIMENSIONS",
    "FAULTS",
    "INSIGHTS_PATHS",
    "INSIGHTS_VARIATIONS",
    "LIST_VARIATIONS",
    "MARKUP_SCOPES",
    "PHOTO_PATHS",
    "PHOTO_PATHS_MODES",
    "PHOTO_VARIATIONS",
    "TEMPLATES",
    "FakeBoard",
    "InsightsBoard",
    "Markup",
    "MockSite",
    "NewsBoard",
    "PhotoBoard",
    "ServedPaths",
    "build_board",
    "build_insights",
    "build_photos",
    "markup_for",
    "representative_seeds",
]
