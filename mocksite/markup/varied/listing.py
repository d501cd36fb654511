"""The list page of a made-up markup: total, search form, rows, paging.

``list_html`` writes what a ``ListView`` says one list page shows (pinned
notices on top, the page's rows with their row counters, or a no-data row
past the end) in the markup's choices: the rows as table rows (with or
without ``<thead>``), list items, cards or ``<dl>``s; each row's link an
href or a handler call (on the link, in a ``javascript:`` href or on the
row); the "No." column a row counter or absent; pinned rows marked by a
class, an icon or a label; a row's date and counter in the markup's formats
(a bare counter sits under a header row that names it); the paging bar's
links carrying their page number in a handler or an href, in blocks of ten
with the markup's arrows. The handlers the page calls are defined on it.
"""

from __future__ import annotations

import random
from datetime import date

from mocksite.markup.varied.catalogue import Markup
from mocksite.markup.varied.chrome import SITE_NAME, document
from mocksite.markup.varied.links import Links, Place
from mocksite.model import ListOptions, ListView, Post
from mocksite.text import esc, script_attr

NOTICE_ICON = "/images/board/ico_notice.gif"
# A bare counter's header, and the header of a labelled one.
COUNTER_HEADERS = ("Hits", "Views", "Hit", "조회", "조회수")
NO_POSTS = ("No posts.", "There are no posts.", "등록된 게시물이 없습니다.")


def format_date(day: date, form: str) -> str:
    """`day` as a date format of the catalogue writes it (dash, dot, slash, dot_space)."""
    if form == "dot":
        return day.strftime("%Y.%m.%d")
    if form == "slash":
        return day.strftime("%Y/%m/%d")
    if form == "dot_space":
        return day.strftime("%Y. %m. %d")
    return day.isoformat()


def format_counter(hits: int, form: str) -> str:
    """A row's counter as the ``row_counter`` option `form` writes it."""
    return {
        "header": str(hits),
        "hit": f"hit {hits}",
        "Hits": f"Hits {hits:,}",
        "Views": f"Views {hits:,}",
        "korean": f"조회 {hits:,}",
    }[form]


