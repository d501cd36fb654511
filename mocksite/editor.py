"""The article body as the site's editor stores it: paragraphs, links, images, debris.

Posts keep their body as inline markup (``Block.html``) next to the text a
crawler reads from it, so markup and truth come from one place. The editor's
debris (spans, fonts, ``<o:p>``, entities, nbsp, wrapped source lines, blank
paragraphs) is written here; ``body_html`` writes the older template's body
container (the title repeated, the subtitle, the blocks); the current
template wraps the same blocks in its editor's document
(``markup/current/dext.py``).
"""

from __future__ import annotations

import random

from mocksite.model import Block, BodyLink, Post
from mocksite.text import attr, esc, norm
from mocksite.variations import IMAGE_FORMS, SUBTITLE_FORMS


def _text_html(text: str, debris: frozenset[str]) -> str:
    """Markup for plain text with the post's inline editor debris; reads back as `text`."""
    out = esc(text)
    if "entities" in debris:
        for char, entity in (
            ("“", "&#8220;"), ("”", "&#8221;"), ("‘", "&lsquo;"), ("’", "&rsquo;"),
            ('"', "&quot;"), ("'", "&#39;"),
        ):  # fmt: skip
            out = out.replace(char, entity)
    if "nbsp" in debris:
        # Word processors put two spaces after a full stop and glue commas with nbsp.
        out = out.replace(". ", ".&nbsp; ").replace(", ", ",&nbsp;", 1)
    if "srcwrap" in debris:
        # The editor wraps long lines in the page source.
        words = out.split(" ")
        out = (
            "".join(w + ("\r\n" if i % 9 == 8 else " ") for i, w in enumerate(words[:-1]))
            + words[-1]
        )
    return out


def _wrap_debris(inner: str, debris: frozenset[str]) -> str:
    if "font" in debris:
        inner = f'<font face="Arial" size="2">{inner}</font>'
    if "span" in debris:
        style = "font-family: &quot;Times New Roman&quot;; font-size: 11pt;"
        inner = f'<span style="{style}">{inner}</span>'
    if "o_p" in debris:
        inner += "<o:p></o:p>"
    return inner


def text_block(
    text: str, debris: frozenset[str], link: tuple[str, str, str, str] | None = None
) -> Block:
    """A paragraph block; `link` = (before, link text, after, href) puts an <a> inside it."""
    if link is None:
        return Block("text", _wrap_debris(_text_html(text, debris), debris), (norm(text),))
    before, label, after, href = link
    inner = (
        _text_html(before, debris)
        + f'<a href="{attr(href)}" target="_blank">{_text_html(label, debris)}</a>'
        + _text_html(after, debris)
    )
    return Block(
        "text",
        _wrap_debris(inner, debris),
        (norm(before + label + after),),
        (BodyLink("body", href, norm(label)),),
    )


def image_markup(post: Post, k: int) -> tuple[str, BodyLink]:
    """The post's `k`-th image tag, and the link it makes."""
    src_form, alt_form, _ = post.variant.image or IMAGE_FORMS[0]
    path = f"/upload/editor/{post.posted.year}/{post.posted.month:02d}/news_{post.no}_{k}.jpg"
    src = path if src_form == "relative" else f"http://www.kita.org{path}"
    alt = "Participants pose for a group photo" if alt_form == "alt" else None
    alt_attr = f' alt="{attr(alt)}"' if alt else ""
    tag = f'<img src="{attr(src)}"{alt_attr} width="640" height="427" style="border: 0;">'
    return tag, BodyLink("image", src, alt)


def subtitle_html(post: Post) -> str | None:
    """The subtitle paragraph's inline markup, ``- text -`` as the editor typed it; None if none."""
    if post.subtitle is None:
        return None
    form = SUBTITLE_FORMS[post.variant.subtitle_form or "nbsp"]
    return form.format(s=_text_html(post.subtitle, post.variant.debris))


def _blank(tag: str, rng: random.Random, debris: frozenset[str]) -> str:
    if "o_p" in debris and tag == "p" and rng.random() < 0.5:
        return "<p><o:p>&nbsp;</o:p></p>"
    return rng.choices((f"<{tag}>&nbsp;</{tag}>", f"<{tag}><br></{tag}>"), (3, 1))[0]


def _unit_html(block: Block, tag: str) -> str:
    if block.kind == "image":
        return f'<{tag} style="text-align: center;">{block.html}</{tag}>'
    if block.kind == "table":
        rows = "".join(
            f'<tr><td style="padding: 4px;"><{tag}>{cell}</{tag}></td></tr>' for cell in block.cells
        )
        return (
            '<table border="0" cellpadding="0" cellspacing="0" width="100%"><tbody>'
            f"{rows}</tbody></table>"
        )
    return f"<{tag}>{block.html}</{tag}>"


def body_html(post: Post, *, repeat: bool = True, subtitle: bool = True) -> str:
    """What the body container holds: the title repeated (unless not `repeat`), the subtitle
    (unless not `subtitle`: it is shown elsewhere), the blocks."""
    v = post.variant
    rng = random.Random(post.render_seed)
    units = []
    if repeat:
        text = _text_html(post.repeat_text, v.debris)
        units.append(Block("text", f"<strong>{text}</strong>" if v.repeat_strong else text, ()))
    shown = subtitle_html(post) if subtitle else None
    if shown is not None:
        units.append(Block("text", shown, ()))
    units += post.blocks
    newline = "\r\n" if "srcwrap" in v.debris else "\n"
    if v.body_form == "br":
        br = rng.choice(("<br>", "<br />", "<br/>"))
        out = []
        for i, unit in enumerate(units):
            if i:
                out.append(br * rng.randint(2, 3) + newline)
            # A table cannot live in running text: its cells become paragraphs of their own.
            out.append((br * 2).join(unit.cells) if unit.kind == "table" else unit.html)
        return "".join(out)
    out = []
    for i, unit in enumerate(units):
        if i:
            out.extend(_blank(v.body_form, rng, v.debris) for _ in range(rng.randint(1, 3)))
        out.append(_unit_html(unit, v.body_form))
    return newline.join(out)
