"""What a page's own JavaScript handlers mean: read from their definitions, never run.

KITA's boards open articles, pages and files through handlers
(``fn_view('2705')``, ``goDetailPage('101130', '2')``, ``goPage(3)``,
``doDownloadFile('58447', '5A75...')``), and the names and argument orders
differ from board to board and from one redesign to the next. A page defines
its handlers inline (``function goView(siteId, no) { location.href =
'/about/newsView.do?no=' + no; }``): the definition says which argument is the
article id, which the page number, and what URL a download builds. This module
reads those definitions as data:

- :func:`calls` splits an ``onclick`` or ``javascript:`` href into calls and
  their literal arguments;
- :func:`find_definition` finds ``function name(a, b) { ... }`` (or ``name =
  function (...)``, ``name: function (...)``, ``name = (...) => {...}``) in
  the page and returns its parameters and body, braces matched;
- :class:`PageScripts` answers, for one page and one board, what a call
  opens: an article (its id and the other parameters the URL carries), a
  list page (its number) or a download (its URL).

A definition on the page is decisive. Without one, only the handler shapes
seen on KITA's sites are understood by name (``site.KNOWN_*``); any other
call, or a definition this module cannot read, means "not understood"
(None), never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal
from urllib.parse import quote, urlencode, urljoin, urlsplit

from kitacrawl import site

Kind = Literal["detail", "page", "download", "other"]


@dataclass(frozen=True, slots=True)
class Call:
    """One call in a script: the handler's name (its last dotted part) and its arguments.

    ``arguments`` holds each argument's literal value, or None when it is not
    a literal (a name, an expression).
    """

    name: str
    qualified: str
    arguments: tuple[str | None, ...]


@dataclass(frozen=True, slots=True)
class Definition:
    params: tuple[str, ...]
    body: str


@dataclass(frozen=True, slots=True)
class UrlTemplate:
    """A URL a handler builds: literal parts and argument slots (ints)."""

    parts: tuple[str | int, ...]

    def fill(self, arguments: tuple[str | None, ...]) -> str | None:
        out: list[str] = []
        for part in self.parts:
            if isinstance(part, int):
                value = arguments[part] if part < len(arguments) else None
                if value is None:
                    return None
                out.append(quote(value, safe=""))
            else:
                out.append(part)
        return "".join(out)


@dataclass(frozen=True, slots=True)
class Meaning:
    """What calling a handler does, by argument position."""

    kind: Kind
    # The argument that is the article id (detail) or the page number (page).
    index: int | None = None
    # Other query parameters the detail URL carries, by argument (siteId -> 1).
    extras: tuple[tuple[str, int], ...] = ()
    # The URL a download handler builds.
    template: UrlTemplate | None = None
    # How many arguments a call may have for this reading (empty: any).
    arities: tuple[int, ...] = ()

    def arities_ok(self, count: int) -> bool:
        if self.arities and count not in self.arities:
            return False
        return self.index is None or self.index < count


# A handler that goes somewhere else (another board, another page): understood, not ours.
OTHER = Meaning("other")


@dataclass(frozen=True, slots=True)
class ArticleCall:
    """An article a handler opens: its id and the other parameters of its URL."""

    no: int
    extras: dict[str, str] = field(default_factory=dict)


# -- reading scripts -------------------------------------------------------------

_CALL_RE = re.compile(r"(?<![\w$.])((?:[A-Za-z_$][\w$]*\.)*([A-Za-z_$][\w$]*))\s*\(")
# Words that open a parenthesis without calling a handler.
_NOT_CALLS = frozenset(
    {"if", "for", "while", "switch", "return", "function", "void", "typeof", "catch", "with"}
)
_STRING_RE = re.compile(r"""'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`""", re.S)
_NUMBER_LITERAL_RE = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
_NAME_RE = re.compile(r"^[A-Za-z_$][\w$]*$")


def _unescape(literal: str) -> str:
    return literal.replace("\\/", "/").replace("\\'", "'").replace('\\"', '"')


