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
- the **list** is the group of alike rows (under one parent, or under alike
  sibling parents: a grid's rows of cards) outside the page's chrome and any
  box headed "Most read", "Related", "인기" ..., the one with the most dated
  rows, then the largest; two groups of dated rows of similar weight are not
  guessed between (no rows). Rows elsewhere are left out, unless they are
  pinned notices ahead of the list;
- a row's **title** is the text of its link to the article (the link's first
  block where one link holds the whole card, the "Title" cell where the row is
  the link), its ``title`` attribute only where the text is cut short or
  missing, an image's alt last and never a generic one ("thumbnail");
- a row's **date** and **counter** are the last ones of its meta texts (never
  the title, never a lede longer than a meta line), read by their look
  (:func:`kitacrawl.clean.parse_date`, a month by name, a counter with its
  label, or a bare number under a header that says so); the "No." column is
  never the id nor the counter;
- **pinned** notices by class (``top``/``fix`` only on the row or an element
  beside its link), icon or label (also after an icon);
- **paging** by any link or handler carrying a page number, or a page drop-down.

Nothing is guessed: an element whose target cannot be learned leads nowhere,
and rows that disagree (one id for different titles) mean no rows at all, so
that the run fails loudly instead of fetching the wrong articles.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from kitacrawl import site
from kitacrawl.clean import normalise_space, parse_date, parse_labelled_count, reads_as_sentence
from kitacrawl.items import ListPage, ListRow
from kitacrawl.pages.scripts import PageScripts
from kitacrawl.pages.text import BLOCK_TAGS, node_text, parse_root

