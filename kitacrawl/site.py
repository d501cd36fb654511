"""Everything kitacrawl knows about KITA's site: hosts, URL patterns, selectors.

One place per fact: when the site changes, this module (and the golden files)
change, nothing else. Selector tuples are ordered from the specific
(the markup seen or reconstructed in the site contract) to the generic;
page code takes the first that matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

DEFAULT_BASE_URL = "http://www.kita.org"
BOARD_NEWS = "news"

# Hosts that serve the same site; every one is rewritten to the configured base.
KITA_HOSTS = frozenset({"www.kita.org", "kita.org", "global.kita.net"})

FILE_DOWN_PATH = "/cmm/fms/FileDown.do"

# `;JSESSIONID_ORG=...`, `;JSESSIONID_KITA=...` and the servlet default.
SESSION_PARAM_RE = re.compile(r";jsessionid[_a-z]*=[^/?#;]*", re.IGNORECASE)
# fn_view('2705'), fn_view(2705), fnView("2705"), goView('2705'), and the current
# template's goDetailPage('101130'[, '2']) (the id first, then a site id).
VIEW_HANDLER_RE = re.compile(
    r"\b(?:fn_?view|go_?view|view|go_?detail(?:_?page)?)\s*\(\s*['\"]?(\d+)['\"]?", re.I
)
# fn_egov_link_page(2), goPage(3), linkPage(4), fn_link_page(5)
PAGE_HANDLER_RE = re.compile(
    r"\b(?:fn_egov_link_page|fn_link_page|go_?page|link_?page)\s*\(\s*['\"]?(\d+)", re.I
)
PAGE_PARAM_RE = re.compile(r"[?&;]pageIndex=(\d+)", re.I)
# fn_egov_downFile('FILE_000000000081234','0')
DOWNLOAD_HANDLER_RE = re.compile(
    r"\bfn_egov_downFile\s*\(\s*['\"]([^'\"]+)['\"]\s*,\s*['\"]?(\d+)", re.I
)

DATE_RE = re.compile(r"(?<!\d)(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})(?!\d)")
HIT_LABELLED_RE = re.compile(r"\b(?:hits?|views?)\b\s*:?\s*(\d{1,3}(?:,\d{3})+|\d+)", re.I)
NUMBER_RE = re.compile(r"^\s*(\d{1,3}(?:,\d{3})+|\d+)\s*$")
# The server's way of saying an article is gone: a page that is only an alert.
ALERT_RE = re.compile(r"\balert\s*\(", re.I)
# Ids, page numbers and counters are ASCII digits that fit SQLite's INTEGER
# (at most 9,223,372,036,854,775,807: any 18 digits do). A longer run (int()
# refuses more than 4,300 digits, storage more than the 64-bit maximum) or a
# digit int() cannot read (`²` passes str.isdigit) is no number of this site.
MAX_DIGITS = 18

# -- article page ---------------------------------------------------------
ARTICLE_ROOT = ("div.board_view", "div.view_wrap", "#contents", "body")
ARTICLE_TITLE = (
    ".view_top .view_tit",
    ".view_tit",
    ".view_top .tit",
    ".board_view .tit",
    ".view_top h4",
    ".view_top h3",
)
ARTICLE_INFO = (".view_top .view_info", ".view_info", ".view_top .info", ".view_top")
ARTICLE_DATE = (".view_info .date", ".view_top .date", ".date")
ARTICLE_HIT = (".view_info .hit", ".view_top .hit", ".hit")
ARTICLE_BODY = (".view_cont", ".view_con", ".view_content", ".board_view .cont")
ARTICLE_FILES = (".view_file a", ".file_list a", ".board_view a[href*='FileDown.do']")
ARTICLE_MOVE = (".view_move", ".prev_next", ".view_nav")
ARTICLE_PREV = ("dl.prev", "li.prev", ".prev")
ARTICLE_NEXT = ("dl.next", "li.next", ".next")
# The part of an article page that holds the article: from the contents box to
# the footer. Parsing only this slice (a fifth of the page: the rest is menus
# and scripts) is the fast path; page code falls back to the whole page.
CONTENT_START_RE = re.compile(r"""<div\b[^>]*\bid\s*=\s*["']?contents\b""", re.I)
CONTENT_END_RE = re.compile(r"""<div\b[^>]*\bid\s*=\s*["']?footer\b""", re.I)
# Markers that a page was delivered whole; a page cut in the middle has none.
PAGE_END_MARKERS = ("#footer", ".family_site", "footer")
# Elements inside the body container that are never article text.
BODY_EXCLUDE = (
    "script",
    "style",
    "noscript",
    "button",
    "form",
    "select",
    "iframe",
    ".view_file",
    ".view_move",
    ".btn",
    ".btn_area",
    ".btn_list",
)

# -- list page -------------------------------------------------------------
LIST_ROWS = (
    "table.board_list tbody tr",
    ".board_list tbody tr",
    "table tbody tr",
    ".board_list li",
)
LIST_HEADER = ("table.board_list thead th", ".board_list thead th", "table thead th")
LIST_PAGING = (".paging", ".pagination", ".paginate", ".page_nav")
LIST_TOTAL = (".total strong", ".total")
PINNED_ROW_CLASSES = ("notice", "fix", "top")


def read_int(text: str) -> int | None:
    """The value of a run of at most MAX_DIGITS ASCII digits, else None."""
    text = text.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > MAX_DIGITS:
        return None
    return int(text)


