"""Keep every page: re-extraction without the site, WARC both ways, capture, offline replay."""

from __future__ import annotations

import gzip
import http.client
import json
import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from scrapy.utils.defer import deferred_f_from_coro_f
from warcio.archiveiterator import ArchiveIterator

from kitacrawl.cli import main
from kitacrawl.cli.crawl import OFFLINE
from kitacrawl.outcome import ExitCode
from kitacrawl.pages import article, inferred_article
from kitacrawl.storage.db import content_hash
from mocksite import MockSite, build_board
from tests import crawls
from tests.e2e.test_crawl_e2e import assert_matches_truth

pytestmark = pytest.mark.slow


@dataclass
class Done:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def kitacrawl(capsys: pytest.CaptureFixture[str]) -> Callable[..., Done]:
    """``kitacrawl ARGS`` in this process (what it prints, not how a process ends, is tested)."""

    def run(*args: str) -> Done:
        code = main(list(args))
        out, err = capsys.readouterr()
        return Done(code, out, err)

    return run


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = tmp_path_factory.mktemp("archive") / "kita.db"
    with MockSite(build_board(80)) as site:
        result = crawls.crawl_and_wait(site.base_url, db)
        assert result.code == ExitCode.OK, result.log[-2000:]
        # What the imitation serves for each path it was asked (it is deterministic).
        served = {target: _get(site, target) for target in set(site.requests)}
        return {"db": db, "truth": site.ground_truth(), "served": served, "base": site.base_url}


def _get(site: MockSite, target: str) -> bytes:
    connection = http.client.HTTPConnection("127.0.0.1", site.port, timeout=5)
    try:
        connection.request("GET", target)
        return connection.getresponse().read()
    finally:
        connection.close()


def copy_db(source: Path, target: Path) -> Path:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def test_every_fetched_page_is_archived_once_per_body(crawled: dict[str, Any]) -> None:
    conn = sqlite3.connect(crawled["db"])
    kinds = dict(conn.execute("SELECT kind, count(*) FROM archive GROUP BY kind").fetchall())
    ledger = conn.execute("SELECT requests, archived_pages FROM crawls").fetchone()
    articles = conn.execute("SELECT count(*) FROM articles WHERE archive_id IS NULL").fetchone()
    per_page = conn.execute(
        "SELECT avg(b.stored), avg(b.size) FROM archive_bodies b"
        " JOIN archive a ON a.body_hash = b.hash WHERE a.kind = 'article' AND a.status = 200"
    ).fetchone()
    conn.close()
    assert kinds["list"] >= 8
    assert kinds["article"] >= len(crawled["truth"]["articles"])
    assert ledger[1] == kinds["list"] + kinds["article"]
    assert articles == (0,), "an article without the page it came from"
    # The documented size: a ~23 kB page in well under 8 kB.
    assert per_page[1] > 20_000
    assert per_page[0] < 8_000


def test_reparse_rebuilds_the_derived_tables_with_no_request(
    kitacrawl: Callable[..., Done], crawled: dict[str, Any], tmp_path: Path
) -> None:
    db = copy_db(crawled["db"], tmp_path / "kita.db")
    with sqlite3.connect(db) as conn:
        hits_before = conn.execute("SELECT count(*) FROM hits").fetchone()[0]
        conn.execute("DELETE FROM articles")
        conn.execute("DELETE FROM links")
    # The site is switched off: the base URL answers nothing.
    first = kitacrawl("reparse", "--db", str(db))
    assert first.returncode == 0, first.stderr[-2000:]
    assert "0 changed" in first.stdout
    assert_matches_truth(db, crawled["truth"])
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM hits").fetchone()[0] == hits_before
        ledger = conn.execute(
            "SELECT mode, requests FROM crawls ORDER BY id DESC LIMIT 1"
        ).fetchone()
        stale = conn.execute("SELECT count(*) FROM articles WHERE page_code IS NULL").fetchone()[0]
    assert ledger == ("reparse", 0)
    assert stale == 0
    second = kitacrawl("reparse", "--db", str(db))
    assert second.returncode == 0
    assert " 0 new, 0 changed," in second.stdout
    assert_matches_truth(db, crawled["truth"])