_ACTIVE_CLASSES = frozenset({"active", "on", "current", "selected", "this", "now", "cur"})
_DISABLED_CLASSES = frozenset({"disabled", "disable", "off"})
_NO_TEXT = frozenset({"script", "style", "noscript", "template"})
_CELL_TAGS = frozenset({"td", "th", "li", "span", "div", "p", "dd", "dt", "em", "strong", "b"})
# Page chrome: rows under these are links about the board, not the board's list.
_CHROME_TAGS = frozenset({"aside", "nav", "header", "footer"})
_CHROME_ROLES = frozenset({"complementary", "navigation", "banner", "contentinfo"})
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "p", "span", "div"})
# A text longer than this is a lede or a summary, not a row's meta line: its dates
# and numbers are what the article is about.
_META_CHARS = 60
# A row may link to its article a few times (thumbnail, title, "Read more").
_ONE_ARTICLE_LINKS = 4
_VISIBLE_TEXT = "//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]"


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
        self._paging: list[tuple[Any, int]] | None = None

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
        if len(links) > _ONE_ARTICLE_LINKS and len({no for _element, no in links}) == 1:
            # Every link of a list page to one article: the ids are misread (a handler's
            # arguments taken in the wrong order), not a list of one.
            return []
        ids_under: dict[Any, set[int]] = {}
        for element, no in links:
            for ancestor in (element, *element.iterancestors()):
                ids_under.setdefault(ancestor, set()).add(no)
        row_of: dict[Any, tuple[int, list[Any]]] = {}
        beside: dict[Any, bool] = {}
        for element, no in links:
            row = element
            for ancestor in element.iterancestors():
                if ids_under[ancestor] != {no} or ancestor.tag in ("body", "html", "form"):
                    break
                if _beside_groups(ancestor, ids_under, beside):
                    break  # the last row of a grid holding one card is not itself a card
                row = ancestor
            entry = row_of.setdefault(row, (no, []))
            entry[1].append(element)
        main = self._main_group(list(row_of), row_of)
        if not main:
            return []
        main |= self._featured(main, row_of)
        rows: list[ListRow] = []
        seen: set[tuple[int, bool]] = set()
        header = self._header(main)
        for row in sorted(row_of, key=self.order.__getitem__):
            no, anchors = row_of[row]
            segment = self._segment(row, row_of)
            pinned = self._is_pinned(segment) or (row not in main and self._in_notice_box(row))
            if row not in main and not pinned:
                continue
            found = self._row(no, anchors, segment, header, pinned)
            if (found.no, found.pinned) not in seen:
                seen.add((found.no, found.pinned))
                rows.append(found)
        return rows if _consistent(rows) else []

    def _main_group(self, rows: list[Any], row_of: dict[Any, Any]) -> set[Any]:
        """The rows of the list: the group of alike rows in the page's content that carry dates.

        Rows are alike when they share a tag under one parent, or under alike
        sibling parents (a grid's rows of cards). Groups in the page's chrome or in
        a box of other articles ("Most read") count only when nothing else does;
        among the rest the group with the most dated rows wins, then the largest.
        Two groups of dated rows of similar weight are not guessed between: no rows.
        """
        groups: dict[tuple[Any, ...], list[Any]] = {}
        for row in rows:
            groups.setdefault(_group_key(row), []).append(row)
        if not groups:
            return set()
        listed = [group for group in groups.values() if not self._in_side_box(group[0])]
        candidates = listed or list(groups.values())
        dated = {id(group): self._dated(group, row_of) for group in candidates}
        candidates.sort(key=lambda group: (dated[id(group)], len(group)), reverse=True)
        best = candidates[0]
        for other in candidates[1:]:
            if all(self._is_pinned(self._segment(row, row_of)) for row in other):
                continue
            if dated[id(other)] >= 2 and dated[id(other)] * 2 >= dated[id(best)]:
                return set()
        return set(best)

    def _featured(self, main: set[Any], row_of: dict[Any, Any]) -> set[Any]:
        """The newest article drawn apart above the list (a headline box): a lone dated
        row before the list's first, outside chrome and side boxes, newer than every row
        of the list by no more than a page's worth of ids."""
        first = min(self.order[row] for row in main)
        newest = max(row_of[row][0] for row in main)
        found: set[Any] = set()
        alike = Counter(_group_key(row) for row in row_of)
        for row, (no, _anchors) in row_of.items():
            if row in main or self.order[row] >= first or not newest < no <= newest + len(main):
                continue
            if alike[_group_key(row)] > 1:
                continue  # one of a group of its own: not a lone headline
            if self._in_side_box(row) or self._is_pinned(self._segment(row, row_of)):
                continue
            if self._dated([row], row_of):
                found.add(row)
        return found

    def _dated(self, group: list[Any], row_of: dict[Any, Any]) -> int:
        """How many of a group's rows show a date outside their title."""
        count = 0
        for row in group:
            segment = self._segment(row, row_of)
            # Inside a link too (a card that is one link); a lede's dates are not the row's.
            texts = [text for text in self._texts(segment, []) if len(text) <= _META_CHARS]
            count += _last_date(texts) is not None
        return count

    def _in_side_box(self, row: Any) -> bool:
        """Whether a row sits in the page's chrome or a box headed "Most read", "Related" ..."""
        for depth, ancestor in enumerate(row.iterancestors()):
            if ancestor.tag in ("body", "html"):
                break
            if ancestor.tag in _CHROME_TAGS or ancestor.get("role") in _CHROME_ROLES:
                return True
            if depth > 3:
                continue
            if site.SIDE_BOX_CLASS_RE.search(ancestor.get("class") or ""):
                return True
            for sibling in ancestor.itersiblings(preceding=True):
                if not isinstance(sibling.tag, str) or sibling.tag in _NO_TEXT:
                    continue
                if sibling.tag in _HEADING_TAGS:
                    heading = normalise_space(node_text(sibling))
                    # The heading starts so ("Most read", "인기 기사"); a tab bar
                    # "Latest | Popular" before the list itself does not.
                    if len(heading) <= 40 and site.SIDE_BOX_HEADING_RE.match(heading):
                        return True
                break  # only the nearest element before the box can be its heading
        return False

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
        header: _Header,
        pinned: bool,
    ) -> ListRow:
        title, title_parts = self._title(anchors, segment, header)
        site_id = next(
            (found for anchor in anchors if (found := self.site_id_of(anchor)) is not None), None
        )
        meta = self._meta_texts(segment, title_parts)
        return ListRow(
            no=no,
            url=self.urls.article_url(no, site_id=site_id),
            title=title or None,
            published=_last_date(meta) or _split_date(segment),
            hits=self._hits(segment, meta, header),
            pinned=pinned,
        )

    def _title(
        self, anchors: list[Any], segment: list[Any], header: _Header
    ) -> tuple[str, list[str]]:
        """A row's title and the texts it is made of.

        The text of the first link that has one (a ``title`` attribute only where
        that text is cut short with an ellipsis, or where no link has text), an
        image's alt last and never one that only says "thumbnail".
        """
        for anchor in anchors:
            parts = self._title_parts(anchor, segment, header)
            text = normalise_space(" ".join(parts))
            if text:
                attribute = normalise_space(anchor.get("title"))
                return (attribute if _cut_short(text, attribute) else text), parts
        for anchor in anchors:
            attribute = normalise_space(anchor.get("title"))
            if attribute:
                return attribute, []
        for anchor in anchors:
            for image in anchor.iter("img"):
                alt = normalise_space(image.get("alt"))
                if alt and not site.GENERIC_ALT_RE.fullmatch(alt):
                    return alt, []
        return "", []

    def _title_parts(self, anchor: Any, segment: list[Any], header: _Header) -> list[str]:
        """The texts of a link that make its title.

        A link holding a whole row or card keeps, of its texts, those in the
        block its first text opens, dates, numbers, counters and pin labels left
        out (a lede in a ``<p>`` of its own is not part of the title); a row that
        is the link and has a header takes the cell under "Title".
        """
        column = header.column("title")
        if column is not None and anchor in segment:
            cells = _cells(anchor)
            if len(cells) == header.width:
                return _leaf_texts(cells[column], set(), alts=False)
        leaves = _block_leaves(anchor)
        if len(leaves) <= 1:
            return [text for text, _block in leaves]
        kept = [(text, block) for text, block in leaves if not _is_meta(text)]
        if not kept:
            return []
        first_block = kept[0][1]
        return [text for text, block in kept if block is first_block]

    def _meta_texts(self, segment: list[Any], title_parts: list[str]) -> list[str]:
        """A row's texts that may say its date or counter: not its title, not a lede."""
        left = list(title_parts)
        texts: list[str] = []
        for part in segment:
            for text in _leaf_texts(part, set()):
                if text in left:
                    left.remove(text)
                elif len(text) <= _META_CHARS and not reads_as_sentence(text):
                    texts.append(text)
        return texts

    def _texts(self, segment: list[Any], anchors: list[Any]) -> list[str]:
        """The row's visible texts, one per leaf cell, the title link left out.

        A row that is itself the link (``<tr onclick=...>``) keeps its texts.
        """
        skip = set(anchors) - set(segment)
        texts: list[str] = []
        for part in segment:
            texts.extend(_leaf_texts(part, skip))
        return texts

    def _hits(self, segment: list[Any], meta: list[str], header: _Header) -> int | None:
        # The last counter of the meta line: a label and its number may be two texts.
        for index in range(len(meta) - 1, -1, -1):
            value = parse_labelled_count(" ".join(meta[max(index - 1, 0) : index + 1]))
            if value is not None:
                return value
        column = header.column("hit")
        if column is None:
            return None
        cells = _cells(segment[0])
        if column < len(cells) and len(cells) == header.width:
            number = site.NUMBER_RE.match(normalise_space(node_text(cells[column])))
            if number:
                return site.read_int(number.group(1).replace(",", ""))
        return None

    def _header(self, main: set[Any]) -> _Header:
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
                return _Header(keys, len(labels))
        return _Header({}, 0)

    def _in_notice_box(self, row: Any) -> bool:
        """A row of a box of notices apart from the list (``<table class="notice">``,
        ``<caption>Notice</caption>``): pinned, though no mark of its own says so."""
        for depth, ancestor in enumerate(row.iterancestors()):
            if depth > 3 or ancestor.tag in ("body", "html", "form"):
                return False
            if site.PINNED_CLASS_STRICT_RE.search((ancestor.get("class") or "").lower()):
                return True
            caption = ancestor.find("caption") if ancestor.tag == "table" else None
            if caption is not None and site.PINNED_LABEL_RE.fullmatch(
                normalise_space(node_text(caption))
            ):
                return True
        return False

    def _is_pinned(self, segment: list[Any]) -> bool:
        for part in segment:
            for element in part.iter():
                if not isinstance(element.tag, str):
                    continue
                # `top`, `fix` also name a card's upper part: on the row itself or
                # an element beside its link only, "notice" anywhere.
                holds_link = element is not part and any(
                    inner.get("href") is not None or inner.get("onclick") is not None
                    for inner in element.iter()
                    if isinstance(inner.tag, str)
                )
                pattern = site.PINNED_CLASS_STRICT_RE if holds_link else site.PINNED_CLASS_RE
                classes = (element.get("class") or "").lower()
                if classes and pattern.search(classes):
                    return True
                for name in ("alt", "title"):
                    value = element.get(name)
                    if value and site.PINNED_LABEL_RE.fullmatch(normalise_space(value)):
                        return True
                if element.tag in _CELL_TAGS and not holds_link and element is not part:
                    # A label alone in its cell, also after an icon (<i class="ico"></i> Notice).
                    text = normalise_space(node_text(element))
                    if text and len(text) <= 20 and site.PINNED_LABEL_RE.fullmatch(text):
                        return True
                elif element.tag in _CELL_TAGS and len(element) == 0:
                    text = normalise_space(element.text)
                    if text and site.PINNED_LABEL_RE.fullmatch(text):
                        return True
        return False

    # -- paging -------------------------------------------------------------
    def _page_links(self) -> list[tuple[Any, int]]:
        if self._paging is not None:
            return self._paging
        found = []
        for element in self._link_elements():
            page = self.page_of(element)
            if page is not None and self.article_of(element) is None:
                found.append((element, page))
        self._paging = found
        return found

    def _page_select(self) -> Any:
        """A drop-down of pages (``<select name="pageIndex">``), if the page has one."""
        for select in self.root.iter("select"):
            if (select.get("name") or "").lower() == site.PAGE_PARAM.lower():
                return select
        return None

    def _select_pages(self) -> tuple[list[int], int | None]:
        select = self._page_select()
        if select is None:
            return [], None
        numbers: list[int] = []
        current = None
        for option in select.iter("option"):
            number = site.read_id(option.get("value") or normalise_space(option.text))
            if number is None:
                continue
            numbers.append(number)
            if option.get("selected") is not None:
                current = number
        return numbers, current

    def page_numbers(self) -> list[int]:
        if not self._page_links():
            return sorted(set(self._select_pages()[0]))
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
        if not links:
            return self._select_pages()[1]
        for element, page in links:
            if _classes(element) & _ACTIVE_CLASSES or element.get("aria-current"):
                return page
        # The current page is a number without a link among the links: in their container.
        linked = {element for element, _page in links}
        containers = {element.getparent() for element in linked}
        # Links each in an item of their own (<li><a>1</a></li>): their list holds the number.
        containers |= {
            container.getparent()
            for container in list(containers)
            if container is not None and container.tag in ("li", "span", "dd", "td")
        }
        for container in sorted(
            (found for found in containers if found is not None), key=self.order.__getitem__
        ):
            for element in container.iter():
                if element in linked or not isinstance(element.tag, str):
                    continue
                if any(inner in linked for inner in element.iterdescendants()):
                    continue
                if _leads_somewhere(element):
                    continue
                if any(ancestor in linked for ancestor in element.iterancestors()):
                    continue
                number = site.read_id(_PAGE_WORD_RE.sub("", normalise_space(element.text)))
                if number is not None:
                    return number
        return None

    def total(self) -> int | None:
        # Texts apart: a heading's last word glued to "Total" hides the word.
        visible = " ".join(self.root.xpath(_VISIBLE_TEXT))
        match = site.TOTAL_RE.search(visible)
        return site.read_int(match.group(1).replace(",", "")) if match else None


