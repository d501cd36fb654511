"""The `photos` spider: the Photo Gallery (``photonewsId``)."""

from __future__ import annotations

from kitacrawl import site
from kitacrawl.spiders.board import BoardSpider


class PhotosSpider(BoardSpider):
    name = "photos"
    board = site.BOARD_PHOTOS
