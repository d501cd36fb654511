"""The `tradenews` spider: KITA's Korean trade news (``totalTradeNewsDetail.do?no=N&siteId=S``)."""

from __future__ import annotations

from kitacrawl import site
from kitacrawl.spiders.board import BoardSpider


class TradeNewsSpider(BoardSpider):
    name = "tradenews"
    board = site.BOARD_TRADENEWS