def test_reparse_dry_run_says_what_would_change_and_writes_nothing(
    kitacrawl: Callable[..., Done], crawled: dict[str, Any], tmp_path: Path
) -> None:
    db = copy_db(crawled["db"], tmp_path / "kita.db")
    no = crawled["truth"]["articles"][4]["no"]
    with sqlite3.connect(db) as conn:
        # As an older page code would have stored it: a wrong title, hashed as stored.
        subtitle, body = conn.execute(
            "SELECT subtitle, body FROM articles WHERE no = ?", [no]
        ).fetchone()
        conn.execute(
            "UPDATE articles SET title = 'wrong', content_hash = ? WHERE no = ?",
            [content_hash("wrong", subtitle, body), no],
        )
        before = conn.execute("SELECT count(*), total_changes() FROM crawls").fetchone()[0]
    done = kitacrawl("reparse", "--dry-run", "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert "1 would change" in done.stdout
    assert "title: 1 would change" in done.stdout
    assert f"--- news {no} title" in done.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT title FROM articles WHERE no = ?", [no]).fetchone() == (
            "wrong",
        )
        assert conn.execute("SELECT count(*) FROM crawls").fetchone()[0] == before
    # For real: the fix is a revision caused by re-extraction, not by the site.
    assert kitacrawl("reparse", "--db", str(db)).returncode == 0
    with sqlite3.connect(db) as conn:
        revision = conn.execute("SELECT no, title, cause FROM revisions").fetchall()
    assert revision == [(no, "wrong", "reparse")]


def test_the_warc_export_holds_what_the_site_served(
    kitacrawl: Callable[..., Done], crawled: dict[str, Any], tmp_path: Path
) -> None:
    target = tmp_path / "kita.warc.gz"
    done = kitacrawl("archive", "export", "--warc", str(target), "--db", str(crawled["db"]))
    assert done.returncode == 0, done.stderr
    responses: Counter[str] = Counter()
    with gzip.open(target, "rb") as raw, open(target, "rb") as stream:
        assert raw.read(4) == b"WARC"
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            responses[url] += 1
            body = record.content_stream().read()
            target_path = url.removeprefix(crawled["base"])
            expected = crawled["served"].get(target_path)
            if expected is not None:
                assert body == expected, f"{url}: payload differs from what the site served"
    with sqlite3.connect(crawled["db"]) as conn:
        archived = conn.execute("SELECT count(*) FROM archive").fetchone()[0]
    assert sum(responses.values()) == archived


def test_a_warc_becomes_a_database_with_import_and_reparse(
    kitacrawl: Callable[..., Done], crawled: dict[str, Any], tmp_path: Path
) -> None:
    warc = tmp_path / "kita.warc.gz"
    assert (
        kitacrawl("archive", "export", "--warc", str(warc), "--db", str(crawled["db"])).returncode
        == 0
    )
    fresh = tmp_path / "colleague.db"
    assert kitacrawl("archive", "import", str(warc), "--db", str(fresh)).returncode == 0
    assert kitacrawl("reparse", "--db", str(fresh)).returncode == 0
    # A WARC carries pages, not the hit history, and re-extraction reads article pages
    # only: an article whose page shows no counter (nor a date) has none in the new file.
    truth = crawled["truth"]
    from_pages = [
        article if article["published"] is not None else {**article, "hits": None}
        for article in truth["articles"]
    ]
    assert_matches_truth(fresh, {**truth, "articles": from_pages}, problems=False)


