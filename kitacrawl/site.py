"""Everything kitacrawl knows about KITA's site: hosts, URL patterns, selectors.

One place per fact: when the site changes, this module (and the golden files)
change, nothing else. Selector tuples are ordered from the specific
(the markup seen or reconstructed in the site contract) to the generic;
page code takes the first that matches.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
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

DATE_RE = re.compile(
    r"(?<!\d)(\d{4})\s*(?:[-./]|년)\s*(\d{1,2})\s*(?:[-./]|월)\s*(\d{1,2})(?:\s*일)?(?!\d)"
)
# A date with the month by name, in a list of unknown markup: `Sep 23, 2020`,
# `September 23, 2020`, `23 Sep 2020` (unambiguous, unlike `20-09-23`).
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTH_NAME_DATE_RE = re.compile(
    r"\b(?:(?P<m1>[a-z]{3})[a-z]*\.?\s+(?P<d1>\d{1,2}),?\s+(?P<y1>\d{4})"
    r"|(?P<d2>\d{1,2})\s+(?P<m2>[a-z]{3})[a-z]*\.?,?\s+(?P<y2>\d{4}))\b",
    re.I,
)
# A counter by its label, any language: `hit 2104`, `Hit : 2,104`, `Views 1,234`,
# `조회 1,234`, `조회수: 12`, `Read 5` (the number may also come first: `1,234 views`).
HIT_LABELLED_RE = re.compile(
    r"(?:\b(?:hits?|views?|reads?)\b|조회수?|읽음)\s*[:：]?\s*(\d{1,3}(?:,\d{3})+|\d+)"
    # Not a part of a bigger number or a date: `12K`, `2만`, `999+`, `2 104` are no
    # counter we can read (none is better than a wrong one), `views 2020-09-23` a date.
    r"(?![\d,.+\-/]|[^\W\d_]|\s\d{3}(?!\d))",
    re.I,
)
# ... and with the label after it, read only where no label comes first (and dates
# taken out first: `2020-09-23 12 views` is 12, never 23).
HIT_LABEL_AFTER_RE = re.compile(
    r"(?<![\d,.\-/])(\d{1,3}(?:,\d{3})+|\d+)\s*(?:hits|views|reads)\b", re.I
)
NUMBER_RE = re.compile(r"^\s*(\d{1,3}(?:,\d{3})+|\d+)\s*$")
# The server's way of saying an article is gone: a page that is only an alert.
# alert() or the current framework's dlgAlert(), which a bare answer may use too.
ALERT_RE = re.compile(r"\b(?:dlg)?alert\s*\(", re.I)
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
# A pinned notice in a list of unknown markup: by a class (`notice`, `pinned`,
# `fixed`, `top`), an icon's alt or title, or a label standing alone.
PINNED_CLASS_RE = re.compile(
    r"notice|pinned?\b|sticky|(?:^|\s)(?:fix(?:ed)?|top|imp(?:ortant)?)(?:\s|$)|공지"
)
# The label of a date that is not the posting date: a row may show both.
MODIFIED_LABEL_RE = re.compile(
    r"(?:modified|updated|edited|수정일?|최종\s*수정|변경일?)\s*[:：]?\s*$", re.I
)
PINNED_LABEL_RE = re.compile(r"\[?\s*(?:notice|pinned|important|공지(?:사항)?|필독)\s*\]?", re.I)
# A pinned class that names nothing but a pin: on any element of a row, even one
# holding the row's link (`top`, `fix` are also layout words: `div.top` of a card).
PINNED_CLASS_STRICT_RE = re.compile(r"notice|pinned?\b|sticky|공지")
# A box of other articles beside a list ("Most read", "Related", "인기 기사"): its
# links lead to the board too, but they are not the list's rows.
SIDE_BOX_HEADING_RE = re.compile(
    r"most\s+(?:read|viewed|popular)|popular|related|trending|recommended|top\s+\d+|"
    r"인기|많이\s*본|관련\s*기사|추천",
    re.I,
)
SIDE_BOX_CLASS_RE = re.compile(
    r"(?:^|[\s_-])(?:aside|side|sidebar|lnb|snb|popular|ranking|rank|related|widget)(?:$|[\s_-])",
    re.I,
)
# A thumbnail's alt that says what it is, not what the article is called.
GENERIC_ALT_RE = re.compile(
    r"\s*(?:thumb(?:nail)?|image|img|photo|picture|icon|썸네일|이미지|사진)?\s*\d*\s*", re.I
)
# What a list header's cells say (first match wins).
LIST_HEADER_KEYS = (
    ("date", re.compile(r"date|posted|published|등록일|작성일|게시일|날짜", re.I)),
    ("hit", re.compile(r"hit|view|read|조회", re.I)),
    ("title", re.compile(r"title|subject|제목", re.I)),
    ("no", re.compile(r"^\s*(?:no\.?|번호|num)", re.I)),
)
# A list's total: `Total 2,705`, `Total : 2,705 posts`, `총 80 건`.
TOTAL_RE = re.compile(r"(?:\btotal\b|총)\s*[:：]?\s*(\d{1,3}(?:,\d{3})+|\d+)", re.I)


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


# Pure and asked again for the same links within a page (the key holds the page's URL:
# a few pages' worth is all it can use, and more only holds memory).
@lru_cache(maxsize=512)
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
    # List path k leads to articles at detail path k, and an article's canonical URL
    # is at the path the board answers at (the Photo Gallery: its 2023 paths, or the
    # 2020 ones where the site still serves only those). Otherwise the first detail
    # path is canonical wherever the board answers (KITA Insights).
    paired: bool = False
    # The parameter naming the site an article belongs to, when the board's articles
    # are fetched with one (KITA's Korean trade news: `siteId`): part of the canonical
    # URL, `<base><path>?<id param>=N&<site param>=S`. None: the id alone.
    site_param: str | None = None


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
# The Photo Gallery moved by 2023 (SITE.md): the newer paths first, the 2020 ones after.
PHOTOS_PATHS = BoardPaths(
    ("/photoGallery/photoGalleryList.do", "/about/photoList.do"),
    ("/photoGallery/photoGalleryDetail.do", "/about/photoView.do"),
    "photonewsId",
    paired=True,
)
# KITA's Korean trade news (무역뉴스) on www.kita.net: SITE.md, "KITA's Korean trade
# news". Its own site; a row or a link opens an article by its id and a site id
# (goDetailPage('101130', '2'): 1, 2 or 6), which the article is fetched and kept with.
BOARD_TRADENEWS = "tradenews"
TRADENEWS_BASE_URL = "https://www.kita.net"
TRADENEWS_PATHS = BoardPaths(
    ("/board/totalTradeNews/totalTradeNewsList.do",),
    ("/board/totalTradeNews/totalTradeNewsDetail.do",),
    "no",
    site_param="siteId",
)
# Every board's paths by board name, in the order the command line lists them;
# the settings may move them (KITACRAWL_<BOARD>_LIST_PATH, ...).
BOARD_PATHS: dict[str, BoardPaths] = {
    BOARD_NEWS: NEWS_PATHS,
    BOARD_INSIGHTS: INSIGHTS_PATHS,
    BOARD_PHOTOS: PHOTOS_PATHS,
    BOARD_TRADENEWS: TRADENEWS_PATHS,
}
# Boards on a site of their own: the default of KITACRAWL_<BOARD>_BASE_URL.
# The others are on KITACRAWL_BASE_URL (the English site).
BOARD_BASE_URLS: dict[str, str] = {BOARD_TRADENEWS: TRADENEWS_BASE_URL}
# What `kitacrawl crawl all` runs unless KITACRAWL_ALL_BOARDS says otherwise: the
# English boards, the mission's site.
ALL_BOARDS = (BOARD_NEWS, BOARD_INSIGHTS, BOARD_PHOTOS)


@lru_cache(maxsize=1024)
def _no_from_url(url: str, detail_paths: tuple[str, ...], id_param: str) -> int | None:
    parts = urlsplit(strip_session(url.strip()))
    if not parts.path.endswith(detail_paths):
        return None
    for key, value in parse_qsl(parts.query):
        no = read_id(value) if key == id_param else None
        if no is not None:
            return no
    return None


@dataclass(frozen=True, slots=True)
class BoardUrls:
    """The URLs of one board on one site: canonical article URLs, list pages, ids in links."""

    base_url: str
    paths: BoardPaths = NEWS_PATHS

    def __post_init__(self) -> None:
        object.__setattr__(self, "base_url", normalise_base(self.base_url))

    def article_url(self, no: int, path: str | None = None, *, site_id: int | None = None) -> str:
        """``<base><detail path>?<id param>=N``: the id is the only parameter that matters.

        The first detail path makes the canonical URL; ``path`` asks another one.
        A board with a site parameter adds ``&<site param>=S`` when the site id is
        known (see ``BoardPaths.site_param``); other boards ignore ``site_id``.
        """
        detail = path or self.paths.detail_paths[0]
        url = f"{self.base_url}{detail}?{self.paths.id_param}={no}"
        if site_id is not None and self.paths.site_param:
            url += f"&{self.paths.site_param}={site_id}"
        return url

    def site_id_of(self, params: Mapping[str, str]) -> int | None:
        """The board's site id among a handler's or a query's parameters, else None."""
        name = self.paths.site_param
        return read_int(params.get(name) or "") if name else None

    def site_id_from_url(self, url: str) -> int | None:
        """The site id a detail URL of this board carries (None: none, or no such board)."""
        if not self.paths.site_param:
            return None
        return self.site_id_of(dict(parse_qsl(urlsplit(strip_session(url.strip())).query)))

    def list_url(self, page: int, path: str | None = None) -> str:
        return f"{self.base_url}{path or self.paths.list_paths[0]}?pageIndex={page}"

    def no_from_url(self, url: str) -> int | None:
        """The article number of a detail URL of this board (any host, any list state)."""
        return _no_from_url(url, self.paths.detail_paths, self.paths.id_param)

    def absolute(self, href: str, page_url: str) -> str:
        return absolute(href, page_url, self.base_url)

    def serving(self, url: str) -> BoardUrls:
        """The board's URLs as a page at `url` of a paired board leads: its own paths first.

        For a board whose list and detail paths go in pairs, a page served at
        the k-th list or detail path makes the k-th detail path canonical;
        every other board is returned as it is.
        """
        paths = self.paths
        if not paths.paired:
            return self
        path = urlsplit(strip_session(url)).path
        for index, (listed, detail) in enumerate(
            zip(paths.list_paths, paths.detail_paths, strict=False)
        ):
            if index and path in (listed, detail):
                order = (index, *(i for i in range(len(paths.detail_paths)) if i != index))
                moved = BoardPaths(
                    tuple(paths.list_paths[i] for i in order if i < len(paths.list_paths)),
                    tuple(paths.detail_paths[i] for i in order),
                    paths.id_param,
                    paired=True,
                    site_param=paths.site_param,
                )
                return BoardUrls(self.base_url, moved)
        return self

    def file_url(self, file_id: str, file_sn: str) -> str:
        return file_url(self.base_url, file_id, file_sn)