# A page's number written with the word (`page 2`, `2 페이지`).
_PAGE_WORD_RE = re.compile(r"^(?:page|p\.|페이지)\s*|\s*(?:page|페이지)$", re.I)


@dataclass(frozen=True, slots=True)
class _Header:
    """A list's header row: column keys (``date``, ``hit``, ``no``, ``title``) by cell
    position, and its number of cells (rows line up with it by that number, the
    columns it has no key for, such as a writer's, included)."""

    keys: dict[int, str]
    width: int

    def column(self, key: str) -> int | None:
        return next((index for index, found in self.keys.items() if found == key), None)


def _leads_somewhere(element: Any) -> bool:
    """A link or handler that goes somewhere: not ``href="#"`` or ``javascript:void(0)``
    alone, which the current page's number is often drawn as."""
    onclick = (element.get("onclick") or "").strip()
    href = element.get("href")
    if onclick and not _NOWHERE_RE.fullmatch(onclick):
        return True
    return href is not None and not _NOWHERE_RE.fullmatch(href.strip())


_NOWHERE_RE = re.compile(r"#?|javascript:\s*(?:void\s*\(\s*0\s*\)|;)?\s*;?|return\s+false;?", re.I)


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


def _leaf_texts(element: Any, skip: set[Any], *, alts: bool = True) -> list[str]:
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
        elif alts and node.tag == "img" and node.get("alt"):
            texts.append(normalise_space(node.get("alt")))  # an icon naming a counter
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    return [text for text in texts if text]


