"""kitacrawl's offline imitation of www.kita.org's English news board.

``build_board`` makes a deterministic board of articles and bad pages
(``content.py``), ``MockSite`` serves it on 127.0.0.1 (``server.py``), and
``python -m kitacrawl.mocksite`` runs it from the command line. Tests and the
demo crawl it instead of the live site and compare what they stored with
``MockSite.ground_truth()``.
"""

from kitacrawl.mocksite.content import ALL_VARIATIONS, Board, build_board
from kitacrawl.mocksite.server import FAULTS, MockSite

__all__ = ["ALL_VARIATIONS", "FAULTS", "Board", "MockSite", "build_board"]