NEWS_URLS = BoardUrls(DEFAULT_BASE_URL)


# -- the current KITA template (seen on kita.net in 2026) --------------------
# SITE.md, "The current KITA template": the framework KITA's sites render
# today. Nothing above this line is about it; page code for it lives in
# kitacrawl/pages/current_article.py and current_list.py, and
# kitacrawl/pages/detect.py picks a generation per page from these markers.

# How a page says which markup it is, without being parsed (these run on every
# page). The board's class nearest the end of the page decides: the current
# template writes them with a hyphen, the older layout with an underscore;
# one backward search for "board" finds either. Pages without such a class
# are asked for other board markers, then for the current template's chrome
# alone (a page of it without a board: a home page, a page cut off in its
# menu).
BOARD_TOKEN = "board"
CURRENT_BOARD_WORDS = ("board-detail", "board-list", "board-btns", "board-header")
OLDER_BOARD_WORDS = ("board_view", "board_list")
CURRENT_CONTENT_MARKERS = ("subTopTitle", "bbs-summary", "detail-body")
OLDER_CONTENT_MARKERS = ("view_cont", "view_tit")
CURRENT_CHROME_MARKERS = ("global.moveMenu(", '<footer class="ft"', "familysite")

# Where the board starts on each kind of page (class or id tokens: for each,
# its last start tag before the footer; the earliest of those wins) and where
# the page's footer begins. The slice
# between them, its <script> blocks dropped, is all the page code parses: the
# rest of a ~235 kB page is a mega-menu and inline JS. Specific end tokens:
# a body written by an HTML5 editor may hold a <footer> of its own.
CURRENT_ARTICLE_START = ("sub-top", "subTopTitle", "board-detail")
CURRENT_LIST_START = ("board-header", "bbs-summary", "board-list")
CURRENT_PAGE_END = ('<footer class="ft"', 'class="familysite"')

