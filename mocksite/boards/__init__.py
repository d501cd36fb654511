"""The imitation's boards, one module each on a shared base.

- ``base.py``: ``FakeBoard``, what every board shares: posts by id (a
  ``PostIndex``, ``posts.py``), the answers for bad pages, the shape of its
  ground truth and of its variation counts;
- ``news.py``: the news board (``NewsBoard``, ``build_board``), in the older
  and the current template;
- ``insights.py``: KITA Insights at its older path (older layout) and its
  newer one (current template), one board (``InsightsBoard``,
  ``build_insights``);
- ``photos.py``: the Photo Gallery, items whose images are their content
  (``PhotoBoard``, ``build_photos``);
- ``items.py``: the other two boards' posts (``InsightsItem``, ``PhotoItem``
  and its ``Photo``s); ``words.py``: their word pools, and the real items
  the contract quotes.

``MockSite(..., boards=("news", "insights", "photos"))`` serves them together
(``server.py``).
"""

from mocksite.boards.base import FakeBoard
from mocksite.boards.insights import INSIGHTS_VARIATIONS, InsightsBoard, build_insights
from mocksite.boards.news import TEMPLATES, NewsBoard, build_board
from mocksite.boards.photos import PHOTO_VARIATIONS, PhotoBoard, build_photos

__all__ = [
    "INSIGHTS_VARIATIONS",
    "PHOTO_VARIATIONS",
    "TEMPLATES",
    "FakeBoard",
    "InsightsBoard",
    "NewsBoard",
    "PhotoBoard",
    "build_board",
    "build_insights",
    "build_photos",
]
