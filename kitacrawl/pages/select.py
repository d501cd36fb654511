"""The selectors of :mod:`kitacrawl.site`, answered from one walk of a parsed page.

Each CSS selector evaluated through lxml's XPath walks the whole tree and tests
every element's class with string functions: some 20 µs a selector, and an
article page asks about 18 (the fallback chains of two generations of markup).
:class:`Index` walks the tree once, keeping its elements by class word, id and
tag; a selector is then answered by looking up the candidates its last compound
names and checking the rest of it (ancestors, attributes) in Python, on the few
elements that can match.

Only the CSS the site module uses is understood: type, ``#id``, ``.class``,
``[attr]``, ``[attr*=v]``, ``[attr^=v]``, ``[attr=v]``, the descendant and child
combinators, and groups (``a, b``). Matches come in document order, an element
at most once, the scope element included (as parsel's ``css`` does).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_COMPOUND_RE = re.compile(
    r"""\s*(?P<tag>[A-Za-z][\w-]*|\*)?(?P<rest>(?:[#.][\w-]+|\[\s*[\w-]+\s*(?:[*^$]?=\s*(?:'[^']*'|"[^"]*"|[^\]\s]+)\s*)?\])*)"""
)
_PART_RE = re.compile(
    r"""[#.](?P<name>[\w-]+)|\[\s*(?P<attr>[\w-]+)\s*(?:(?P<op>[*^$]?=)\s*(?:'(?P<q1>[^']*)'|"(?P<q2>[^"]*)"|(?P<bare>[^\]\s]+))\s*)?\]"""
)


@dataclass(frozen=True, slots=True)
class Compound:
    """One compound selector: ``div.board-detail``, ``a[href*='FileDown.do']``, ``#contents``."""

    tag: str | None
    ident: str | None
    classes: tuple[str, ...]
    attrs: tuple[tuple[str, str | None, str], ...]  # (name, operator or None, value)

    def matches(self, element: Any) -> bool:  # noqa: PLR0911 - one answer per part
        if self.tag is not None and element.tag != self.tag:
            return False
        if self.ident is not None and element.get("id") != self.ident:
            return False
        if self.classes:
            words = (element.get("class") or "").split()
            if not all(name in words for name in self.classes):
                return False
        for name, op, value in self.attrs:
            found = element.get(name)
            if found is None:
                return False
            if op == "*=" and value not in found:
                return False
            if op == "^=" and not found.startswith(value):
                return False
            if op == "$=" and not found.endswith(value):
                return False
            if op == "=" and found != value:
                return False
        return True


@dataclass(frozen=True, slots=True)
class Complex:
    """A selector of compounds joined by combinators (`` `` descendant, ``>`` child)."""

    steps: tuple[tuple[str, Compound], ...]  # (the combinator before it, compound)

    @property
    def last(self) -> Compound:
        return self.steps[-1][1]

    def matches(self, element: Any, scope: Any = None) -> bool:
        """Does ``element`` match, the ancestors it needs inside ``scope``'s tree?

        As parsel's ``css`` on a scope: every compound is matched by the scope
        or an element below it, never above.
        """
        last = len(self.steps) - 1
        return self.last.matches(element) and _ancestors_match(element, self.steps, last, scope)


def _ancestors_match(
    element: Any, steps: tuple[tuple[str, Compound], ...], index: int, scope: Any
) -> bool:
    if index == 0:
        return True
    if element is scope:
        return False  # the compounds before this one would be above the scope
    combinator = steps[index][0]
    wanted = steps[index - 1][1]
    parent = element.getparent()
    if combinator == ">":
        return (
            parent is not None
            and wanted.matches(parent)
            and _ancestors_match(parent, steps, index - 1, scope)
        )
    while parent is not None:
        if wanted.matches(parent) and _ancestors_match(parent, steps, index - 1, scope):
            return True
        if parent is scope:
            return False
        parent = parent.getparent()
    return False


@lru_cache(maxsize=512)
def parse(css: str) -> tuple[Complex, ...]:
    """The selectors of a CSS group, parsed once (ValueError for CSS outside the subset)."""
    return tuple(_parse_complex(part) for part in css.split(","))


def _parse_complex(text: str) -> Complex:
    steps: list[tuple[str, Compound]] = []
    pos, combinator = 0, ""
    text = text.strip()
    while pos < len(text):
        match = _COMPOUND_RE.match(text, pos)
        if match is None or match.end() == pos:
            raise ValueError(f"CSS this index does not read: {text!r}")
        steps.append((combinator, _compound(match.group("tag"), match.group("rest"))))
        pos = match.end()
        gap = re.match(r"\s*(>)?\s*", text[pos:])
        assert gap is not None
        combinator = ">" if gap.group(1) else " "
        pos += gap.end()
    if not steps:
        raise ValueError(f"an empty selector in {text!r}")
    return Complex(tuple(steps))


def _compound(tag: str | None, rest: str) -> Compound:
    ident: str | None = None
    classes: list[str] = []
    attrs: list[tuple[str, str | None, str]] = []
    for part in _PART_RE.finditer(rest):
        if part.group("name") is not None:
            if part.group(0).startswith("#"):
                ident = part.group("name")
            else:
                classes.append(part.group("name"))
        else:
            value = part.group("q1") or part.group("q2") or part.group("bare") or ""
            attrs.append((part.group("attr").lower(), part.group("op"), value))
    return Compound(
        tag=None if tag in (None, "*") else tag.lower(),
        ident=ident,
        classes=tuple(classes),
        attrs=tuple(attrs),
    )


class Index:
    """One walk of a tree: its elements by class word, id and tag, and their order."""

    def __init__(self, root: Any) -> None:
        self.root = root
        self.order: dict[Any, int] = {}
        self.by_class: dict[str, list[Any]] = {}
        self.by_id: dict[str, list[Any]] = {}
        self.by_tag: dict[str, list[Any]] = {}
        self.elements: list[Any] = []
        order, by_class, by_id, by_tag = self.order, self.by_class, self.by_id, self.by_tag
        for element in root.iter():
            tag = element.tag
            if not isinstance(tag, str):
                continue  # comments, processing instructions
            order[element] = len(self.elements)
            self.elements.append(element)
            by_tag.setdefault(tag, []).append(element)
            classes = element.get("class")
            if classes:
                for word in classes.split():
                    by_class.setdefault(word, []).append(element)
            ident = element.get("id")
            if ident:
                by_id.setdefault(ident, []).append(element)

    def _candidates(self, compound: Compound) -> list[Any]:
        if compound.classes:
            return self.by_class.get(compound.classes[0], [])
        if compound.ident is not None:
            return self.by_id.get(compound.ident, [])
        if compound.tag is not None:
            return self.by_tag.get(compound.tag, [])
        return self.elements

    def select(self, css: str, scope: Any = None) -> list[Any]:
        """The elements matching ``css`` in ``scope``'s tree (itself included), in order."""
        selectors = parse(css)
        if len(selectors) == 1:
            selector = selectors[0]
            return [
                element
                for element in self._candidates(selector.last)
                if self._within(element, scope) and selector.matches(element, scope)
            ]
        found = {
            element
            for selector in selectors
            for element in self._candidates(selector.last)
            if self._within(element, scope) and selector.matches(element, scope)
        }
        return sorted(found, key=self.order.__getitem__)

    def first(self, selectors: Iterable[str], scope: Any = None) -> list[Any]:
        """The matches of the first selector of ``selectors`` that matches anything."""
        for css in selectors:
            found = self.select(css, scope)
            if found:
                return found
        return []

    def within(self, element: Any, scope: Any) -> bool:
        """Is ``element`` ``scope`` or below it?"""
        return self._within(element, scope)

    def _within(self, element: Any, scope: Any) -> bool:
        if scope is None or scope is self.root or element is scope:
            return True
        parent = element.getparent()
        while parent is not None:
            if parent is scope:
                return True
            parent = parent.getparent()
        return False


__all__ = ["Complex", "Compound", "Index", "parse"]