# -- current template: article page
CURRENT_TITLE = ("p#subTopTitle", "#subTopTitle", ".board-detail-header .subject")
CURRENT_DATE = ("span.badge.write", ".badge.write", ".badge.date")
CURRENT_HIT = ("span.badge.view", ".badge.view", ".badge.hit")
CURRENT_DETAIL = ("div.board-detail", ".board-detail")
CURRENT_BODY = ("div.board-detail > div.detail-body", ".board-detail .detail-body", ".detail-body")
CURRENT_FILES = (
    "div.detail-footer ul.attachfile-list > li",
    "ul.attachfile-list > li",
    ".attachfile-list li",
)
# Inside one attachment row: the anchor whose text is the file name.
CURRENT_FILE_NAME = ("p.filename a", ".filename a")
CURRENT_MOVE = ("div.board-btns", ".board-btns")
# How a neighbour slot of div.board-btns says which side it is: its template
# comment (`<!-- 이전글 -->`), a class, or its label. Previous = older.
CURRENT_PREV_RE = re.compile(r"이전|\bprev(?:ious)?\b", re.I)
CURRENT_NEXT_RE = re.compile(r"다음|\bnext\b", re.I)
# A neighbour anchor's text that is only its label, not the neighbour's title.
CURRENT_NEIGHBOUR_LABEL_RE = re.compile(
    r"(?:이전|다음)\s*글?|(?:prev(?:ious)?|next)(?:\s+(?:post|article|news))?", re.I
)
# What makes a body's first paragraph a heading rather than a lede.
CURRENT_BODY_HEADING = "strong, b, h1, h2, h3, h4, h5, h6"
CURRENT_BODY_EXCLUDE = ("script", "style", "noscript", "button", "form", "select", "iframe")
# A deleted post on this template (guess): an alert, or the framework's own
# dlgAlert, saying the post is gone. The message matters: the template's
# chrome calls alert() for other reasons on every page, and a board page that
# lost its markup must count as unparsable (layout drift), never as deleted.
CURRENT_GONE_ALERT_RE = re.compile(
    r"(?:\b|dlg)alert\s*\(\s*['\"][^'\"]*"
    r"(?:delet|not exist|no longer|removed|삭제|존재하지|없는 게시|게시(?:물|글)(?:이|은)?\s*없)",
    re.I,
)
# A badge's counter, read without its label (`<i>조회</i> 193`, `Views 1,204`):
# a whole run of digits, thousands separators allowed.
COUNT_RE = re.compile(r"(?<![\d,])(\d{1,3}(?:,\d{3})+|\d+)(?![\d,])")

