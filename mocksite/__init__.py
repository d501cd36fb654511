"""kitacrawl's offline imitation of www.kita.org's English boards: news, Insights, photos.

``build_board`` makes a deterministic board of articles and bad pages,
``MockSite`` serves it on 127.0.0.1 (``server.py``), and
``python -m mocksite`` runs it from the command line. Tests and the
demo crawl it instead of the live site and compare what they stored with
``MockSite.ground_truth()`` (``truth.compare``).

The modules, from data to pages:

- ``seed.py``: the real article the site contract quotes, as data;
- ``words.py``: word pools and templates of generated posts;
- ``kinds.py``: good articles and the kinds of bad pages;
- ``variations.py``: the catalogue of markup variations, and the labels a page shows;
- ``model.py``: ``Post``, ``Block``, ``Attachment``, ``Variant``, ``Page``, ``ListOptions``;
- ``text.py``, ``urls.py``: small text functions; the board's paths and hosts;
- ``posts.py``: ``PostIndex``, a board's posts by id, neighbours and list rows;
- ``timeline.py``, ``assign.py``, ``compose.py``, ``build.py``: building a board
  (dates, variants, words, then ``build_board``);
- ``editor.py``: the article body as the site's editor stores it;
- ``markup/``: the pages as a template writes them: ``markup/older/`` (the
  2017-2022 pages at ``/about/newsList.do`` and ``/about/newsView.do``) and
  ``markup/current/`` (KITA's current framework, as kita.net shows it in
  2026: ``goDetailPage`` rows, badges, the body as a nested editor document,
  a mega-menu naming every board, session ids in every URL);
- ``board.py``: ``Board``, what each page shows, the ground truth of either
  template, changes;
- ``boards/``: the two other English boards, KITA Insights (two paths, two
  templates) and the Photo Gallery (``build_insights``, ``build_photos``);
- ``truth.py``: how a crawled database compares with the ground truth;
- ``server.py``: the HTTP server, its routes and its faults (``requestlog.py``:
  the requests it answered).

What the fake site serves, by ``MockSite`` options (``server.py`` has the details):

- ``MockSite(board)``: the older template at the old paths, as the site was
  in 2017-2022;
- ``MockSite(board, template="current")``: the board also at the current
  framework's paths (``/board/kitaNews/kitaNewsList.do``,
  ``/board/kitaNews/kitaNewsDetail.do?no=N``; ``list_path``, ``detail_path``
  and ``id_param`` change them), the old paths still serving the older pages;
  ``ground_truth()`` is the truth of the current pages;
- ``MockSite(board, moved=True)`` (or ``moved="home"``): the board only at the
  current paths; the old ones answer 404 (or redirect to ``/``), and the home
  page's menu names where the boards are now. The truth is the same articles
  at the new URLs.

- ``MockSite(board, boards=("news", "insights", "photos"))``: the other two
  boards as well, KITA Insights at ``/global/insightsView.do?insightsId=N``
  (older template) and ``/kitaInsights/kitaInsightsDetail.do?insightsId=N``
  (current template, canonical), the Photo Gallery at
  ``/about/photoView.do?photonewsId=N``; ``ground_truth(board="insights")``
  is one board's truth, ``truth.compare(..., board=...)`` judges one board.

Bad pages, faults and drift work the same in both templates; every board has
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
from mocksite.server import FAULTS, MockSite
from mocksite.urls import BOARD_NAMES, CURRENT_PATHS, INSIGHTS_PATHS, ServedPaths
from mocksite.variations import ALL_VARIATIONS

__all__ = [
    "ALL_VARIATIONS",
    "BOARD_NAMES",
    "CURRENT_PATHS",
    "CURRENT_VARIATIONS",
    "FAULTS",
    "INSIGHTS_PATHS",
    "INSIGHTS_VARIATIONS",
    "LIST_VARIATIONS",
    "PHOTO_VARIATIONS",
    "TEMPLATES",
    "FakeBoard",
    "InsightsBoard",
    "MockSite",
    "NewsBoard",
    "PhotoBoard",
    "ServedPaths",
    "build_board",
    "build_insights",
    "build_photos",
]
