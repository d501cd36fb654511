"""KITA's Korean trade news (무역뉴스) in the current template: its list and article pages.

The pages are the current template's (``chrome.py``, the real fragments'
markup), with what public scrapers of the board tell about it (SITE.md,
"KITA's Korean trade news") and what the template's other Korean boards
show: the list's rows are ``ul.board-list.box.box-radius.theme-board1 >
li``, each opening its article through ``goDetailPage('N', 'S')`` (the id,
then a site id), dated by ``<span class="date">``, with a total ``총
<strong>N</strong> 건``; an article page has the title block, the ``작성`` and
``조회`` badges, a ``div.detail-head`` of label and value pairs (출처, 분류)
before ``div.detail-body`` and its DEXT document, attachments through the
page's own ``doDownloadFile``, the older and newer articles in
``div.board-btns`` behind ``<!-- 이전글 -->`` / ``<!-- 다음글 -->``.

Session ids are kita.net's: ``;JSESSIONID_KITA=<32 hex>.Hyper`` on every URL
the framework writes (``sessions.url`` marks, filled in by ``answer``).

The traps a crawler of this board meets, each written by a row's or a
link's form (``ROW_FORMS``): rows linked by the handler, by a plain href with
the site id, by an href without it (the page's form then says it), by an
href carrying the portal's ``logGb`` parameter, by a one-argument handler;
a body link to an older article without its site id; pinned notices on top
of every page (``li.notice``, a ``공지`` badge); deleted posts that answer 200
with only an alert (bare, or inside the template).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mocksite.boards.tradewords import TradeFile, TradeText
from mocksite.markup.current.chrome import SUB_TOP_SCRIPT, document
from mocksite.markup.current.dext import BLANK, CLOSE, OPEN, STYLE
from mocksite.markup.current.listing import _paging
from mocksite.markup.current.names import NAMES
from mocksite.markup.current.sessions import SID, url
from mocksite.markup.current.sessions import answer as _answer
from mocksite.model import ListView, Page
from mocksite.text import attr, esc, js_attr
from mocksite.urls import ServedPaths

HEADING = "무역뉴스"
SITE_NAME = "한국무역협회"
COOKIE = "JSESSIONID_KITA"
# The portal's log parameter some links carry (seen in public scrapers' URLs).
LOG_PARAM = "logGb=A9400_20240201"
# How a row links to its article, by the row's article id.
ROW_FORMS = ("call", "call", "call", "href", "call", "href_nosite", "call", "href_loggb",
             "id_only", "call")  # fmt: skip
DELETED_MESSAGE = "삭제된 게시물입니다."
WRONG_SITE_MESSAGE = "잘못된 접근입니다."
NO_DATA = "등록된 게시물이 없습니다."


def answer(text: str, session: str | None) -> Page:
    """A page of kita.net: its session (``JSESSIONID_KITA``) in the URLs and the cookie."""
    page = _answer(text.replace(SID, f";{COOKIE}={session}.Hyper" if session else ""), None)
    if session is None:
        return page
    cookie = ("Set-Cookie", f"{COOKIE}={session}.Hyper; Path=/; HttpOnly")
    return Page(page.status, page.content_type, page.body, (cookie,))


def _location(paths: ServedPaths) -> str:
    crumb = f"global.goPage('{url(paths.list_path)}');"
    return (
        '\t\t        \t<div class="location">\n'
        '\t<a href="javascript:void(0);" onclick="global.goPage(\'/\');" >'
        '<i class="icon-location-home">HOME</i></a>\n'
        f'\t<a href="javascript:void(0);" onclick="{crumb}">무역정보</a>\n'
        f'\t\t\t\t\t\t<a href="javascript:void(0);" onclick="{crumb}">{HEADING}</a>\n'
        "\t\t\t\t\t\t</div>\n"
    )


def _day(day: date) -> str:
    return day.strftime("%Y.%m.%d")


# -- the list --------------------------------------------------------------------------


def row_link(no: int, site_id: int, paths: ServedPaths) -> str:
    """The attributes of the ``<a>`` of a row opening article `no`, in the row's form."""
    form = ROW_FORMS[no % len(ROW_FORMS)]
    detail = url(paths.detail_path)
    if form == "href":
        return f'href="{detail}?{paths.id_param}={no}&amp;siteId={site_id}"'
    if form == "href_nosite":
        return f'href="{detail}?{paths.id_param}={no}"'
    if form == "href_loggb":
        return f'href="{detail}?{paths.id_param}={no}&amp;siteId={site_id}&amp;{LOG_PARAM}"'
    if form == "id_only":
        return f'href="javascript:void(0);" onclick="goDetailPage(\'{no}\');"'
    return f"href=\"javascript:void(0);\" onclick=\"goDetailPage('{no}', '{site_id}');\""