# -- current template: list page
CURRENT_LIST_ROWS = (
    "ul.board-list > li",
    "ul.board-list-biz > li",
    "ul[class^='board-list'] > li",
    "ul[class*=' board-list'] > li",
)
CURRENT_ROW_LINK = ("div.subject > a", ".subject a", "a[onclick*='goDetailPage']", "a[title]")
CURRENT_ROW_DATE = ("span.date", "span.font-numbers", ".date")
# One group: a row shows one counter if any, so no order among them (and a
# row without one costs one evaluation, not six). A row's info list may carry it
# as an item of its own (`<li class="view"><i>Views</i> 758</li>`).
CURRENT_ROW_HIT = ("span.view, span.hit, em.view, em.hit, li.view, li.hit",)
CURRENT_TOTAL = ("div.bbs-summary strong", ".bbs-summary strong", ".bbs-summary")
# The words a counter is labelled by (HIT_LABELLED_RE's, and a header's): a list part
# without any of them shows no counter.
COUNTER_WORD_RE = re.compile(r"hit|view|read|조회|읽음", re.I)
CURRENT_PAGING = ("ul.pagination", ".pagination")

# -- current template: script handlers
# goDetailPage('101130', '2'): the article id, then (news board) a site id.
DETAIL_HANDLER_RE = re.compile(r"\bgoDetailPage\s*\(\s*['\"]?(\d+)['\"]?\s*(?:,\s*['\"]?(\w*))?")
# goPage(3); return false; -- the paging call. global.goPage('/path') is a
# navigation to a path, never a page number: the lookbehind keeps it out.
GO_PAGE_RE = re.compile(r"(?<![.\w])goPage\s*\(\s*['\"]?(\d+)")
# doDownloadFile('58447', '5A75E58C173FEFBE919B6A746BC5EA6F'): its arguments.
DOWNLOAD_CALL_RE = re.compile(r"\bdoDownloadFile\s*\(([^)]*)\)")
# The page's own definition of it, up to the end of its body (no nested braces
# in the one seen): `function doDownloadFile(fileSeq, fileDtlSeq) { ... }`.
# Matched only where str.find has found the name (a search through the page
# with this pattern costs milliseconds).
DOWNLOAD_FUNCTION = "doDownloadFile"
DOWNLOAD_DEFINITION_RE = re.compile(r"function\s+doDownloadFile\s*\(([^)]*)\)\s*\{([^}]*)\}")
# What the definition sends the browser to: `window.location.href = <expr>;`
# (or location.assign(<expr>) / location.replace(<expr>)). The expression runs
# to the first `;` outside a string: the session id in the literal has one.
_JS_EXPRESSION = r"""((?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[^;'"()])+)"""
LOCATION_ASSIGN_RE = re.compile(
    rf"\blocation(?:\.href)?\s*=(?!=)\s*{_JS_EXPRESSION}"
    rf"|\blocation\.(?:assign|replace)\s*\(\s*{_JS_EXPRESSION}\)"
)
# Literals and names of a JS argument list or string concatenation.
JS_TOKEN_RE = re.compile(r"""\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|([\w$.]+))\s*""")
# global.moveMenu('/board/photoNews/photoNewsList.do', '', '', 'Y', 'N', '_self')
MOVE_MENU_RE = re.compile(r"\bmoveMenu\s*\(\s*(['\"])(.*?)\1")
# A board's list page: the last path segment ends in List.do (newsList.do,
# photoNewsList.do, kitaInsightsList.do).
LIST_PATH_RE = re.compile(r"[^/]list\.do$", re.I)
# Without the page's own doDownloadFile definition, downloads go where the
# Korean boards send them: fileDownload.do beside the board's detail page
# (/asocBiz/asocBiz/asocBizAlwaysDetail.do -> /asocBiz/asocBiz/fileDownload.do),
# with the two arguments as these parameters.
DEFAULT_DOWNLOAD_NAME = "fileDownload.do"
DEFAULT_DOWNLOAD_PARAMS = ("fileSeq", "fileDtlSeq")


