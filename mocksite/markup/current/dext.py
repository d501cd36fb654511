"""The article body as the current template shows it: a whole DEXT editor document.

The current framework's editor (DEXT5) saves a complete HTML document, and
the page embeds it as is inside ``div.detail-body``: ``<html lang="ko">``,
a ``<head>`` whose ``<title>`` says 제목없음 ("untitled"), and ``<body
id="dext_body">`` holding paragraphs that each carry the editor's inline
style. HTML parsers drop the nested ``html``/``head``/``body`` tags but keep
the ``<title>`` and ``<meta>`` where they stand, so a reader of the body must
leave them out. The blocks are the post's own (``Block.html``, the inline
debris the editor stored); what this module adds is the editor's paragraph
markup, its empty ``&nbsp;`` paragraphs, style spans and line breaks.

Decisions the real fragments leave open: the body does not repeat the title
(the page has it in ``<title>`` and ``p#subTopTitle``), and a post's
subtitle is the body's first text paragraph in the ``- text -`` form, as
the older pages show it.
"""

from __future__ import annotations

import random

from mocksite.editor import subtitle_html
from mocksite.markup.current.names import Names
from mocksite.markup.current.variations import body_form, lead_blanks
from mocksite.model import Block, Post

STYLE = (
    "font-family: &quot;Noto Sans KR&quot;; font-size: 12pt; line-height: normal;"
    " margin-top: 0px; margin-bottom: 0px;"
)
OPEN = (
    '<html lang="ko" xml:lang="ko"><head><title>제목없음</title>'
    '<meta http-equiv="Content-Type" content="text/html" charset="utf-8"></head>'
    '<body id="dext_body" spellcheck="false">'
)
CLOSE = "</body></html>"
SPAN = '<span style="font-size: 11pt; font-family: Arial, sans-serif;">'


def _p(inner: str, extra_style: str = "") -> str:
    return f'<p style="{STYLE}{extra_style}">{inner}</p>'


BLANK = _p("&nbsp;")


def _table(block: Block) -> str:
    rows = "".join(
        f'<tr><td style="padding: 4px; border: 1px solid rgb(204, 204, 204);">{_p(cell)}</td></tr>'
        for cell in block.cells
    )
    return (
        '<table style="border-collapse: collapse; width: 100%;" border="0" cellspacing="0"'
        f' cellpadding="0"><tbody>{rows}</tbody></table>'
    )


def _paragraphs(post: Post) -> list[str]:
    """The editor's paragraphs for `post`: blanks, the subtitle, the blocks."""
    form = body_form(post)
    rng = random.Random(post.render_seed * 7 + 5)
    out = [BLANK] * lead_blanks(post)
    subtitle = subtitle_html(post)
    if subtitle is not None:
        out.append(_p(subtitle))
        out += [BLANK] * rng.randint(0, 1)
    lines: list[str] = []  # "br" form: text blocks waiting to become one paragraph

    def flush() -> None:
        if lines:
            out.append(_p(("<br>" * rng.randint(1, 2)).join(lines)))
            lines.clear()

    for block in post.blocks:
        if block.kind == "image":
            flush()
            out.append(_p(block.html + "<br>", " text-align: center;"))
        elif block.kind == "table":
            flush()
            out.append(_table(block))
        elif form == "br":
            lines.append(block.html)
            continue
        elif form == "span":
            out.append(_p(f"{SPAN}{block.html}</span>"))
        else:
            out.append(_p(block.html))
        out += [BLANK] * rng.randint(0, 2)
    flush()
    out.append(BLANK)
    return out


def body_document(post: Post, names: Names, *, empty: bool = False) -> str:
    """What ``div.detail-body`` holds for `post`; `empty`: the editor saved nothing."""
    paragraphs = [BLANK] if empty else _paragraphs(post)
    if not names.dext:
        # The drifted redesign also stopped wrapping the body in the editor's document.
        return "\n".join(paragraphs)
    return OPEN + "".join(paragraphs) + CLOSE