def _row(no: int, site_id: int, title: str, day: date, paths: ServedPaths, *, notice: bool) -> str:
    cate = (
        '\n\t\t\t                    <div class="cate">'
        '<strong class="badge notice">공지</strong></div>'
        if notice
        else ""
    )
    cls = ' class="notice"' if notice else ""
    return (
        f"\n\t\t\t\t\t\t\n\t\t\t\t\t\t\t<li{cls}>{cate}\n"
        '\t\t\t\t\t\t\t\t<div class="subject">\n'
        f'\t\t\t                        <a {row_link(no, site_id, paths)} title="{attr(title)}">'
        f"{esc(title)}</a>\n"
        f'\t\t\t                        <span class="date">{_day(day)}</span>\n'
        "\t\t\t                    </div>\n"
        "\t\t\t                </li>"
    )


_LIST_SCRIPT = """<script type="text/javascript">
\tfunction goPage(pageIndex) {{
\t\t$('#pageIndex').val(pageIndex);
\t\tgetList();
\t}}

\tfunction getList(){{
\t\t$('#listForm').attr('action', "{list_path}");
\t\t$('#listForm')[0].submit();
\t}}

\tfunction goDetailPage({key}, siteId) {{
\t\t$('#{key}').val({key});
\t\t$('#siteId').val(siteId);
\t\t$('#listForm').attr('action', "{detail_path}");
\t\t$('#listForm')[0].submit();
\t}}
</script>
"""


def list_html(
    view: ListView,
    rows: list[tuple[int, int, str, date]],
    pinned: list[tuple[int, int, str, date]],
    paths: ServedPaths,
) -> str:
    """The list page (session marks unfilled): `rows` and the `pinned` notices, as (no, site
    id, title, date), and the paging `view` says."""
    if view.shown is None:
        body = f'\n\t\t\t\t<li class="no-data">{NO_DATA}</li>'
    else:
        body = "".join(_row(*row, paths, notice=True) for row in pinned)
        body += "".join(_row(*row, paths, notice=False) for row in rows)
    page = view.shown if view.shown is not None else view.page
    content = (
        '<div class="ct">\n\t\t<div class="sub-top bg-theme2">\n\t\t    <div class="container">\n'
        f"{_location(paths)}"
        f'\t\t\t\t\t\t<div class="top-content">\n\t\t\t\t\t\t\t<h3 class="h1">{HEADING}</h3>\n'
        "\t\t\t\t\t\t</div>\n\t\t\t</div>\n\t\t</div>\n"
        + SUB_TOP_SCRIPT
        + '    <div class="container">\n        <div class="board">\n'
        '            <form id="listForm" name="listForm" method="post">\n'
        f'                <input type="hidden" id="{paths.id_param}" name="{paths.id_param}"'
        ' value="" />\n'
        '                <input type="hidden" id="siteId" name="siteId" value="" />\n'
        f'                <input type="hidden" id="pageIndex" name="pageIndex" value="{page}" />\n'
        '                <div class="board-header">\n'
        f'                    <div class="bbs-summary max">총 <strong>{view.total:,}</strong> 건'
        "</div>\n                </div>\n            </form>\n"
        f'\t\t\t<ul class="board-list box box-radius theme-board1">{body}\n\t\t\t</ul>\n'
        + _paging(view, NAMES)
        + "\t\t</div>\n\t</div>\n</div>\n"
    )
    script = _LIST_SCRIPT.format(
        key=paths.id_param, list_path=paths.list_path, detail_path=paths.detail_path
    )
    return document(f"{HEADING} | {SITE_NAME}", paths.list_path, paths, content, script)


# -- an article ------------------------------------------------------------------------


def _badges(day: date, hits: int) -> str:
    return (
        '\t\t\t\t\t\t\t\t\t<span class="badge write"><i class="icon-view-datetime">작성</i>'
        f" {_day(day)}</span>\n"
        '\t\t\t\t\t\t\t\t\t<span class="badge view"><i class="icon-view-read">조회</i>'
        f" {hits:,}</span>\n"
    )


