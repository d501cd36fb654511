"""Page code: a response in, a typed item out (no I/O, no scheduling).

The spider calls :func:`read_article` and :func:`read_list`, which pick the
page object of the page's markup generation (:mod:`kitacrawl.pages.detect`);
:func:`board_paths` names the boards a page's menu offers.
"""

from kitacrawl.pages.detect import generation_of, read_article, read_list
from kitacrawl.pages.menu import board_paths

__all__ = ["board_paths", "generation_of", "read_article", "read_list"]
