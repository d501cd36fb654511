"""The article page of the current template: title, badges, the editor's document, files, slots.

``article_html`` writes a post's whole page (chrome included) under the
names it is given, with session marks where the container writes session ids
(``sessions.apply`` fills them in). ``truncate`` cuts a page off between the
end of the body and the footer; ``deleted_html`` is the answer for a deleted
post.

What the real detail page shows, and the imitation with it: ``<title>`` is
the post title alone; ``og:url`` is the detail path without the query; the
title again in ``p#subTopTitle``, wrapped in newlines and tabs; the date and
the view counter as badges whose labels are words (``Date``/``Views``, or
the framework's Korean ``작성``/``조회`` on a few posts); the body inside
``div.board-detail > div.detail-body`` as a whole nested editor document;
attachments as ``doDownloadFile('seq', 'dtl')`` calls, with a preview button
whose URL names the real host; the older and newer posts in the first and
last ``<p>`` of ``div.board-btns``, each an HTML comment, followed by a
``goDetailPage`` link when there is such a post; the page's own
``doDownloadFile`` definition, which is how a file's URL is known.
"""

from __future__ import annotations

import posixpath

from mocksite.kinds import EMPTY_BODY, UNTITLED
from mocksite.markup.current.chrome import (
    SITE_NAME,
    SUB_TOP_SCRIPT,
    document,
    location,
)
from mocksite.markup.current.dext import CLOSE, body_document
from mocksite.markup.current.jsp import jsp
from mocksite.markup.current.links import detail_link
from mocksite.markup.current.names import NAMES, Names
from mocksite.markup.current.sessions import url
from mocksite.markup.current.variations import (
    BADGE_LABELS,
    SLOT_MARKERS,
    badge_language,
    neighbour_call,
    slot_language,
)
from mocksite.model import Neighbours, Post
from mocksite.text import attr, esc, js_attr
from mocksite.urls import CURRENT_HOST, SITE_ID, ServedPaths

HEADING = "KITA News"
DELETED_MESSAGE = "The post has been deleted or does not exist."


def _board_folder(paths: ServedPaths) -> str:
    """The board's name in its paths (``kitaNews``), as the file viewer's ids use it."""
    return posixpath.basename(posixpath.dirname(paths.detail_path)) or "board"