class _Rows:
    """Writes the rows of one list page in the markup's container."""

    def __init__(self, markup: Markup, links: Links) -> None:
        self.m = markup
        self.links = links
        self.n = markup.names
        rng = random.Random(f"list/{markup.seed}")
        self.korean = rng.random() < 0.3
        self.counter_header = rng.choice(COUNTER_HEADERS)
        self.no_posts = rng.choice(NO_POSTS)

    @property
    def header(self) -> bool:
        return self.m["rows"] == "table" or self.m["row_counter"] == "header"

    def columns(self) -> list[tuple[str, str]]:
        """(role, label) of each column the rows show, in order."""
        cols = []
        if self.m["number"] == "counter":
            cols.append(("num", "번호" if self.korean else "No."))
        cols.append(("subject", "제목" if self.korean else "Title"))
        if self.m["row_date"] != "none":
            cols.append(("date", "등록일" if self.korean else "Date"))
        if self.m["row_counter"] != "none":
            cols.append(("count", self.counter_header))
        return cols

    def marker(self) -> str:
        """What marks a pinned row where a number (or the title) goes: an icon or a label."""
        label = "공지" if self.korean else "Notice"
        if self.m["pinned"] == "icon":
            return f'<img src="{NOTICE_ICON}" alt="{label}">'
        if self.m["pinned"] == "label":
            return f'<span class="{self.n["notice_label"]}">{label}</span>'
        return ""

    def cells(self, post: Post, counter: str, *, pinned: bool) -> list[tuple[str, str]]:
        """(role, inner markup) of each cell of `post`'s row."""
        how = self.m["row_link"]
        title = esc(post.title)
        if how == "row_onclick":
            link = f'<a href="#none">{title}</a>'
        else:
            link = f"<a {self.links.article_attrs(post.no, how=how)}>{title}</a>"
        out = []
        marker = self.marker() if pinned else ""
        if self.m["number"] == "counter":
            out.append(("num", marker if pinned else counter))
        elif marker:
            link = f"{marker} {link}"
        out.append(("subject", link))
        if self.m["row_date"] != "none":
            out.append(("date", format_date(post.posted, self.m["row_date"])))
        if self.m["row_counter"] != "none":
            out.append(("count", format_counter(post.hits, self.m["row_counter"])))
        return out

    def row_attrs(self, post: Post, *, pinned: bool) -> str:
        classes = [self.n["row"]] if self.m["rows"] == "cards" else []
        if pinned and self.m["pinned"] == "class":
            classes.append(self.n["pinned"])
        out = f' class="{" ".join(classes)}"' if classes else ""
        if self.m["row_link"] == "row_onclick":
            call = script_attr(self.links.handler.call(post.no))
            out += f' onclick="{call};" style="cursor: pointer;"'
        return out

    def row(self, post: Post, counter: str, *, pinned: bool = False) -> str:
        cells = self.cells(post, counter, pinned=pinned)
        attrs = self.row_attrs(post, pinned=pinned)
        rows = self.m["rows"]
        if rows in ("table", "table_headless"):
            tds = "".join(f'<td class="{self.n[role]}">{inner}</td>' for role, inner in cells)
            return f"<tr{attrs}>{tds}</tr>"
        if rows == "ul":
            spans = "".join(f'<span class="{self.n[role]}">{inner}</span>' for role, inner in cells)
            return f"<li{attrs}>{spans}</li>"
        if rows == "cards":
            parts = []
            for role, inner in cells:
                tag = "p" if role == "subject" else "div"
                parts.append(f'<{tag} class="{self.n[role]}">{inner}</{tag}>')
            return f"<div{attrs}>{''.join(parts)}</div>"
        first = [
            f'<span class="{self.n[role]}">{inner}</span>' if role == "num" else inner
            for role, inner in cells
            if role in ("num", "subject")
        ]
        rest = "".join(
            f'<dd class="{self.n[role]}">{inner}</dd>'
            for role, inner in cells
            if role not in ("num", "subject")
        )
        return f"<dl{attrs}><dt>{' '.join(first)}</dt>{rest}</dl>"

    def header_row(self) -> str:
        cols = self.columns()
        rows = self.m["rows"]
        if rows == "table":
            ths = "".join(f'<th scope="col">{label}</th>' for _, label in cols)
            return f"<thead><tr>{ths}</tr></thead>"
        if rows == "table_headless":
            ths = "".join(f"<th>{label}</th>" for _, label in cols)
            return f'<tr class="{self.n["head_row"]}">{ths}</tr>'
        if rows == "dl":
            dts = "".join(
                f"<dt>{label}</dt>" if role == "subject" else f"<dd>{label}</dd>"
                for role, label in cols
                if role != "num"
            )
            return f'<dl class="{self.n["head_row"]}">{dts}</dl>'
        tag = "li" if rows == "ul" else "div"
        spans = "".join(f"<span>{label}</span>" for _, label in cols)
        return f'<{tag} class="{self.n["head_row"]}">{spans}</{tag}>'

    def no_rows(self) -> str:
        text = self.no_posts
        rows = self.m["rows"]
        cls = self.n["no_rows"]
        if rows in ("table", "table_headless"):
            return f'<tr><td colspan="{len(self.columns())}" class="{cls}">{text}</td></tr>'
        if rows == "ul":
            return f'<li class="{cls}">{text}</li>'
        if rows == "dl":
            return f'<dl class="{cls}"><dt>{text}</dt></dl>'
        return f'<div class="{cls}">{text}</div>'

    def container(self, rows: list[str], caption: str) -> str:
        kind = self.m["rows"]
        body = "\n".join(rows)
        cls = self.n["list"]
        if kind in ("table", "table_headless"):
            head = self.header_row() if kind == "table" else ""
            if kind == "table_headless" and self.header:
                body = self.header_row() + "\n" + body
            return (
                f'<table class="{cls}">\n<caption>{caption}</caption>\n{head}\n'
                f"<tbody>\n{body}\n</tbody>\n</table>"
            )
        if self.header:
            body = self.header_row() + "\n" + body
        tag = "ul" if kind == "ul" else "div"
        return f'<{tag} class="{cls}">\n{body}\n</{tag}>'


