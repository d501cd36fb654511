"""The markup variations of the imitated board, and which of them a post's page shows.

Each post's ``Variant`` picks one value of each form below (``assign.py`` hands
them out); ``post_labels`` names what a page shows as ``group:value`` labels, and
``ALL_VARIATIONS`` lists every label a board of 40 posts or more must show.
"""

from __future__ import annotations

from mocksite.model import Neighbours, Post
from mocksite.text import is_hangul, norm

# Every label Board.variations() can report that a board of >= 40 posts must show.
ALL_VARIATIONS: tuple[str, ...] = (
    "layout:new", "layout:older", "layout:nodate",
    "bullet:char", "bullet:css",
    "date:dash", "date:dot",
    "hit:lower", "hit:labelled_sep", "hit:bare",
    "info:split", "info:line",
    "title:curly", "title:straight", "title:middot", "title:amp", "title:trailing",
    "title:lost_char", "title:typo", "title:korean",
    "repeat:plain", "repeat:noquote", "repeat:longer", "repeat:strong",
    "subtitle:none", "subtitle:nbsp", "subtitle:plain", "subtitle:tight", "subtitle:wide",
    "subtitle:lead",
    "body:p", "body:div", "body:br",
    "debris:span", "debris:font", "debris:o_p", "debris:nbsp", "debris:entities",
    "debris:srcwrap", "debris:table", "debris:footnote", "debris:nospace", "debris:korean",
    "link:body", "image:relative", "image:absolute", "image:alt", "image:noalt", "image:own",
    "image:inline",
    "attach:0", "attach:1", "attach:2", "attach:korean_name",
    "attach_href:plain", "attach_href:session", "attach_href:www", "attach_href:bare",
    "attach_href:global",
    "neighbour:plain", "neighbour:session", "neighbour:javascript", "neighbour:onclick",
    "neighbour:single",
    "encoding:utf-8", "encoding:euc-kr",
)  # fmt: skip

INLINE_DEBRIS = ("span", "font", "o_p", "nbsp", "entities", "srcwrap")
BLOCK_DEBRIS = ("table", "footnote", "nospace", "korean")
SUBTITLE_FORMS: dict[str, str] = {
    "nbsp": "-&nbsp; {s}&nbsp; -",
    "plain": "- {s} -",
    "tight": "-&nbsp;{s}&nbsp;-",
    "wide": "-&nbsp;&nbsp; {s} &nbsp;&nbsp;-",
    "lead": "&nbsp;-&nbsp; {s}&nbsp; -&nbsp;",
}
LAYOUTS = ("new", "older", "nodate")
HIT_FORMS = ("lower", "labelled", "bare")
BODY_FORMS = ("p", "div", "br")
IMAGE_FORMS = (
    ("relative", "alt", "own"),
    ("absolute", "noalt", "inline"),
    ("relative", "noalt", "inline"),
    ("absolute", "alt", "own"),
)
ATTACH_FORMS = ("plain", "session", "www", "bare", "global")
NEIGHBOUR_FORMS = ("plain", "session", "javascript", "onclick")

TITLE_QUIRKS = ("curly", "straight", "middot", "amp", "trailing", "lost_char", "typo", "korean")


def post_labels(post: Post, neighbours: Neighbours) -> set[str]:
    """The variation labels (see ALL_VARIATIONS) that `post`'s page shows."""
    out = _head_labels(post) | _title_labels(post) | _body_labels(post)
    for file in post.attachments:
        out.add(f"attach_href:{file.form}")
        if is_hangul(file.name):
            out.add("attach:korean_name")
    out.add(f"attach:{len(post.attachments)}")
    out.add(f"neighbour:{post.variant.neighbour_form}")
    if None in neighbours:
        out.add("neighbour:single")
    return out


def _head_labels(post: Post) -> set[str]:
    v = post.variant
    out = {f"layout:{v.layout}", f"encoding:{v.encoding}"}
    if v.layout != "older":
        out.add(f"bullet:{v.bullet}")
    if post.has_info:
        out.add(f"date:{v.date_fmt}")
        out.add(f"info:{v.info_form}")
        if v.hit_fmt == "labelled":
            out.add("hit:labelled_sep" if post.hits >= 1000 else "hit:labelled")
        else:
            out.add(f"hit:{v.hit_fmt}")
    return out


def _body_labels(post: Post) -> set[str]:
    v = post.variant
    out = {
        f"body:{v.body_form}",
        f"subtitle:{v.subtitle_form}" if post.subtitle is not None else "subtitle:none",
    }
    title = norm(post.title)
    repeat = post.repeat_text
    if repeat == title:
        out.add("repeat:plain")
    else:
        out.add("repeat:longer" if repeat.startswith(title) else "repeat:noquote")
    if v.repeat_strong:
        out.add("repeat:strong")
    out.update(f"debris:{name}" for name in v.debris)
    if not any(b.kind == "table" for b in post.blocks):
        out.discard("debris:table")
    if v.image is not None:
        out.update(f"image:{part}" for part in v.image)
    if any(link.rel == "body" for b in post.blocks for link in b.links):
        out.add("link:body")
    return out


def _title_labels(post: Post) -> set[str]:
    title = post.title
    checks = {
        "curly": any(ch in title for ch in "‘’“”"),
        "straight": "'" in title or '"' in title,
        "middot": "·" in title,
        "amp": "&" in title,
        "trailing": title != title.rstrip(),
        "korean": is_hangul(title),
        "lost_char": post.variant.title_quirk == "lost_char",
        "typo": post.variant.title_quirk == "typo",
    }
    return {f"title:{name}" for name, seen in checks.items() if seen}
