"""A page as lines of visible text, each element knowing which lines it spans.

The structural readers (:mod:`kitacrawl.pages.inferred_article`) reason about
a page of unknown markup in reading order: the title, the line beside it with
the date and counter, the body after them, then attachments, neighbours, the
list button and the footer. :class:`Lines` walks the document once and keeps
what that needs: the visible lines (one per block element or ``<br>`` run, as
:func:`kitacrawl.pages.text.block_lines` makes them) and, for every element,
the first and last line it spans, so that "the lines between the head and the
first neighbour" is a slice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kitacrawl.clean import normalise_space
from kitacrawl.pages.text import BLOCK_TAGS

# Elements whose text is never part of what a page says (controls, embedded objects).
HIDDEN_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "button",
        "select",
        "option",
        "textarea",
        "iframe",
        "object",
        "embed",
        "svg",
        "canvas",
        "audio",
        "video",
        "map",
    }
)


# Takes a place in a line and shows nothing (normalise_space drops it).
_PLACE = "\u200b"


@dataclass(slots=True)
class Line:
    text: str
    # The innermost element whose own text opens the line.
    element: Any


def _is_hidden(element: Any) -> bool:
    # keys() first: most elements carry none of these, and lxml's get() costs
    # about as much for a name that is absent as for one that is there.
    names = element.keys()
    if not names:
        return False
    if "hidden" in names or ("aria-hidden" in names and element.get("aria-hidden") == "true"):
        return True
    style = element.get("style") if "style" in names else None
    if style:
        folded = style.replace(" ", "").lower()
        return "display:none" in folded or "visibility:hidden" in folded
    return False


class Lines:
    """The visible lines of a document and the line span of each element."""

    def __init__(self, root: Any) -> None:  # noqa: PLR0912, PLR0915 - one walk, every kind of node
        self.root = root
        # Raw pieces per line; joined and cleaned once the walk is done.
        pieces: list[list[str]] = [[]]
        openers: list[Any] = [None]
        self.first: dict[Any, int] = {}
        self.last: dict[Any, int] = {}
        self.order: dict[Any, int] = {}
        stack: list[tuple[Any, bool]] = [(root, False)]

        def add(text: str, owner: Any) -> None:
            if not pieces[-1] and text.isspace():
                return
            if not pieces[-1]:
                openers[-1] = owner
            pieces[-1].append(text)

        def newline() -> None:
            if pieces[-1]:
                pieces.append([])
                openers.append(None)

        while stack:
            element, leaving = stack.pop()
            tag = element.tag.lower() if isinstance(element.tag, str) else None
            if leaving:
                # The last line holding the element's text (the open line may still be empty).
                self.last[element] = max(
                    self.first[element], len(pieces) - (1 if pieces[-1] else 2)
                )
                if tag in BLOCK_TAGS:
                    newline()
                if element.tail:
                    add(element.tail, element.getparent())
                continue
            if tag is None:
                if element.tail:
                    add(element.tail, element.getparent())
                continue
            self.order[element] = len(self.order)
            if tag in HIDDEN_TAGS or _is_hidden(element):
                # Positions still count (a "List" button ends the body), text does not.
                if tag == "button" or element.get("onclick") is not None:
                    # A control holds a place, as an image does: buttons alone in their
                    # block ("< Prev", "Next >") make a line of their own, never the
                    # next text line's (the footer's).
                    pieces[-1].append(_PLACE)
                self.first[element] = self.last[element] = len(pieces) - 1
                self._number_subtree(element, len(pieces) - 1)
                if element.tail:
                    add(element.tail, element.getparent())
                continue
            if tag in BLOCK_TAGS or tag == "br":
                newline()
            self.first[element] = len(pieces) - 1
            if tag == "br":
                self.last[element] = len(pieces) - 1
                if element.tail:
                    add(element.tail, element.getparent())
                continue
            if tag in ("img", "input"):
                # An image holds a place of its own: lines after it come after it
                # (an <input type=button> as a button does).
                pieces[-1].append(_PLACE)
            if element.text:
                add(element.text, element)
            stack.append((element, True))
            stack.extend((child, False) for child in reversed(element))
        self.texts = [normalise_space("".join(parts)) for parts in pieces]
        self.openers = openers

    def _number_subtree(self, element: Any, line: int) -> None:
        for inner in element.iterdescendants():
            if isinstance(inner.tag, str):
                self.first[inner] = self.last[inner] = line
                self.order.setdefault(inner, len(self.order))

    def __len__(self) -> int:
        return len(self.texts)

    def span(self, element: Any) -> tuple[int, int]:
        """(first, last) line of an element, both included."""
        return self.first.get(element, 0), self.last.get(element, 0)

    def text_of(self, start: int, end: int) -> list[str]:
        """The non-empty lines ``start`` to ``end`` (excluded)."""
        return [text for text in self.texts[max(start, 0) : end] if text]

    def lines(self, start: int, end: int) -> list[Line]:
        return [
            Line(self.texts[i], self.openers[i])
            for i in range(max(start, 0), min(end, len(self.texts)))
            if self.texts[i]
        ]


__all__ = ["HIDDEN_TAGS", "Line", "Lines"]
