"""A list page in markup never seen: rows read by what they are, not by their classes.

The known list readers (:mod:`kitacrawl.pages.listing`,
:mod:`kitacrawl.pages.current_list`) look for the containers KITA's two
known generations use. When they find no row, the page is read here, from
what every generation so far keeps (SITE.md, "Markup nobody has seen"):

- a **row** is the largest element around a link (an href to the board's
  detail path carrying the id, in any parameter order, or a handler call the
  page's own script leads there, see :mod:`kitacrawl.pages.scripts`) that
  leads to no other article: a table row, a list item, a card, a ``dt``
  (with the ``dd``\\ s that follow it up to the next row);
- the **list** is the largest group of such rows under one parent; rows
  elsewhere (a "most read" box, a banner) are left out, unless they are
  pinned notices ahead of the list;
- a row's **date** and **counter** are read by their look
  (:func:`kitacrawl.clean.parse_date`, a counter with its label, or a bare
  number under a header that says so); the "No." column is never the id nor
  the counter;
- **pinned** notices by class, icon or label;
- **paging** by any link or handler carrying a page number.

Nothing is guessed: an element whose target cannot be learned leads nowhere,
and rows that disagree (one id for different titles) mean no rows at all, so
that the run fails loudly instead of fetching the wrong articles.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from kitacrawl import site
from kitacrawl.clean import normalise_space, parse_date, parse_labelled_count
from kitacrawl.items import ListPage, ListRow
from kitacrawl.pages.scripts import PageScripts
from kitacrawl.pages.text import node_text, parse_root

_ACTIVE_CLASSES = frozenset({"active", "on", "current", "selected", "this", "now", "cur"})
_DISABLED_CLASSES = frozenset({"disabled", "disable", "off"})
_NO_TEXT = frozenset({"script", "style", "noscript", "template"})
_CELL_TAGS = frozenset({"td", "th", "li", "span", "div", "p", "dd", "dt", "em", "strong", "b"})


def parse_page(text: str) -> Any:
    """The page as an lxml tree (its root element), whatever the bytes say."""
    return parse_root(text)


class InferredListPage:
    """One list page of a board, read by structure."""

    def __init__(
        self,
        text: str,
        url: str,
        *,
        urls: site.BoardUrls = site.NEWS_URLS,
        root: Any = None,
        scripts: PageScripts | None = None,
    ) -> None:
        self.text = text
        self.page_url = url
        self.urls = urls
        self.root = root if root is not None else parse_page(text)
        self.scripts = scripts or PageScripts(text, urls)
        self.order = {element: index for index, element in enumerate(self.root.iter())}

    def to_item(self) -> ListPage:
        rows = self.rows()
        return ListPage(
            rows=rows,
            current_page=self.current_page(),
            page_numbers=self.page_numbers(),
            total=self.total(),
            generation="inferred",
        )

    # -- what leads where ---------------------------------------------------------
    def article_of(self, element: Any) -> int | None:
        """The article of this board an element opens, else None."""
        onclick = element.get("onclick")
        found = self.scripts.article(onclick) if onclick else None
        if found is not None:
            return found.no
        href = (element.get("href") or "").strip()
        if not href or href.startswith("#"):
            return None
        if href.lower().startswith("javascript:"):
            found = self.scripts.article(href[11:])
            return found.no if found is not None else None
        return self.urls.no_from_url(self.urls.absolute(href, self.page_url))

    def site_id_of(self, element: Any) -> int | None:
        """The site id an element's handler or href names, on a board that has one."""
        if not self.urls.paths.site_param:
            return None
        for script in (element.get("onclick"), element.get("href")):
            text = (script or "").strip()
            found = self.scripts.article(text.removeprefix("javascript:")) if text else None
            if found is not None:
                return self.urls.site_id_of(found.extras)
        href = (element.get("href") or "").strip()
        return self.urls.site_id_from_url(href) if href else None

    def page_of(self, element: Any) -> int | None:
        """The list page an element asks for, else None."""
        onclick = element.get("onclick")
        page = self.scripts.page(onclick) if onclick else None
        if page is not None:
            return page
        href = (element.get("href") or "").strip()
        if href.lower().startswith("javascript:"):
            return self.scripts.page(href[11:])
        match = site.PAGE_PARAM_RE.search(href) if href else None
        return site.read_id(match.group(1)) if match else None

    def _link_elements(self) -> Iterator[Any]:
        """Elements that could lead somewhere: an href or an onclick, outside scripts."""
        for element in self.root.iter():
            if not isinstance(element.tag, str) or element.tag in ("script", "style"):
                continue
            if element.get("href") is None and element.get("onclick") is None:
                continue
            yield element

    def _links(self) -> list[tuple[Any, int]]:
        found = []
        for element in self._link_elements():
            no = self.article_of(element)
            if no is not None:
                found.append((element, no))
        return found

    # -- rows ---------------------------------------------------------------
    def rows(self) -> list[ListRow]:
        links = self._links()
        if not links:
            return []
        ids_under: dict[Any, set[int]] = {}
        for element, no in links:
            for ancestor in (element, *element.iterancestors()):
                ids_under.setdefault(ancestor, set()).add(no)
        row_of: dict[Any, tuple[int, list[Any]]] = {}
        for element, no in links:
            row = element
            for ancestor in element.iterancestors():
                if ids_under[ancestor] != {no} or ancestor.tag in ("body", "html", "form"):
                    break
                row = ancestor
            entry = row_of.setdefault(row, (no, []))
            entry[1].append(element)
        main = self._main_group(list(row_of))
        if not main:
            return []
        rows: list[ListRow] = []
        seen: set[tuple[int, bool]] = set()
        header = self._header(main)
        for row in sorted(row_of, key=self.order.__getitem__):
            no, anchors = row_of[row]
            segment = self._segment(row, row_of)
            pinned = self._is_pinned(segment)
            if row not in main and not pinned:
                continue
            found = self._row(no, anchors, segment, header, pinned)
            if (found.no, found.pinned) not in seen:
                seen.add((found.no, found.pinned))
                rows.append(found)
        return rows if _consistent(rows) else []

    def _main_group(self, rows: list[Any]) -> set[Any]:
        """The rows of the list: the largest group of alike siblings."""
        groups = Counter((row.getparent(), row.tag) for row in rows)
        if not groups:
            return set()
        (parent, tag), _count = groups.most_common(1)[0]
        return {row for row in rows if row.getparent() is parent and row.tag == tag}

    def _segment(self, row: Any, rows: dict[Any, Any]) -> list[Any]:
        """The row and the siblings after it that belong to it (``dd``\\ s after a ``dt``)."""
        segment = [row]
        if row.tag not in ("dt", "th"):
            return segment
        for sibling in row.itersiblings():
            if sibling in rows or sibling.tag == row.tag:
                break
            segment.append(sibling)
        return segment

    def _row(
        self,
        no: int,
        anchors: list[Any],
        segment: list[Any],
        header: dict[int, str],
        pinned: bool,
    ) -> ListRow:
        title = ""
        for anchor in anchors:
            title = normalise_space(anchor.get("title")) or _anchor_title(anchor)
            if title:
                break
        site_id = next(
            (found for anchor in anchors if (found := self.site_id_of(anchor)) is not None), None
        )
        return ListRow(
            no=no,
            url=self.urls.article_url(no, site_id=site_id),
            title=title or None,
            published=self._published(segment, anchors),
            hits=self._hits(segment, anchors, header),
            pinned=pinned,
        )

    def _texts(self, segment: list[Any], anchors: list[Any]) -> list[str]:
        """The row's visible texts, one per leaf cell, the title link left out.

        A row that is itself the link (``<tr onclick=...>``) keeps its texts.
        """
        skip = set(anchors) - set(segment)
        texts: list[str] = []
        for part in segment:
            texts.extend(_leaf_texts(part, skip))
        return texts

    def _published(self, segment: list[Any], anchors: list[Any]) -> Any:
        # Outside the row's link first; a card that is one big link holds its date inside.
        for skip in (anchors, []):
            for text in self._texts(segment, skip):
                value = parse_date(text)
                if value is not None:
                    return value
        return None

    def _hits(self, segment: list[Any], anchors: list[Any], header: dict[int, str]) -> int | None:
        texts = self._texts(segment, anchors)
        value = parse_labelled_count(" ".join(texts))
        if value is not None:
            return value
        column = next((index for index, key in header.items() if key == "hit"), None)
        if column is None:
            return None
        cells = _cells(segment[0])
        if column < len(cells) and len(cells) == len(header):
            number = site.NUMBER_RE.match(normalise_space(node_text(cells[column])))
            if number:
                return site.read_int(number.group(1).replace(",", ""))
        return None

    def _header(self, main: set[Any]) -> dict[int, str]:
        """Column labels (``date``, ``hit``, ``no``, ``title``) by cell position, if any."""
        first_row = min(main, key=self.order.__getitem__)
        candidates: list[Any] = []
        table = next((a for a in first_row.iterancestors() if a.tag == "table"), None)
        if table is not None:
            candidates.extend(table.iter("thead"))
        candidates.extend(first_row.itersiblings(preceding=True))
        for candidate in candidates:
            header_row = next((el for el in candidate.iter() if el.tag == "tr"), candidate)
            cells = _cells(header_row)
            labels = [normalise_space(node_text(cell)) for cell in cells]
            if len(labels) < 2 or any(len(label) > 20 for label in labels):
                continue
            keys = {index: key for index, label in enumerate(labels) if (key := _column(label))}
            if "hit" in keys.values() or "date" in keys.values():
                return keys
        return {}

    def _is_pinned(self, segment: list[Any]) -> bool:
        for part in segment:
            for element in part.iter():
                if not isinstance(element.tag, str):
                    continue
                classes = (element.get("class") or "").lower()
                if classes and site.PINNED_CLASS_RE.search(classes):
                    return True
                for name in ("alt", "title"):
                    value = element.get(name)
                    if value and site.PINNED_LABEL_RE.fullmatch(normalise_space(value)):
                        return True
                if element.tag in _CELL_TAGS and len(element) == 0:
                    text = normalise_space(element.text)
                    if text and site.PINNED_LABEL_RE.fullmatch(text):
                        return True
        return False

    # -- paging -------------------------------------------------------------
    def _page_links(self) -> list[tuple[Any, int]]:
        found = []
        for element in self._link_elements():
            page = self.page_of(element)
            if page is not None and self.article_of(element) is None:
                found.append((element, page))
        return found

    def page_numbers(self) -> list[int]:
        numbers = {
            page
            for element, page in self._page_links()
            if not (_classes(element) & _DISABLED_CLASSES or element.get("aria-disabled") == "true")
        }
        current = self.current_page()
        if current is not None:
            numbers.add(current)
        return sorted(numbers)

    def current_page(self) -> int | None:
        links = self._page_links()
        for element, page in links:
            if _classes(element) & _ACTIVE_CLASSES or element.get("aria-current"):
                return page
        # The current page is a number without a link among the links: in their container.
        linked = {element for element, _page in links}
        containers = {element.getparent() for element in linked}
        for container in containers:
            if container is None:
                continue
            for element in container.iter():
                if element in linked or not isinstance(element.tag, str) or len(element):
                    continue
                if element.get("href") is not None or element.get("onclick") is not None:
                    continue
                if any(ancestor in linked for ancestor in element.iterancestors()):
                    continue
                number = site.read_id(normalise_space(element.text))
                if number is not None:
                    return number
        return None

    def total(self) -> int | None:
        match = site.TOTAL_RE.search(normalise_space(node_text(self.root)))
        return site.read_int(match.group(1).replace(",", "")) if match else None