def _group_key(row: Any) -> tuple[Any, ...]:
    """Rows under one parent, or under alike sibling parents (rows of cards), are one group."""
    parent = row.getparent()
    grandparent = parent.getparent() if parent is not None else None
    if grandparent is None:
        return (parent, row.tag)
    return (grandparent, parent.tag, parent.get("class") or "", row.tag)


def _beside_groups(element: Any, ids_under: dict[Any, set[int]], known: dict[Any, bool]) -> bool:
    """Whether an alike sibling (same tag and class) holds several articles."""
    if element in known:
        return known[element]
    parent = element.getparent()
    if parent is None:
        return False
    classes = element.get("class")
    known[element] = found = any(
        sibling is not element
        and sibling.tag == element.tag
        and sibling.get("class") == classes
        and len(ids_under.get(sibling, ())) > 1
        for sibling in parent
    )
    return found


def _block_leaves(element: Any) -> list[tuple[str, Any]]:
    """Every text under ``element`` (no image alts) with the nearest block element holding it."""
    found: list[tuple[str, Any]] = []
    for node in element.iter():
        if not isinstance(node.tag, str) or node.tag in _NO_TEXT:
            continue
        if node is not element and any(
            ancestor.tag in _NO_TEXT for ancestor in node.iterancestors() if ancestor is not element
        ):
            continue
        if node.text and not node.text.isspace():
            found.append((normalise_space(node.text), _block_of(node, element)))
        if node is not element and node.tail and not node.tail.isspace():
            found.append((normalise_space(node.tail), _block_of(node.getparent(), element)))
    return found