_SUB_TOP = jsp("""<div class="ct">
    .








    .
    .
    .
        <div class="sub-top bg-theme1">
            <div class="container">
{location}
                .
                    .
                        <div class="top-content board-detail-header">
                            <h3 class="h1 d-none">{heading}</h3>
                            <div class="d-block d-lg-none">
                                .
                            </div>
                            <div class="subject">
                                <p id="{title_id}" nlogger-type="nth_detail_title" class="h3"\
 title="{title_attr}">
                                    {title}
                                </p>
                            </div>
                            <div class="function">
                                .

                                .
                                    {write_badge}
                                .
                                .
                                .
                                    {view_badge}
                                .
                                <div class="func-link">
                                        <span class="share"><button type="button"\
 onclick="subTop.snsSharePopup('{title_js}');" class="icon-func-share">share</button></span>
                                </div>
                            </div>
                        </div>
                    .
                .
            </div>
        </div>
    .


""")
_FILE = jsp("""
                                <li>
                                    <p class="filename"><a href="javascript:void(0);"\
 onclick="{call}">{name}</a></p>
                                    <p class="filelink">
                                        <a href="javascript:void(0);" onclick="{call}"\
 class="bt bt-lightgray bt-icon bt-xs"><i class="icon-file-down">down</i> <span>Download</span></a>
                                        <a href="javascript:void(0);"\
 onclick="viewer.showFileContents('{preview}'
                                            , '{name_js}', '{viewer_id}');"\
 class="bt bt-lightgray bt-icon bt-xs">
                                            <i class="icon-file-read">read</i> <span>Preview</span>
                                        </a>
                                    </p>
                                </li>
""")
_FILES = jsp("""
                    .
                        <div class="{detail_footer} box box-radius">
                            <ul class="{attach_list}">
{items}
                            </ul>
                        </div>
                    .
                    .
""")
# Without attachments the JSP's conditional leaves only its blank lines.
_NO_FILES = jsp("\n                .\n                    .\n")
_BOARD = jsp("""    <div class="container">
        <div class="board">
            <!-- [D] theme-board2 <== depth 순서 -->
            <div class="{board_detail} theme-board1">{gallery}
                   <div class="{detail_body} caption para">
                       <!-- 본문 -->
                       .
                    .
                        {body}
                        .
                               .
                        .
                    .
                </div>
                <!-- [D] 첨부파일 영역 -->
                {files}
                <!-- [D] 기능버튼 pc ver -->
                <div class="{board_btns} d-none d-lg-flex">
                    <p>{older}</p>
                    <p>
                        <a href="javascript:void(0);" onclick="{back}" class="bt theme-btn">List</a>
                    </p>
                    <p>{newer}</p>
                </div>
                <!-- [D] 기능버튼 mo ver -->
                <div class="{board_btns} d-block d-lg-none">
                    <p>
                        <a href="javascript:void(0);" onclick="{back}" class="bt theme-btn">List</a>
                    </p>
                </div>
            </div>
        </div>
    </div>
</div>
""")
_SCRIPT = jsp("""<script type="text/javascript">
    $(document).ready(function(){{
        // 조회수 증가
        global.ajax({{
            type : 'POST'
            , url : '{count_url}'
            , data : JSON.stringify({{
                {key} : '{no}'
            }})
            , dataType : 'json'
            , contentType : 'application/json'
            , async : true
            , spinner : false
        }});
    }});

    function goDetailPage({key}, siteId) {{
        $('#{key}').val({key});
        $('#siteId').val(siteId || '{site_id}');
        $('#detailForm').attr('action', "{detail_path}");
        $('#detailForm').attr('onsubmit', '');
        $('#detailForm')[0].submit();
    }}

    /**
     * 파일 다운로드
     */
    function doDownloadFile(fileSeq, fileDtlSeq) {{
        window.location.href = '{file_url}?fileSeq=' + fileSeq + '&fileDtlSeq=' + fileDtlSeq;
    }}

    function loginPopup() {{
        var dm = location.protocol + '//' + location.host;
        var rtnUrl = dm + '{detail_url}?{key}={no}&siteId={site_id}';

        window.open(
            'https://ssl.kita.net/join/login.do?applCd=KO&rtnUrl=' + encodeURIComponent(rtnUrl),
            '',
            'width=700,height=700'
        );
    }}

    /**
     * 마이페이지 스크랩
     */
    function doScrap() {{
        global.ajax({{
            type : 'POST'
            , url : '{scrap_url}'
            , data : JSON.stringify({{
                categoryId : '01'
                , contentsId : '{no}'
                , title : '{title_js}'
                , creDate : '{day}'
            }})
            , dataType : 'json'
            , contentType : 'application/json'
            , async : true
            , spinner : false
            , success : function(data){{
                dlgConfirm(
                    'Saved to My Scrap.<br />Go to My Scrap now?',
                    function(){{
                        window.location.href = '{my_scrap_url}';
                    }}
                );
            }}
        }});
    }}
</script>
""")


def _sub_top(
    post: Post, title: str, paths: ServedPaths, names: Names, *, heading: str, badges: bool
) -> str:
    write_badge = view_badge = ""
    if badges:
        write, view = BADGE_LABELS[badge_language(post)]
        write_badge = (
            f'<span class="{names.badge_write}"><i class="icon-view-datetime">{write}</i>'
            f" {post.posted.strftime('%Y.%m.%d')}</span>"
        )
        view_badge = (
            f'<span class="{names.badge_view}"><i class="icon-view-read">{view}</i>'
            f" {post.hits}</span>"
        )
    # Without badges the JSP's conditionals leave their lines blank.
    return _SUB_TOP.format(
        location=location(paths, heading),
        heading=heading,
        title_id=names.title_id,
        title_attr=attr(title),
        title=esc(title),
        title_js=js_attr(title),
        write_badge=write_badge,
        view_badge=view_badge,
    )


def _files(post: Post, paths: ServedPaths, names: Names) -> str:
    if not post.attachments:
        return _NO_FILES
    folder = _board_folder(paths)
    items = []
    for k, file in enumerate(post.attachments):
        stamp = post.posted.strftime("%Y%m%d") + f"{(post.no * 7 + k) % 240000:06d}"
        items.append(
            _FILE.format(
                call=f"doDownloadFile('{file.seq}', '{file.dtl_seq}');",
                name=esc(file.name),
                name_js=js_attr(file.name),
                # The preview names the real host, with the raw & the page writes.
                preview=f"{CURRENT_HOST}{url(paths.file_path)}?fileSeq={file.seq}"
                f"&fileDtlSeq={file.dtl_seq}",
                viewer_id=f"{folder}_prod_{file.seq}_{stamp}",
            )
        )
    return _FILES.format(
        detail_footer=names.detail_footer, attach_list=names.attach_list, items="".join(items)
    )