def _closing(text: str, start: int, opening: str, closing: str) -> int:
    """Index of the bracket that closes the one at ``start`` (strings and comments skipped)."""
    depth = 0
    pos = start
    end = len(text)
    while pos < end:
        char = text[pos]
        if char in "'\"`":
            match = _STRING_RE.match(text, pos)
            if match is None:
                return -1
            pos = match.end()
            continue
        if char == "/" and text.startswith("//", pos):
            newline = text.find("\n", pos)
            pos = end if newline < 0 else newline + 1
            continue
        if char == "/" and text.startswith("/*", pos):
            close = text.find("*/", pos + 2)
            pos = end if close < 0 else close + 2
            continue
        if char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return pos
        pos += 1
    return -1


def _split_top(source: str, separator: str) -> tuple[list[str], bool]:
    """``source`` cut at each ``separator`` outside strings and brackets; and whether
    every string in it was closed (the rest of an unclosed one ends the last part)."""
    tokens: list[str] = []
    current: list[str] = []
    depth = 0
    pos = 0
    while pos < len(source):
        char = source[pos]
        if char in "'\"`":
            match = _STRING_RE.match(source, pos)
            if match is None:
                current.append(source[pos:])
                tokens.append("".join(current))
                return tokens, False
            current.append(match.group(0))
            pos = match.end()
            continue
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == separator and depth == 0:
            tokens.append("".join(current))
            current = []
            pos += 1
            continue
        current.append(char)
        pos += 1
    tokens.append("".join(current))
    return tokens, True


def split_arguments(source: str) -> list[str]:
    """The top-level comma-separated parts of an argument list."""
    parts = [token.strip() for token in _split_top(source, ",")[0]]
    return [] if parts == [""] else parts


def literal_value(argument: str) -> str | None:
    """The value of a string or number literal, else None."""
    argument = argument.strip()
    match = _STRING_RE.fullmatch(argument)
    if match is not None:
        value = next(group for group in match.groups() if group is not None)
        return _unescape(value)
    if _NUMBER_LITERAL_RE.match(argument):
        return argument
    return None


def calls(script: str | None) -> tuple[Call, ...]:
    """Every call in an ``onclick`` value or a ``javascript:`` href, in order."""
    if not script or "(" not in script:
        return ()
    return _calls(script)


# A page's links repeat a handful of scripts, each asked about several times
# (article? page? file?), and a board's pages repeat them too.
@lru_cache(maxsize=1024)
def _calls(script: str) -> tuple[Call, ...]:
    found: list[Call] = []
    for match in _CALL_RE.finditer(script):
        name = match.group(2)
        if name in _NOT_CALLS:
            continue
        open_at = match.end() - 1
        close_at = _closing(script, open_at, "(", ")")
        if close_at < 0:
            continue
        arguments = tuple(
            literal_value(part) for part in split_arguments(script[open_at + 1 : close_at])
        )
        found.append(Call(name=name, qualified=match.group(1), arguments=arguments))
    return tuple(found)


def find_definition(page: str, name: str) -> Definition | None:
    """The last definition of handler ``name`` in the page, else None.

    ``function name(a, b) {...}``, ``name = function (a, b) {...}``,
    ``name: function (a, b) {...}`` and ``name = (a, b) => {...}``; the last
    one wins, as in a browser.
    """
    if not _NAME_RE.match(name):
        return None
    pos = len(page)
    while True:
        at = page.rfind(name, 0, pos)
        if at < 0:
            return None
        pos = at
        if at > 0 and (page[at - 1].isalnum() or page[at - 1] in "_$"):
            continue
        after = at + len(name)
        if after < len(page) and (page[after].isalnum() or page[after] in "_$"):
            continue
        definition = _definition_at(page, at, after)
        if definition is not None:
            return definition