def _classes(element: Any) -> set[str]:
    return set((element.get("class") or "").lower().split())


def _column(label: str) -> str | None:
    for key, pattern in site.LIST_HEADER_KEYS:
        if pattern.search(label):
            return key
    return None


def _cells(row: Any) -> list[Any]:
    """A row's cells: its children that hold text (``td``\\ s, ``span``\\ s, ...)."""
    return [child for child in row if isinstance(child.tag, str) and child.tag not in ("script",)]


def _leaf_texts(element: Any, skip: set[Any]) -> list[str]:
    """Every text node under ``element`` in document order, the subtrees in ``skip`` left out."""
    texts: list[str] = []
    stack: list[tuple[Any, bool]] = [(element, False)]
    while stack:
        node, leaving = stack.pop()
        tail = node.tail if node is not element else None
        if leaving or node in skip or not isinstance(node.tag, str) or node.tag in _NO_TEXT:
            if tail and not tail.isspace():
                texts.append(normalise_space(tail))
            continue
        if node.text and not node.text.isspace():
            texts.append(normalise_space(node.text))
        elif node.tag == "img" and node.get("alt"):
            texts.append(normalise_space(node.get("alt")))  # an icon naming a counter
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    return [text for text in texts if text]


def _anchor_title(anchor: Any) -> str:
    """A row link's title: its text, without a date or counter the link also holds (a card)."""
    texts = _leaf_texts(anchor, set())
    kept = [
        text
        for text in texts
        if not (
            site.DATE_RE.fullmatch(text)
            or site.NUMBER_RE.match(text)
            or parse_labelled_count(text) is not None
        )
    ]
    return normalise_space(" ".join(kept if len(texts) > 1 else texts))


def _consistent(rows: list[ListRow]) -> bool:
    """Rows that name one article for different titles are misread: none is trusted."""
    titles: dict[int, set[str]] = {}
    for row in rows:
        if row.title and not row.pinned:
            titles.setdefault(row.no, set()).add(row.title)
    return all(len(found) == 1 for found in titles.values())


__all__ = ["InferredListPage", "parse_page"]