def read_id(text: str) -> int | None:
    """An article id or page number: both count from 1, so 0 is none."""
    value = read_int(text)
    return value if value else None


def content_region(html: str) -> str | None:
    """The article's slice of a page's HTML, or None when the page is not laid out so."""
    start = CONTENT_START_RE.search(html)
    if start is None:
        return None
    end = CONTENT_END_RE.search(html, start.end())
    if end is None:
        return None
    return html[start.start() : end.start()]


def strip_session(url: str) -> str:
    """Remove servlet session ids (`;JSESSIONID_ORG=...`) from a URL's path."""
    return SESSION_PARAM_RE.sub("", url)


def normalise_base(base_url: str) -> str:
    return base_url.rstrip("/")


def is_kita_host(host: str, base_url: str) -> bool:
    host = host.lower().split(":")[0] if ":" in host and not host.startswith("[") else host.lower()
    return host in KITA_HOSTS or host == (urlsplit(base_url).hostname or "")


def rebase(url: str, base_url: str) -> str:
    """Absolute URL with the session stripped and any KITA host put on the base."""
    url = strip_session(url.strip())
    parts = urlsplit(url)
    if (
        parts.scheme in ("http", "https")
        and parts.hostname
        and is_kita_host(parts.hostname, base_url)
    ):
        base = urlsplit(normalise_base(base_url))
        parts = parts._replace(scheme=base.scheme, netloc=base.netloc)
    return urlunsplit(parts)


def absolute(href: str, page_url: str, base_url: str) -> str:
    return rebase(urljoin(page_url, strip_session(href.strip())), base_url)


def file_url(base_url: str, file_id: str, file_sn: str) -> str:
    query = urlencode({"atchFileId": file_id, "fileSn": file_sn})
    return f"{normalise_base(base_url)}{FILE_DOWN_PATH}?{query}"


def article_no_from_handler(script: str) -> int | None:
    """The article number in a `fn_view('2705')` style handler, else None."""
    match = VIEW_HANDLER_RE.search(script)
    return read_id(match.group(1)) if match else None


def page_from_link(href: str | None, onclick: str | None) -> int | None:
    for text in (onclick, href):
        if not text:
            continue
        match = PAGE_HANDLER_RE.search(text) or PAGE_PARAM_RE.search(text)
        page = read_id(match.group(1)) if match else None
        if page is not None:
            return page
    return None


@dataclass(frozen=True, slots=True)
class BoardPaths:
    """Where one board lives on the site: paths under the base URL, and its id parameter.

    The first list path is read first (the others where it does not answer);
    the first detail path makes the canonical article URL; every detail path
    is recognised in links.
    """

    list_paths: tuple[str, ...]
    detail_paths: tuple[str, ...]
    id_param: str


NEWS_PATHS = BoardPaths(("/about/newsList.do",), ("/about/newsView.do",), "no")
BOARD_INSIGHTS = "insights"
BOARD_PHOTOS = "photos"
# KITA Insights moved in late 2022 to the current framework's paths (https, a
# session id in the path): the newer path is read first and is canonical; the
# older one answers where the newer does not.
INSIGHTS_PATHS = BoardPaths(
    ("/kitaInsights/kitaInsightsList.do", "/global/insightsList.do"),
    ("/kitaInsights/kitaInsightsDetail.do", "/global/insightsView.do"),
    "insightsId",
)
PHOTOS_PATHS = BoardPaths(("/about/photoList.do",), ("/about/photoView.do",), "photonewsId")
# Every board's paths by board name, in the order `kitacrawl crawl all` runs
# them; the settings may move them (KITACRAWL_<BOARD>_LIST_PATH, ...).
BOARD_PATHS: dict[str, BoardPaths] = {
    BOARD_NEWS: NEWS_PATHS,
    BOARD_INSIGHTS: INSIGHTS_PATHS,
    BOARD_PHOTOS: PHOTOS_PATHS,
}


@dataclass(frozen=True, slots=True)
class BoardUrls:
    """The URLs of one board on one site: canonical article URLs, list pages, ids in links."""

    base_url: str
    paths: BoardPaths = NEWS_PATHS

    def __post_init__(self) -> None:
        object.__setattr__(self, "base_url", normalise_base(self.base_url))

    def article_url(self, no: int) -> str:
        """``<base><detail path>?<id param>=N``: the id is the only parameter that matters."""
        return f"{self.base_url}{self.paths.detail_paths[0]}?{self.paths.id_param}={no}"

    def list_url(self, page: int, path: str | None = None) -> str:
        return f"{self.base_url}{path or self.paths.list_paths[0]}?pageIndex={page}"

    def no_from_url(self, url: str) -> int | None:
        """The article number of a detail URL of this board (any host, any list state)."""
        parts = urlsplit(strip_session(url.strip()))
        if not parts.path.endswith(self.paths.detail_paths):
            return None
        for key, value in parse_qsl(parts.query):
            no = read_id(value) if key == self.paths.id_param else None
            if no is not None:
                return no
        return None

    def absolute(self, href: str, page_url: str) -> str:
        return absolute(href, page_url, self.base_url)

    def file_url(self, file_id: str, file_sn: str) -> str:
        return file_url(self.base_url, file_id, file_sn)


NEWS_URLS = BoardUrls(DEFAULT_BASE_URL)