_FUNCTION_KEYWORD_BEFORE_RE = re.compile(r"function\s*$")
_ASSIGNED_FUNCTION_RE = re.compile(r"\s*[:=]\s*(?:async\s+)?function\s*[\w$]*\s*\(")
_ASSIGNED_ARROW_RE = re.compile(r"\s*[:=]\s*(?:async\s+)?\(")


def _parameters_at(page: str, at: int, after: int) -> tuple[int, bool] | None:
    """Where the parameter list of a definition of the name at ``at`` opens, and if an arrow."""
    if _FUNCTION_KEYWORD_BEFORE_RE.search(page, max(0, at - 20), at) and page[
        after : after + 10
    ].lstrip().startswith("("):
        return page.index("(", after), False
    match = _ASSIGNED_FUNCTION_RE.match(page, after)
    if match is not None:
        return match.end() - 1, False
    match = _ASSIGNED_ARROW_RE.match(page, after)
    if match is not None:
        return match.end() - 1, True
    return None


def _definition_at(page: str, at: int, after: int) -> Definition | None:
    found = _parameters_at(page, at, after)
    if found is None:
        return None
    open_paren, arrow = found
    close_paren = _closing(page, open_paren, "(", ")")
    if close_paren < 0:
        return None
    params = tuple(
        part.split("=")[0].strip() for part in split_arguments(page[open_paren + 1 : close_paren])
    )
    if not all(_NAME_RE.match(param) for param in params if param):
        return None
    start = close_paren + 1
    if arrow:
        arrow_at = page.find("=>", start, start + 10)
        start = arrow_at + 2 if arrow_at >= 0 else -1
    brace = page.find("{", start, start + 40) if start >= 0 else -1
    close_brace = (
        _closing(page, brace, "{", "}") if brace >= 0 and not page[start:brace].strip() else -1
    )
    if close_brace < 0:
        return None
    return Definition(params=tuple(p for p in params if p), body=page[brace + 1 : close_brace])


# -- what a definition does ------------------------------------------------------------


def _bound_param(body: str, field_name: str, params: tuple[str, ...]) -> int | None:
    """The parameter a body binds to ``field_name`` (a query or form field), else None."""
    name = re.escape(field_name)
    for pattern in (
        # '...?no=' + no  /  "&no=" + no
        rf"""[?&;]{name}=['"]\s*\+\s*([A-Za-z_$][\w$]*)""",
        # `...?no=${no}`
        rf"""[?&;]{name}=\$\{{\s*([A-Za-z_$][\w$]*)\s*\}}""",
        # $('#no').val(no)  $("[name='no']").val(no)  $('input[name=no]').val(no)
        rf"""\$\(\s*['"][^'"]*?(?:#|name=['"]?){name}['"\]]*\s*['"]\s*\)"""
        r"""\s*\.val\(\s*([A-Za-z_$][\w$]*)\s*(?:\|\|[^)]*)?\)""",
        # form.no.value = no  getElementById('no').value = no  form['no'].value = no
        rf"""(?:\.{name}|getElementById\(\s*['"]{name}['"]\s*\)|\[\s*['"]{name}['"]\s*\])"""
        rf"""\s*\.value\s*=\s*([A-Za-z_$][\w$]*)""",
        # {no: no}  {"no": no}
        rf"""[{{,]\s*['"]?{name}['"]?\s*:\s*([A-Za-z_$][\w$]*)""",
        # params.set('no', no)  formData.append("no", no)
        rf"""\.(?:set|append)\(\s*['"]{name}['"]\s*,\s*([A-Za-z_$][\w$]*)\s*\)""",
    ):
        for match in re.finditer(pattern, body):
            param = match.group(1)
            if param in params:
                return params.index(param)
    return None


def _literals(body: str) -> list[str]:
    return [
        _unescape(next(group for group in match.groups() if group is not None))
        for match in _STRING_RE.finditer(body)
    ]


def _mentions_path(body: str, paths: tuple[str, ...]) -> bool:
    """Does a string in the body name one of these paths (by its last segment)?"""
    segments = {path.rsplit("/", 1)[-1] for path in paths}
    for literal in _literals(body):
        path = urlsplit(site.strip_session(literal)).path
        if path.rsplit("/", 1)[-1] in segments:
            return True
    return False