# -- handlers, as any page may write them (kitacrawl/pages/scripts.py) --------------
# A page's own definition of a handler decides what it does; these are the
# handlers seen on KITA's sites, understood by name where a page does not
# define them in a way the definition reader understands.
# fn_view('2705'), fnView, goView, view, goDetail, goDetailPage('202609008'): one id.
KNOWN_DETAIL_HANDLER_RE = re.compile(r"(?:fn_?view|go_?view|view|go_?detail(?:_?page)?)", re.I)
# goDetailPage('101130', '2') on the Korean news board: the id, then a site id (seen).
KNOWN_DETAIL_WITH_SITE = frozenset({"goDetailPage"})
# fn_egov_link_page(2), fn_link_page(2), goPage(3), linkPage(4): a page number.
KNOWN_PAGE_HANDLER_RE = re.compile(r"(?:fn_egov_link_page|fn_link_page|go_?page|link_?page)", re.I)
# Download handlers seen: their path (None: fileDownload.do beside the detail
# page) and the query parameters their arguments become.
KNOWN_DOWNLOADS: dict[str, tuple[str | None, tuple[str, ...]]] = {
    "fn_egov_downFile": (FILE_DOWN_PATH, ("atchFileId", "fileSn")),
    "doDownloadFile": (None, ("fileSeq", "fileDtlSeq")),
}
# The query parameter of a list's page number, and the other parameters a
# detail handler may add to the article's URL (the Korean news board's site id).
PAGE_PARAM = "pageIndex"
DETAIL_EXTRA_PARAMS = ("siteId",)
# A handler or path that downloads a file: fn_egov_downFile, fnFileDown,
# /cmm/fms/FileDown.do, /board/fileDownload.do, /common/download.do?file=...
DOWNLOAD_NAME_RE = re.compile(r"down", re.I)
# A link or handler in a page's HTML that may download a file (searched, not parsed).
DOWNLOAD_LINK_RE = re.compile(
    r"""(?:href|onclick)\s*=\s*["'][^"']*(?:down|atchfile|\.(?:pdf|hwpx?|docx?|xlsx?|pptx?|zip)\b)""",
    re.I,
)
# Every match of DOWNLOAD_LINK_RE holds one of these (case folded): a page without
# any has no match, found without running the regex over every attribute.
_DOWNLOAD_LINK_WORDS = ("down", "atchfile", ".pdf", ".hwp", ".doc", ".xls", ".ppt", ".zip")
# Characters re.IGNORECASE matches to ASCII letters that str.lower() leaves apart.
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def mentions_download_link(html: str) -> bool:
    """Does an href or onclick in ``html`` look like a file download (DOWNLOAD_LINK_RE)?"""
    lowered = html.lower()
    if not any(word in lowered for word in _DOWNLOAD_LINK_WORDS) and not any(
        char in html for char in _FOLDS_TO_ASCII
    ):
        return False
    return DOWNLOAD_LINK_RE.search(html) is not None


DOWNLOAD_PATH_RE = re.compile(r"down|atchfile|attach|/files?/", re.I)


