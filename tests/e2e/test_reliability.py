"""Faults, drift, kills and hostile storage conditions, against the imitation.

Each test switches a fault on in the imitation (or in the environment of the
crawl) and checks the three promises: no crash, nothing lost, nothing wrong
stored, with the exit code saying what happened.
"""

from __future__ import annotations

import hashlib
import json
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import threading
from pathlib import Path

import pytest
from scrapy.utils.defer import deferred_f_from_coro_f

from kitacrawl.outcome import ExitCode
from mocksite import FAULTS, MockSite, build_board
from mocksite.markup.answers import error_page
from tests import crawls
from tests.e2e.test_crawl_e2e import article_fetches, assert_matches_truth
from tests.e2e.test_incremental import stored_count, wait_for

pytestmark = pytest.mark.slow

# The number of kill -9 rounds; docs/reliability.md quotes it.
KILL_ROUNDS = 20


def integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def assert_rows_whole(db: Path) -> None:
    """Every article row is one version: its hash is the hash of its own text."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT no, title, subtitle, body, content_hash FROM articles")
        for no, title, subtitle, body, digest in rows:
            joined = "\x1f".join((title, subtitle or "", body))
            assert hashlib.sha256(joined.encode()).hexdigest() == digest, f"{no} is half-written"
        dupes = conn.execute(
            "SELECT board, no, count(*) FROM articles GROUP BY board, no HAVING count(*) > 1"
        ).fetchall()
        assert dupes == []
        fts = conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
        assert fts == conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        # An article and its page are written together: neither exists without the other.
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "archive" in tables:
            pageless = conn.execute(
                "SELECT count(*) FROM articles a LEFT JOIN archive p ON p.id = a.archive_id"
                " WHERE p.id IS NULL"
            ).fetchone()[0]
            assert pageless == 0, "an article without the page it was read from"
            orphans = conn.execute(
                "SELECT count(*) FROM archive p WHERE p.kind = 'article' AND p.status = 200"
                " AND NOT EXISTS (SELECT 1 FROM problems r WHERE r.archive_id = p.id)"
                " AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.board = p.board"
                " AND a.no = p.no AND a.archive_id >= p.id)"
            ).fetchone()[0]
            assert orphans == 0, "an archived page whose article or problem was never written"
    finally:
        conn.close()


@deferred_f_from_coro_f
async def test_http_faults_become_problems_and_the_run_goes_on(db: Path) -> None:
    with MockSite(build_board(60), faults=set(FAULTS), slow_seconds=3) as site:
        result = await crawls.crawl(site.base_url, db)
        truth = site.ground_truth()
        targets = site.fault_targets()
        served = len(site.requests)
    assert result.code == ExitCode.OK, result.log[-3000:]
    assert_matches_truth(db, truth)
    kinds = {p["no"]: p["kind"] for p in crawls.snapshot(db)["problems"]}
    expected = {
        "slow": "timeout",
        "reset": "connection",
        "offsite_redirect": "offsite_redirect",
        "redirect_loop": "redirect_loop",
        "oversize": "too_large",
        "content_type": "not_html",
    }
    for fault, kind in expected.items():
        for no in targets[fault]:
            assert kinds.get(no) == kind, f"{fault} on {no}: {kinds.get(no)}"
    # 429 with Retry-After is waited out and the article stored.
    assert all(no not in kinds for no in targets["429"])
    ledger = crawls.snapshot(db)["crawls"][-1]
    assert ledger["status"] == "ok"
    assert ledger["problems"] == len(truth["problems"])
    # Nothing was requested anywhere but the imitation (the offsite redirect was
    # refused before any connection); Twisted re-sends a GET once on its own when
    # a kept-alive connection is reset, so the site may count one more.
    assert ledger["requests"] <= served


@deferred_f_from_coro_f
async def test_layout_drift_stores_nothing_and_exits_with_the_drift_code(db: Path) -> None:
    with MockSite(build_board(60), drift=True) as site:
        result = await crawls.crawl(site.base_url, db)
    assert result.code == ExitCode.DRIFT, result.log[-2000:]
    state = crawls.snapshot(db)
    assert state["articles"] == {}
    ledger = state["crawls"][-1]
    assert (ledger["status"], ledger["exit_code"]) == ("drift", ExitCode.DRIFT)
    assert {"title", "body"} <= set(json.loads(ledger["collapsed_fields"]))


@deferred_f_from_coro_f
async def test_drift_after_good_runs_keeps_the_good_data(db: Path) -> None:
    board = build_board(60)
    with MockSite(board) as site:
        assert (await crawls.crawl(site.base_url, db)).code == ExitCode.OK
        truth = site.ground_truth()
        port = site.port
    # The same site, same port, after a redesign: every page in new markup.
    with MockSite(board, port=port, drift=True) as site:
        result = await crawls.crawl(site.base_url, db, mode="full")
    assert result.code == ExitCode.DRIFT, result.log[-2000:]
    # The drifted pages are problems of this run; the stored articles are untouched.
    assert_matches_truth(db, truth, problems=False)
    ledger = crawls.snapshot(db)["crawls"][-1]
    assert ledger["status"] == "drift"
    assert ledger["collapsed_fields"] is not None
    assert ledger["articles_new"] == ledger["articles_changed"] == 0


@deferred_f_from_coro_f
async def test_drift_in_article_pages_only_names_the_collapsed_fields(db: Path) -> None:
    board = build_board(60)

    class ArticlesDrifted(MockSite):
        def _article(self, handler, no):  # type: ignore[no-untyped-def]  # an override, typed there
            self.drift = True
            try:
                return super()._article(handler, no)
            finally:
                self.drift = False

    with ArticlesDrifted(board) as site:
        result = await crawls.crawl(site.base_url, db)
    assert result.code == ExitCode.DRIFT, result.log[-2000:]
    ledger = crawls.snapshot(db)["crawls"][-1]
    assert json.loads(ledger["collapsed_fields"]) == ["title", "body"]
    assert crawls.snapshot(db)["articles"] == {}


@deferred_f_from_coro_f
async def test_repeated_kill_9_then_a_normal_run_loses_nothing(db: Path) -> None:
    rng = random.Random(2530)
    killed_mid_run = 0
    with MockSite(build_board(150)) as site:
        truth = site.ground_truth()
        for _ in range(KILL_ROUNDS):
            site.reset_requests()
            process = crawls.start(
                site.base_url,
                db,
                "-a",
                "mode=full",
                settings=("CONCURRENT_REQUESTS=4", "CONCURRENT_REQUESTS_PER_DOMAIN=4"),
            )
            # A random point of the run: after 0 to 120 requests reached the site.
            point = rng.randint(0, 120)
            wait_for(lambda p=process, n=point: len(site.requests) >= n or not p.is_alive())
            killed_mid_run += process.is_alive()
            crawls.stop(process, signal.SIGKILL)
            if db.exists():
                assert integrity(db) == "ok"
                assert_rows_whole(db)
        result = await crawls.crawl(site.base_url, db)
    assert killed_mid_run >= KILL_ROUNDS * 3 // 4, "most kills must land while the crawl runs"
    assert result.code == ExitCode.OK, result.log[-2000:]
    assert integrity(db) == "ok"
    assert_rows_whole(db)
    assert_matches_truth(db, truth)
    statuses = [c["status"] for c in crawls.snapshot(db)["crawls"]]
    assert statuses[-1] == "ok"
    assert "running" not in statuses


@deferred_f_from_coro_f
async def test_a_reader_in_a_long_transaction_does_not_block_the_crawl(db: Path) -> None:
    with MockSite(build_board(80)) as site:
        assert (await crawls.crawl(site.base_url, db, max_pages=1)).code == ExitCode.OK
        reader = sqlite3.connect(db, timeout=1)
        reader.execute("BEGIN")
        before = reader.execute("SELECT count(*) FROM articles").fetchone()[0]
        result = await crawls.crawl(site.base_url, db)
        # The reader still sees its snapshot, then the new rows once it ends.
        assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == before
        reader.execute("COMMIT")
        after = reader.execute("SELECT count(*) FROM articles").fetchone()[0]
        reader.close()
        truth = site.ground_truth()
    assert result.code == ExitCode.OK, result.log[-2000:]
    assert after == len(truth["articles"]) > before


@deferred_f_from_coro_f
async def test_a_full_disk_is_a_storage_error_and_corrupts_nothing(db: Path) -> None:
    def small_files() -> None:
        # Writes past 300 kB fail as they do on a full disk (Python ignores SIGXFSZ).
        resource.setrlimit(resource.RLIMIT_FSIZE, (300_000, 300_000))

    with MockSite(build_board(200)) as site:
        done = subprocess.run(
            crawls.command(site.base_url, db),
            cwd=crawls.PROJECT,
            env=crawls.environment(),
            capture_output=True,
            text=True,
            timeout=180,
            preexec_fn=small_files,
            check=False,
        )
        assert done.returncode == ExitCode.STORAGE, done.stderr[-2000:]
        # The error surfaces on the write or on the commit of its batch.
        assert "cannot store" in done.stderr
        assert integrity(db) == "ok"
        assert_rows_whole(db)
        # With room again, the next run completes the database.
        assert (await crawls.crawl(site.base_url, db)).code == ExitCode.OK
        assert_matches_truth(db, site.ground_truth())


@pytest.mark.skipif(shutil.which("chattr") is None, reason="needs chattr to make a file immutable")
@deferred_f_from_coro_f
async def test_a_read_only_database_is_a_storage_error(db: Path) -> None:
    with MockSite(build_board(40)) as site:
        assert (await crawls.crawl(site.base_url, db, max_pages=1)).code == ExitCode.OK
        before = stored_count(db)
        # Root ignores file modes; the immutable flag stops even root.
        if subprocess.run(["chattr", "+i", str(db)], check=False).returncode != 0:
            pytest.skip("this file system has no immutable flag")
        try:
            result = await crawls.crawl(site.base_url, db, mode="full")
        finally:
            subprocess.run(["chattr", "-i", str(db)], check=True)
    assert result.code == ExitCode.STORAGE, result.log[-2000:]
    assert "readonly" in result.log or "read-only" in result.log
    assert integrity(db) == "ok"
    assert stored_count(db) == before


@deferred_f_from_coro_f
async def test_an_unwritable_database_path_is_a_storage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the output folder should be")
    with MockSite(build_board(20)) as site:
        result = await crawls.crawl(site.base_url, blocker / "kita.db")
        assert len(site.requests) == 0 or result.code == ExitCode.STORAGE
    assert result.code == ExitCode.STORAGE, result.log[-2000:]


@deferred_f_from_coro_f
async def test_only_the_site_is_ever_requested(db: Path) -> None:
    seen: list[str] = []
    with MockSite(build_board(60), faults={"offsite_redirect"}) as site:
        result = await crawls.crawl(site.base_url, db)
        seen = list(site.requests)
        fetched = article_fetches(site)
    assert result.code == ExitCode.OK
    ledger = crawls.snapshot(db)["crawls"][-1]
    assert ledger["requests"] == len(seen)
    allowed = ("/robots.txt", "/about/newsList.do", "/about/newsView.do")
    assert all(path.startswith(allowed) for path in seen), seen
    assert fetched, "no article was fetched at all"


@deferred_f_from_coro_f
async def test_a_slow_site_does_not_hang_the_run(db: Path) -> None:
    # Every article of a few is slower than the download timeout.
    with MockSite(build_board(40), faults={"slow"}, slow_seconds=3) as site:
        timer = threading.Timer(120, lambda: None)
        timer.start()
        try:
            result = await crawls.crawl(site.base_url, db, timeout=120)
        finally:
            timer.cancel()
        slow = site.fault_targets()["slow"]
    assert result.code == ExitCode.OK
    kinds = {p["no"]: p["kind"] for p in crawls.snapshot(db)["problems"]}
    assert all(kinds[no] == "timeout" for no in slow)


@deferred_f_from_coro_f
async def test_a_lost_list_page_is_reported_and_caught_up_by_the_next_run(db: Path) -> None:
    class BrokenPageThree(MockSite):
        broken = True

        def _list(self, page_index: int):  # type: ignore[no-untyped-def]  # an override, typed there
            if self.broken and page_index == 3:
                return error_page(500)
            return super()._list(page_index)

    with BrokenPageThree(build_board(60)) as site:
        result = await crawls.crawl(site.base_url, db)
        truth = site.ground_truth()
        assert result.code == ExitCode.OK, result.log[-2000:]
        state = crawls.snapshot(db)
        lost = [p for p in state["problems"] if "newsList.do" in p["url"]]
        assert [(p["kind"], p["url"].endswith("pageIndex=3")) for p in lost] == [("http_500", True)]
        # Pages after the lost one were still read.
        assert len(state["articles"]) > len(truth["articles"]) - 10
        site.broken = False
        assert (await crawls.crawl(site.base_url, db)).code == ExitCode.OK
    assert_matches_truth(db, truth)
