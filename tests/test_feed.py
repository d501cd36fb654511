"""The Atom document (:mod:`kitacrawl.feed`), read back by feedparser and by a strict XML
parser: ids, dates, summaries, hostile text, the empty feed."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime

import feedparser
import pytest

from kitacrawl import feed
from kitacrawl.storage.queries import LatestArticle

ATOM = "{http://www.w3.org/2005/Atom}"
TITLES = {"news": "KITA News", "insights": "KITA Insights"}


def article(no: int, published: date, **fields: object) -> LatestArticle:
    values: dict[str, object] = {
        "board": "news",
        "no": no,
        "url": f"http://www.kita.org/about/newsView.do?no={no}",
        "title": f"Article {no}",
        "published": published,
        "changed": None,
        "body_start": f"The body of article {no}.\n\nIts second paragraph.",
    }
    values.update(fields)
    return LatestArticle(**values)  # type: ignore[arg-type]  # the test's keyword bag


def parse(document: bytes) -> feedparser.FeedParserDict:
    # A strict parser first: feedparser recovers from some errors a reader may not.
    ET.fromstring(document)
    parsed = feedparser.parse(document)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def test_entries_say_what_the_articles_say() -> None:
    articles = [
        article(2, date(2025, 3, 4), changed=datetime(2025, 3, 10, 1, 2, 3, tzinfo=UTC)),
        article(1, date(2025, 2, 28), board="insights"),
    ]
    parsed = parse(feed.render(articles, board_titles=TITLES))
    first, second = parsed.entries
    assert [first.id, second.id] == ["tag:kitacrawl,2026:news/2", "tag:kitacrawl,2026:insights/1"]
    assert first.title == "Article 2"
    assert first.link == "http://www.kita.org/about/newsView.do?no=2"
    assert [(t.term, t.label) for t in first.tags] == [("news", "KITA News")]
    assert [(t.term, t.label) for t in second.tags] == [("insights", "KITA Insights")]
    # Noon in Korea: the date the site shows, in Korea and in UTC.
    assert first.published == "2025-03-04T12:00:00+09:00"
    assert first.published_parsed[:3] == (2025, 3, 4)
    # Edited after its posting: updated then; never edited: its posting date.
    assert first.updated == "2025-03-10T01:02:03Z"
    assert second.updated == second.published == "2025-02-28T12:00:00+09:00"
    assert first.summary == "The body of article 2.\n\nIts second paragraph."
    assert first.summary_detail.type == "text/plain"
    # The feed: its newest entry's time, a stable id, an author for entries without one.
    assert parsed.feed.updated == "2025-03-10T01:02:03Z"
    assert parsed.feed.id == "tag:kitacrawl,2026:feed"
    assert parsed.feed.author == feed.AUTHOR
    assert parsed.feed.link == "http://www.kita.org/"


def test_an_edit_before_the_posting_time_does_not_move_updated_back() -> None:
    # Stored (and edited) on the morning of the posting day in UTC, before noon in Korea.
    early = article(3, date(2025, 3, 4), changed=datetime(2025, 3, 4, 1, 0, tzinfo=UTC))
    (entry,) = parse(feed.render([early])).entries
    assert entry.updated == entry.published


def test_ids_depend_on_board_and_number_only() -> None:
    one = article(7, date(2025, 1, 1))
    other = article(
        7,
        date(2026, 6, 6),
        url="http://global.kita.net/about/newsView.do?no=7",
        title="Rewritten",
        changed=datetime(2026, 6, 7, tzinfo=UTC),
        body_start="Another body.",
    )
    ids = {parse(feed.render([a])).entries[0].id for a in (one, other)}
    assert ids == {"tag:kitacrawl,2026:news/7"}
    assert feed.entry_id("insights", 7) != feed.entry_id("news", 7)
    assert feed.feed_id("news") == "tag:kitacrawl,2026:feed/news"
    # A board name as typed stays one segment of a valid URI.
    assert feed.feed_id("a b/c") == "tag:kitacrawl,2026:feed/a%20b%2Fc"


HOSTILE = (
    "Trade & \"Tariffs\" <b>bold</b> 'quoted' 한국무역협회 ]]> &amp; "
    "\x00\x01\x08\x0b\x1f\ufffe\ufffftab\tend"
)


def test_hostile_text_is_valid_xml_and_reads_back() -> None:
    hostile = article(
        9,
        date(2025, 5, 5),
        title=HOSTILE,
        body_start=HOSTILE,
        url='http://www.kita.org/about/newsView.do?no=9&x="<>',
        board="news&<\"'",
    )
    parsed = parse(feed.render([hostile], board="news&<\"'"))
    (entry,) = parsed.entries
    expected = "Trade & \"Tariffs\" <b>bold</b> 'quoted' 한국무역협회 ]]> &amp; tab\tend"
    assert entry.title == expected
    assert entry.summary == expected
    assert entry.link == 'http://www.kita.org/about/newsView.do?no=9&x="<>'
    assert entry.tags[0].term == "news&<\"'"
    assert parsed.feed.title == "news&<\"': the latest articles (kitacrawl)"


def test_an_empty_feed_is_valid() -> None:
    never = parse(feed.render([], board="nothing"))
    assert never.entries == []
    assert never.feed.id == "tag:kitacrawl,2026:feed/nothing"
    assert never.feed.updated == "1970-01-01T00:00:00Z"
    ran = parse(feed.render([], board="news", last_run=datetime(2025, 3, 10, 1, 2, tzinfo=UTC)))
    assert ran.feed.updated == "2025-03-10T01:02:00Z"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Short body.", "Short body."),
        ("word " * 100, ("word " * 80).rstrip() + "…"),
        ("x" * 500, "x" * 400 + "…"),
        ("한국 " * 300, ("한국 " * 133).rstrip() + "…"),
    ],
)
def test_the_summary_is_the_start_of_the_body(body: str, expected: str) -> None:
    assert feed.summary(body) == expected
    assert body.startswith(expected.removesuffix("…"))


def test_a_summary_is_never_cut_back_to_a_stub() -> None:
    # The only break is early: the text is cut at the length instead of after one line.
    text = "Paragraph one.\n\n" + "y" * 500
    assert feed.summary(text) == text[: feed.SUMMARY_CHARS] + "…"
    assert len(feed.summary("z " * 1000)) <= feed.SUMMARY_CHARS + 1