_LOCATION_RE = re.compile(
    r"(?:\blocation(?:\.href)?\s*=(?!=)|\blocation\.(?:assign|replace)\s*\(|\bwindow\.open\s*\()\s*"
)


def _url_template(body: str, params: tuple[str, ...]) -> UrlTemplate | None:
    """The URL a body sends the browser to, as literal parts and parameter slots."""
    for match in _LOCATION_RE.finditer(body):
        expression = _expression(body, match.end())
        template = _concatenation(expression, params)
        if template is not None:
            return template
    return None


def _expression(body: str, start: int) -> str:
    """The JS expression from ``start`` up to the first ``;``, ``,`` or ``)`` at its level."""
    depth = 0
    pos = start
    while pos < len(body):
        char = body[pos]
        if char in "'\"`":
            match = _STRING_RE.match(body, pos)
            if match is None:
                break
            pos = match.end()
            continue
        if char in "([{":
            depth += 1
        elif char in ")]}":
            if depth == 0:
                break
            depth -= 1
        elif char in ";,\n" and depth == 0:
            break
        pos += 1
    return body[start:pos].strip()


def _concatenation(expression: str, params: tuple[str, ...]) -> UrlTemplate | None:
    parts: list[str | int] = []
    for token in _plus_split(expression):
        value = literal_value(token)
        if value is not None and token.strip()[:1] in "'\"":
            parts.append(value)
        elif token.strip().startswith("`"):
            template = _template_literal(token.strip()[1:-1], params)
            if template is None:
                return None
            parts.extend(template)
        elif token.strip() in params:
            parts.append(params.index(token.strip()))
        elif token.strip().startswith("encodeURIComponent(") and token.strip()[19:-1] in params:
            parts.append(params.index(token.strip()[19:-1]))
        else:
            return None  # a global, a call, arithmetic: not something to guess at
    if not any(isinstance(part, str) and part for part in parts):
        return None
    return UrlTemplate(tuple(parts))


def _plus_split(expression: str) -> list[str]:
    tokens, closed = _split_top(expression, "+")
    return [token for token in tokens if token.strip()] if closed else []


_PLACEHOLDER_RE = re.compile(r"\$\{\s*([A-Za-z_$][\w$]*)\s*\}")


def _template_literal(text: str, params: tuple[str, ...]) -> list[str | int] | None:
    parts: list[str | int] = []
    pos = 0
    for match in _PLACEHOLDER_RE.finditer(text):
        parts.append(text[pos : match.start()])
        if match.group(1) not in params:
            return None
        parts.append(params.index(match.group(1)))
        pos = match.end()
    parts.append(text[pos:])
    return parts


def _delegated(body: str, params: tuple[str, ...]) -> tuple[str, tuple[int | None, ...]] | None:
    """A body that only calls another handler: (its name, which parameter each argument is)."""
    statements = [s.strip() for s in body.strip().split(";") if s.strip()]
    meaningful = [s for s in statements if not s.startswith("return")]
    if len(meaningful) != 1:
        return None
    found = calls(meaningful[0])
    if not found:
        return None
    call = found[0]
    open_at = meaningful[0].find("(")
    close_at = _closing(meaningful[0], open_at, "(", ")")
    pieces = split_arguments(meaningful[0][open_at + 1 : close_at]) if close_at > 0 else []
    mapping = tuple(params.index(piece) if piece in params else None for piece in pieces)
    return call.name, mapping


# -- one page, one board ---------------------------------------------------------------


