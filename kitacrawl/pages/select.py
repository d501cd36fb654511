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
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lxml import etree

_COMPOUND_RE = re.compile(
    r"""\s*(?P<tag>[A-Za-z][\w-]*|\*)?(?P<rest>(?:[#.][\w-]+|\[\s*[\w-]+\s*(?:[*^$]?=\s*(?:'[^']*'|"[^"]*"|[^\]\s]+)\s*)?\])*)"""
)
_PART_RE = re.compile(
    r"""[#.](?P<name>[\w-]+)|\[\s*(?P<attr>[\w-]+)\s*(?:(?P<op>[*^$]?=)\s*(?:'(?P<q1>[^']*)'|"(?P<q2>[^"]*)"|(?P<bare>[^\]\s]+))\s*)?\]"""
)


# lxml's iter() filter for elements only (no comments or processing instructions).
_ELEMENTS = etree.Element
_LINKING = frozenset({"href", "onclick"})


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

    @property
    def by_lookup_alone(self) -> bool:
        """Does every element the index keeps under its name match (``.name``, ``#id``, ``tag``)?"""
        if len(self.steps) != 1:
            return False
        compound = self.last
        if compound.attrs:
            return False
        parts = len(compound.classes) + (compound.ident is not None) + (compound.tag is not None)
        return parts == 1

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
    """One walk of a tree: its elements by class word, id and tag, and their order.

    An element's subtree is a run of the walk's order (from the element to its
    last descendant), so "inside this scope" is two comparisons and the
    candidates inside a scope are a slice found by bisection.
    """

    def __init__(self, root: Any) -> None:
        self.root = root
        self.order: dict[Any, int] = {}
        self.by_class: dict[str, list[Any]] = {}
        self.by_id: dict[str, list[Any]] = {}
        self.by_tag: dict[str, list[Any]] = {}
        # Elements with an href or an onclick: where links are.
        self.linking: list[Any] = []
        self.elements: list[Any] = []
        self._ends: dict[Any, int] = {}
        order, by_class, by_id, by_tag = self.order, self.by_class, self.by_id, self.by_tag
        elements, linking = self.elements, self.linking
        for element in root.iter(_ELEMENTS):
            order[element] = len(elements)
            elements.append(element)
            tag = element.tag
            found = by_tag.get(tag)
            if found is None:
                by_tag[tag] = [element]
            else:
                found.append(element)
            # One call for all attributes: lxml's get() costs about as much per
            # name asked, present or not.
            for name, value in element.items():
                if name == "class":
                    for word in value.split():
                        found = by_class.get(word)
                        if found is None:
                            by_class[word] = [element]
                        else:
                            found.append(element)
                elif name == "id":
                    if value:
                        by_id.setdefault(value, []).append(element)
                elif name in _LINKING and (not linking or linking[-1] is not element):
                    linking.append(element)

    def _candidates(self, compound: Compound) -> list[Any]:
        if compound.classes:
            return self.by_class.get(compound.classes[0], [])
        if compound.ident is not None:
            return self.by_id.get(compound.ident, [])
        if compound.tag is not None:
            return self.by_tag.get(compound.tag, [])
        return self.elements

    def _end(self, scope: Any) -> int:
        """The order of the last element inside ``scope``."""
        end = self._ends.get(scope)
        if end is None:
            last = scope
            while True:
                children = [child for child in last if isinstance(child.tag, str)]
                if not children:
                    break
                last = children[-1]
            end = self._ends[scope] = self.order[last]
        return end

    def _inside(self, candidates: list[Any], scope: Any) -> list[Any]:
        """The candidates (in document order) that are ``scope`` or below it."""
        if scope is None or scope is self.root or not candidates:
            return candidates
        start = self.order.get(scope)
        if start is None:
            return [element for element in candidates if self._within(element, scope)]
        key = self.order.__getitem__
        low = bisect_left(candidates, start, key=key)
        high = bisect_right(candidates, self._end(scope), lo=low, key=key)
        return candidates[low:high]

    def select(self, css: str, scope: Any = None) -> list[Any]:
        """The elements matching ``css`` in ``scope``'s tree (itself included), in order."""
        selectors = parse(css)
        if len(selectors) == 1:
            selector = selectors[0]
            if selector.by_lookup_alone:
                return list(self._inside(self._candidates(selector.last), scope))
            return [
                element
                for element in self._inside(self._candidates(selector.last), scope)
                if selector.matches(element, scope)
            ]
        found = {
            element
            for selector in selectors
            for element in self._inside(self._candidates(selector.last), scope)
            if selector.matches(element, scope)
        }
        return sorted(found, key=self.order.__getitem__)

    def links_below(self, scope: Any) -> list[Any]:
        """The elements with an href or an onclick below ``scope`` (itself left out)."""
        return [element for element in self._inside(self.linking, scope) if element is not scope]

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
        start = self.order.get(scope)
        at = self.order.get(element)
        if start is not None and at is not None:
            return start <= at <= self._end(scope)
        parent = element.getparent()
        while parent is not None:
            if parent is scope:
                return True
            parent = parent.getparent()
        return False


__all__ = ["Complex", "Compound", "Index", "parse"]