# -- pages in markup nobody has seen (kitacrawl/pages/inferred_*.py) --------------
# What every generation of KITA's pages keeps (SITE.md, "Markup nobody has
# seen"): read by patterns and labels, in any language, never by class names
# alone. Class and id hints below only ever add evidence or rule out chrome.
MAX_TITLE_LENGTH = 300
# A line taken for the title only by its place (no heading, no title class) is shorter still.
MAX_HEADLINE_LENGTH = 200
# A date / counter line is short: "Date : 2020.09.23 | Views : 2,104 | Writer : KITA".
MAX_INFO_LENGTH = 160
# A bullet drawn as text in front of a title (SITE.md: "• <title>").
BULLET_RE = re.compile(r"^[\s\u00a0]*[•·●■▪▶◆◇○□►]")
# Class or id words of a title element (sub_tit, view_tit, subject, headline ...).
TITLE_HINT_RE = re.compile(r"tit|ttl|su?bj|headline|heading|(?:^|[\W_])tt\d*(?:$|[\W_])", re.I)
# A label cell in front of the title: "Title", "Subject", "제목".
TITLE_LABEL_RE = re.compile(r"\s*(?:title|subject|제목)\s*[:：]?\s*", re.I)
# Class or id words (each matched at a word's start) of navigation and page chrome.
CHROME_HINT_RE = re.compile(
    r"(?:gnb|lnb|snb|nav|menu|header|breadcrumb|location|sitemap|quick|util|skip|side"
    r"|aside|banner|family|top_?menu|footer)",
    re.I,
)
# Class or id words of a page's footer.
FOOTER_HINT_RE = re.compile(r"(?:footer|foot\b|copyright|family_?site|familysite)", re.I)
# A line that starts the footer by what it says.
FOOTER_LINE_RE = re.compile(r"(?:family\s*site|패밀리\s*사이트|copyright\b|ⓒ|©)", re.I)
# Labels of the lines beside a title: a label, maybe a colon, then its value.
_INFO_LABELS = (
    r"date|posted(?:\s+on)?|published|written|registered|updated|hits?|views?|reads?"
    r"|writer|author|name|department|dept\.?|source|category|section"
    r"|작성일?|등록일?|게시일|수정일|작성자|조회수?|출처|분류|부서|담당자?|구분|날짜"
)
INFO_LABEL_RE = re.compile(rf"\s*(?:{_INFO_LABELS})(?![^\W\d_])\s*[:：]?", re.I)
INFO_LABEL_ONLY_RE = re.compile(rf"\s*(?:{_INFO_LABELS})\s*[:：]?\s*", re.I)
# The same labels anywhere in a line, as whole words.
INFO_LABEL_WORD_RE = re.compile(rf"(?<![^\W\d_])(?:{_INFO_LABELS})(?![^\W\d_])", re.I)
# Neighbour labels (English, Korean, arrows): which side, and any label at all.
_NEIGHBOUR_LABELS = (
    r"(?:prev(?:ious)?|next|older|newer)(?:\s+(?:post|article|news|item|page))?"
    r"|이전\s*글?|다음\s*글?"
    r"|[▲▼△▽↑↓◀▶]"
)
NEIGHBOUR_LABEL_RE = re.compile(rf"\s*(?:{_NEIGHBOUR_LABELS})\s*[:：|]?\s*", re.I)
# A label written into a neighbour link's text with a separator: "Prev : Title", "Title | Next".
SEPARATED_NEIGHBOUR_LABEL_RE = re.compile(
    rf"^\s*(?:{_NEIGHBOUR_LABELS})\s*[:：|]\s*|\s*[:：|]\s*(?:{_NEIGHBOUR_LABELS})\s*$"
    r"|^\s*[▲▼△▽↑↓◀▶]\s*|\s*[▲▼△▽↑↓◀▶]\s*$",
    re.I,
)
# A neighbour slot that says there is none: "Prev There is no previous post.", "이전글 없음".
NO_NEIGHBOUR_RE = re.compile(
    rf"\s*(?:{_NEIGHBOUR_LABELS})\s*[:：|]?\s*.{{0,40}}?"
    r"(?:there\s+is\s+no|no\s+(?:previous|next|more|posts?|articles?|items?)\b|none\b|없습니다|없음)",
    re.I,
)
PREV_LABEL_RE = re.compile(r"(?:^|[\W_])(?:prev(?:ious)?|older)(?:$|[\W_])|이전", re.I)
NEXT_LABEL_RE = re.compile(r"(?:^|[\W_])(?:next|newer)(?:$|[\W_])|다음", re.I)
# The list button, by its words or its handler.
LIST_BUTTON_RE = re.compile(
    r"\s*(?:(?:back|go|return)\s+to\s+(?:the\s+)?list|to\s+(?:the\s+)?list|view\s+list|list"
    r"|목록\s*(?:으로|보기)?)\s*",
    re.I,
)
LIST_HANDLER_RE = re.compile(r"\bgo_?list\b|\bfn_?(?:go_?)?list\b|List\.do\b", re.I)
# Attachments: a label alone on its line, a file's extension, its size, a button's words.
FILE_LABEL_RE = re.compile(
    r"\s*(?:attach(?:ment|ed\s+files?)?s?|files?|file\s+download|첨부\s*파일|첨부|파일)"
    r"\s*[:：]?\s*",
    re.I,
)
FILE_EXTENSION_RE = re.compile(r"\.(?:pdf|hwpx?|docx?|xlsx?|pptx?|zip|txt|csv|rtf|odt)$", re.I)
FILE_SIZE_RE = re.compile(r"\(?\s*\d+(?:[.,]\d+)?\s*(?:[KMG]i?B|bytes?)\s*\)?", re.I)
DOWNLOAD_LABEL_RE = re.compile(
    r"\s*(?:\b(?:download|view|preview)\b|다운로드|내려받기|미리\s*보기|바로\s*보기)\s*", re.I
)
# An image that is a label or a button, by its alt text or file name (ico_prev.gif).
ICON_ALT_RE = re.compile(
    r"(?:^|[\W_])(?:ico|icon|btn|arrow|bullet)|prev(?:ious)?\b|next\b|이전|다음|첨부|attach|file",
    re.I,
)
# Class or id words of boxes beside an article that are never its text: share and
# social bars, related articles, tags (each matched after a word's start or a
# separator: `related-box`, `post_share`, `snsArea`, `tag_list`; never `tagline`).
BOX_HINT_RE = re.compile(r"(?:^|[\W_])(?:share|sns|social|related|relation|tags?(?![a-z]))", re.I)
# A heading that opens such a box without a class: "Related articles", "관련 기사".
RELATED_HEADING_RE = re.compile(
    r"\s*(?:related\s+(?:articles?|news|posts?|stories|links?)|see\s+also|more\s+news"
    r"|(?:관련|연관)\s*(?:기사|뉴스|글|게시물))\s*[:：]?\s*",
    re.I,
)
# Arrows drawn around a neighbour label: "< Prev", "Next >", "« Previous", "다음글 →".
NEIGHBOUR_ARROWS = "<>‹›«»←→"
ARROWED_NEIGHBOUR_LABEL_RE = re.compile(
    rf"\s*[{NEIGHBOUR_ARROWS}]*\s*(?:{_NEIGHBOUR_LABELS})\s*[{NEIGHBOUR_ARROWS}]*\s*[:：|]?\s*",
    re.I,
)
# The same with the arrows drawn around it ("< Prev: Title", "Next: Title >",
# "« Previous: Title", "Title →"): arrows at either end of a neighbour's text are no
# part of its title.
ARROWED_SEPARATED_NEIGHBOUR_LABEL_RE = re.compile(
    rf"^\s*[{NEIGHBOUR_ARROWS}]*\s*(?:{_NEIGHBOUR_LABELS})\s*[:：|]\s*"
    rf"|\s*[:：|]\s*(?:{_NEIGHBOUR_LABELS})\s*[{NEIGHBOUR_ARROWS}]*\s*$"
    rf"|^\s*[{NEIGHBOUR_ARROWS}]+\s*|\s*[{NEIGHBOUR_ARROWS}]+\s*$",
    re.I,
)
# A counter label glued to the date before it ("2020-11-24Hits 1,876", spans without
# a space between them): the place between a digit and a letter where a space goes.
DIGIT_LETTER_RE = re.compile(r"(?<=\d)(?=[^\W\d_])")
# A word of letters (any script): what is left of a line once its dates, counters
# and labels are taken off tells a sentence of the body from a line of details.
LETTER_WORD_RE = re.compile(r"[^\W\d_]+")
# A line ending as a sentence does ("exporters asked KITA for help.", "...했다.").
SENTENCE_END_RE = re.compile(r"[.。!?]\s*$")
# A sentence has this many words besides its dates, counters and labels.
SENTENCE_MIN_WORDS = 3
# A line of details names short values ("Writer : International Trade Association");
# a line with more words than this besides its labels is a sentence, full stop or not.
INFO_MAX_WORDS = 5
# Lines of page furniture that may sit between a body's paragraphs and are never text.
CHROME_LINE_RE = re.compile(
    r"(?:print|share|facebook|twitter|kakao(?:talk|story)?|url\s*copy|copy\s*url|top"
    r"|인쇄|공유(?:하기)?|스크랩|글자\s*크기|확대|축소|맨\s*위로)",
    re.I,
)
# A tools bar: a line made only of such words and the page's tool buttons, with or
# without separators ("Print | Email | Font size", "인쇄 · 메일 · 글자 크기 + -").
_TOOL_WORDS = (
    r"print|e-?mail|mail|font\s*size|text\s*size|share|url\s*copy|copy\s*url|copy\s*link"
    r"|facebook|twitter|kakao(?:talk|story)?|scrap|top|a\+|a-|[+\-−]"
    r"|인쇄|이?메일|글자\s*크기|확대|축소|공유(?:하기)?|스크랩|맨\s*위로"
)
TOOL_LINE_RE = re.compile(
    rf"\s*(?:{_TOOL_WORDS})(?:\s*[|·/,]?\s*(?:{_TOOL_WORDS}))*\s*[|·/,]?\s*", re.I
)
# A document title's separators and the site's and boards' own names in it
# ("KITA News | Korea International Trade Association" names no post).
TITLE_SEPARATOR_RE = re.compile(r"\s+[|:·\-–—<>»]\s+|\s*\|\s*|\s*::\s*")
SITE_NAME_RE = re.compile(
    r"(?:kita(?:\.org|\.net)?|korea international trade association|한국무역협회|무역협회"
    r"|kita news(?: and reports)?|kita insights(?: newsletter)?|photo gallery|무역뉴스|news)",
    re.I,
)