# A board's pages define their handlers alike (only a session id differs):
# what a body means is learnt once per body, not once per page.
@lru_cache(maxsize=256)
def _read_alone(definition: Definition, paths: site.BoardPaths) -> tuple[bool, Meaning | None]:
    """(decided, meaning) from the body alone; undecided: what it calls may say."""
    params, body = definition.params, definition.body
    if _mentions_path(body, paths.detail_paths):
        index = _bound_param(body, paths.id_param, params)
        if index is None:
            return True, None
        extras = tuple(
            (name, bound)
            for name in site.DETAIL_EXTRA_PARAMS
            if (bound := _bound_param(body, name, params)) is not None
        )
        return True, Meaning("detail", index=index, extras=extras)
    page = _bound_param(body, site.PAGE_PARAM, params)
    if page is not None:
        return True, Meaning("page", page)
    template = _url_template(body, params)
    if template is not None:
        return True, (Meaning("download", template=template) if _is_download(template) else OTHER)
    return False, None


class PageScripts:
    """What the handlers of one page mean for one board.

    Definitions are searched in ``text`` (the whole page: they sit in its
    scripts, which page objects drop from what they parse) once per name.
    """

    def __init__(self, text: str, urls: site.BoardUrls) -> None:
        self.text = text
        self.urls = urls
        self._definitions: dict[str, Definition | None] = {}
        self._meanings: dict[str, Meaning | None] = {}
        self._articles: dict[str, ArticleCall | None] = {}

    def definition(self, name: str) -> Definition | None:
        if name not in self._definitions:
            self._definitions[name] = find_definition(self.text, name)
        return self._definitions[name]

    def meaning(self, name: str, depth: int = 0) -> Meaning | None:
        """What a call of ``name`` does on this page.

        The page's own definition decides; a handler seen on KITA's sites is
        understood by its name when the page defines it in a way this module
        cannot read (or not at all); anything else is None.
        """
        if name in self._meanings:
            return self._meanings[name]
        self._meanings[name] = None  # a handler calling itself learns nothing
        definition = self.definition(name)
        meaning = self._learn(definition, depth) if definition is not None else None
        if meaning is None or meaning.kind == "other":
            # Known by its name from KITA's pages (the definition of a known
            # handler may post to a shared path, as the current template's do).
            meaning = _by_parameter_names(_known_meaning(name), definition)
        self._meanings[name] = meaning
        return meaning

    def _learn(self, definition: Definition, depth: int) -> Meaning | None:
        decided, meaning = _read_alone(definition, self.urls.paths)
        if decided:
            return meaning
        params, body = definition.params, definition.body
        delegated = _delegated(body, params) if depth < 3 else None
        if delegated is not None:
            inner = self.meaning(delegated[0], depth + 1)
            if inner is not None and inner.kind == "page" and inner.index is not None:
                mapped = delegated[1][inner.index] if inner.index < len(delegated[1]) else None
                if mapped is not None:
                    return Meaning("page", mapped)
        if _navigates(body):
            return OTHER  # it goes somewhere, and not to this board's articles
        return None

    # -- answers ------------------------------------------------------------
    def article(self, script: str | None) -> ArticleCall | None:
        """The article a script opens, else None."""
        if not script or "(" not in script:
            return None
        if script not in self._articles:
            self._articles[script] = self._article(script)
        return self._articles[script]

    def _article(self, script: str) -> ArticleCall | None:
        for call in calls(script):
            meaning = self.meaning(call.name)
            if meaning is None or meaning.kind != "detail" or meaning.index is None:
                continue
            if not meaning.arities_ok(len(call.arguments)):
                continue
            value = call.arguments[meaning.index]
            no = site.read_id(value) if value is not None else None
            if no is None:
                continue
            extras = {
                name: str(call.arguments[index])
                for name, index in meaning.extras
                if index < len(call.arguments) and call.arguments[index]
            }
            return ArticleCall(no, extras)
        return None

    def page(self, script: str | None) -> int | None:
        """The list page a script asks for, else None."""
        for call in calls(script):
            meaning = self.meaning(call.name)
            if meaning is None or meaning.kind != "page" or meaning.index is None:
                continue
            if meaning.arities_ok(len(call.arguments)):
                value = call.arguments[meaning.index]
                page = site.read_id(value) if value is not None else None
                if page is not None:
                    return page
        return None

    def download(self, script: str | None, page_url: str) -> str | None:
        """The absolute URL of the file a script downloads, else None."""
        for call in calls(script):
            meaning = self.meaning(call.name)
            if meaning is None or meaning.kind != "download":
                continue
            url = self._download_url(meaning, call)
            if url:
                return self.urls.absolute(url, page_url)
        return None

    def _download_url(self, meaning: Meaning, call: Call) -> str | None:
        if meaning.template is not None:
            return meaning.template.fill(call.arguments)
        known = site.KNOWN_DOWNLOADS.get(call.name)
        if known is None or any(arg is None for arg in call.arguments):
            return None
        path, names = known
        if len(call.arguments) < len(names):
            return None
        path = path or urljoin(self.urls.paths.detail_paths[0], site.DEFAULT_DOWNLOAD_NAME)
        query = urlencode(list(zip(names, (str(a) for a in call.arguments), strict=False)))
        return f"{path}?{query}"

    def is_download_call(self, script: str | None) -> bool:
        """Does the script call a handler that downloads a file (understood or not)?"""
        for call in calls(script):
            meaning = self.meaning(call.name)
            if meaning is not None and meaning.kind == "download":
                return True
            if site.DOWNLOAD_NAME_RE.search(call.name):
                return True
        return False