def test_capture_writes_a_fixture_that_matches_the_page(
    kitacrawl: Callable[..., Done], crawled: dict[str, Any], tmp_path: Path
) -> None:
    article = crawled["truth"]["articles"][7]
    folder = tmp_path / "golden" / "captured"
    done = kitacrawl("capture", str(article["no"]), "--to", str(folder), "--db", str(crawled["db"]))
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["expected.json", "input.html", "meta.json"]
    expected = json.loads((folder / "expected.json").read_text())
    # What the page says: a page with no date shows no counter (the truth's is the lists').
    page_says = article if article["published"] is not None else {**article, "hits": None}
    for name in ("no", "url", "title", "subtitle", "published", "hits", "body", "links"):
        assert expected[name] == page_says[name], name
    meta = json.loads((folder / "meta.json").read_text())
    assert meta["no"] == article["no"]
    assert (folder / "input.html").read_bytes().startswith(b"<!DOCTYPE html>")


@deferred_f_from_coro_f
async def test_offline_replay_needs_no_site(crawled: dict[str, Any], tmp_path: Path) -> None:
    replay = tmp_path / "replay.db"
    # `kitacrawl crawl --offline` is these settings (Scrapy's HTTP cache over the archive).
    offline = tuple(f"{name}={value}" for name, value in OFFLINE.items())
    source = f"KITACRAWL_ARCHIVE_DB={crawled['db']}"
    done = await crawls.crawl(crawled["base"], replay, settings=(*offline, source), mode="full")
    assert done.code == 0, done.log[-2000:]
    assert "Connection refused" not in done.log
    assert_matches_truth(replay, crawled["truth"], problems=False)


@deferred_f_from_coro_f
async def test_prune_keeps_the_pages_articles_came_from(
    tmp_path: Path, kitacrawl: Callable[..., Done]
) -> None:
    db = tmp_path / "kita.db"
    with MockSite(build_board(40)) as site:
        for _ in range(2):  # every page fetched twice
            assert (await crawls.crawl(site.base_url, db, mode="full")).code == ExitCode.OK
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT max(n) FROM (SELECT count(*) n FROM archive GROUP BY url)"
                            ).fetchone() == (2,)  # fmt: skip
    done = kitacrawl("archive", "prune", "--keep", "1", "--db", str(db))
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(db) as conn:
        dangling = conn.execute(
            "SELECT count(*) FROM articles WHERE archive_id NOT IN (SELECT id FROM archive)"
        ).fetchone()[0]
        per_url = conn.execute(
            "SELECT max(n) FROM (SELECT count(*) n FROM archive GROUP BY url)"
        ).fetchone()[0]
        orphans = conn.execute(
            "SELECT count(*) FROM archive WHERE body_hash NOT IN (SELECT hash FROM archive_bodies)"
        ).fetchone()[0]
    assert (dangling, orphans, per_url) == (0, 0, 1)


@deferred_f_from_coro_f
async def test_a_drifted_run_keeps_its_pages_and_reparse_recovers_them(
    tmp_path: Path, kitacrawl: Callable[..., Done], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "kita.db"
    # The page code as it was before a fix: no title read on any page, neither by the
    # known selectors nor by structure.
    monkeypatch.setattr(article.ArticlePage, "title", lambda self: "")
    monkeypatch.setattr(inferred_article.InferredArticlePage, "title", lambda self: "")
    with MockSite(build_board(40)) as site:
        drifted = await crawls.crawl(site.base_url, db)
        truth = site.ground_truth()
    assert drifted.code == ExitCode.DRIFT, drifted.log[-2000:]
    with sqlite3.connect(db) as conn:
        crawl_id, status, kept = conn.execute(
            "SELECT id, status, archived_pages FROM crawls ORDER BY id DESC LIMIT 1"
        ).fetchone()
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (0,)
    assert status == "drift"
    assert kept > len(truth["articles"])
    # The page code is fixed: no request needed.
    monkeypatch.undo()
    done = kitacrawl("reparse", "--crawl", str(crawl_id), "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert_matches_truth(db, truth, fields=("url", "title", "subtitle", "published", "body"),
                         problems=False)  # fmt: skip
