"""The boards of the older site: where each lives and what its pages call it.

The older template writes every board the same way (``board_view``,
``board_list``, ``fn_view``, the eGov paging bar); what differs from board to
board is its heading, its place in the menus, its paths, its id parameter and
the list state its links carry. A ``Section`` holds those, and the older
template's pages take one (``NEWS`` unless told otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass

from mocksite.urls import LIST_PATH, VIEW_PATH


@dataclass(frozen=True, slots=True)
class Section:
    """One board of the older site: heading, menus, paths and the query its links write."""

    heading: str  # the board heading (<h3>) of its pages
    title: str  # its name in <title>, the location bar and the list's caption
    crumb: str  # the location bar's step before the board
    lnb_title: str  # the side menu's heading
    lnb: tuple[tuple[str, str], ...]  # the side menu's (label, path) entries
    list_path: str
    view_path: str
    id_param: str
    # The query of a link to an article and of a link to a list page, unescaped;
    # ``{no}`` and ``{page}`` are filled in. Each ends in the number a script appends.
    view_query: str
    list_query: str

    def view_href(self, no: int, page: int = 1, session: str | None = None) -> str:
        """The href of a link to article `no` (HTML-escaped), with a session id if given."""
        path = (
            self.view_path
            if session is None
            else f"{self.view_path};JSESSIONID_ORG={session}.Hyper"
        )
        query = self.view_query.format(no=no, page=page).replace("&", "&amp;")
        return f"{path}?{query}"

    def list_href(self, page: int = 1) -> str:
        """The href of list page `page` (HTML-escaped)."""
        return f"{self.list_path}?{self.list_query.format(page=page)}".replace("&", "&amp;")

    @property
    def view_script(self) -> str:
        """The body of ``fn_view(no)``: the article URL built around the id."""
        head, _, tail = self.view_query.partition("{no}")
        tail = tail.format(page=1)
        end = f' + "{tail}"' if tail else ""
        return f'location.href = "{self.view_path}?{head}" + no{end};'

    @property
    def list_script(self) -> str:
        """The body of ``fn_egov_link_page(pageNo)``: the list URL ending in the page number."""
        head = self.list_query.removesuffix("{page}")
        return f'location.href = "{self.list_path}?{head}" + pageNo;'


NEWS = Section(
    heading="KITA News",
    title="KITA News",
    crumb="About KITA",
    lnb_title="About KITA",
    lnb=(
        ("Introduction", "/about/introduce.do"),
        ("KITA News", LIST_PATH),
        ("Photo Gallery", "/about/photoList.do"),
    ),
    list_path=LIST_PATH,
    view_path=VIEW_PATH,
    id_param="no",
    view_query="id=&no={no}&searchWrd=&pageIndex={page}",
    list_query="id=&searchWrd=&pageIndex={page}",
)
# KITA Insights on its 2020-2022 path: links carry only the id (as the stored URL did).
INSIGHTS = Section(
    heading="KITA Insights Newsletter",
    title="KITA Insights",
    crumb="KITA Insights",
    lnb_title="KITA Insights",
    lnb=(
        ("Newsletter", "/global/insightsList.do"),
        ("Trade Focus", "/global/tradeFocusList.do"),
        ("Global Trade Issues", "/global/tradeIssueList.do"),
    ),
    list_path="/global/insightsList.do",
    view_path="/global/insightsView.do",
    id_param="insightsId",
    view_query="insightsId={no}",
    list_query="pageIndex={page}",
)
PHOTOS = Section(
    heading="Photo Gallery",
    title="Photo Gallery",
    crumb="About KITA",
    lnb_title="About KITA",
    lnb=NEWS.lnb,
    list_path="/about/photoList.do",
    view_path="/about/photoView.do",
    id_param="photonewsId",
    view_query="photonewsId={no}&searchWrd=&pageIndex={page}",
    list_query="searchWrd=&pageIndex={page}",
)