def _by_parameter_names(meaning: Meaning | None, definition: Definition | None) -> Meaning | None:
    """A handler known by its name, checked against the page's own definition of it.

    ``function goDetailPage(siteId, no)`` takes the id second, whatever its name
    meant before: the parameter names decide (the id by a name such as ``no``,
    ``id``, ``nttId``; the site by ``siteId``). A definition whose names say
    nothing keeps the known reading; one whose names contradict it and name no
    id elsewhere is not guessed at.
    """
    if meaning is None or meaning.kind != "detail" or definition is None or meaning.index is None:
        return meaning
    params = [param.lower() for param in definition.params]
    if meaning.index >= len(params) or not params:
        return meaning
    ids = [index for index, param in enumerate(params) if _ID_PARAM_RE.fullmatch(param)]
    sites = [index for index, param in enumerate(params) if "site" in param]
    if meaning.index in ids or (not ids and meaning.index not in sites):
        return meaning
    if len(ids) != 1:
        return None
    index = ids[0]
    extras = tuple((name, sites[0]) for name, _old in meaning.extras) if sites else ()
    return Meaning("detail", index=index, extras=extras, arities=(len(params),))


# Parameter names that hold an article's id.
_ID_PARAM_RE = re.compile(
    r"no|id|seq|idx|ntt_?id|ntt_?no|article_?(?:no|id)|post_?(?:no|id)|board_?no"
)


def _known_meaning(name: str) -> Meaning | None:
    """The handlers seen on KITA's sites, understood by their names."""
    if name in site.KNOWN_DOWNLOADS:
        return Meaning("download")
    if site.KNOWN_PAGE_HANDLER_RE.fullmatch(name):
        return Meaning("page", 0)
    if site.KNOWN_DETAIL_HANDLER_RE.fullmatch(name):
        # One argument, the id; goDetailPage('101130', '2') also a site id (seen).
        two = name in site.KNOWN_DETAIL_WITH_SITE
        return Meaning(
            "detail",
            index=0,
            extras=(("siteId", 1),) if two else (),
            arities=(1, 2) if two else (1,),
        )
    return None


def _navigates(body: str) -> bool:
    return bool(_LOCATION_RE.search(body)) or ".submit(" in body or "action" in body


def _is_download(template: UrlTemplate) -> bool:
    literal = "".join(part for part in template.parts if isinstance(part, str))
    return bool(site.DOWNLOAD_PATH_RE.search(urlsplit(literal).path or literal))


__all__ = [
    "ArticleCall",
    "Call",
    "Definition",
    "Meaning",
    "PageScripts",
    "UrlTemplate",
    "calls",
    "find_definition",
    "literal_value",
    "split_arguments",
]
