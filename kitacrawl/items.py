"""Typed items passed from page code through the pipelines to storage.

Every layer speaks these dataclasses; pipelines read them through
``ItemAdapter`` so that they stay generic glue. An item holds what was read,
never the page it was read from: the spider hands the page
(:class:`FetchedPage`) to the run beside the item
(:meth:`kitacrawl.boardrun.BoardRun.keep_page`), and the store pipeline writes
both in one transaction. ``scrapy parse`` prints items as they are, without
the page's bytes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

LinkRel = Literal["prev", "next", "attachment", "body", "image"]
# How a page was read: by the known selectors of KITA's two generations of
# markup (the 2017-2022 layout, the current framework's template: SITE.md, "The
# current KITA template"), or by its structure, its markup never seen before.
Generation = Literal["older", "current", "inferred"]


@dataclass(slots=True)
class FetchedPage:
    """One answer of the site as it arrived: what the archive keeps."""

    url: str  # the final URL, after redirects
    status: int
    # The headers needed to read the body again (Content-Type and its charset, ...).
    headers: dict[str, str]
    body: bytes
    fetched_at: str  # ISO 8601, UTC
    requested_url: str | None = None  # when a redirect led elsewhere
    # The site's base URL the page was fetched from: re-extraction resolves links
    # against it, never against today's default.
    base_url: str = ""
    kind: Literal["article", "list", "other"] = "article"
    board: str = ""
    no: int | None = None


@dataclass(slots=True)
class Link:
    """A link found on an article page."""

    rel: LinkRel
    url: str
    text: str | None = None
    # The article number when the link points at another article of the board.
    target_no: int | None = None


@dataclass(slots=True)
class Article:
    """One article as the page shows it, cleaned."""

    board: str
    no: int
    url: str
    title: str
    body: str
    subtitle: str | None = None
    published: date | None = None
    hits: int | None = None
    links: list[Link] = field(default_factory=list)
    # Which markup the page was read from.
    generation: Generation = "older"
    # A title's category prefix (`[KITA News] ...` on KITA Insights), moved out of the title.
    category: str | None = None

    # The fields page code produces (what golden files hold).
    @classmethod
    def content_fields(cls) -> list[str]:
        return list(cls.__dataclass_fields__)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ISO strings), as golden files store it."""
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        return data


@dataclass(slots=True)
class ListRow:
    """One row of a list page."""

    no: int
    url: str
    title: str | None = None
    published: date | None = None
    hits: int | None = None
    # Pinned notices repeat at the top of every page and break the id order.
    pinned: bool = False


@dataclass(slots=True)
class ListPage:
    """What a list page says: its rows and how to reach the other pages."""

    rows: list[ListRow]
    # The page number the paging bar marks as current, when it shows one.
    current_page: int | None = None
    # Every page number the paging bar links to (numbered links, next/last).
    page_numbers: list[int] = field(default_factory=list)
    total: int | None = None
    # Which markup the page was read from (see Generation).
    generation: Generation = "older"


@dataclass(slots=True)
class HitObservation:
    """Counters read off a list page, for articles that may not be refetched."""

    board: str
    counts: dict[int, int]
    url: str


@dataclass(slots=True)
class Problem:
    """A page that could not be stored as an article, and why."""

    board: str
    url: str
    kind: str
    detail: str = ""
    no: int | None = None


class ParseError(Exception):
    """Raised by page code when a page cannot become a valid item.

    ``kind`` is the short machine-readable label stored in ``problems.kind``.
    """

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind = kind
        self.detail = detail
