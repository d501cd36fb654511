"""The current template's own variations: which one a page shows, and the labels naming them.

The template draws nothing at random of its own accord but the number of
blank paragraphs on top of a body: each choice follows from the post's
``Variant`` (whose values the board hands out with quotas, ``assign.py``) or
from its text, so the same post looks the same in every run, and the older
template's pages are untouched by any of this.

``page_labels`` names what an article page shows, ``list_labels`` what a list
page shows, as ``group:value`` labels; ``CURRENT_VARIATIONS`` lists every label
the articles of a board of 60 posts show, ``LIST_VARIATIONS`` every label the
list pages of a board of more than 100 posts (over ten pages) show.
"""

from __future__ import annotations

import random

from mocksite.model import ListOptions, ListView, Neighbours, Post
from mocksite.text import is_hangul, norm

CURRENT_VARIATIONS: tuple[str, ...] = (
    "badges:english", "badges:korean",
    "slots:korean", "slots:english",
    "neighbour:call", "neighbour:call_semicolon", "neighbour:javascript", "neighbour:id_only",
    "neighbour:single",
    "body:p", "body:span", "body:br",
    "dext:lead_blank", "dext:no_lead_blank",
    "subtitle:dashes", "subtitle:none",
    "debris:span", "debris:font", "debris:o_p", "debris:nbsp", "debris:entities",
    "debris:srcwrap", "debris:table",
    "image:relative", "image:absolute", "image:own", "image:inline", "link:body",
    "attach:0", "attach:1", "attach:2", "attach:korean_name",
    "title:curly", "title:straight", "title:amp", "title:trailing", "title:korean",
    "title:middot", "title:long",
)  # fmt: skip
LIST_VARIATIONS: tuple[str, ...] = (
    "total:english", "total:korean",
    "date:span", "date:font_numbers",
    "row:notice", "row:shortened",
    "row_call:call_semicolon", "row_call:id_only", "row_call:return_false",
    "paging:next_block", "paging:prev_block", "paging:last_disabled", "paging:mobile_prev_zero",
)  # fmt: skip

BADGE_LABELS = {"english": ("Date", "Views"), "korean": ("작성", "조회")}
SLOT_MARKERS = {"korean": ("이전글", "다음글"), "english": ("Previous", "Next")}
# The older template's neighbour link forms, read as the current template's goDetailPage calls.
NEIGHBOUR_CALLS = {
    "plain": "call",  # onclick="goDetailPage('N', '2')"
    "session": "call_semicolon",  # onclick="goDetailPage('N', '2');"
    "javascript": "javascript",  # href="javascript:goDetailPage('N', '2');", no onclick
    "onclick": "id_only",  # onclick="goDetailPage('N');": no site id (the Korean boards' form)
}
BODY_FORMS = {"p": "p", "div": "span", "br": "br"}
INLINE_DEBRIS_LABELS = frozenset({"span", "font", "o_p", "nbsp", "entities", "srcwrap"})
ROW_CALLS = ("call_semicolon", "id_only", "return_false")
# Visible row titles longer than this are cut with an ellipsis; the title attribute keeps it all.
ROW_TITLE_MAX = 60


def badge_language(post: Post) -> str:
    """A few posts keep the framework's Korean badge labels: those once served in EUC-KR."""
    return "korean" if post.variant.encoding == "euc-kr" else "english"


def slot_language(post: Post) -> str:
    """How the neighbour slots are marked: Korean comments, or English ones with a label."""
    return "english" if post.variant.bullet == "css" else "korean"


def neighbour_call(post: Post) -> str:
    return NEIGHBOUR_CALLS[post.variant.neighbour_form]


def body_form(post: Post) -> str:
    """``p``: a styled paragraph per block; ``span``: the text in a style span too;
    ``br``: runs of text blocks as lines of one paragraph."""
    return BODY_FORMS[post.variant.body_form]


def lead_blanks(post: Post) -> int:
    """How many empty paragraphs the editor left at the top of the body."""
    return random.Random(post.render_seed * 7 + 3).randint(0, 3)


def row_call(post: Post, options: ListOptions) -> str:
    """The form of a list row's goDetailPage call; only "mixed" lists vary it."""
    return ROW_CALLS[post.no % 3] if options.list_links == "mixed" else ROW_CALLS[0]


def row_date_form(post: Post) -> str:
    return "font_numbers" if post.variant.date_fmt == "dot" else "span"


def korean_total(page: int) -> bool:
    """Every fourth list page, from the third, keeps the Korean ``총 N 건``."""
    return page % 4 == 3


def page_labels(post: Post, neighbours: Neighbours) -> set[str]:
    """The labels (see CURRENT_VARIATIONS) that `post`'s current-template page shows."""
    v = post.variant
    out = {
        f"badges:{badge_language(post)}",
        f"slots:{slot_language(post)}",
        f"neighbour:{neighbour_call(post)}",
        f"body:{body_form(post)}",
        "dext:lead_blank" if lead_blanks(post) else "dext:no_lead_blank",
        "subtitle:dashes" if post.subtitle is not None else "subtitle:none",
        f"attach:{len(post.attachments)}",
    }
    if None in neighbours:
        out.add("neighbour:single")
    if any(is_hangul(f.name) for f in post.attachments):
        out.add("attach:korean_name")
    out.update(f"debris:{name}" for name in v.debris if name in INLINE_DEBRIS_LABELS)
    if any(b.kind == "table" for b in post.blocks):
        out.add("debris:table")
    if v.image is not None:
        out.update(f"image:{part}" for part in (v.image[0], v.image[2]))
    if any(link.rel == "body" for b in post.blocks for link in b.links):
        out.add("link:body")
    title = post.title
    checks = {
        "curly": any(ch in title for ch in "‘’“”"),
        "straight": "'" in title or '"' in title,
        "amp": "&" in title,
        "trailing": title != title.rstrip(),
        "korean": is_hangul(title),
        "middot": "·" in title,
        "long": len(norm(title)) > ROW_TITLE_MAX,
    }
    out.update(f"title:{name}" for name, seen in checks.items() if seen)
    return out


def list_labels(view: ListView, options: ListOptions) -> set[str]:
    """The labels (see LIST_VARIATIONS) that list page `view` shows."""
    if view.shown is None:
        return {"list:no_data"}
    out = {"total:korean" if korean_total(view.shown) else "total:english"}
    if view.pinned:
        out.add("row:notice")
    for post in (*view.pinned, *(post for _, post in view.rows)):
        out.add(f"row_call:{row_call(post, options)}")
        if options.columns:
            out.add(f"date:{row_date_form(post)}")
        if len(norm(post.title)) > ROW_TITLE_MAX:
            out.add("row:shortened")
    block_start = (view.shown - 1) // 10 * 10 + 1
    if block_start + 10 <= view.last:
        out.add("paging:next_block")
    else:
        out.add("paging:last_disabled")
    if block_start > 1:
        out.add("paging:prev_block")
    if view.shown == 1:
        out.add("paging:mobile_prev_zero")
    return out