def paging_html(markup: Markup, links: Links, current: int, last: int, shown: bool) -> str:
    """The paging bar of list page `current` of `last` (`shown`: the page has rows)."""
    n = markup.names
    arrows = markup["paging_arrows"]

    def link(page: int, label: str) -> str:
        return f'<a {links.page_attrs(page)} class="{n["arrow"]}">{label}</a>'

    def number(page: int) -> str:
        if not (shown and page == current):
            return f"<a {links.page_attrs(page)}>{page}</a>"
        form = markup["paging_current"]
        if form == "active_link":
            return f'<a href="#none" class="{n["page_on"]}" title="current page">{page}</a>'
        if form == "span":
            return f'<span class="{n["page_on"]}">{page}</span>'
        return f"<strong>{page}</strong>"

    parts: list[str] = []
    if shown and 1 <= current <= last:
        start = (current - 1) // 10 * 10 + 1
        end = min(start + 9, last)
        parts = [number(p) for p in range(start, end + 1)]
        if arrows == "prev_next" and start > 1:
            parts.insert(0, link(start - 1, "&lt; Prev"))
        if arrows in ("prev_next", "next_block") and end < last:
            parts.append(link(end + 1, "Next &gt;"))
    if arrows == "first_last" and last:
        parts = [link(1, "&laquo; First"), *parts, link(last, "Last &raquo;")]
    return f'<div class="{n["paging"]}">\n' + "\n".join(parts) + "\n</div>"


def list_html(
    view: ListView,
    options: ListOptions,
    markup: Markup,
    place: Place,
    *,
    heading: str = "KITA News",
) -> str:
    """The whole list page of `markup` at `place` showing `view` (`options`: pinned and past end
    come through `view`; the markup decides every form)."""
    links = Links(markup, place, view.session)
    shown = view.shown
    rows = _Rows(markup, links)
    out: list[str] = []
    if shown is None:
        out.append(rows.no_rows())
    else:
        out += [rows.row(post, "", pinned=True) for post in view.pinned]
        out += [rows.row(post, counter) for counter, post in view.rows]
    n = markup.names
    total = ""
    if markup["total"] == "english":
        total = f'<p class="{n["total"]}">Total <strong>{view.total:,}</strong></p>\n'
    elif markup["total"] == "korean":
        total = f'<div class="{n["total"]}">총 <strong>{view.total}</strong> 건</div>\n'
    search = (
        f'<form action="{place.paths.list_path}" method="get">'
        '<select name="searchCnd" title="Search by"><option value="0">Title</option></select>'
        '<input type="text" name="searchWrd" title="Search word" value="">'
        '<button type="submit">Search</button></form>\n'
    )
    uses_handler = markup["row_link"] != "href"
    uses_paging = links.paging is not None
    content = (
        f'<div class="{n["list_wrap"]}">\n{total}{search}'
        f"{links.form(view=uses_handler, paging=uses_paging)}"
        f"{rows.container(out, f'{heading} list')}\n"
        f"{paging_html(markup, links, shown or view.page, view.last, shown is not None)}\n</div>"
    )
    scripts = "\n".join(links.definitions(view=uses_handler, paging=uses_paging))
    return document(
        markup, content, title=f"{heading} | {SITE_NAME}", heading=heading, scripts=scripts
    )
