"""The imitation's other English boards: KITA Insights and the Photo Gallery.

The news board lives in ``board.py`` and ``build.py``; the two other boards
the site contract has seen live here, each a ``PostIndex`` (``posts.py``)
with its own id sequence, pages and ground truth, written by the same two
templates (``markup/``):

- ``items.py``: their posts (``InsightsItem``, ``PhotoItem`` and its ``Photo``s);
- ``words.py``: their word pools, and the real items the contract quotes;
- ``insights.py``: KITA Insights at its older path (older layout) and its
  newer one (current template), one board (``build_insights``);
- ``photos.py``: the Photo Gallery, items whose images are their content
  (``build_photos``).

``MockSite(..., boards=("news", "insights", "photos"))`` serves them beside
the news board (``server.py``).
"""

from mocksite.boards.insights import INSIGHTS_VARIATIONS, InsightsBoard, build_insights
from mocksite.boards.photos import PHOTO_VARIATIONS, PhotoBoard, build_photos

__all__ = [
    "INSIGHTS_VARIATIONS",
    "PHOTO_VARIATIONS",
    "InsightsBoard",
    "PhotoBoard",
    "build_insights",
    "build_photos",
]
