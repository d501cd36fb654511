"""HTML-to-text helpers shared by the page objects.

The site's editors build paragraphs from ``<p>``, from ``<div>`` and from runs
of ``<br>``; :func:`block_lines` turns all three into the same list of lines,
one per visible paragraph, with editor debris and blank paragraphs gone.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from parsel import Selector, SelectorList

from kitacrawl.clean import normalise_space

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


def first(
    sel: Selector | SelectorList[Selector], selectors: Iterable[str]
) -> SelectorList[Selector]:
    """The matches of the first selector that matches anything (ordered fallbacks)."""
    for css in selectors:
        found = sel.css(css)
        if found:
            return found
    return SelectorList([])


def node_text(element: Any) -> str:
    """All text inside an lxml element, scripts and styles left out."""
    parts: list[str] = []
    _collect(element, parts, skip_tail=True)
    return "".join(parts)


def _collect(element: Any, parts: list[str], *, skip_tail: bool = False) -> None:
    tag = element.tag if isinstance(element.tag, str) else None
    if tag is not None and tag.lower() not in SKIP_TAGS:
        if element.text:
            parts.append(element.text)
        for child in element:
            _collect(child, parts)
    if not skip_tail and element.tail:
        parts.append(element.tail)


def block_lines(container: Selector, exclude: Iterable[str] = ()) -> list[str]:
    """The visible lines of ``container``: one per block element or ``<br>`` run.

    Every line break on this site separates paragraphs (the stored pages show
    one paragraph per line), so each non-empty line is one paragraph.
    """
    excluded: set[Any] = set()
    for css in exclude:
        excluded.update(el.root for el in container.css(css))
    lines: list[list[str]] = [[]]

    def walk(element: Any) -> None:
        raw_tag = element.tag
        tag = raw_tag.lower().rpartition(":")[2] if isinstance(raw_tag, str) else None
        if tag is None or tag in SKIP_TAGS or element in excluded:
            pass  # comments, processing instructions and non-text elements
        elif tag == "br":
            lines.append([])
        else:
            block = tag in BLOCK_TAGS
            if block:
                lines.append([])
            if element.text:
                lines[-1].append(element.text)
            for child in element:
                walk(child)
            if block:
                lines.append([])
        if element.tail:
            lines[-1].append(element.tail)

    root = container.root
    if root.text:
        lines[-1].append(root.text)
    for child in root:
        walk(child)
    cleaned = (normalise_space("".join(parts)) for parts in lines)
    return [line for line in cleaned if line]