def _block_of(node: Any, top: Any) -> Any:
    """The nearest block element from ``node`` up to ``top`` (``top`` itself if none)."""
    while node is not None and node is not top:
        if node.tag in BLOCK_TAGS:
            return node
        node = node.getparent()
    return top


def _is_meta(text: str) -> bool:
    """A date, a number, a short counter or a pin label: a row's meta, not its title."""
    return bool(
        (site.DATE_RE.search(text) and len(site.DATE_RE.sub("", text).split()) <= 2)
        or site.NUMBER_RE.match(text)
        or (parse_labelled_count(text) is not None and len(text.split()) <= 3)
        or site.PINNED_LABEL_RE.fullmatch(text)
    )


def _cut_short(text: str, attribute: str) -> bool:
    """A link text that ends in an ellipsis where its title attribute goes on."""
    stem = text.rstrip(".…· ").strip()
    return (
        bool(attribute)
        and text != stem
        and len(attribute) > len(stem)
        and attribute.startswith(stem)
    )


def _split_date(segment: list[Any]) -> Any:
    """A date whose parts sit in elements of their own (``<span>2020.09.<b>23</b></span>``):
    the short text of an element holding no link, read whole; the last one that is a date."""
    texts: list[str] = []
    for part in segment:
        for element in part.iter():
            if not isinstance(element.tag, str) or not len(element) or element.tag in _NO_TEXT:
                continue
            if element.get("href") is not None or element.get("onclick") is not None:
                continue
            if any(
                inner.get("href") is not None or inner.get("onclick") is not None
                for inner in element.iterdescendants()
                if isinstance(inner.tag, str)
            ):
                continue
            text = normalise_space(node_text(element))
            if len(text) <= _SPLIT_DATE_CHARS:
                texts.append(text)
    return _last_date(texts)


# `2020. 09. 23.` with a weekday or a time at most.
_SPLIT_DATE_CHARS = 24


def _posting_date(text: str) -> Any:
    """The text's date, a modification's (`Modified 2020-10-01 | Posted 2020-09-23`) left out."""
    for match in site.DATE_RE.finditer(text):
        if site.MODIFIED_LABEL_RE.search(text[max(0, match.start() - 16) : match.start()]):
            continue
        found = parse_date(match.group(0))
        if found is not None:
            return found
    return None


def _last_date(texts: list[str]) -> Any:
    for text in reversed(texts):
        value = _posting_date(text) or _month_name_date(text)
        if value is not None:
            return value
    return None


def _month_name_date(text: str) -> date | None:
    """`Sep 23, 2020` or `23 September 2020`, else None."""
    for match in site.MONTH_NAME_DATE_RE.finditer(text):
        month, day, year = (
            (match["m1"], match["d1"], match["y1"])
            if match["m1"]
            else (match["m2"], match["d2"], match["y2"])
        )
        if month.lower() not in site.MONTHS:
            continue
        try:
            return date(int(year), site.MONTHS.index(month.lower()) + 1, int(day))
        except ValueError:
            continue
    return None


def _consistent(rows: list[ListRow]) -> bool:
    """Rows that name one article for different titles are misread: none is trusted."""
    titles: dict[int, set[str]] = {}
    for row in rows:
        if row.title and not row.pinned:
            titles.setdefault(row.no, set()).add(row.title)
    return all(len(found) == 1 for found in titles.values())


__all__ = ["InferredListPage", "parse_page"]
