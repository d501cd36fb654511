"""Small pure text functions shared by the imitation's data, markup and truth.

Whitespace normalisation as the ground truth states text, HTML escaping for
text and attribute values, and the two character tests the board's variations
rely on (Hangul, an opening quote mark).
"""

from __future__ import annotations

import html


def norm(text: str) -> str:
    """Whitespace-normalise as the ground truth does: nbsp is a space, runs collapse."""
    return " ".join(text.split())


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def is_hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def opening_quote_at(text: str) -> int:
    """Index of the first opening quote mark (one at the start of a word), else -1."""
    for i, ch in enumerate(text):
        if ch in "'\"‘“" and (i == 0 or text[i - 1].isspace()):
            return i
    return -1


def js_attr(text: str) -> str:
    """`text` as a single-quoted JS string literal's content inside a double-quoted attribute."""
    js = text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n")
    return html.escape(js, quote=False).replace('"', "&quot;")


def script_attr(code: str) -> str:
    """JavaScript `code` as a double-quoted attribute (onclick, a javascript: href) holds it:
    its single quotes kept, as the site writes them."""
    return html.escape(code, quote=False).replace('"', "&quot;")
