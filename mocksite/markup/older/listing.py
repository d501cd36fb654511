"""The list page of the older template: the search form, the table of rows, the paging.

``list_html`` writes what a ``ListView`` says one list page shows: notices,
then the page's rows with their numbers, each linked to its article in one of
the link forms ``ListOptions.list_links`` asks for.
"""

from __future__ import annotations

from mocksite.markup.older.chrome import document
from mocksite.markup.older.links import link_attrs
from mocksite.markup.older.names import NAMES, Names
from mocksite.markup.older.section import NEWS, Section
from mocksite.model import ListOptions, ListView, Post
from mocksite.text import esc


def list_html(
    view: ListView, options: ListOptions, names: Names = NAMES, section: Section = NEWS
) -> str:
    """The whole list page (chrome included) of `section` showing `view`, as `options` say."""
    columns = 4 if options.columns else 2
    rows: list[str] = []
    shown = view.shown
    if shown is None:
        rows.append(f'<tr><td colspan="{columns}" class="no_data">No posts.</td></tr>')
    else:
        for pinned in view.pinned:
            rows.append(
                _row_html(
                    pinned, "Notice", shown, options, view.session, section=section, pinned=True
                )
            )
        for counter, post in view.rows:
            rows.append(_row_html(post, counter, shown, options, view.session, section=section))
    head = '<th scope="col">No.</th><th scope="col">Title</th>'
    cols = '<col style="width: 10%;"><col>'
    if options.columns:
        head += '<th scope="col">Date</th><th scope="col">Hit</th>'
        cols += '<col style="width: 15%;"><col style="width: 10%;">'
    body = "\n".join(rows)
    content = (
        '<div class="board_top">\n'
        f'<p class="total">Total <strong>{view.total:,}</strong></p>\n'
        f'<form name="searchForm" action="{section.list_path}" method="get">'
        '<input type="hidden" name="pageIndex" value="1">'
        '<select name="searchCnd" title="Search by"><option value="0">Title</option></select>'
        '<input type="text" name="searchWrd" title="Search word" value="">'
        '<button type="submit" class="btn_search">Search</button></form>\n</div>\n'
        f'<table class="{names.board_list}" summary="{section.title}: No., Title, Date, Hit">\n'
        f"<caption>{section.title} list</caption>\n<colgroup>{cols}</colgroup>\n"
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n"
        f"{paging_html(shown if shown is not None else view.page, view.last, options.paging)}"
    )
    return document(content, heading=section.heading, section=section)


def _row_html(
    post: Post,
    counter: str,
    page_index: int,
    options: ListOptions,
    session: str,
    *,
    section: Section,
    pinned: bool = False,
) -> str:
    form = row_form(post, options)
    tr_attrs = ' class="notice"' if pinned else ""
    title = esc(post.title)
    if form == "tr_onclick":
        tr_attrs += f' onclick="fn_view(\'{post.no}\');" style="cursor: pointer;"'
        link = f'<a href="#none">{title}</a>'
    else:
        link = f"<a {link_attrs(form, post.no, session, page_index, section)}>{title}</a>"
    cells = f'<td class="num">{counter}</td><td class="subject">{link}</td>'
    if options.columns:
        cells += f'<td class="date">{post.posted.isoformat()}</td><td class="hit">{post.hits}</td>'
    return f"<tr{tr_attrs}>{cells}</tr>"


def row_form(post: Post, options: ListOptions) -> str:
    """How a row links to its post: a link form of ``links.py``, or "tr_onclick" (on the row)."""
    mode = options.list_links
    if mode == "mixed":
        return ("href", "session", "onclick", "tr_onclick")[post.no % 4]
    return "href" if mode == "href" else "onclick"


def paging_html(current: int, last: int, style: str) -> str:
    """The eGov paging bar of list page `current` of `last`, in paging style `style`."""

    def link(page: int, label: str, cls: str = "") -> str:
        cls_attr = f' class="{cls}"' if cls else ""
        return (
            f'<a href="#none"{cls_attr} onclick="fn_egov_link_page({page}); return false;">'
            f"{label}</a>"
        )

    parts: list[str] = []
    if 1 <= current <= last:
        block_start = (current - 1) // 10 * 10 + 1
        block_end = min(block_start + 9, last)
        parts = [
            f"<strong>{p}</strong>" if p == current else link(p, str(p))
            for p in range(block_start, block_end + 1)
        ]
        if style == "blocks" and block_end < last:
            parts.append(link(block_end + 1, "&gt;", "next"))
    if style == "last" and last:
        parts = [link(1, "first", "first"), *parts, link(last, "last", "last")]
    return '<div class="paging">\n' + "\n".join(parts) + "\n</div>"