def _head(text: TradeText) -> str:
    pairs = (("출처", text.source), ("분류", text.category))
    items = "".join(
        '\n                    \t<li class="col-12 col-lg-6 col-xl-4">\n'
        f'                    \t\t<dl>\n                                <dt class="m-100">{label}'
        f" </dt>\n                                <dd>{esc(value)}</dd>\n"
        "                            </dl>\n                        </li>"
        for label, value in pairs
    )
    return (
        '\t\t\t\t<div class="detail-head box box-radius">\n'
        f'                    <ul class="row">{items}\n                    </ul>\n'
        "               \t</div>\n"
    )


def body_html(text: TradeText, no: int, linked_title: str | None) -> str:
    """The DEXT document of the body: styled paragraphs, blanks, a related article's link."""
    parts = [BLANK]
    for index, paragraph in enumerate(text.paragraphs):
        inner = esc(paragraph)
        if (no + index) % 5 == 0:
            inner = f'<span style="font-size: 11pt;">{inner}</span>'
        parts.append(f'<p style="{STYLE}">{inner}</p>')
        if index == 0 and no % 7 == 0:
            src = f"https://kita.net/editordata/2026/05/2026052{no % 10}_{no:09d}.png"
            parts.append(
                f'<p style="{STYLE} text-align: center;"><img src="{src}" title="" alt=""'
                ' border="0" style="width: 640px;"><br></p>'
            )
        if (no + index) % 3 == 0:
            parts.append(BLANK)
    if text.linked_no is not None and linked_title is not None:
        href = (
            "https://www.kita.net/board/totalTradeNews/totalTradeNewsDetail.do"
            f"?no={text.linked_no}&amp;{LOG_PARAM}"
        )
        parts.append(
            f'<p style="{STYLE}"><a href="{href}" target="_blank">▶ 관련기사: {esc(linked_title)}'
            "</a></p>"
        )
    return OPEN + "".join(parts) + CLOSE


def _files(files: tuple[TradeFile, ...], paths: ServedPaths) -> str:
    if not files:
        return "\t\t\t\t\n\t\t\t\t\t\n"
    items = "".join(
        "\n\t\t\t\t\t\t\t\t<li>\n"
        f'\t\t\t\t\t\t\t\t\t<p class="filename"><a href="javascript:void(0);"'
        f" onclick=\"doDownloadFile('{file.seq}', '{file.dtl_seq}');\">{esc(file.name)}</a></p>\n"
        '\t\t\t\t\t\t\t\t\t<p class="filelink">\n'
        f'\t\t\t\t\t\t\t\t\t\t<a href="javascript:void(0);" onclick="doDownloadFile('
        f"'{file.seq}', '{file.dtl_seq}');\" class=\"bt bt-lightgray bt-icon bt-xs\">"
        '<i class="icon-file-down">down</i> <span>다운로드</span></a>\n'
        "\t\t\t\t\t\t\t\t\t</p>\n\t\t\t\t\t\t\t\t</li>"
        for file in files
    )
    return (
        '\t\t\t\t\t\t<div class="detail-footer box box-radius">\n'
        f'\t\t\t\t\t\t\t<ul class="attachfile-list">{items}\n\t\t\t\t\t\t\t</ul>\n'
        "\t\t\t\t\t\t</div>\n"
    )


def _slot(marker: str, other: tuple[int, int, str] | None) -> str:
    if other is None:
        return f"<!-- {marker} -->"
    no, site_id, title = other
    return (
        f'<!-- {marker} --><a href="javascript:void(0);" onclick="goDetailPage(\'{no}\','
        f' \'{site_id}\');" title="{attr(title)}"><i>{marker}</i> {esc(title)}</a>'
    )


_ARTICLE_SCRIPT = """<script type="text/javascript">
\tfunction goDetailPage({key}, siteId) {{
\t\t$('#{key}').val({key});
\t\t$('#siteId').val(siteId);
\t\t$('#detailForm').attr('action', "{detail_path}");
\t\t$('#detailForm')[0].submit();
\t}}

\t/**
\t * 파일 다운로드
\t */
\tfunction doDownloadFile(fileSeq, fileDtlSeq) {{
\t\twindow.location.href = '{file_url}?fileSeq=' + fileSeq + '&fileDtlSeq=' + fileDtlSeq;
\t}}

\tfunction doScrap() {{
\t\tglobal.ajax({{
\t\t\ttype : 'POST'
\t\t\t, url : '{scrap_url}'
\t\t\t, data : JSON.stringify({{ categoryId : '01', contentsId : '{no}', title : '{title_js}' }})
\t\t}});
\t}}
</script>
"""


@dataclass(frozen=True, slots=True)
class Shown:
    """What an article page shows of its post besides its words: id, site id, date, counter."""

    no: int
    site_id: int
    day: date
    hits: int


