"""The imitation's data model: posts as the site's database holds them, and its answers.

A ``Post`` carries its text, its body ``Block``s (inline markup as the editor
stored it, and the paragraph texts a crawler reads from them), its
``Attachment``s and the ``Variant`` of markup its page uses. ``Page`` is one
HTTP answer; ``ListOptions`` says how the list pages are written.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

from mocksite.kinds import GOOD
from mocksite.text import norm, opening_quote_at
from mocksite.urls import FILE_PATH, KITA_HOSTS


@dataclass(frozen=True, slots=True)
class BodyLink:
    """A link inside the body: an ``<a href>`` ('body') or an ``<img src>`` ('image').

    ``target_no``: the post of the same board that a body link opens (its URL in
    the truth is then that post's canonical URL), else None.
    """

    rel: str
    href: str  # as written in the markup (unescaped)
    text: str | None
    target_no: int | None = None

    def truth_url(self, base_url: str) -> str:
        if self.rel == "body":
            return self.href
        parts = urlsplit(self.href)
        if not parts.scheme:
            return base_url.rstrip("/") + self.href
        if parts.hostname in KITA_HOSTS:
            query = f"?{parts.query}" if parts.query else ""
            return f"{base_url.rstrip('/')}{parts.path}{query}"
        return self.href


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the article body and the paragraph texts a crawler reads from it."""

    kind: str  # "text" | "image" | "table"
    html: str  # inline markup ("text", "image"); unused for tables
    texts: tuple[str, ...]  # normalised; empty for an image on its own
    links: tuple[BodyLink, ...] = ()
    cells: tuple[str, ...] = ()  # table: inline markup of each cell's paragraph


@dataclass(frozen=True, slots=True)
class Attachment:
    file_id: str
    name: str
    form: str  # one of variations.ATTACH_FORMS: how the href is written

    def href(self, session: str) -> str:
        path = FILE_PATH
        if self.form == "session":
            path += f";JSESSIONID_ORG={session}.Hyper"
        prefix = {
            "www": "https://www.kita.org",
            "bare": "http://kita.org",
            "global": "http://global.kita.net",
        }.get(self.form, "")
        return f"{prefix}{path}?atchFileId={self.file_id}&fileSn=0"

    def truth_url(self, base_url: str) -> str:
        return f"{base_url.rstrip('/')}{FILE_PATH}?atchFileId={self.file_id}&fileSn=0"

    @property
    def seq(self) -> str:
        """The current framework's ``fileSeq`` of this file: a number of five digits or so."""
        return str(int(self.file_id.removeprefix("FILE_")) + 40000)

    @property
    def dtl_seq(self) -> str:
        """The current framework's ``fileDtlSeq``: 32 upper-case hex digits."""
        return hashlib.md5(self.file_id.encode(), usedforsecurity=False).hexdigest().upper()


@dataclass(slots=True)
class Variant:
    """Which of the site's markup variations a post's page uses."""

    layout: str = "new"  # new | older (2017-18, no bullet, no date/hit) | nodate (2018 bullet)
    bullet: str = "char"  # char | css | none
    date_fmt: str = "dash"  # dash 2020-09-23 | dot 2020.09.23
    hit_fmt: str = "lower"  # lower "hit 2104" | labelled "Hit : 2,104" | bare "2104"
    info_form: str = "split"  # split <li class=date/hit> | line: one <li> with both
    title_quirk: str = "plain"
    repeat: str = "plain"  # plain | noquote | longer
    repeat_strong: bool = False
    subtitle_form: str | None = None  # key of variations.SUBTITLE_FORMS; None: no subtitle
    body_form: str = "p"  # p | div | br
    debris: frozenset[str] = frozenset()
    image: tuple[str, str, str] | None = None  # (relative|absolute, alt|noalt, own|inline)
    body_link: bool = False
    attachments: tuple[str, ...] = ()  # href form of each attachment
    neighbour_form: str = "plain"
    encoding: str = "utf-8"


@dataclass(slots=True, eq=False)
class Post:
    """One row of the board as the site's database holds it."""

    no: int
    posted: date
    hits: int
    kind: str = GOOD
    title: str = ""  # the title field verbatim (trailing spaces included)
    subtitle: str | None = None
    blocks: list[Block] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    variant: Variant = field(default_factory=Variant)
    session: str = "0" * 32
    render_seed: int = 0

    @property
    def has_info(self) -> bool:
        return self.variant.layout == "new"

    @property
    def repeat_text(self) -> str:
        title = norm(self.title)
        if self.variant.repeat == "noquote":
            at = opening_quote_at(title)
            if at >= 0:
                return title[:at] + title[at + 1 :]
        if self.variant.repeat == "longer":
            return f"{title} in Seoul"
        return title

    @property
    def body_texts(self) -> list[str]:
        return [text for block in self.blocks for text in block.texts if text]


# A post's nearest stored older and newer posts (None at either end of the board).
Neighbours = tuple[Post | None, Post | None]


@dataclass(frozen=True, slots=True)
class Page:
    """One HTTP answer of the site: status, content type, body bytes, extra headers."""

    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


LIST_LINK_MODES = ("mixed", "href", "onclick")
PAST_END_MODES = ("empty", "last", "first")
PAGING_STYLES = ("last", "blocks")


@dataclass(frozen=True, slots=True)
class ListOptions:
    """How the list pages are written (see MockSite for the meaning of each)."""

    past_end: str = "empty"
    list_links: str = "mixed"
    paging: str = "last"
    columns: bool = True
    pinned: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class ListView:
    """What one list page shows, whatever markup writes it (``Board.list_page`` decides)."""

    total: int  # posts on the board
    last: int  # the last list page (0 on an empty board)
    page: int  # the page asked for, at least 1
    shown: int | None  # the page whose rows are shown; None past the end: no rows
    session: str  # the session id written into the page's links
    pinned: tuple[Post, ...] = ()  # notices above the rows
    rows: tuple[tuple[str, Post], ...] = ()  # (number shown in the first cell, post)
