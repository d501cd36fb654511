"""The current template's script handlers, read as data: strings in, values out.

KITA's current framework writes no real hrefs: list rows, neighbours, paging
and downloads are ``onclick`` calls (``goDetailPage('101130', '2')``,
``goPage(3); return false;``, ``doDownloadFile('58447', '5A75...')``), and
where a download goes is decided by the page's own ``function
doDownloadFile(...)``. Nothing here runs JavaScript: the few shapes seen are
matched with the patterns of :mod:`kitacrawl.site`, and anything else is
"not understood" (None), never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode, urljoin

from kitacrawl import site


def js_tokens(source: str, separator: str) -> list[tuple[str, bool]] | None:
    """The literals and names of ``a, 'b'`` (separator ``,``) or ``'a' + b`` (``+``).

    Each item is (text, is_literal); None when the source is anything else
    (a call, arithmetic, a template string).
    """
    tokens: list[tuple[str, bool]] = []
    pos, end = 0, len(source)
    if not source.strip():
        return tokens
    while True:
        match = site.JS_TOKEN_RE.match(source, pos)
        if match is None or match.end() == pos:
            return None
        single, double, name = match.groups()
        if name is not None:
            tokens.append((name, False))
        else:
            literal = single if single is not None else double
            tokens.append((_unescape(literal), True))
        pos = match.end()
        if pos >= end:
            return tokens
        if source[pos] != separator:
            return None
        pos += 1


def _unescape(literal: str) -> str:
    # Only the escapes a URL literal can hold; others keep their character.
    return literal.replace("\\/", "/").replace("\\'", "'").replace('\\"', '"')


def call_arguments(arguments: str) -> tuple[str, ...] | None:
    """The values of a handler's argument list (``'58447', '5A75'`` -> both strings)."""
    tokens = js_tokens(arguments, ",")
    if tokens is None:
        return None
    return tuple(text for text, _literal in tokens)


def detail_target(script: str | None) -> tuple[int, str | None] | None:
    """(article id, site id or None) of a ``goDetailPage('N'[, 'S'])`` call, else None."""
    match = site.DETAIL_HANDLER_RE.search(script) if script else None
    if match is None:
        return None
    no = site.read_id(match.group(1))
    if no is None:
        return None
    return no, match.group(2) or None


def page_number(script: str | None) -> int | None:
    """The page a ``goPage(n)`` paging call asks for (0 and non-numbers: None)."""
    match = site.GO_PAGE_RE.search(script) if script else None
    return site.read_id(match.group(1)) if match else None


def download_arguments(script: str | None) -> tuple[str, ...] | None:
    """The arguments of a ``doDownloadFile(...)`` call, else None."""
    match = site.DOWNLOAD_CALL_RE.search(script) if script else None
    if match is None:
        return None
    arguments = call_arguments(match.group(1))
    return arguments if arguments else None


def menu_path(script: str | None) -> str | None:
    """The path a ``global.moveMenu('/path', ...)`` call opens, else None."""
    match = site.MOVE_MENU_RE.search(script) if script else None
    return match.group(2) if match else None


@dataclass(frozen=True, slots=True)
class DownloadTemplate:
    """The URL a page's ``doDownloadFile`` builds: literal parts and argument slots.

    ``parts`` holds strings (literal text) and ints (the index of an argument).
    """

    parts: tuple[str | int, ...]

    def url(self, arguments: tuple[str, ...]) -> str:
        """The URL for one call, arguments percent-encoded (they are ids)."""
        out: list[str] = []
        for part in self.parts:
            if isinstance(part, int):
                value = arguments[part] if part < len(arguments) else ""
                out.append(quote(value, safe=""))
            else:
                out.append(part)
        return "".join(out)


def download_template(page: str, start: int = 0, end: int | None = None) -> DownloadTemplate | None:
    """The URL template of the page's own ``function doDownloadFile(...)``, else None.

    Understood: ``[window.]location.href = '<path>?a=' + p1 + '&b=' + p2;``
    (and ``location.assign``/``replace``), string literals and the function's
    own parameters only. Any other body gives None, and the caller falls back
    to :func:`default_download_url`. Only ``page[start:end]`` is searched.
    """
    definition = _definition(page, start, len(page) if end is None else end)
    if definition is None:
        return None
    return _template(definition)


def _definition(page: str, start: int, end: int) -> re.Match[str] | None:
    # The handler's name is found with str.rfind (the calls in onclicks too;
    # backwards, as a search that finds nothing costs a third of a forward
    # one); the pattern is matched only from a `function` keyword before it.
    name = site.DOWNLOAD_FUNCTION
    pos = end
    while True:
        at = page.rfind(name, start, pos)
        if at < 0:
            return None
        keyword = page.rfind("function", max(start, at - 40), at)
        if keyword >= 0 and not page[keyword + 8 : at].strip() and keyword + 8 < at:
            match = site.DOWNLOAD_DEFINITION_RE.match(page, keyword)
            if match is not None and match.end() <= end:
                return match
        pos = at + len(name) - 1


def _template(definition: re.Match[str]) -> DownloadTemplate | None:
    params = js_tokens(definition.group(1), ",")
    assign = site.LOCATION_ASSIGN_RE.search(definition.group(2))
    if params is None or assign is None or any(literal for _name, literal in params):
        return None
    names = [name for name, _literal in params]
    expression = assign.group(1) if assign.group(1) is not None else assign.group(2)
    tokens = js_tokens(expression.strip(), "+")
    if not tokens:
        return None
    parts: list[str | int] = []
    for text, literal in tokens:
        if literal:
            parts.append(text)
        elif text in names:
            parts.append(names.index(text))
        else:
            return None  # a global or a call: not something to guess at
    if not any(isinstance(part, str) and part for part in parts):
        return None
    return DownloadTemplate(tuple(parts))


def default_download_url(detail_path: str, arguments: tuple[str, ...]) -> str:
    """Where a download goes when the page does not say: beside the detail page."""
    names = site.DEFAULT_DOWNLOAD_PARAMS
    query = urlencode(list(zip(names, arguments, strict=False)))
    return f"{urljoin(detail_path, site.DEFAULT_DOWNLOAD_NAME)}?{query}"


__all__ = [
    "DownloadTemplate",
    "call_arguments",
    "default_download_url",
    "detail_target",
    "download_arguments",
    "download_template",
    "js_tokens",
    "menu_path",
    "page_number",
]
