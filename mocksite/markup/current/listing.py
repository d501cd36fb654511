"""The list page of the current template: the POST form, the rows, the paging bar.

``list_html`` writes what a ``ListView`` says one list page shows, with
session marks unfilled. As on the real pages: ``form#listForm`` (POST) holds
the hidden ``pageIndex`` (and the id parameter the rows fill in), the search
box and the ``div.bbs-summary`` total, and closes before the rows; the rows
are the direct children of ``ul.board-list``, each with nested lists inside;
a row's title is a dead link whose ``onclick`` calls ``goDetailPage('N',
'2')``, its ``title`` attribute the full title, its text cut short when
long; the paging bar ``ul.pagination`` has a ``goPage(n)`` call on every
link but the current page's, including the disabled arrows, and its numbers
come in blocks of ten. The page's script defines ``goPage``, ``getList`` and
``goDetailPage``, which name the list and detail paths.
"""

from __future__ import annotations

from mocksite.markup.current.chrome import SITE_NAME, SUB_TOP_SCRIPT, document, location
from mocksite.markup.current.jsp import jsp
from mocksite.markup.current.links import detail_link
from mocksite.markup.current.names import NAMES, Names
from mocksite.markup.current.variations import (
    ROW_TITLE_MAX,
    korean_total,
    row_call,
    row_date_form,
)
from mocksite.model import ListOptions, ListView, Post
from mocksite.text import attr, esc, norm
from mocksite.urls import SITE_ID, ServedPaths

HEADING = "KITA News"
PAGE_UNITS = (10, 20, 50, 100)
NO_DATA = "There are no posts."


def _shown_title(post: Post) -> str:
    title = norm(post.title)
    if len(title) <= ROW_TITLE_MAX:
        return esc(post.title)
    return esc(title[: ROW_TITLE_MAX - 3].rstrip()) + "..."


def _row(post: Post, options: ListOptions, *, notice: bool = False) -> str:
    link = detail_link(post.no, row_call(post, options))
    cate = (
        '\n\t\t\t                    <div class="cate">\n'
        '\t\t\t                        <strong class="badge notice">Notice</strong>\n'
        "\t\t\t                    </div>"
        if notice
        else ""
    )
    day = post.posted.strftime("%Y.%m.%d")
    date = ""
    info = ""
    if options.columns:
        if row_date_form(post) == "span":
            date = f'\n\t\t\t                        <span class="date">{day}</span>'
            info_date = ""
        else:
            info_date = (
                f'\n\t\t\t                            <li>Date : <span class="font-numbers">'
                f"{day}</span></li>"
            )
        info = (
            '\n\t\t\t                    <div class="info caption-sm">\n'
            f"\t\t\t                        <ul>{info_date}\n"
            '\t\t\t                            <li class="view"><i class="icon-view-read">'
            f"Views</i> {post.hits}</li>\n"
            "\t\t\t                        </ul>\n"
            "\t\t\t                    </div>"
        )
    cls = ' class="notice"' if notice else ""
    return (
        f"\n\t\t\t\t\t\t\n\t\t\t\t\t\t\n\t\t\t\t\t\t\t<li{cls}>{cate}\n"
        '\t\t\t\t\t\t\t\t<div class="subject">\n'
        f'\t\t\t                        <a {link} title="{attr(post.title)}">'
        f"{_shown_title(post)}</a>{date}\n"
        f"\t\t\t                    </div>{info}\n"
        "\t\t\t                </li>"
    )


def _paging(view: ListView, names: Names) -> str:
    """The paging bar, as the framework's renderer writes it (one line of ``<li>``s)."""
    last = view.last
    if not last:
        return f'\t\t\t<ul class="{names.pagination}">\n\n\t\t\t</ul>\n'
    current = view.shown if view.shown is not None else min(view.page, last)
    active = view.shown is not None
    block_start = (current - 1) // 10 * 10 + 1
    block_end = min(block_start + 9, last)

    def arrow(page: int, enabled: bool, icon: str, label: str, li: str = "") -> str:
        li_attr = f' class="{li}"' if li else ""
        return (
            f'<li{li_attr}><a href="javascript:void(0);" onclick="goPage({page}); return false;"'
            f' class="{"" if enabled else "disabled"}"><i class="icon-paging {icon}">{label}</i>'
            "</a></li>"
        )

    parts = [
        # The previous block's last page; disabled (and pointing at page 1) in the first block.
        arrow(block_start - 1 if block_start > 1 else 1, block_start > 1, "prev", "Previous"),
        # The mobile arrows step one page and are never clamped: goPage(0) on page 1.
        arrow(current - 1, active and current > 1, "prev", "mobile Previous", "paging-m prev"),
    ]
    for page in range(block_start, block_end + 1):
        if active and page == current:
            parts.append(f'<li><a href="javascript:void(0);" class="active">{page}</a></li>')
        else:
            parts.append(
                f'<li><a href="javascript:void(0);" onclick="goPage({page}); return false;">'
                f"{page}</a></li>"
            )
    parts += [
        f'<li class="d-lg-none"> <strong>{current}</strong> / {last} </li>',
        arrow(current + 1, active and current < last, "next", "mobile Next", "paging-m next"),
        # The next block's first page; disabled (and pointing at the last page) in the last block.
        arrow(block_end + 1 if block_end < last else last, block_end < last, "next", "Next"),
    ]
    return f'\t\t\t<ul class="{names.pagination}">\n\t\t\t\t{"".join(parts)}\n\n\t\t\t</ul>\n'


