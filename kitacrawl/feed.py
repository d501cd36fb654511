"""An Atom 1.0 feed (RFC 4287) of the latest stored articles, for the readers people use.

Pure: articles in (:func:`kitacrawl.storage.queries.latest_articles`), the
document out as UTF-8 bytes, built with :mod:`xml.etree.ElementTree`, which
escapes what markup would misread (``&``, ``<``, quotes). XML 1.0 cannot carry
most control characters at all, even escaped, so they are taken out of every
text first: the document is well-formed whatever a title holds.

What each element says, and why:

- **ids** are ``tag:`` URIs (RFC 4151) made of the board and the article's
  number only: the same however often the article is crawled, re-fetched or
  re-read, and when the site moves host (kita.org to kita.net), so a reader
  never shows an article twice. Never a time.
- **published** is the posting date the site shows. It is a day in Korea
  with no time of day, and RFC 3339 needs one: noon Korean time, an instant
  inside that day (in Korea and in UTC), which readers from UTC-3 to UTC+14
  show on the date the site shows.
- **updated** is when our copy last changed: the posting date, or the later
  time a crawl saw the text edited (or a reparse read it differently). Not
  when kitacrawl first stored it: a first crawl of an old board would mark
  years of articles as updated today.
- the feed's **updated** is its newest entry's; an empty feed's, the end of
  the last run that looked at the board(s) (the Unix epoch if none ever did).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta, timezone
from urllib.parse import quote, urlsplit

from kitacrawl import __version__
from kitacrawl.storage.queries import LatestArticle

ATOM = "http://www.w3.org/2005/Atom"
# tag: URIs (RFC 4151): authority, the year the scheme was fixed, then the specific part.
# The authority names the software minting them, not the site: ids survive a move of host.
TAG_PREFIX = "tag:kitacrawl,2026:"
KOREA = timezone(timedelta(hours=9), "KST")
# The instant of the day a posting date is published at (see the module docstring).
POSTING_TIME = time(12, 0, tzinfo=KOREA)
# How much of the body a summary holds at most (a few sentences).
SUMMARY_CHARS = 400
AUTHOR = "Korea International Trade Association (KITA)"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

# Characters XML 1.0 has no place for, escaped or not (its `Char` production).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def entry_id(board: str, no: int) -> str:
    """The article's id in every feed: from its board and number, nothing else."""
    return f"{TAG_PREFIX}{_segment(board)}/{no}"


def feed_id(board: str | None) -> str:
    """The feed's id: one per board, one for every board together."""
    return f"{TAG_PREFIX}feed/{_segment(board)}" if board else f"{TAG_PREFIX}feed"


def _segment(board: str) -> str:
    # A board's name as typed (`--board 'a b'`) stays one valid segment of the URI;
    # the boards' own names are unchanged by it.
    return quote(board, safe="")


def published_at(day: date) -> datetime:
    return datetime.combine(day, POSTING_TIME)


def updated_at(article: LatestArticle) -> datetime:
    published = published_at(article.published)
    if article.changed is not None and article.changed > published:
        return article.changed
    return published


def rfc3339(moment: datetime) -> str:
    """``2020-09-23T12:00:00+09:00``, or ``...Z`` in UTC (always to the second)."""
    text = moment.replace(microsecond=0).isoformat()
    return text.removesuffix("+00:00") + "Z" if moment.utcoffset() == timedelta(0) else text


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry."""
    return _NOT_XML.sub("", text)


def summary(body_start: str, limit: int = SUMMARY_CHARS) -> str:
    """The start of the body, cut after a whole word near ``limit`` characters, with an
    ellipsis when cut; otherwise the body's own characters, unchanged."""
    text = body_start.strip()
    if len(text) <= limit:
        return text
    cut = text[: limit + 1]
    space = max(cut.rfind(" "), cut.rfind("\n"))
    # A text without spaces near the end (a long URL, unspaced script) is cut where it is.
    kept = cut[:space] if space > limit // 2 else text[:limit]
    return kept.rstrip() + "…"


def render(
    articles: Sequence[LatestArticle],
    *,
    board: str | None = None,
    board_titles: Mapping[str, str] | None = None,
    last_run: datetime | None = None,
) -> bytes:
    """The Atom document of ``articles`` (newest first, as given), as UTF-8 bytes."""
    titles = board_titles or {}
    # The namespace as a plain attribute, every name unqualified: ElementTree writes
    # `<feed xmlns="...Atom">` with bare child names (its default_namespace option
    # refuses unqualified attributes, which Atom's are).
    feed = ET.Element("feed", xmlns=ATOM)
    name = titles.get(board, board) if board else "KITA's boards"
    _text(feed, "title", f"{name}: the latest articles (kitacrawl)")
    _text(feed, "id", feed_id(board))
    newest = max((updated_at(a) for a in articles), default=None)
    _text(feed, "updated", rfc3339(newest or last_run or EPOCH))
    if articles:
        origin = urlsplit(articles[0].url)
        site = f"{origin.scheme}://{origin.netloc}/"
        ET.SubElement(feed, "link", rel="alternate", type="text/html", href=xml_text(site))
    author = ET.SubElement(feed, "author")
    _text(author, "name", AUTHOR)
    generator = ET.SubElement(feed, "generator", version=__version__)
    generator.text = "kitacrawl"
    for article in articles:
        feed.append(_entry(article, titles))
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _entry(article: LatestArticle, titles: Mapping[str, str]) -> ET.Element:
    entry = ET.Element("entry")
    _text(entry, "id", entry_id(article.board, article.no))
    _text(entry, "title", article.title).set("type", "text")
    _text(entry, "published", rfc3339(published_at(article.published)))
    _text(entry, "updated", rfc3339(updated_at(article)))
    ET.SubElement(entry, "link", rel="alternate", type="text/html", href=xml_text(article.url))
    ET.SubElement(
        entry,
        "category",
        term=xml_text(article.board),
        label=xml_text(titles.get(article.board, article.board)),
    )
    _text(entry, "summary", summary(article.body_start)).set("type", "text")
    return entry


def _text(parent: ET.Element, name: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, name)
    element.text = xml_text(text)
    return element
