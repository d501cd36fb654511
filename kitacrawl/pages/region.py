"""Finding the board's slice of a current-template page, without parsing the page.

A page of KITA's current framework is ~235 kB, nearly all of it a mega-menu
and inline JavaScript; the board (title block, body, attachments, rows,
paging) is the last few kB before the ``<footer>``. Parsing only that slice,
its scripts dropped, is what keeps a page well under a millisecond.

Everything here is string search, and searches run backwards from the end:
a forward ``str.find`` through a 235 kB page of Korean text costs ~200 µs
even when it finds nothing, a backward one stops after the few kB between
the footer and the board. Regular expressions are kept off the whole page
(one starting with ``\\b`` costs milliseconds there).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_TITLE_RE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.I | re.S)
_TITLE_OPEN = ("<title", "<TITLE")
_HEAD_ENDS = ("</head", "</HEAD", "<body", "<BODY")


def in_tag(text: str, at: int, start: int = 0) -> bool:
    """Is position ``at`` inside a start tag (after its ``<name``, before its ``>``)?"""
    lt = text.rfind("<", start, at)
    return lt >= 0 and text.rfind(">", lt, at) < 0 and text[lt + 1 : lt + 2].isalpha()


def tag_start(text: str, token: str, start: int = 0, end: int | None = None) -> int:
    """Where the last start tag holding ``token`` (a class or id) before ``end`` begins, else -1.

    An occurrence outside a tag (CSS in a ``<style>``, text, most JS) is
    skipped: the ``<`` before it must open a tag with no ``>`` in between.
    """
    pos = len(text) if end is None else end
    while True:
        found = text.rfind(token, start, pos)
        if found < 0:
            return -1
        if in_tag(text, found, start):
            return text.rfind("<", start, found)
        pos = found + len(token) - 1


def board_region(text: str, starts: Iterable[str], ends: Iterable[str]) -> tuple[int, int] | None:
    """(start, end) of the board: from the earliest start token's tag to the page's footer.

    The footer is the last end token of the page; without one (a page cut
    off) the slice runs to the end of the text. None when no start token is
    in a tag before it.
    """
    stops = [pos for pos in (text.rfind(token) for token in ends) if pos >= 0]
    end = min(stops) if stops else len(text)
    positions = [pos for pos in (tag_start(text, token, 0, end) for token in starts) if pos >= 0]
    if not positions:
        return None
    return min(positions), end


def drop_scripts(html: str) -> str:
    """The HTML without its ``<script>`` elements (an unclosed one runs to the end).

    Only the lower-case spelling the template writes is dropped: a script
    left in is parsed, more slowly, never misread.
    """
    pieces: list[str] = []
    pos = 0
    while True:
        begin = html.find("<script", pos)
        if begin < 0:
            pieces.append(html[pos:])
            break
        pieces.append(html[pos:begin])
        close = html.find("</script", begin)
        if close < 0:
            break
        gt = html.find(">", close)
        if gt < 0:
            break
        pos = gt + 1
    return "".join(pieces) if len(pieces) != 1 else pieces[0]


def head_title(text: str) -> str | None:
    """The raw text of the document's own ``<title>`` (in its head), else None.

    Only a title before the first ``</head>`` or ``<body>`` counts: the body
    may embed whole documents with titles of their own (``<title>제목없음</title>``).
    """
    opens = [found for found in (text.find(tag) for tag in _TITLE_OPEN) if found >= 0]
    if not opens:
        return None
    at = min(opens)
    if any(text.find(tag, 0, at) >= 0 for tag in _HEAD_ENDS):
        return None
    match = _TITLE_RE.match(text, at)
    return match.group(1) if match else None


def has_any(text: str, tokens: Iterable[str], start: int = 0) -> bool:
    """Is any token in ``text[start:]``? (Searched backwards: see the module docstring.)"""
    return any(text.rfind(token, start) >= 0 for token in tokens)


def last_in_tag(text: str, token: str, words: Iterable[str]) -> str | None:
    """The word (of ``words``) at the last in-tag occurrence of ``token`` that starts one.

    One backward pass: ``last_in_tag(text, "board", ("board-list", "board_view"))``
    names the board class nearest the end of the page.
    """
    words = tuple(words)
    pos = len(text)
    while True:
        found = text.rfind(token, 0, pos)
        if found < 0:
            return None
        if text.startswith(words, found) and in_tag(text, found):
            return next(word for word in words if text.startswith(word, found))
        pos = found + len(token) - 1


__all__ = [
    "board_region",
    "drop_scripts",
    "has_any",
    "head_title",
    "in_tag",
    "last_in_tag",
    "tag_start",
]