# -- the Photo Gallery (photoView.do?photonewsId=N) ----------------------------
# A photo item's content is its images: a gallery block before the body, or
# images inside the body, each named by a caption or its file name (often
# Korean, kept exactly). Guessed markup (SITE.md).
# Parts of an item page whose images are not the item's: neighbours, files, buttons,
# headings, navigation (the gallery itself may have any class: all the rest counts).
PHOTO_EXCLUDE = (
    ".view_move",
    ".prev_next",
    ".view_nav",
    ".view_file",
    ".file_list",
    ".btn_area",
    ".sub_tit",
    ".location",
    ".board-btns",
    ".detail-footer",
    "#lnb",
    "#header",
    "#footer",
    "footer",
)
# Elements next to an image that name it.
PHOTO_CAPTION = ("figcaption", ".caption", ".img_tit", ".photo_tit", ".file_name", ".tit", ".txt")
# A line that is only an image's file name: `2020-04-29 전세기 활용 ... 지원-11.jpg`.
IMAGE_FILE_RE = re.compile(r"^[^\n/\\]{1,200}\.(?:jpe?g|png|gif|bmp|webp|tiff?)$", re.I)
# Alt texts that name nothing.
GENERIC_ALT = frozenset({"", "image", "img", "photo", "picture", "이미지", "사진"})
# KITA Insights titles start with their section: `[KITA News] ...`, `[KGPC News] ...`.
CATEGORY_PREFIX_RE = re.compile(r"^\s*\[\s*([^\[\]]{1,60}?)\s*\]\s*(\S.*)$", re.S)


