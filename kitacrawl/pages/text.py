"""HTML-to-text helpers shared by the page objects.

The site's editors build paragraphs from ``<p>``, from ``<div>`` and from runs
of ``<br>``; :func:`block_lines` turns all three into the same list of lines,
one per visible paragraph, with editor debris and blank paragraphs gone.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from lxml import etree
from parsel import Selector, SelectorList
from parsel.csstranslator import HTMLTranslator
from w3lib.encoding import html_to_unicode

from kitacrawl.clean import normalise_space
from kitacrawl.pages.select import Index

# Elements that start a new line of visible text.
BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "caption",
        "center",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title"})
_CSS = HTMLTranslator()


@lru_cache(maxsize=512)
def _compiled(css: str) -> etree.XPath:
    # parsel translates CSS on every call and builds an XPath evaluator per
    # element; the page objects ask the same few dozen selectors of every page.
    return etree.XPath(_CSS.css_to_xpath(css))


@lru_cache(maxsize=256)
def _compiled_xpath(query: str) -> etree.XPath:
    return etree.XPath(query)


# The parsed pages whose index is kept (the page objects of a few pages at a time).
_INDEXES: OrderedDict[int, Index] = OrderedDict()
_KEPT_INDEXES = 8


# The index last asked of each scope element: a page object asks of a handful of
# scopes; a few pages' worth are kept (each keeps its document alive).
_SCOPES: OrderedDict[Any, Index] = OrderedDict()
_KEPT_SCOPES = 16


def index_of(element: Any) -> Index:
    """The index of the tree ``element`` belongs to: built in one walk, the first time."""
    found = _SCOPES.get(element)
    if found is not None:
        return found
    found = _tree_index(element)
    _SCOPES[element] = found
    if len(_SCOPES) > _KEPT_SCOPES:
        _SCOPES.popitem(last=False)
    return found


def _tree_index(element: Any) -> Index:
    root = element.getroottree().getroot()
    key = id(root)
    found = _INDEXES.get(key)
    if found is None or found.root is not root:
        found = Index(root)
        _INDEXES[key] = found
        if len(_INDEXES) > _KEPT_INDEXES:
            _INDEXES.popitem(last=False)
    else:
        _INDEXES.move_to_end(key)
    return found


# lxml's plain HTML parser: lxml.html's (parsel's default) picks an element class in
# Python for every element it hands out, which made walking a page five times slower.
_HTML_PARSER = etree.HTMLParser()
_XML_DECLARATION_RE = re.compile(r"\s*<\?xml\b[^>]*>", re.I)


def parse_root(text: str | None) -> Any:
    """A page (or a slice of one) parsed as HTML: its root element, an empty ``<html>``
    when nothing parses."""
    try:
        root = etree.fromstring(text, _HTML_PARSER) if text else None
    except ValueError:
        # lxml refuses a str that declares its encoding (XHTML pages open with
        # `<?xml version="1.0" encoding="utf-8"?>`): the text is decoded already,
        # the declaration has nothing more to say.
        root = (
            parse_root(_XML_DECLARATION_RE.sub("", text or "", count=1))
            if _XML_DECLARATION_RE.match(text or "")
            else None
        )
    except etree.ParserError:
        root = None
    if root is None:
        root = etree.fromstring("<html></html>", _HTML_PARSER)
    return root


def parse_html(text: str | None) -> Selector:
    """A page (or a slice of one) parsed once, as a parsel ``Selector``.

    Whatever ``text`` is (empty, a JSON-looking body, broken markup), the answer is
    an HTML document: parsel would take ``{}`` for JSON, on which CSS raises.
    """
    return Selector(root=parse_root(text), type="html")


def _wrapped(elements: Iterable[Any]) -> SelectorList[Selector]:
    return SelectorList(Selector(root=el, type="html") for el in elements)


def xpath_all(sel: Selector, query: str) -> SelectorList[Selector]:
    """``sel.xpath(query)`` for element results, through a compiled XPath (walked in C)."""
    root = sel.root
    if not hasattr(root, "getroottree"):
        return SelectorList([])
    return _wrapped(el for el in _compiled_xpath(query)(root) if hasattr(el, "tag"))


def links_below(sel: Selector) -> SelectorList[Selector]:
    """The elements with an ``href`` or an ``onclick`` below it (``.//*[@href or @onclick]``)."""
    root = sel.root
    if not hasattr(root, "getroottree"):
        return SelectorList([])
    return _wrapped(index_of(root).links_below(root))


def css_all(sel: Selector, css: str) -> SelectorList[Selector]:
    """``sel.css(css)``, answered from the page's index (the same matches, one walk a page)."""
    root = sel.root
    if not hasattr(root, "getroottree"):
        return SelectorList([])
    return _wrapped(index_of(root).select(css, root))


def first(
    sel: Selector | SelectorList[Selector], selectors: Iterable[str]
) -> SelectorList[Selector]:
    """The matches of the first selector that matches anything (ordered fallbacks)."""
    scopes = [scope.root for scope in (sel if isinstance(sel, SelectorList) else [sel])]
    scopes = [root for root in scopes if hasattr(root, "getroottree")]
    if not scopes:
        return SelectorList([])
    index = index_of(scopes[0])
    for css in selectors:
        found = [match for scope in scopes for match in index.select(css, scope)]
        if found:
            return _wrapped(found)
    return SelectorList([])


def excluded_roots(container: Selector, selectors: Iterable[str]) -> set[Any]:
    """The lxml elements under ``container`` matched by any of ``selectors``."""
    group = ", ".join(selectors)
    root = container.root
    if not group or not hasattr(root, "getroottree"):
        return set()
    return set(index_of(root).select(group, root))


def node_text(element: Any) -> str:
    """All text inside an lxml element, scripts and styles left out."""
    # An explicit stack, not recursion: a hostile page nests thousands of
    # <span>s, deeper than Python's recursion limit. Items are elements to
    # open, or the tail strings that follow them.
    parts: list[str] = []
    stack: list[Any] = [element]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            parts.append(node)
            continue
        tag = node.tag if isinstance(node.tag, str) else None
        if tag is None or tag.lower() in SKIP_TAGS:
            continue
        if node.text:
            parts.append(node.text)
        for child in reversed(node):
            if child.tail:
                stack.append(child.tail)
            stack.append(child)
    return "".join(parts)


def attribute(element: Selector, name: str) -> str | None:
    """One attribute of an element, read by name (None when absent).

    parsel's ``.attrib`` converts every attribute of the element, and lxml
    refuses with a ValueError the names it parsed but cannot hand back
    (control characters, ``{``, U+FFFE): one broken attribute would hide the
    ``href`` beside it. Reading by name never touches the others.
    """
    root = element.root
    value = root.get(name) if hasattr(root, "get") else None
    return value if isinstance(value, str) else None


def response_text(response: Any) -> str:
    """The response's text, decoded as Scrapy decodes it.

    A charset label naming a codec that is not a text encoding (``base64``,
    ``rot13``, ``zlib``) or that cannot decode with replacement (``undefined``,
    ``idna``) makes ``response.text`` raise LookupError or UnicodeError.
    Browsers ignore a label they cannot use, and so does this: it decodes again
    without the header's label (the page's own ``<meta>`` may still be right),
    and failing that as UTF-8, the site's default.
    """
    try:
        return str(response.text)
    except (LookupError, UnicodeError):
        pass
    body = bytes(response.body)
    try:
        return html_to_unicode(None, body)[1]
    except (LookupError, UnicodeError):
        return body.decode("utf-8", "replace")


def block_lines(
    container: Selector, exclude: Iterable[str] = (), *, excluded: set[Any] | None = None
) -> list[str]:
    """The visible lines of ``container``: one per block element or ``<br>`` run.

    Every line break on this site separates paragraphs (the stored pages show
    one paragraph per line), so each non-empty line is one paragraph.
    """
    # ``excluded``: the roots of ``exclude`` when the caller has found them already.
    if excluded is None:
        excluded = excluded_roots(container, exclude)
    lines: list[list[str]] = [[]]

    # An explicit stack, not recursion (see node_text). Items are (element,
    # leaving): an element is opened, its children walked, then it is left.
    root = container.root
    if root.text:
        lines[-1].append(root.text)
    stack: list[tuple[Any, bool]] = [(child, False) for child in reversed(root)]
    while stack:
        element, leaving = stack.pop()
        raw_tag = element.tag
        tag = raw_tag.lower().rpartition(":")[2] if isinstance(raw_tag, str) else None
        if leaving:
            if tag in BLOCK_TAGS:
                lines.append([])
        elif tag is None or tag in SKIP_TAGS or element in excluded:
            pass  # comments, processing instructions and non-text elements
        elif tag == "br":
            lines.append([])
        else:
            if tag in BLOCK_TAGS:
                lines.append([])
            if element.text:
                lines[-1].append(element.text)
            stack.append((element, True))
            stack.extend((child, False) for child in reversed(element))
            continue  # the tail follows once the element is left
        if element.tail:
            lines[-1].append(element.tail)
    joined = ("".join(parts) for parts in lines)
    # Most lines are the whitespace between tags: skip them before the regex.
    cleaned = (normalise_space(text) for text in joined if text and not text.isspace())
    return [line for line in cleaned if line]
