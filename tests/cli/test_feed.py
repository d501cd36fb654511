"""``kitacrawl feed``, read back by feedparser as a feed reader reads it.

The command's errors and files on ``sampledb.py``; (slow) the feed of a crawl
of the imitation, and again after an incremental crawl that found new articles:
the newest dated articles in order, their canonical URLs, dates and the start
of their bodies as the imitation's truth says, ids that do not change.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import feedparser
import pytest

from kitacrawl.cli import main
from kitacrawl.outcome import ExitCode
from kitacrawl.storage import Storage
from mocksite import MockSite, build_board
from tests import crawls, sampledb

# A title with what markup and XML misread; the control character cannot be in XML 1.0.
HOSTILE_TITLE = "Trade & \"Tariffs\" <Busan> 'MOU' 한국무역협회 ]]> \x01end"
HOSTILE_READ = HOSTILE_TITLE.replace("\x01", "")


def feed(capsys: pytest.CaptureFixture[bytes], *args: str) -> tuple[int, bytes, str]:
    code = main(["feed", *args])
    out, err = capsys.readouterr()
    return code, out, err.decode()


def parse(document: bytes) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(document)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "kita.db"
    storage = sampledb.fill(Storage.open(path))
    storage.db.table("articles").update(("news", 103), {"title": HOSTILE_TITLE})
    storage.close()
    return path


def test_the_feed_on_stdout(sample: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    code, out, err = feed(capsysbinary, "--db", str(sample), "--board", "news", "--limit", "2")
    assert (code, err) == (0, "")
    parsed = parse(out)
    assert [e.id for e in parsed.entries] == [
        "tag:kitacrawl,2026:news/103",
        "tag:kitacrawl,2026:news/102",
    ]
    assert parsed.entries[0].title == HOSTILE_READ
    assert parsed.feed.title == "KITA News: the latest articles (kitacrawl)"


def test_output_replaces_the_file_and_prints_nothing(
    sample: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    target = tmp_path / "www" / "kita.atom"
    code, out, err = feed(capsysbinary, "--db", str(sample), "--output", str(target))
    assert (code, out, err) == (0, b"", "")
    first = target.read_bytes()
    assert len(parse(first).entries) == 5
    inode = target.stat().st_ino
    code, out, err = feed(capsysbinary, "--db", str(sample), "--output", str(target))
    assert (code, out, err) == (0, b"", "")
    # Replaced by a rename (a new file), never rewritten in place; nothing left beside it.
    assert target.stat().st_ino != inode
    assert target.read_bytes() == first
    assert os.listdir(target.parent) == ["kita.atom"]
    # Readable by the web server serving it, as a file open() makes.
    assert target.stat().st_mode & 0o044 == 0o044


@pytest.mark.parametrize("board", ["tradenews", "a board & <more>"])
def test_an_unknown_or_empty_board_is_an_empty_valid_feed(
    sample: Path, board: str, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    code, out, err = feed(capsysbinary, "--db", str(sample), "--board", board)
    assert (code, err) == (0, "")
    parsed = parse(out)
    assert parsed.entries == []
    assert parsed.feed.updated == "1970-01-01T00:00:00Z"


def test_a_missing_database_is_one_line_and_never_created(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    missing = tmp_path / "nowhere" / "kita.db"
    target = tmp_path / "kita.atom"
    code, out, err = feed(capsysbinary, "--db", str(missing), "--output", str(target))
    assert code == 1
    assert out == b""
    assert err.count("\n") == 1
    assert err.startswith(f"kitacrawl feed: no database at {missing}")
    assert not missing.parent.exists()
    assert not target.exists()


def test_a_bad_limit_is_a_usage_error(
    sample: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    code, out, err = feed(capsysbinary, "--db", str(sample), "--limit", "0")
    assert (code, out) == (2, b"")
    assert err == "kitacrawl feed: --limit must be at least 1\n"


# -- a crawl of the imitation, then an incremental one ------------------------


@dataclass(frozen=True)
class Feeds:
    first: feedparser.FeedParserDict
    second: feedparser.FeedParserDict
    truth: dict[str, Any]
    published: list[int]
    hostile: int
    unknown_board: bytes


def _feed_of(db: Path) -> bytes:
    # In this process, as a person types it (the fixture has no capsys: read the file).
    target = db.parent / "kita.atom"
    assert main(["feed", "--db", str(db), "--limit", "100", "--output", str(target)]) == 0
    return target.read_bytes()


@pytest.fixture(scope="module")
def feeds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Feeds]:
    db = tmp_path_factory.mktemp("feed") / "kita.db"
    with MockSite(build_board(30)) as site:
        dated = [a for a in site.ground_truth()["articles"] if a["published"]]
        hostile = dated[len(dated) // 2]["no"]
        site.edit(hostile, title=HOSTILE_TITLE)
        assert crawls.crawl_and_wait(site.base_url, db).code == ExitCode.OK
        first = _feed_of(db)
        published = site.publish(3)
        assert crawls.crawl_and_wait(site.base_url, db).code == ExitCode.OK
        second = _feed_of(db)
        target = db.parent / "insights.atom"
        assert main(["feed", "--db", str(db), "--board", "insights", "--output", str(target)]) == 0
        yield Feeds(
            first=parse(first),
            second=parse(second),
            truth=site.ground_truth(),
            published=published,
            hostile=hostile,
            unknown_board=target.read_bytes(),
        )


def _expected(truth: dict[str, Any]) -> list[dict[str, Any]]:
    dated = [a for a in truth["articles"] if a["published"]]
    return sorted(dated, key=lambda a: (a["published"], a["no"]), reverse=True)


@pytest.mark.slow
def test_the_feed_of_a_crawl_is_the_truth_newest_first(feeds: Feeds) -> None:
    expected = [a for a in _expected(feeds.truth) if a["no"] not in feeds.published]
    undated = [a for a in feeds.truth["articles"] if not a["published"]]
    assert undated, "the imitation has undated articles: the feed leaves them out"
    entries = feeds.first.entries
    assert [e.id for e in entries] == [f"tag:kitacrawl,2026:news/{a['no']}" for a in expected]
    for entry, article in zip(entries, expected, strict=True):
        assert entry.link == article["url"]
        assert entry.published == f"{article['published']}T12:00:00+09:00"
        # Never edited since it was stored: updated is its posting date.
        assert entry.updated == entry.published
        assert [t.term for t in entry.tags] == ["news"]
        assert entry.summary
        assert article["body"].startswith(entry.summary.removesuffix("…"))
        title = HOSTILE_READ if article["no"] == feeds.hostile else article["title"]
        assert entry.title == title
    assert feeds.first.feed.updated == entries[0].updated
    assert feeds.first.feed.id == "tag:kitacrawl,2026:feed"


@pytest.mark.slow
def test_after_an_incremental_crawl_the_new_articles_lead_and_ids_stay(feeds: Feeds) -> None:
    expected = _expected(feeds.truth)
    second = feeds.second.entries
    assert [e.id for e in second] == [f"tag:kitacrawl,2026:news/{a['no']}" for a in expected]
    assert [e.id for e in second[:3]] == [
        f"tag:kitacrawl,2026:news/{no}" for no in sorted(feeds.published, reverse=True)
    ]
    assert [e.link for e in second] == [a["url"] for a in expected]
    # The articles of the first feed: the same entries, unchanged, below the new ones.
    before = {
        e.id: (e.title, e.link, e.published, e.updated, e.summary) for e in feeds.first.entries
    }
    after = {e.id: (e.title, e.link, e.published, e.updated, e.summary) for e in second[3:]}
    assert after == before
    assert feeds.second.feed.id == feeds.first.feed.id
    assert feeds.second.feed.updated == second[0].updated > feeds.first.feed.updated


@pytest.mark.slow
def test_a_board_never_crawled_is_an_empty_valid_feed(feeds: Feeds) -> None:
    parsed = parse(feeds.unknown_board)
    assert parsed.entries == []
    assert parsed.feed.id == "tag:kitacrawl,2026:feed/insights"
    assert parsed.feed.title == "KITA Insights: the latest articles (kitacrawl)"
