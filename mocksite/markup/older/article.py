"""The article page of the older template: title, date line, body, files, neighbours.

``article_html`` writes a post's whole page (chrome included) under the class
names it is given; with ``DRIFT_NAMES`` the date line also moves below the
body. ``truncate`` cuts a page off half-way through its body.
"""

from __future__ import annotations

from mocksite.editor import body_html
from mocksite.kinds import EMPTY_BODY, UNTITLED
from mocksite.markup.older.chrome import document
from mocksite.markup.older.links import link_attrs
from mocksite.markup.older.names import DRIFT_NAMES, NAMES, Names
from mocksite.markup.older.section import NEWS, Section
from mocksite.model import Neighbours, Post
from mocksite.text import attr, esc

CSS_BULLET = '<style>.view_top .bul:before { content: "\\2022\\00a0"; }</style>'


def article_html(
    post: Post,
    neighbours: Neighbours,
    names: Names = NAMES,
    *,
    section: Section = NEWS,
    body: str | None = None,
    gallery: str = "",
) -> str:
    """The page of `post` on `section`'s board, whose older and newer stored posts are `neighbours`.

    `body`: what the body container holds (default: the news body of
    ``editor.body_html``, the title repeated first); `gallery`: a block of
    images between the date line and the body container (the Photo Gallery's).
    """
    v = post.variant
    drift = names is DRIFT_NAMES
    title = "" if post.kind == UNTITLED else esc(post.title)
    if title and v.bullet == "char":
        title = "• " + title
    cls = names.view_tit + (" bul" if v.bullet == "css" else "")
    tag = "h4" if v.layout == "older" else "p"
    title_el = f'<{tag} class="{cls}">{title}</{tag}>'
    info = _info_html(post, names) if post.has_info else ""
    if body is None:
        body = body_html(post)
    if post.kind == EMPTY_BODY:
        body = ""
    cont = f'<div class="{names.view_cont}">\n{body}\n</div>'
    files = _files_html(post, names)
    move = _move_html(post, neighbours, names, section)
    if drift:
        # The drifted template shows the date line under the body.
        parts = [
            f'<div class="{names.view_top}">\n{title_el}\n</div>',
            gallery,
            cont,
            info,
            files,
            move,
        ]
    else:
        top = "\n".join(x for x in (title_el, info) if x)
        parts = [f'<div class="{names.view_top}">\n{top}\n</div>', gallery, cont, files, move]
    view = f'<div class="{names.board_view}">\n' + "\n".join(x for x in parts if x) + "\n</div>"
    buttons = (
        '<div class="btn_area">\n'
        f'<a href="{section.list_href()}" class="btn_list">List</a>\n'
        '<a href="#none" class="btn_print" onclick="window.print(); return false;">Print</a>\n'
        "</div>"
    )
    # Only the news board has pages of the 2017-18 layout, which named it otherwise.
    heading = "KITA News and Reports" if v.layout == "older" else section.heading
    return document(
        f"{view}\n{buttons}",
        heading=heading,
        section=section,
        encoding=v.encoding,
        head_extra=CSS_BULLET if v.bullet == "css" else "",
    )


def _info_html(post: Post, names: Names) -> str:
    v = post.variant
    day = post.posted.isoformat() if v.date_fmt == "dash" else post.posted.strftime("%Y.%m.%d")
    hit = {
        "lower": f"hit {post.hits}",
        "labelled": f"Hit : {post.hits:,}",
        "bare": str(post.hits),
    }[v.hit_fmt]
    if v.info_form == "line":
        return f'<ul class="{names.view_info}"><li>{day} {hit}</li></ul>'
    return (
        f'<ul class="{names.view_info}"><li class="{names.date}">{day}</li>'
        f'<li class="{names.hit}">{hit}</li></ul>'
    )


def _files_html(post: Post, names: Names) -> str:
    if not post.attachments:
        return ""
    items = "\n".join(
        f'<li><a href="{attr(f.href(post.session))}">{esc(f.name)}</a></li>'
        for f in post.attachments
    )
    return (
        f'<div class="{names.view_file}">\n<dl><dt>Attachment</dt><dd><ul>\n{items}\n'
        "</ul></dd></dl>\n</div>"
    )


def _move_html(post: Post, neighbours: Neighbours, names: Names, section: Section) -> str:
    form = post.variant.neighbour_form
    slots = []
    for (cls, label, none_text), other in zip(
        (
            ("prev", "Prev", "There is no previous post."),
            ("next", "Next", "There is no next post."),
        ),
        neighbours,
        strict=True,
    ):
        if other is None:
            dd = none_text
        else:
            link = link_attrs(form, other.no, post.session, section=section)
            dd = f"<a {link}>{esc(other.title)}</a>"
        slots.append(f'<dl class="{cls}"><dt>{label}</dt><dd>{dd}</dd></dl>')
    return f'<div class="{names.view_move}">\n' + "\n".join(slots) + "\n</div>"


def truncate(text: str, names: Names = NAMES) -> str:
    """The page cut off half-way through the article body."""
    start = text.index(f'<div class="{names.view_cont}">')
    # Body blocks never carry a class, so the next classed div is what follows the body.
    after = text.index('<div class="', start + 1)
    return text[: start + (after - start) // 2]