def article_html(
    shown: Shown,
    text: TradeText,
    neighbours: tuple[tuple[int, int, str] | None, tuple[int, int, str] | None],
    linked_title: str | None,
    paths: ServedPaths,
) -> str:
    """Article `shown.no`'s page (session marks unfilled); `neighbours`: the older and the
    newer article as (no, site id, title), or None at either end."""
    no, site_id, title = shown.no, shown.site_id, text.title
    content = (
        '<form id="detailForm" name="detailForm" method="post" onsubmit="return false;">\n'
        f'<input type="hidden" id="{paths.id_param}" name="{paths.id_param}" value="{no}" />\n'
        f'<input type="hidden" id="siteId" name="siteId" value="{site_id}" />\n'
        '<input type="hidden" id="pageIndex" name="pageIndex" value="1" />\n'
        '<div class="ct">\n\t\t<div class="sub-top bg-theme2">\n\t\t    <div class="container">\n'
        f"{_location(paths)}"
        '\t\t\t\t\t\t<div class="top-content board-detail-header">\n'
        f'\t\t\t\t\t\t\t<h3 class="h1 d-none">{HEADING}</h3>\n'
        '\t\t\t\t\t\t\t<div class="subject">\n'
        f'\t\t\t\t\t\t\t\t<p id="subTopTitle" nlogger-type="nth_detail_title" class="h3"'
        f' title="{attr(title)}">\n\t\t\t\t\t\t\t\t\t{esc(title)}\n\t\t\t\t\t\t\t\t</p>\n'
        "\t\t\t\t\t\t\t</div>\n"
        '\t\t\t\t\t\t\t<div class="function">\n'
        f"{_badges(shown.day, shown.hits)}"
        '\t\t\t\t\t\t\t\t<div class="func-link"><span class="share"><button type="button"'
        f' onclick="subTop.snsSharePopup(\'{js_attr(title)}\');" class="icon-func-share">'
        "share</button></span></div>\n"
        "\t\t\t\t\t\t\t</div>\n\t\t\t\t\t\t</div>\n\t\t\t</div>\n\t\t</div>\n"
        + SUB_TOP_SCRIPT
        + '\t<div class="container">\n\t\t<div class="board">\n'
        '\t\t\t<div class="board-detail theme-board1">\n'
        + _head(text)
        + '               \t<div class="detail-body caption para">\n'
        "               \t\t<!-- 본문 -->\n\t\t\t\t\t\t"
        + body_html(text, no, linked_title)
        + "\n\t\t\t\t</div>\n\t\t\t\t<!-- [D] 첨부파일 영역 -->\n"
        + _files(text.files, paths)
        + '\t\t\t\t<div class="board-btns d-none d-lg-flex">\n'
        f"\t\t\t\t\t<p>{_slot('이전글', neighbours[0])}</p>\n"
        '\t\t\t\t\t<p><a href="javascript:void(0);" onclick="global.goList('
        f'\'{paths.list_path}\');" class="bt theme-btn">목록</a></p>\n'
        f"\t\t\t\t\t<p>{_slot('다음글', neighbours[1])}</p>\n"
        "\t\t\t\t</div>\n\t\t\t</div>\n\t\t</div>\n\t</div>\n</div>\n"
    )
    script = _ARTICLE_SCRIPT.format(
        key=paths.id_param,
        detail_path=paths.detail_path,
        file_url=url(paths.file_path),
        scrap_url=url("/myScrap/saveMyScrap.do"),
        no=no,
        title_js=js_attr(title),
    )
    return document(title, paths.detail_path, paths, content, script)


def deleted_html(paths: ServedPaths) -> str:
    """A deleted post's answer: 200 and a script that is only an alert (no page around it)."""
    return (
        '<script type="text/javascript">\n'
        f"\talert('{DELETED_MESSAGE}');\n"
        f"\tlocation.href = '{url(paths.list_path)}';\n"
        "</script>\n"
    )


def alert_in_template_html(paths: ServedPaths, message: str) -> str:
    """The template with an empty board and the framework's ``dlgAlert``: 200, no post."""
    content = (
        '<div class="ct">\n\t<div class="container">\n\t\t<div class="board"></div>\n\t</div>\n'
        "</div>\n"
    )
    script = (
        '<script type="text/javascript">\n'
        f"\tdlgAlert('{message}', function(){{ global.goList('{paths.list_path}'); }});\n"
        "</script>\n"
    )
    return document(f"{HEADING} | {SITE_NAME}", paths.detail_path, paths, content, script)
