"""The `news` spider: KITA's English news board (``/about/newsView.do?no=N``)."""

from __future__ import annotations

from kitacrawl import site
from kitacrawl.spiders.board import BoardSpider


class NewsSpider(BoardSpider):
    name = "news"
    board = site.BOARD_NEWS