def _slot(post: Post, other: Post | None, which: int) -> str:
    """One neighbour slot's content: its marker comment, then a link if there is such a post."""
    language = slot_language(post)
    marker = SLOT_MARKERS[language][which]
    if other is None:
        return f"<!-- {marker} -->"
    label = f'<span class="label">{marker}</span> ' if language == "english" else ""
    link = detail_link(other.no, neighbour_call(post))
    return f"<!-- {marker} -->{label}<a {link}>{esc(other.title)}</a>"


def _board(
    post: Post,
    neighbours: Neighbours,
    paths: ServedPaths,
    names: Names,
    *,
    body: str | None = None,
    gallery: str = "",
) -> str:
    older, newer = neighbours
    if body is None:
        body = body_document(post, names, empty=post.kind == EMPTY_BODY)
    return _BOARD.format(
        board_detail=names.board_detail,
        gallery=f"\n{gallery}" if gallery else "",
        detail_body=names.detail_body,
        body=body,
        files=_files(post, paths, names),
        board_btns=names.board_btns,
        older=_slot(post, older, 0),
        newer=_slot(post, newer, 1),
        # A literal the framework never rewrites: no session id even without the cookie.
        back=f"global.goList('{paths.list_path}');",
    )


def _script(post: Post, title: str, paths: ServedPaths) -> str:
    folder = posixpath.dirname(paths.detail_path)
    return _SCRIPT.format(
        count_url=url(folder + "/updateViewCount.do"),
        key=paths.id_param,
        no=post.no,
        site_id=SITE_ID,
        detail_path=paths.detail_path,
        file_url=url(paths.file_path),
        detail_url=url(paths.detail_path),
        scrap_url=url("/myScrap/saveMyScrap.do"),
        my_scrap_url=url("/myScrap/myScrapList.do"),
        title_js=js_attr(title),
        day=post.posted.strftime("%Y.%m.%d"),
    )


def article_html(
    post: Post,
    neighbours: Neighbours,
    paths: ServedPaths,
    names: Names = NAMES,
    *,
    heading: str = HEADING,
    badges: bool = True,
    menu: ServedPaths | None = None,
    body: str | None = None,
    gallery: str = "",
) -> str:
    """The page of `post` (session marks unfilled); its older and newer posts are `neighbours`.

    `paths` are the board's own; `heading` its name; `badges` False leaves out
    the date and counter badges; `menu` says where the mega-menu finds the
    news board (default: `paths`, the page being the news board's); `body`:
    what ``div.detail-body`` holds (default: the post's blocks as the
    editor's document); `gallery`: a block of images before it.
    """
    drift = names is not NAMES
    title = "" if post.kind == UNTITLED else post.title
    # The drifted redesign titles every page after the site, as most sites do.
    page_title = f"{heading}-{SITE_NAME}" if drift else title
    form = (
        '<form id="detailForm" name="detailForm" method="post" onsubmit="return false;">\n'
        f'<input type="hidden" id="{paths.id_param}" name="{paths.id_param}"'
        f' value="{post.no}" />\n'
        f'<input type="hidden" id="siteId" name="siteId" value="{SITE_ID}" />\n'
        '<input type="hidden" id="pageIndex" name="pageIndex" value="1" />\n'
    )
    # The real detail page never closes its form: no </form> follows the content.
    content = (
        form
        + _sub_top(post, title, paths, names, heading=heading, badges=badges)
        + SUB_TOP_SCRIPT
        + _board(post, neighbours, paths, names, body=body, gallery=gallery)
    )
    script = _script(post, title, paths)
    return document(page_title, paths.detail_path, menu or paths, content, script)


def truncate(text: str, names: Names = NAMES) -> str:
    """The page cut off half-way between the end of the body and the footer.

    The body is whole, and so is the nested editor document with its own
    ``</html>``: only the footer (and what precedes it) is missing.
    """
    start = text.index(f'<div class="{names.detail_body}')
    if names.dext:
        start = text.index(CLOSE, start) + len(CLOSE)
    end = text.index('<footer class="ft">', start)
    return text[: start + (end - start) // 2]


def deleted_html(paths: ServedPaths) -> str:
    """What the site answers for a deleted post: 200 and a script that is only a dialog."""
    return (
        '<script type="text/javascript">\n'
        f"\tdlgAlert('{DELETED_MESSAGE}');\n"
        f"\tlocation.href = '{url(paths.list_path)}';\n"
        "</script>\n"
    )