_FORM = jsp("""    <div class="container">
        <div class="board">
            <form id="{list_form}" name="{list_form}" method="post">
                <input type="hidden" id="{key}" name="{key}" value="" keyfield="true" />
                <input type="hidden" id="siteId" name="siteId" value="{site_id}" />
                <input type="hidden" id="pageIndex" name="pageIndex" value="{page}" />
                <!-- [D] pc - boardListSearch.jsp 참고 -->
                <div class="search-group ">
                    <div class="form-area">
                        <section class="form-row">
                            <div class="col-md-3">
                                <select name="searchCondition" id="searchCondition">
                                    <option value="title" selected>Title</option>
                                    <option value="contents" >Content</option>
                                </select>
                            </div>
                            <div class="col-md mt-md-0">
                                <input type="text" name="searchKeyword" value=""\
 onkeydown="global.onEnter(getList);" class="inputbox" placeholder="Enter a search term." />
                            </div>
                        </section>
                    </div>
                    <div class="btns">
                        <button type="button" onclick="doSearch();"\
 class="bt bt-sm bt-icon bt-dark">Search</button>
                        <button type="button" onclick="doInit();"\
 class="bt bt-sm bt-icon bt-outline">Reset</button>
                    </div>
                </div>
                <div class="board-header">
                    <div class="{summary} max">
                        {total}
                    </div>
                    <div class="bbs-select d-none d-lg-block">
                        <select id="pageUnit" name="pageUnit" title="Rows" onchange="doSearch();" \
>{options}</select> per page
                    </div>
                </div>
            </form>
""")
_SCRIPT = jsp("""<script type="text/javascript">
    function doSearch() {{
        goPage(1);
    }}

    function goPage(pageIndex) {{
        $('#pageIndex').val(pageIndex);
        getList();
    }}

    function getList(){{
        $('#listForm').attr('action', "{list_path}");
        $('#listForm')[0].formSubmit();
    }}

    function goDetailPage({key}, siteId) {{
        $('#{key}').val({key});
        $('#siteId').val(siteId || '{site_id}');
        $('#listForm').attr('action', "{detail_path}");
        $('#listForm')[0].goDetail();
    }}

    /**
     * 초기화
     */
    function doInit() {{
        global.pageRefresh('{list_path}');
    }}
</script>
""")


def _form(view: ListView, paths: ServedPaths, names: Names, unit: int) -> str:
    page = view.shown if view.shown is not None else view.page
    if view.shown is not None and korean_total(view.shown):
        total = f"총 <strong>{view.total}</strong> 건"
    else:
        total = f"Total <strong>{view.total:,}</strong>"
    options = "".join(
        f'<option value="{n}"{" selected" if n == unit else ""} ">{n}</option>' for n in PAGE_UNITS
    )
    return _FORM.format(
        list_form=names.list_form,
        key=paths.id_param,
        site_id=SITE_ID,
        page=page,
        summary=names.summary,
        total=total,
        options=options,
    )


def _script(paths: ServedPaths) -> str:
    return _SCRIPT.format(
        key=paths.id_param,
        site_id=SITE_ID,
        list_path=paths.list_path,
        detail_path=paths.detail_path,
    )


def list_html(
    view: ListView,
    options: ListOptions,
    paths: ServedPaths,
    names: Names = NAMES,
    unit: int = 10,
    *,
    heading: str = HEADING,
    menu: ServedPaths | None = None,
) -> str:
    """The whole list page (session marks unfilled) showing `view`, `unit` rows a page.

    `heading` names the board; `menu` says where the mega-menu finds the news
    board (default: `paths`, the page being the news board's).
    """
    if view.shown is None:
        rows = f'\n\t\t\t\t<li class="no-data">{NO_DATA}</li>'
    else:
        rows = "".join(_row(post, options, notice=True) for post in view.pinned)
        rows += "".join(_row(post, options) for _, post in view.rows)
    sub_top = (
        '<div class="ct">\n\t\t<div class="sub-top bg-theme1">\n\t\t    <div class="container">\n'
        f"{location(paths, heading)}"
        f'\t\t\t\t\t\t<div class="top-content">\n\t\t\t\t\t\t\t<h3 class="h1">{heading}</h3>\n'
        "\t\t\t\t\t\t</div>\n\t\t\t</div>\n\t\t</div>\n"
    )
    content = (
        sub_top
        + SUB_TOP_SCRIPT
        + _form(view, paths, names, unit)
        + f'\t\t\t<ul class="{names.board_list} box box-radius theme-board1">{rows}\n'
        "\t\t\t\t\n\t\t\t</ul>\n" + _paging(view, names) + "\t\t</div>\n\t</div>\n</div>\n"
    )
    title = f"{heading}-{SITE_NAME}"
    return document(title, paths.list_path, menu or paths, content, _script(paths))
