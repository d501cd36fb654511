"""Fixtures shared across test folders."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kitacrawl.outcome import ExitCode
from mocksite import MockSite, build_board
from tests import crawlrun


@dataclass(frozen=True)
class Crawled:
    """A database that ran through a small history of the imitation, and the site."""

    db: Path
    site: MockSite
    edited: int
    published: list[int]


def closed_port() -> int:
    """A port nothing listens on (the kernel just handed it out and it was closed)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def crawled_imitation(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawled]:
    """Every kind of row an analyst queries: a first run; new articles, higher counters
    and an edit, seen by a full run; then a run that fails (the site is unreachable).

    Read it, do not write it (tests share it): copy it first (``sqlite3`` backup).
    """
    db = tmp_path_factory.mktemp("crawled") / "kita.db"
    with MockSite(build_board(60)) as site:
        assert crawlrun.crawl(site.base_url, db).code == ExitCode.OK
        edited = site.ground_truth()["articles"][5]["no"]
        site.edit(edited, new_body_paragraph="A correction was added later.")
        published = site.publish(5)
        site.bump_hits(7)
        assert crawlrun.crawl(site.base_url, db, "-a", "mode=full").code == ExitCode.OK
        unreachable = f"http://127.0.0.1:{closed_port()}"
        assert crawlrun.crawl(unreachable, db).code == ExitCode.FAILED
        yield Crawled(db=db, site=site, edited=edited, published=published)
