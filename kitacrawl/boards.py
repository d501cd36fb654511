"""KITA's boards, each described in a few declarative lines.

A board is a name, its paths and id parameter (the facts live in
:mod:`kitacrawl.site`; the settings may move them), and its page code where
its markup differs from the news board's. Everything else (the spider's
routing, the run, incremental state, the archive, drift detection, exit codes)
is the same machinery for every board: a board's spider is three lines
(:mod:`kitacrawl.spiders`). To add a board: its paths in ``site.BOARD_PATHS``,
a :class:`Board` here, a spider class, and its golden pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from kitacrawl import site
from kitacrawl.pages.article import ArticlePage
from kitacrawl.pages.current_article import CurrentArticlePage
from kitacrawl.pages.inferred_article import InferredArticlePage
from kitacrawl.pages.photo import CurrentPhotoPage, InferredPhotoPage, PhotoPage
from kitacrawl.pages.tradenews import TradeNewsArticlePage


@dataclass(frozen=True, slots=True)
class Board:
    name: str
    title: str
    # The page objects of its articles, per markup generation.
    older_page: type[ArticlePage] = ArticlePage
    current_page: type[CurrentArticlePage] = CurrentArticlePage
    # ... and in markup never seen, read by structure.
    inferred_page: type[InferredArticlePage] = InferredArticlePage
    # Titles start with a section (`[KITA News] ...`): it moves to `category`.
    category_prefix: bool = False
    # Its items may have no text: their images are their content.
    images_are_content: bool = False

    @property
    def paths(self) -> site.BoardPaths:
        return site.BOARD_PATHS[self.name]


NEWS = Board(site.BOARD_NEWS, "KITA News")
INSIGHTS = Board(site.BOARD_INSIGHTS, "KITA Insights", category_prefix=True)
PHOTOS = Board(
    site.BOARD_PHOTOS,
    "Photo Gallery",
    older_page=PhotoPage,
    current_page=CurrentPhotoPage,
    inferred_page=InferredPhotoPage,
    images_are_content=True,
)
# KITA's Korean trade news on www.kita.net (its own site: KITACRAWL_TRADENEWS_BASE_URL),
# in the current template with a head block and a site id.
TRADENEWS = Board(site.BOARD_TRADENEWS, "무역뉴스", current_page=TradeNewsArticlePage)
BOARDS: dict[str, Board] = {board.name: board for board in (NEWS, INSIGHTS, PHOTOS, TRADENEWS)}


def board(name: str) -> Board:
    """The board of this name; an unknown name reads like the news board."""
    return BOARDS.get(name, NEWS)
