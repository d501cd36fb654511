"""An article page in markup never seen: read by what its parts are, not by their classes.

The known readers (:mod:`kitacrawl.pages.article`,
:mod:`kitacrawl.pages.current_article`) come first; when they cannot read a
page, or leave out a field the page shows, it is read here from what every
generation of KITA's pages keeps (SITE.md, "Markup nobody has seen"), in
reading order (:class:`~kitacrawl.pages.layout.Lines`):

- the **head**: a short line with a date, and a counter by its label
  (``Date : 2020.09.23 | Views : 2,104``, ``<dt>Hit</dt><dd>2104</dd>``,
  ``2020-09-23 hit 2104``, ``작성 2026.01.16 조회 193``), and the **title** just
  before it: a heading, a line with a title-like class or a bullet, else the
  line itself; without a date line, the heading that the page's ``<title>``
  or ``og:title`` names (its site suffix taken off), or the last heading
  before the first paragraph. Never a line of the body, never a link: a line
  that reads as a sentence ("Hit by high freight costs, ...", "Seoul,
  2018.03.02 — KITA held ...") is no line of details, its date no posting
  date. A table of details with a header row ("Date | Hits") is read cell
  under label; a counter is never a part of a date;
- the **body**: the lines after the head up to the first of the neighbours
  (labelled ``Prev``/``Next``/``이전글``/``다음글``/``▲``/``▼``, or links to
  other articles of the board), the attachments (download paths or handlers,
  read through the page's own definitions; a table of files from its header
  row), a "Related articles" heading, the list button or the footer; the title
  printed again at its top and a ``- subtitle -`` come off, as on the known
  layouts; share bars, related-article and tag boxes and ``<aside>`` (by
  class or id words) are never body, nor is a tools bar ("Print | Email |
  Font size") or a mail to no one (``mailto:?subject=``);
- **neighbours** (links, buttons or any element with a handler; arrows around
  a label still make it a label, and come off the neighbour's text with a
  label and separator: "< Prev: Title"; labelled ones above the title count
  too) and **attachments** from those blocks.

A page read this way must agree with itself: a title, a body, and at least
one more sign that it is an article of the board (a date beside the title, a
counter, the page's own ``<title>`` naming it, or neighbours). Anything
less is ``unparsable``: nothing half-read is stored.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from typing import Any, Literal

from kitacrawl import site
from kitacrawl.clean import (
    document_title,
    is_repeated_title,
    normalise_space,
    parse_date,
    parse_labelled_count,
    parse_subtitle,
    reads_as_sentence,
    strip_bullet,
)
from kitacrawl.items import Article, Link, ParseError
from kitacrawl.pages.article_base import ArticleFields
from kitacrawl.pages.inferred_list import parse_page
from kitacrawl.pages.layout import Lines
from kitacrawl.pages.region import head_title
from kitacrawl.pages.scripts import PageScripts
from kitacrawl.pages.text import BLOCK_TAGS, node_text

Side = Literal["prev", "next"]
TargetKind = Literal["article", "download", "list", "other"]

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# (not <header>: an article's own header holds its title)
_CHROME_TAGS = frozenset({"nav", "footer", "aside", "menu"})
# How far (in lines) a title may sit before its date line, and the body after the head.
_TITLE_REACH = 4
_LONG_LINE = 60
# An attachments table's row: a name, a size, a date, a button or two.
_ROW_CELLS = 6


@dataclass(slots=True)
class Target:
    """Where an element with an href or a handler leads."""

    element: Any
    kind: TargetKind
    line: int
    url: str | None = None
    no: int | None = None


@dataclass(slots=True)
class Head:
    title: str = ""
    # Lines [start, end) of the title and the date/counter lines beside it.
    start: int = -1
    end: int = 0
    published: date | None = None
    hits: int | None = None
    subtitle: str | None = None
    # The title came from the page's <title> or og:title, or agrees with it.
    named_by_document: bool = False
    evidence: list[str] = field(default_factory=list)


class InferredArticlePage(ArticleFields):
    """One article page of unknown markup, read by structure."""

    GENERATION = "inferred"

    def __init__(
        self,
        text: str,
        url: str,
        *,
        urls: site.BoardUrls = site.NEWS_URLS,
        no: int | None = None,
        board: str = site.BOARD_NEWS,
        root: Any = None,
        scripts: PageScripts | None = None,
    ) -> None:
        self.text = text
        self.page_url = url
        self.urls = urls
        self.board = board
        self._no = no
        self.root = root if root is not None else parse_page(text)
        self.scripts = scripts or PageScripts(text, urls)

    # -- the page as lines ----------------------------------------------------
    @cached_property
    def lines(self) -> Lines:
        return Lines(self.root)

    @cached_property
    def _scan(self) -> _Scan:
        return _Scan(self.root, self.lines)

    @property
    def _in_chrome(self) -> set[Any]:
        return self._scan.in_chrome

    @property
    def _in_links(self) -> set[Any]:
        return self._scan.in_links

    def _empty_slot_before(self, line: int) -> bool:
        """Is there an empty title slot between line ``line`` and the text before it?"""
        slots = self._scan.empty_title_slots
        if not slots:
            return False
        texts, openers, order = self.lines.texts, self.lines.openers, self.lines.order
        here = order.get(openers[line], -1)
        before = next((i for i in range(line - 1, -1, -1) if texts[i]), None)
        low = order.get(openers[before], -1) if before is not None else -1
        return any(low < slot < here for slot in slots)

    @cached_property
    def _labelled_titles(self) -> set[Any]:
        """The openers of lines that follow a line saying only "Title" (a label cell)."""
        found: set[Any] = set()
        texts, openers = self.lines.texts, self.lines.openers
        label: Any = None
        for index, text in enumerate(texts):
            if not text:
                continue
            opener = openers[index]
            # The value sits beside its label (th and td of one row, dt and dd), never
            # in the next block: an empty title cell leaves the body's first line alone.
            if label is not None and opener is not None and opener.getparent() is label.getparent():
                found.add(opener)
            label = opener if site.TITLE_LABEL_RE.fullmatch(text) else None
        return found

    @cached_property
    def targets(self) -> list[Target]:
        """Every element with an href or a handler, and where it leads, in document order."""
        found: list[Target] = []
        own = self.no()
        for element in self._scan.linked:
            href = (element.get("href") or "").strip()
            onclick = element.get("onclick") or ""
            target = self._target(element, href, onclick, self.lines.span(element)[0])
            if target is None:
                continue
            if target.kind == "article" and target.no == own:
                continue  # the page linking to itself
            found.append(target)
        return found

    @cached_property
    def _detail_words(self) -> tuple[str, ...]:
        # Cheap tests before a URL is resolved: the last segment of each path.
        return tuple(path.rsplit("/", 1)[-1] for path in self.urls.paths.detail_paths)

    @cached_property
    def _list_words(self) -> tuple[str, ...]:
        return tuple(path.rsplit("/", 1)[-1] for path in self.urls.paths.list_paths)

    def _target(self, element: Any, href: str, onclick: str, line: int) -> Target | None:
        script = onclick or (href[11:] if href.lower().startswith("javascript:") else "")
        found = self._script_target(element, script, line) if script else None
        return found or self._href_target(element, href, line)

    def _script_target(self, element: Any, script: str, line: int) -> Target | None:
        call = self.scripts.article(script)
        if call is not None:
            canonical = self.urls.article_url(call.no, site_id=self.urls.site_id_of(call.extras))
            return Target(element, "article", line, canonical, call.no)
        url = self.scripts.download(script, self.page_url)
        if url is not None or self.scripts.is_download_call(script):
            return Target(element, "download", line, url)
        if site.LIST_HANDLER_RE.search(script):
            return Target(element, "list", line)
        return None

    def _href_target(self, element: Any, href: str, line: int) -> Target | None:  # noqa: PLR0911 - one answer per kind of link
        text = normalise_space("".join(element.itertext())) if len(element) or element.text else ""
        if site.LIST_BUTTON_RE.fullmatch(text):
            return Target(element, "list", line)
        if not href or href.startswith("#") or href.lower().startswith(("javascript:", "data:")):
            return None
        if any(word in href for word in self._detail_words):
            url = self.urls.absolute(href, self.page_url)
            no = self.urls.no_from_url(url)
            if no is not None:
                canonical = self.urls.article_url(no, site_id=self.urls.site_id_from_url(url))
                return Target(element, "article", line, canonical, no)
            return Target(element, "other", line, url)
        path = href.split("?", 1)[0]
        if any(word in path for word in self._list_words):
            return Target(element, "list", line, self.urls.absolute(href, self.page_url))
        is_file = site.DOWNLOAD_PATH_RE.search(path) or site.FILE_EXTENSION_RE.search(path)
        if is_file and element.tag == "a" and text:
            return Target(element, "download", line, self.urls.absolute(href, self.page_url))
        return Target(element, "other", line)  # its URL is resolved when a body link needs it

    # -- the head: title, date, counter --------------------------------------------
    def _is_title_like(self, element: Any, text: str) -> bool:  # noqa: PLR0911 - one answer per sign
        if element is None or element in self._in_links or element in self._in_chrome:
            return False
        if len(text) > site.MAX_TITLE_LENGTH or site.SITE_NAME_RE.fullmatch(strip_bullet(text)):
            return False  # too long for a title, or the board's or site's own name
        if _is_label(text) or (parse_date(text) is not None and len(text) < 30):
            return False
        if parse_subtitle(text) is not None:
            return False  # "- subtitle -", even in the head's box
        if len(text) < 40 and (
            site.INFO_LABEL_RE.match(text) or parse_labelled_count(text) is not None
        ):
            return False  # "Hits 2145", "Writer : KITA": a line of the head's details
        if strip_bullet(text) in self._document_titles:
            return True  # the line the page's own <title> names
        if element in self._labelled_titles:
            return True  # the value beside a "Title" / "제목" label
        for holder in (element, *list(element.iterancestors())[:2]):
            tag = holder.tag.lower() if isinstance(holder.tag, str) else ""
            hint = f"{holder.get('id') or ''} {holder.get('class') or ''}"
            if tag in _HEADINGS or site.TITLE_HINT_RE.search(hint):  # any part of a word
                return True
        if site.BULLET_RE.match(text):
            return True
        return element.tag in ("strong", "b") and normalise_space(node_text(element)) == text

    def _info_like(self, index: int) -> bool:
        text = self.lines.texts[index]
        if not text or len(text) > site.MAX_INFO_LENGTH:
            return False
        opener = self.lines.openers[index]
        if opener is not None and opener in self._in_links:
            return False
        return bool(
            site.DATE_RE.search(text)
            or site.HIT_LABELLED_RE.search(text)
            or site.INFO_LABEL_RE.match(text)
            or site.NUMBER_RE.match(text)
        ) and not reads_as_sentence(text)

    def _info_block(self, index: int) -> tuple[int, int]:
        """The run of date/counter lines around line ``index``: [start, end)."""
        texts = self.lines.texts
        start = index
        while start > 0:
            before = start - 1
            while before > 0 and not texts[before]:
                before -= 1
            label = self._label_of_value(before)
            if label is not None:
                start = label  # `Writer` over `Trade Team`: the pair is info, not a title
                continue
            if (
                not texts[before]
                or not self._info_like(before)
                or site.DATE_RE.search(texts[before])
            ):
                break
            if not (site.INFO_LABEL_RE.match(texts[before]) or site.NUMBER_RE.match(texts[before])):
                break
            start = before
        last = index
        for line in range(index + 1, len(texts)):
            if not texts[line]:
                continue
            text = texts[line]
            if (
                not self._info_like(line)
                or parse_subtitle(text) is not None
                or site.IMAGE_FILE_RE.match(text)
                or site.DATE_RE.search(text)  # one date line: a second is the body's
            ):
                break
            last = line
        return start, last + 1

    def _label_of_value(self, line: int) -> int | None:
        """The line of a label standing alone (``<dt>Writer</dt>``) just above ``line``,
        when ``line`` is its short value; else None."""
        texts = self.lines.texts
        text = texts[line]
        if not text or len(text) > _LABEL_VALUE_CHARS or site.DATE_RE.search(text):
            return None
        label = line - 1
        while label > 0 and not texts[label]:
            label -= 1
        if label < 0 or not texts[label] or label == line:
            return None
        if site.TITLE_LABEL_RE.fullmatch(texts[label]):
            return None  # `Title` over the title: that value is the title
        return label if site.INFO_LABEL_ONLY_RE.fullmatch(texts[label]) else None

    def _title_before(self, index: int) -> tuple[int, str] | None:
        """The title line just before line ``index``, else None.

        The nearest line that is not a subtitle decides: a title line (or a
        plain line, not a link, label or chrome) is the title, even when it
        holds nothing but a bullet (an empty title is a missing one, never
        the board's heading above it). Past links and chrome, a title-like
        line a few lines up still counts.
        """
        texts, openers = self.lines.texts, self.lines.openers
        if self._empty_slot_before(index):
            return index, ""
        seen = 0
        for line in range(index - 1, -1, -1):
            text = texts[line]
            if not text:
                continue
            seen += 1
            if seen > _TITLE_REACH:
                break
            if parse_subtitle(text) is not None:
                continue  # a subtitle printed between title and date
            opener = openers[line]
            if self._is_title_like(opener, text):
                return self._first_of_repeat(line, text)
            if (
                opener is None
                or opener in self._in_links
                or opener in self._in_chrome
                or site.SITE_NAME_RE.fullmatch(strip_bullet(text))
            ):
                continue
            if _is_label(text) or not _headline_like(text) or self._info_like(line):
                return None
            return self._first_of_repeat(line, text) if seen == 1 else None
        return None

    def _title_after(self, end: int, *, alone: bool) -> tuple[int, str] | None:
        """A title line right after the date lines: one the document's title names, or,
        when no title stands before them (`alone`), a heading or a line a title class
        marks (the date printed above the title)."""
        texts, openers = self.lines.texts, self.lines.openers
        for line in range(end, min(end + 3, len(texts))):
            if texts[line]:
                text = strip_bullet(texts[line])
                if text in self._document_titles and self._is_title_like(openers[line], text):
                    return line, texts[line]
                if alone and self._marked_title(openers[line], texts[line]):
                    return line, texts[line]
                return None
        return None

    def _first_of_repeat(self, line: int, text: str) -> tuple[int, str]:
        """A title printed twice (outside the body, then as its first line): the first one.

        The earlier line need not look like a title: the repeat says it is one.
        """
        texts, openers = self.lines.texts, self.lines.openers
        seen = 0
        for before in range(line - 1, -1, -1):
            if not texts[before]:
                continue
            seen += 1
            if seen > 2:
                break
            earlier, opener = texts[before], openers[before]
            if self._plain_line(opener, earlier) and is_repeated_title(
                strip_bullet(text), strip_bullet(earlier)
            ):
                return before, earlier
        return line, text

    def _plain_line(self, opener: Any, text: str) -> bool:
        """A line that may be a title: not a link, chrome, label, site name or date line."""
        return not (
            opener is None
            or opener in self._in_links
            or opener in self._in_chrome
            or _is_label(text)
            or site.SITE_NAME_RE.fullmatch(strip_bullet(text))
            or parse_subtitle(text) is not None
            or len(text) > site.MAX_TITLE_LENGTH
            or (parse_date(text) is not None and len(text) < 30)
        )

    def _repeated_pair(self, until: int) -> int | None:
        """The first line before `until` that the next line prints again: the title and
        the body's own copy of it (SITE.md: the body opens with the title)."""
        texts, openers = self.lines.texts, self.lines.openers
        previous: int | None = None
        for index in range(until + 1):
            text = texts[index] if index < len(texts) else ""
            if not text:
                continue
            if (
                previous is not None
                and self._plain_line(openers[previous], texts[previous])
                and _headline_like(texts[previous])
                and is_repeated_title(strip_bullet(text), strip_bullet(texts[previous]))
            ):
                return previous
            previous = index
        return None

    @cached_property
    def _document_titles(self) -> list[str]:
        """What the page's ``<title>`` and ``og:title`` call it, site names taken off."""
        found: list[str] = []
        raw = head_title(self.text)
        for value in (raw and html_lib.unescape(raw), self._og_title()):
            title = document_title(value)
            if title and title not in found:
                found.append(title)
        return found

    def _og_title(self) -> str | None:
        for meta in self.root.iter("meta"):
            if (meta.get("property") or meta.get("name") or "").lower() == "og:title":
                return meta.get("content")
        return None

    @cached_property
    def head(self) -> Head:
        best: tuple[int, Head] | None = None
        # A date line with text after it but no title beside it, on the page or in
        # its <title>: the page shows no title. Never then one taken from the body.
        untitled: Head | None = None
        for index in range(len(self.lines)):
            if not self._date_line(index):
                continue
            start, end = self._info_block(index)
            head = self._head_beside(start, end)
            if head is None:
                if untitled is None and self._followed_by_content(end):
                    untitled = Head(start=start, end=end)
                continue
            if not self._followed_by_content(head.end):
                continue  # a date line with nothing after it is not an article's head
            score = self._score(head)
            if best is None or score > best[0]:
                best = (score, head)
        if best is not None:
            return best[1]
        if untitled is not None:
            return untitled
        return self._head_without_date()

    def _date_line(self, index: int) -> bool:
        text = self.lines.texts[index]
        if not text or not site.DATE_RE.search(text) or not self._info_like(index):
            return False
        # A photo's file name may start with its date: no date line.
        return not site.IMAGE_FILE_RE.match(text) and parse_date(text) is not None

    def _head_beside(self, start: int, end: int) -> Head | None:
        """The head whose date lines are [start, end): the title before them (or after,
        when the document names it), else the document's title; None without a title."""
        title = self._title_before(start)
        after = self._title_after(end, alone=title is None)
        if after is not None and (
            title is None or strip_bullet(title[1]) not in self._document_titles
        ):
            return self._head(after, start, end, title_after=True)
        if title is not None:
            return self._head(title, start, end)
        if self._document_titles:
            # No title on the page but in its <title>: the date line opens the head.
            return self._head((start, self._document_titles[0]), start, end, from_document=True)
        return None

    def _head(
        self,
        title: tuple[int, str],
        start: int,
        end: int,
        *,
        title_after: bool = False,
        from_document: bool = False,
    ) -> Head:
        info = self.lines.text_of(start, end)
        joined = " ".join(info)
        head = Head(
            title=strip_bullet(title[1]),
            start=start if title_after else title[0],
            end=title[0] + 1 if title_after else end,
        )
        head.published = parse_date(joined)
        header = self._header_row_count(start, end)
        if header is not None:
            head.hits = header[0]  # the value under its label, or none
        elif not _counter_in_date(joined):
            head.hits = parse_labelled_count(joined)
            if head.hits is None:
                # Spans without a space between them: "2020-11-24Hits 1,876".
                head.hits = parse_labelled_count(site.DIGIT_LETTER_RE.sub(" ", joined))
            if head.hits is None:
                head.hits = _count_after_date(joined)
        for line in [] if from_document else self.lines.text_of(title[0] + 1, start):
            subtitle = parse_subtitle(line)
            if subtitle is not None:
                head.subtitle = subtitle
        head.named_by_document = head.title in self._document_titles
        head.evidence = [
            name
            for name, present in (
                ("date", head.published is not None),
                ("counter", head.hits is not None),
                ("document title", head.named_by_document),
            )
            if present
        ]
        return head

    def _header_row_count(self, start: int, end: int) -> tuple[int | None] | None:
        """A table of details with a header row ("Date | Hits" over "2022-06-20 | 367"):
        the counter is the cell under its label, in a row of as many cells; (None,)
        when the rows do not pair up. None when the head has no such table.
        """
        for index in range(start, end):
            opener = self.lines.openers[index]
            if opener is None or not isinstance(opener.tag, str):
                continue
            cell = opener if opener.tag == "th" else next(opener.iterancestors("th"), None)
            row = None if cell is None else cell.getparent()
            if row is None or row.tag != "tr":
                continue
            labels = [c for c in row if isinstance(c.tag, str)]
            if not all(c.tag == "th" for c in labels):
                continue  # a label cell beside its value ("Hits | 367"): read as a line
            table = next(row.iterancestors("table"), None)
            rows = [] if table is None else list(table.iter("tr"))
            after = rows[rows.index(row) + 1] if row in rows[:-1] else None
            values = [] if after is None else [c for c in after if isinstance(c.tag, str)]
            if len(values) != len(labels):
                return (None,)
            for label, value in zip(labels, values, strict=True):
                name = normalise_space(node_text(label))
                if site.COUNTER_WORD_RE.search(name) and site.INFO_LABEL_ONLY_RE.fullmatch(name):
                    number = site.NUMBER_RE.match(normalise_space(node_text(value)))
                    return (site.read_int(number.group(1).replace(",", "")) if number else None,)
            return (None,)
        return None

    def _followed_by_content(self, line: int) -> bool:
        """Is there text or an image between line ``line`` and the next block that ends a body?"""
        stops = [stop for stop in self._stop_lines if stop >= line]
        end = min(stops) if stops else len(self.lines)
        if any(not _tool_line(t) for t in self.lines.text_of(line, end)):
            return True
        return any(line <= at < end for at in self._scan.image_lines)

    def _score(self, head: Head) -> int:
        score = 2 * len(head.evidence)
        following = self.lines.text_of(head.end, head.end + 8)
        if any(len(line) >= _LONG_LINE for line in following):
            score += 1
        return score

    def _head_without_date(self) -> Head:  # noqa: PLR0911 - one answer per kind of sign, strongest first
        """No date beside any title: the title the document names, or the last before the text."""
        texts, openers = self.lines.texts, self.lines.openers
        named = set(self._document_titles)
        for index, text in enumerate(texts):
            if text and strip_bullet(text) in named and self._is_title_like(openers[index], text):
                line, title = self._first_of_repeat(index, text)
                return self._bare_head(line, title, named=True)
        first_long = next(
            (
                i
                for i, text in enumerate(texts)
                if len(text) >= _LONG_LINE
                and openers[i] not in self._in_chrome
                and openers[i] not in self._in_links
                and not self._is_title_like(openers[i], text)
            ),
            None,
        )
        if first_long is not None:
            for index in range(first_long - 1, -1, -1):
                if texts[index] and self._is_title_like(openers[index], texts[index]):
                    line, title = self._first_of_repeat(index, texts[index])
                    if self._document_titles and self._only_bold(openers[line]):
                        # A bold first line is the body's own heading; the document names
                        # the title: the body opens with that heading (taken off as a repeat).
                        return self._document_head(line)
                    if self._empty_slot_before(line) and not self._document_titles:
                        return Head(start=line, end=line)  # the page's title slot is empty
                    return self._bare_head(line, title, named=False)
        if self._document_titles:
            # The title only in the page's <title> (or og:title): the body opens
            # after the headings and chrome above its first paragraph.
            start = self._body_start_before(first_long)
            if start is not None:
                return self._document_head(start)
        if first_long is not None:
            paired = self._repeated_pair(first_long)
            if paired is not None and not self._empty_slot_before(paired):
                return self._bare_head(paired, texts[paired], named=False)
        return Head()

    def _document_head(self, start: int) -> Head:
        """A head with the title the document names and no line of its own: the body at `start`."""
        head = Head(title=self._document_titles[0], start=start, end=start)
        head.named_by_document = True
        head.evidence = ["document title"]
        return head

    def _marked_title(self, element: Any, text: str) -> bool:
        """A title-like line marked by its markup (a heading, a title class, a bullet)."""
        return self._is_title_like(element, text) and not self._only_bold(element)

    def _only_bold(self, element: Any) -> bool:
        """Is this title-like element only bold text: no heading, no title class, no bullet?"""
        if element is None or element.tag not in ("strong", "b"):
            return False
        for holder in (element, *list(element.iterancestors())[:2]):
            tag = holder.tag.lower() if isinstance(holder.tag, str) else ""
            hint = f"{holder.get('id') or ''} {holder.get('class') or ''}"
            if tag in _HEADINGS or site.TITLE_HINT_RE.search(hint):
                return False
        return not site.BULLET_RE.match(normalise_space(node_text(element)))

    def _body_start_before(self, first_long: int | None) -> int | None:
        """The first line of the run of body lines that ends in line ``first_long``."""
        texts, openers = self.lines.texts, self.lines.openers
        if first_long is None:
            stops = [stop for stop in self._stop_lines if stop > 0]
            first_long = min(stops) if stops else None
            if first_long is None:
                return None
        start = first_long
        for index in range(first_long - 1, -1, -1):
            text = texts[index]
            if not text:
                continue
            opener = openers[index]
            if (
                opener is None
                or opener in self._in_chrome
                or opener in self._in_links
                or self._is_title_like(opener, text)
                or site.SITE_NAME_RE.fullmatch(strip_bullet(text))
                or _is_label(text)
                or self._info_like(index)
            ):
                break
            start = index
        return start

    def _bare_head(self, line: int, title: str, *, named: bool) -> Head:
        head = Head(title=strip_bullet(title), start=line, end=line + 1)
        # A "- subtitle -" printed just above the title line belongs to the head.
        above = self.lines.text_of(max(0, line - 3), line)[-2:]
        for text in above:
            if parse_subtitle(text) is not None:
                head.subtitle = parse_subtitle(text)
        head.named_by_document = named or head.title in self._document_titles
        head.evidence = ["document title"] if head.named_by_document else []
        return head

    # -- the body and what ends it ---------------------------------------------------
    @cached_property
    def body_range(self) -> tuple[int, int]:
        """Lines [start, end) of the body: after the head, before the first block after it."""
        head = self.head
        if head.start < 0:
            return 0, 0
        start = head.end
        stops = [line for line in self._stop_lines if line >= start]
        end = min(stops) if stops else len(self.lines)
        # An icon just above the first neighbour or file (its label drawn as an image)
        # belongs to that block, not to the body.
        while end - 1 > start and not self.lines.texts[end - 1] and self._icon_line(end - 1):
            end -= 1
        return start, end

    def _icon_line(self, line: int) -> bool:
        """Is this line only images that are labels (alt like "previous post", an icon)?"""
        images = self._scan.images_on.get(line, [])
        return bool(images) and all(
            site.ICON_ALT_RE.search(f"{img.get('alt') or ''} {img.get('src') or ''}")
            for img in images
        )

    @cached_property
    def _stop_lines(self) -> list[int]:
        """Lines that open a block after the body: neighbours, files, list button, footer."""
        texts = self.lines.texts
        stops: list[int] = []
        for target in self.targets:
            if target.kind == "download" and self._stands_alone(target):
                stops.append(self._file_block_start(target))
            elif target.kind == "list" or (target.kind == "article" and self._stands_alone(target)):
                stops.append(target.line)
        related: list[int] = []
        for index, text in enumerate(texts):
            if not text:
                continue
            if (
                site.ARROWED_NEIGHBOUR_LABEL_RE.fullmatch(text)
                or site.NO_NEIGHBOUR_RE.match(text)
                or site.FILE_LABEL_RE.fullmatch(text)
                or site.LIST_BUTTON_RE.fullmatch(text)
                or site.FOOTER_LINE_RE.match(text)
            ):
                stops.append(index)
            elif site.RELATED_HEADING_RE.fullmatch(text):
                related.append(index)
        stops.extend(self._scan.footer_lines)
        # "Related articles" opens a block only where no paragraph follows it before
        # the next block: a body may have a section of that name.
        for index in related:
            following = [stop for stop in stops if stop > index]
            until = min(following) if following else len(texts)
            if not any(
                len(texts[i]) >= _LONG_LINE and self.lines.openers[i] not in self._in_links
                for i in range(index + 1, until)
            ):
                stops.append(index)
        return stops

    def _file_block_start(self, target: Target) -> int:
        """The first line of a file's block: its table row, or the whole table when
        every row is a header ("File name | Size | Download") or holds a file.

        Only a row of a few cells counts: a layout table's row may hold the body.
        """
        row = next(target.element.iterancestors("tr"), None)
        if row is None or not self._small_row(row):
            return target.line
        table = next(row.iterancestors("table"), None)
        if table is None:
            return self.lines.span(row)[0]
        files = self._download_elements
        for other in table.iter("tr"):
            header = next(other.iterancestors("thead"), None) is not None or all(
                cell.tag == "th" for cell in other if isinstance(cell.tag, str)
            )
            holds_file = any(inner in files for inner in other.iter())
            if not self._small_row(other) or not (header or holds_file):
                return self.lines.span(row)[0]
        return self.lines.span(table)[0]

    def _small_row(self, row: Any) -> bool:
        """A table row of a few short cells (a file's name may be long), no table inside it."""
        first, last = self.lines.span(row)
        texts = self.lines.text_of(first, last + 1)
        return (
            len(texts) <= _ROW_CELLS
            and all(len(text) < _LONG_LINE or site.FILE_EXTENSION_RE.search(text) for text in texts)
            and next(row.iter("table"), None) is None
        )

    @cached_property
    def _download_elements(self) -> set[Any]:
        return {target.element for target in self.targets if target.kind == "download"}

    def _stands_alone(self, target: Target) -> bool:
        """Is a link (with the other links of its kind beside it) the whole of its line?

        Labels, dates, file sizes and button words aside: a neighbour or file
        block, never a sentence of the body that links to another article.
        """
        return self._alone.get(target.line, False)

    @cached_property
    def _alone(self) -> dict[int, bool]:
        by_line: dict[int, list[Target]] = {}
        for target in self.targets:
            if target.kind in ("article", "download", "list"):
                by_line.setdefault(target.line, []).append(target)
        alone: dict[int, bool] = {}
        for line, targets in by_line.items():
            rest = self.lines.texts[line] if line < len(self.lines) else ""
            for target in targets:
                own = normalise_space(node_text(target.element))
                if own:
                    rest = rest.replace(own, " ", 1)
            for pattern in (
                site.NEIGHBOUR_LABEL_RE,
                site.FILE_LABEL_RE,
                site.DATE_RE,
                site.FILE_SIZE_RE,
                site.DOWNLOAD_LABEL_RE,
            ):
                rest = pattern.sub(" ", rest)
            alone[line] = len(re.sub(r"[\W_]+", "", rest)) <= 3
        return alone

    @cached_property
    def _body_lines(self) -> list[str]:
        start, end = self.body_range
        texts, boxed = self.lines.texts, self._box_lines
        return [
            texts[index]
            for index in range(start, min(end, len(texts)))
            if texts[index] and index not in boxed and not _tool_line(texts[index])
        ]

    @cached_property
    def _box_lines(self) -> set[int]:
        """Lines of the share bars, related articles and tag boxes: never the body's.

        A box holding a paragraph of text (a line this long that is no link)
        is the text's own container, whatever its class says.
        """
        texts, openers = self.lines.texts, self.lines.openers
        found: set[int] = set()
        for box in self._scan.boxes:
            first, last = self.lines.span(box)
            lines = range(first, last + 1)
            if any(len(texts[i]) >= _LONG_LINE and openers[i] not in self._in_links for i in lines):
                continue
            found.update(lines)
        return found

    def _is_repeat(self, line: str, title: str) -> bool:
        if parse_subtitle(line) is not None or not is_repeated_title(line, title):
            return False  # a "- subtitle -" sharing the title's words is still the subtitle
        short = len(line) <= 1.6 * len(title) + 30
        return (short and not line.rstrip().endswith(".")) or normalise_space(line) == title

    @cached_property
    def _split(self) -> tuple[str | None, list[str]]:
        """(subtitle, paragraphs): the title printed again and a ``- subtitle -`` taken off the top.

        Either may come first (a subtitle printed under the head, then the
        body's own heading), each at most once.
        """
        lines, subtitle, title = self._body_lines, self.head.subtitle, self.head.title
        repeated = False
        while lines:
            found = parse_subtitle(lines[0]) if subtitle is None else None
            if found is not None:
                subtitle, lines = found, lines[1:]
            elif not repeated and title and self._is_repeat(lines[0], title):
                repeated, lines = True, lines[1:]
            else:
                break
        return subtitle, lines

    # -- fields ---------------------------------------------------------------
    def check_page(self) -> None:
        if not self._is_whole():
            raise ParseError("truncated", "the page ends before its footer")
        if self.head.published is None and self.head.hits is None and self._dated_tail():
            # Outside what every known layout does (the date beside the title):
            # the page is not understood, rather than read with its date in the body.
            raise ParseError("unparsable", "a date line after the body, none beside the title")
        head = self.head
        # A title and text prove nothing by themselves (an error page has both):
        # an article of the board also shows its date or counter, or its neighbours.
        if head.title and head.published is None and head.hits is None and not self.neighbours():
            raise ParseError(
                "unparsable",
                "no sign that this is an article: no date or counter beside its title,"
                " no neighbours",
            )

    def to_item(self) -> Article:
        return self._to_item()

    def _dated_tail(self) -> bool:
        """Do the body's last lines hold the date line the head lacks?"""
        start, end = self.body_range
        tail = [i for i in range(max(start, end - 3), end) if self.lines.texts[i]]
        return any(
            self._info_like(i)
            and parse_date(self.lines.texts[i]) is not None
            and len(self.lines.texts[i]) <= site.MAX_INFO_LENGTH // 2
            for i in tail
        )

    def _is_whole(self) -> bool:
        """Did the page arrive whole? Its footer, or every ``<html>`` opened closed at its end.

        A body may embed a whole document of its own (the DEXT editor's), so a
        page cut right after it also ends with ``</html>``.
        """
        if self._scan.footer_lines:
            return True
        text = self.text
        if not text[-4096:].rstrip().lower().endswith("</html>"):
            return False
        opened = text.count("<html") + text.count("<HTML")
        closed = text.count("</html") + text.count("</HTML")
        return closed >= opened

    def title(self) -> str:
        return self.head.title

    def subtitle(self) -> str | None:
        return self._split[0]

    def paragraphs(self) -> list[str]:
        return self._split[1]

    def published(self) -> date | None:
        return self.head.published

    def hits(self) -> int | None:
        return self.head.hits

    def neighbours(self) -> list[Link]:
        return self._neighbours

    @cached_property
    def _neighbours(self) -> list[Link]:
        _start, end = self.body_range if self.head.start >= 0 else (0, 0)
        found: dict[Side, Link] = {}
        unsided: list[Target] = []
        for target in self.targets:
            if target.kind != "article" or target.line < end or target.no is None:
                continue
            if not self._stands_alone(target):
                continue
            side = self._side(target)
            if side is None:
                unsided.append(target)
            elif side not in found:
                found[side] = self._neighbour(target, side)
        current = self.no()
        for target in unsided:
            if target.element in self._scan.in_box:
                continue  # a related article, not a neighbour: its side is only a guess
            if current is not None and target.no is not None:
                side = "prev" if target.no < current else "next"
                if side not in found:
                    found[side] = self._neighbour(target, side)
        for target in self._targets_above_head():
            # Above the title only a labelled link counts ("< Prev: ...", class="next"):
            # a side guessed from the number could be any article the page points to.
            side = self._side(target)
            if side is not None and side not in found:
                found[side] = self._neighbour(target, side)
        return [found[side] for side in ("prev", "next") if side in found]

    def _targets_above_head(self) -> list[Target]:
        """Article links alone on their lines before the head, outside chrome and boxes."""
        start = self.head.start
        return [
            target
            for target in self.targets
            if target.kind == "article"
            and target.no is not None
            and 0 <= target.line < start
            and target.element not in self._in_chrome
            and target.element not in self._scan.in_box
            and self._stands_alone(target)
        ]

    def _side(self, target: Target) -> Side | None:
        signals: list[str] = []
        element = target.element
        for holder in (element, *list(element.iterancestors())[:3]):
            signals.append(f"{holder.get('class') or ''} {holder.get('id') or ''}")
        texts = self.lines.texts
        line = texts[target.line] if target.line < len(texts) else ""
        # A control shows no line of its own: its own words ("< Prev") are its label.
        signals.append(line or _control_label(element))
        for before in range(target.line - 1, max(target.line - 3, -1), -1):
            if texts[before]:
                if site.ARROWED_NEIGHBOUR_LABEL_RE.fullmatch(texts[before]):
                    signals.append(texts[before])
                break
        for signal in signals:
            prev = site.PREV_LABEL_RE.search(signal) is not None
            next_ = site.NEXT_LABEL_RE.search(signal) is not None
            if prev != next_:
                return "prev" if prev else "next"
        return None

    def _neighbour(self, target: Target, side: Side) -> Link:
        element = target.element
        text = normalise_space(element.get("title"))
        if not text:
            # The link's text without a label of its own (`<i>Previous</i>`) and a date.
            text = normalise_space(node_text(element))
            for child in element.iter():
                if child is element or not isinstance(child.tag, str):
                    continue
                own = normalise_space(node_text(child))
                if own and (
                    site.ARROWED_NEIGHBOUR_LABEL_RE.fullmatch(own) or site.DATE_RE.fullmatch(own)
                ):
                    text = normalise_space(text.replace(own, " ", 1))
            text = site.SEPARATED_NEIGHBOUR_LABEL_RE.sub("", text)
            text = site.ARROWED_SEPARATED_NEIGHBOUR_LABEL_RE.sub("", text)
            text = normalise_space(text).strip(" :|·")
            if site.ARROWED_NEIGHBOUR_LABEL_RE.fullmatch(text):
                text = ""  # only a label ("Previous"): the page does not name the neighbour
        assert target.url is not None
        return Link(rel=side, url=target.url, text=text or None, target_no=target.no)

    def attachments(self) -> list[Link]:
        start = self.head.start if self.head.start >= 0 else 0
        footer = min(self._scan.footer_lines, default=len(self.lines))
        found: list[Link] = []
        seen: set[str] = set()
        for target in self.targets:
            if target.kind != "download" or target.url is None:
                continue
            if not start <= target.line < footer or target.url in seen:
                continue
            seen.add(target.url)
            found.append(Link(rel="attachment", url=target.url, text=self._file_name(target)))
        return found

    def _file_name(self, target: Target) -> str | None:
        text = normalise_space(node_text(target.element))
        if text and not site.DOWNLOAD_LABEL_RE.fullmatch(text):
            return text
        holder = target.element.getparent()
        for _ in range(2):
            if holder is None:
                break
            # A block's lines one by one: a table row's cells ("name.pdf", "2.1 MB",
            # "Download") are lines of their own, never one glued word.
            if holder.tag in BLOCK_TAGS:
                first, last = self.lines.span(holder)
                lines = self.lines.text_of(first, last + 1)
            else:
                lines = [normalise_space(node_text(holder))]
            pieces = [
                normalise_space(site.FILE_SIZE_RE.sub(" ", site.DOWNLOAD_LABEL_RE.sub(" ", line)))
                for line in lines
            ]
            pieces = [piece for piece in pieces if piece]
            named = [piece for piece in pieces if site.FILE_EXTENSION_RE.search(piece)]
            if len(named) == 1:
                return named[0]
            if pieces:
                return " ".join(pieces)
            holder = holder.getparent()
        return None

    def body_links(self) -> list[Link]:
        start, end = self.body_range
        found: list[Link] = []
        boxed = self._box_lines
        for element in self.root.iter("a", "img"):
            line = self.lines.span(element)[0]
            if not start <= line < end or line in boxed:
                continue
            if _tool_line(self.lines.texts[line]):
                continue  # "Print | Email": a tools bar's links are no part of the text
            if element.tag == "img":
                src = (element.get("src") or "").strip()
                if not src or src.lower().startswith(("data:", "javascript:")):
                    continue
                alt = normalise_space(element.get("alt")) or None
                found.append(
                    Link(rel="image", url=self.urls.absolute(src, self.page_url), text=alt)
                )
                continue
            link = self._body_link(element)
            if link is not None:
                found.append(link)
        return found

    def _body_link(self, element: Any) -> Link | None:
        target = self._target_of.get(element)
        if target is None or target.kind == "list":
            return None
        if target.url is None:
            href = (element.get("href") or "").strip()
            target.url = self.urls.absolute(href, self.page_url) if href else None
        if target.url is None:
            return None
        if not target.url.lower().startswith(("http://", "https://", "mailto:")):
            return None
        if target.url.lower().startswith("mailto:?"):
            return None  # a mail to no one: the page's "send this by mail" tool
        text = normalise_space(node_text(element)) or None
        return Link(rel="body", url=target.url, text=text, target_no=target.no)

    @cached_property
    def _target_of(self) -> dict[Any, Target]:
        return {target.element: target for target in self.targets}

    def describe(self) -> dict[str, Any]:
        """What the structural reading found and from what, for ``kitacrawl doctor``."""
        head = self.head
        texts = self.lines.texts
        start, end = self.body_range
        title_line = texts[head.start] if 0 <= head.start < len(texts) else ""
        if head.named_by_document and head.title != strip_bullet(title_line):
            title_from = "the page's <title> (no line of the page shows it)"
        else:
            title_from = f"the line {title_line!r}"
        info = [t for t in self.lines.text_of(head.start, head.end) if t != title_line]
        return {
            "title from": title_from,
            "date and counter from": " | ".join(info) or "no line beside the title",
            "signs it is an article": ", ".join(head.evidence) or "neighbours only",
            "body": f"lines {start} to {end - 1} of the page",
            "body ends before": texts[end] if end < len(texts) else "the end of the page",
        }


# A label's value on a line of its own (a writer, a department) is short.
_LABEL_VALUE_CHARS = 40


def _headline_like(text: str) -> bool:
    """Could this line be a headline? Not a sentence of the body: short, no full stop at its end."""
    ends_a_sentence = text.rstrip().endswith((".", "。", "!", "?"))
    return len(text) <= site.MAX_HEADLINE_LENGTH and not ends_a_sentence


def _tool_line(text: str) -> bool:
    """Page furniture between the paragraphs: "Print", "Print | Email | Font size"."""
    return bool(site.CHROME_LINE_RE.fullmatch(text) or site.TOOL_LINE_RE.fullmatch(text))


def _counter_in_date(text: str) -> bool:
    """Does a counter label stand before a date ("Hits 2022/06/20")? A counter is never
    a part of a date: such a line has no counter to read."""
    match = site.HIT_LABELLED_RE.search(text)
    if match is None:
        return False
    first, last = match.span(1)
    return any(
        first < date_end and date_start < last
        for date_start, date_end in (m.span() for m in site.DATE_RE.finditer(text))
    )


def _count_after_date(text: str) -> int | None:
    """A bare counter right after the date (`2021-03-02 987`, `2021.03.02 | 987`)."""
    match = site.DATE_RE.search(text)
    if match is None:
        return None
    rest = text[match.end() :].strip().lstrip("|/·:,-").strip()
    number = site.NUMBER_RE.match(rest)
    return site.read_int(number.group(1).replace(",", "")) if number else None


class _Scan:
    """One walk of the page: what is chrome, what is a link, where footers and images are."""

    def __init__(self, root: Any, lines: Lines) -> None:
        self.in_chrome: set[Any] = set()
        self.in_links: set[Any] = set()
        self.linked: list[Any] = []
        self.empty_title_slots: list[int] = []
        self.footer_lines: list[int] = []
        self.image_lines: list[int] = []
        self.images_on: dict[int, list[Any]] = {}
        # Share bars, related articles, tags, <aside>: the outermost block of each.
        self.in_box: set[Any] = set()
        self.boxes: list[Any] = []
        for element in root.iter():
            tag = element.tag
            if not isinstance(tag, str):
                continue
            tag = tag.lower()
            parent = element.getparent()
            names = element.keys()
            words = _words(element) if "id" in names or "class" in names else []
            hints = [_word_hints(word) for word in words]
            if parent in self.in_chrome or tag in _CHROME_TAGS or any(h[0] for h in hints):
                self.in_chrome.add(element)
            if tag == "a" or parent in self.in_links:
                self.in_links.add(element)
            if parent in self.in_box:
                self.in_box.add(element)
            elif tag == "aside" or any(h[3] for h in hints):
                self.in_box.add(element)
                if tag in BLOCK_TAGS:
                    self.boxes.append(element)
            if tag in ("script", "style", "link", "meta"):
                continue
            if "href" in names or "onclick" in names:
                self.linked.append(element)
            if tag in ("footer", "address") or any(h[1] for h in hints):
                self.footer_lines.append(lines.span(element)[0])
            elif tag == "img":
                line = lines.span(element)[0]
                self.image_lines.append(line)
                self.images_on.setdefault(line, []).append(element)
            titled = tag in _HEADINGS or any(h[2] for h in hints)
            if (
                (titled or _after_title_label(element))
                and element not in self.in_chrome
                and element in lines.order
                and not strip_bullet(normalise_space(node_text(element)))
            ):
                self.empty_title_slots.append(lines.order[element])


def _after_title_label(element: Any) -> bool:
    """Is this an empty cell whose label cell says "Title" (``<th>제목</th><td></td>``)?"""
    if len(element) or (element.text and not element.text.isspace()):
        return False
    label = element.getprevious()
    while label is not None and not isinstance(label.tag, str):
        label = label.getprevious()
    return label is not None and bool(site.TITLE_LABEL_RE.fullmatch(node_text(label)))


def _control_label(element: Any) -> str:
    """What a control says: a button's words, an input's value."""
    return normalise_space(node_text(element)) or normalise_space(element.get("value"))


def _words(element: Any) -> list[str]:
    ident, classes = element.get("id"), element.get("class")
    if not ident and not classes:
        return []
    return f"{ident or ''} {classes or ''}".split()


# Class words repeat across a page's elements and a board's pages.
@lru_cache(maxsize=4096)
def _word_hints(word: str) -> tuple[bool, bool, bool, bool]:
    """Does a class or id word name chrome, a footer, a title, a box beside the text?"""
    return (
        site.CHROME_HINT_RE.match(word) is not None,
        site.FOOTER_HINT_RE.match(word) is not None,
        site.TITLE_HINT_RE.search(word) is not None,
        site.BOX_HINT_RE.search(word) is not None,
    )


def _is_label(text: str) -> bool:
    return bool(
        site.TITLE_LABEL_RE.fullmatch(text)
        or site.ARROWED_NEIGHBOUR_LABEL_RE.fullmatch(text)
        or site.LIST_BUTTON_RE.fullmatch(text)
        or site.FILE_LABEL_RE.fullmatch(text)
        or site.INFO_LABEL_ONLY_RE.fullmatch(text)
    )


__all__ = ["Head", "InferredArticlePage", "Target"]
