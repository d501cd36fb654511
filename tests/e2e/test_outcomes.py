"""A run never reports success it did not have: outcomes, ids, history, settings.

Each test bends the imitation the way a real site misbehaves and checks what
cron (the exit code) and analysts (the database) are told.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from scrapy.utils.defer import deferred_f_from_coro_f

from kitacrawl.outcome import ExitCode
from mocksite import MockSite, build_board
from mocksite.markup.answers import error_page
from mocksite.model import Page
from tests import crawls
from tests.e2e.test_crawl_e2e import article_fetches, assert_matches_truth

pytestmark = pytest.mark.slow


class ArticlesDown(MockSite):
    """The list servlet answers; every article page answers 503 while ``down``."""

    down = True

    def _article(self, handler: Any, no: int) -> Page | None:
        if self.down:
            return error_page(503)
        return super()._article(handler, no)


@deferred_f_from_coro_f
async def test_every_article_failing_is_a_failed_run_and_the_next_run_stores_all(db: Path) -> None:
    with ArticlesDown(build_board(60)) as site:
        result = await crawls.crawl(site.base_url, db)
        assert result.code == ExitCode.FAILED, result.log[-2000:]
        state = crawls.snapshot(db)
        ledger = state["crawls"][-1]
        assert (ledger["status"], ledger["exit_code"]) == ("failed", ExitCode.FAILED)
        assert "article fetches failed" in ledger["message"]
        assert ledger["article_failures"] >= 50
        assert state["articles"] == {}
        assert crawls.board_state(db) == {}, "the mark moved past articles never stored"

        site.down = False
        healed = await crawls.crawl(site.base_url, db)
        assert healed.code == ExitCode.OK, healed.log[-2000:]
        assert_matches_truth(db, site.ground_truth())


class Redirecting(MockSite):
    """Article ``source`` answers with a redirect to article ``target``'s page."""

    source = 0
    target = 0

    def _article(self, handler: Any, no: int) -> Page | None:
        if no == self.source:
            location = f"{self.base_url}/about/newsView.do?id=&no={self.target}&pageIndex=1"
            return Page(302, "text/html", b"", (("Location", location),))
        return super()._article(handler, no)


@deferred_f_from_coro_f
async def test_a_redirected_article_is_never_stored_under_the_number_asked_for(db: Path) -> None:
    board = build_board(60)
    with Redirecting(board) as site:
        nos = [a["no"] for a in site.ground_truth()["articles"]]
        site.source, site.target = nos[10], nos[20]
        result = await crawls.crawl(site.base_url, db)
        truth = {a["no"]: a for a in site.ground_truth()["articles"]}
    assert result.code == ExitCode.OK, result.log[-2000:]
    state = crawls.snapshot(db)
    stored_source = state["articles"].get(site.source)
    assert stored_source is None or stored_source["body"] == truth[site.source]["body"]
    assert state["articles"][site.target]["body"] == truth[site.target]["body"]
    kinds = {p["kind"] for p in state["problems"] if p["no"] == site.source}
    assert kinds == {"redirected"}


@deferred_f_from_coro_f
async def test_a_pinned_notice_is_observed_once_per_run_from_the_list(db: Path) -> None:
    with MockSite(build_board(60), pinned=2) as site:
        assert (await crawls.crawl(site.base_url, db)).code == ExitCode.OK
        assert (await crawls.crawl(site.base_url, db, mode="full")).code == ExitCode.OK
        pinned = site.pinned_nos
    state = crawls.snapshot(db)
    per_run = Counter((h["no"], h["crawl_id"], h["source"]) for h in state["hits"])
    assert max(per_run.values()) == 1, per_run.most_common(3)
    for no in pinned:
        sources = Counter((h["crawl_id"], h["source"]) for h in state["hits"] if h["no"] == no)
        assert sources, f"pinned notice {no} was never observed"
        assert set(sources.values()) == {1}


@deferred_f_from_coro_f
async def test_revisit_settings_from_the_environment_change_what_is_refetched(db: Path) -> None:
    with MockSite(build_board(60), pinned=0) as site:
        assert (await crawls.crawl(site.base_url, db)).code == ExitCode.OK
        recent = site.publish(2)
        assert (await crawls.crawl(site.base_url, db)).code == ExitCode.OK
        # Only the environment says "revisit now"; the defaults (20 h) would not.
        site.reset_requests()
        env = {"KITACRAWL_REVISIT_AFTER_HOURS": "0", "KITACRAWL_REVISIT_DAYS": "3650"}
        assert (await crawls.crawl(site.base_url, db, env=env)).code == ExitCode.OK
        revisited = set(article_fetches(site))
        site.reset_requests()
        assert (await crawls.crawl(site.base_url, db)).code == ExitCode.OK
        untouched = set(article_fetches(site))
    assert set(recent) <= revisited
    assert len(revisited) > len(recent), "REVISIT_DAYS from the environment was ignored"
    assert not untouched & set(recent)


@deferred_f_from_coro_f
async def test_an_unknown_setting_is_reported(db: Path) -> None:
    with MockSite(build_board(20)) as site:
        result = await crawls.crawl(
            site.base_url, db, max_pages=1, env={"KITACRAWL_REVIST_DAYS": "3"}
        )
    assert result.code == ExitCode.OK, result.log[-2000:]
    assert "unknown setting KITACRAWL_REVIST_DAYS" in result.log
