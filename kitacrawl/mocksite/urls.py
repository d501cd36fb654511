"""Where things are on the imitated site: the board's paths, KITA's hosts, article URLs.

The imitation serves its pages under the paths the real site uses; its links to
files and images may name the real site's hosts, which a crawler of the
imitation must read as the imitation's own.
"""

from __future__ import annotations

BOARD_NAME = "news"
LIST_PATH = "/about/newsList.do"
VIEW_PATH = "/about/newsView.do"
FILE_PATH = "/cmm/fms/FileDown.do"
KITA_HOSTS = frozenset({"www.kita.org", "kita.org", "global.kita.net"})


def article_url(base_url: str, no: int) -> str:
    return f"{base_url.rstrip('/')}{VIEW_PATH}?no={no}"
