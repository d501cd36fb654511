"""The `insights` spider: the KITA Insights newsletter (``insightsId``), both of its paths."""

from __future__ import annotations

from kitacrawl import site
from kitacrawl.spiders.board import BoardSpider


class InsightsSpider(BoardSpider):
    name = "insights"
    board = site.BOARD_INSIGHTS