# -- KITA's Korean trade news (kitacrawl/pages/tradenews.py) -------------------------
# The article page is the current template's (above). Its `detail-head` block
# (source, category: label and value pairs, as the template's other boards
# write them) is no body text: what it says is kept as the article's category.
TRADENEWS_HEAD = (
    "div.board-detail > div.detail-head",
    ".board-detail .detail-head",
    ".detail-head",
)
# One label / value pair of the head: <dl><dt>출처</dt><dd>연합뉴스</dd></dl>.
TRADENEWS_HEAD_PAIR = ".//dl"
# Elements of the body that are never its text: the head, where a page nests it there.
TRADENEWS_BODY_EXCLUDE = (*CURRENT_BODY_EXCLUDE, ".detail-head")
# The page's own form names the site id of the article it shows (guess: the
# template's detail forms carry the post's keys as hidden inputs, as the real
# detailForm does). Read where the URL the page was fetched at has none; the
# form opens before the board's slice, so the page's text is searched.
TRADENEWS_SITE_INPUT_RE = re.compile(r"<input\b[^>]*\bname\s*=\s*['\"]?siteId['\"\s/>][^>]*>", re.I)
INPUT_VALUE_RE = re.compile(r"\bvalue\s*=\s*['\"]?([^'\"\s/>]*)", re.I)
