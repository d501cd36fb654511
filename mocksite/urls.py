"""Where things are on the imitated site: the board's paths, KITA's hosts, article URLs.

The imitation serves its pages under the paths the real site uses; its links to
files and images may name the real site's hosts, which a crawler of the
imitation must read as the imitation's own. The older template's paths are
fixed (``LIST_PATH``, ``VIEW_PATH``, ``FILE_PATH``); the current template's are
a ``ServedPaths``, whose defaults (``CURRENT_PATHS``) follow the framework's
``/board/<board>/<board>List.do`` style. KITA Insights' newer paths are a
``ServedPaths`` too (``INSIGHTS_PATHS``), and so are the Photo Gallery's (``PHOTO_PATHS``).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

BOARD_NAME = "news"
INSIGHTS_NAME = "insights"
PHOTOS_NAME = "photos"
# KITA's Korean trade news (www.kita.net): the same server imitates that site too.
TRADENEWS_NAME = "tradenews"
# Every board the imitation can serve, in the order the site's menus name them.
BOARD_NAMES = (BOARD_NAME, INSIGHTS_NAME, PHOTOS_NAME, TRADENEWS_NAME)
LIST_PATH = "/about/newsList.do"
VIEW_PATH = "/about/newsView.do"
FILE_PATH = "/cmm/fms/FileDown.do"
KITA_HOSTS = frozenset({"www.kita.org", "kita.org", "global.kita.net"})
# The host the current template writes into og:url, file previews and its JS globals.
CURRENT_HOST = "https://www.kita.org"
# The site id the current framework passes with every article id (``goDetailPage('N', '2')``).
SITE_ID = "2"


def article_url(base_url: str, no: int) -> str:
    return f"{base_url.rstrip('/')}{VIEW_PATH}?no={no}"


@dataclass(frozen=True, slots=True)
class ServedPaths:
    """The paths of the news board in the current template, and the name of its id parameter."""

    list_path: str = "/board/kitaNews/kitaNewsList.do"
    detail_path: str = "/board/kitaNews/kitaNewsDetail.do"
    id_param: str = "no"

    def __post_init__(self) -> None:
        for name in ("list_path", "detail_path"):
            value = getattr(self, name)
            if not value.startswith("/") or "?" in value or ";" in value:
                raise ValueError(f"{name} must be a path starting with '/', not {value!r}")
        if self.list_path == self.detail_path:
            raise ValueError("list_path and detail_path must differ")
        if not self.id_param.isidentifier():
            raise ValueError(f"id_param must be a plain parameter name, not {self.id_param!r}")

    @property
    def file_path(self) -> str:
        """The file servlet: ``fileDownload.do`` beside the detail page, as the framework has it."""
        return posixpath.join(posixpath.dirname(self.detail_path), "fileDownload.do")

    def article_url(self, base_url: str, no: int) -> str:
        """The canonical URL of article `no`: no site id, no list state, no session."""
        return f"{base_url.rstrip('/')}{self.detail_path}?{self.id_param}={no}"

    def file_url(self, base_url: str, seq: str, dtl_seq: str) -> str:
        """What the page's own ``doDownloadFile(seq, dtl)`` opens, session id stripped."""
        return f"{base_url.rstrip('/')}{self.file_path}?fileSeq={seq}&fileDtlSeq={dtl_seq}"


CURRENT_PATHS = ServedPaths()
# KITA Insights on the current framework's paths (from late 2022); its 2020-2022
# paths are the older template's (``markup/older/section.py``: ``INSIGHTS``).
INSIGHTS_PATHS = ServedPaths(
    "/kitaInsights/kitaInsightsList.do", "/kitaInsights/kitaInsightsDetail.do", "insightsId"
)
# The Photo Gallery on the current framework's paths (seen in 2023); its 2020 paths are
# the older template's (``markup/older/section.py``: ``PHOTOS``).
PHOTO_PATHS = ServedPaths(
    "/photoGallery/photoGalleryList.do", "/photoGallery/photoGalleryDetail.do", "photonewsId"
)
# KITA's Korean trade news (www.kita.net), in the current template.
TRADENEWS_PATHS = ServedPaths(
    "/board/totalTradeNews/totalTradeNewsList.do", "/board/totalTradeNews/totalTradeNewsDetail.do"
)
