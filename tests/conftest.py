"""Fixtures shared across test folders, and how many examples a property tries.

Hypothesis profiles, chosen with ``--hypothesis-profile`` (the Makefile passes
one) or the ``HYPOTHESIS_PROFILE`` environment variable (``.ci/run`` sets
``ci``): ``fast`` for ``make test-fast``, ``dev`` (the default) for ``make
test``, ``ci`` for CI, at least as many examples as every property ever tried.
"""

from __future__ import annotations

import inspect
import os
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

from kitacrawl.outcome import ExitCode
from mocksite import MockSite, build_board
from tests import crawls

settings.register_profile("fast", max_examples=10)
settings.register_profile("dev", max_examples=30)
settings.register_profile("ci", max_examples=300)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Call a plain test function here; leave the coroutines to pytest-twisted.

    pytest-twisted runs every test inside its reactor's greenlet, which costs about
    two milliseconds a test; only the tests that crawl (coroutines awaiting the
    reactor, wrapped by Scrapy's ``deferred_f_from_coro_f``) need it.
    """
    function = pyfuncitem.obj
    if inspect.iscoroutinefunction(inspect.unwrap(function)):
        return None
    parameters = inspect.signature(function).parameters
    function(**{name: pyfuncitem.funcargs[name] for name in parameters})
    return True


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests first: on several cores the long ones start at once, and the many
    short ones fill the cores at the end instead of one long test running alone."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


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
        assert crawls.crawl_and_wait(site.base_url, db).code == ExitCode.OK
        edited = site.ground_truth()["articles"][5]["no"]
        site.edit(edited, new_body_paragraph="A correction was added later.")
        published = site.publish(5)
        site.bump_hits(7)
        assert crawls.crawl_and_wait(site.base_url, db, mode="full").code == ExitCode.OK
        unreachable = f"http://127.0.0.1:{closed_port()}"
        assert crawls.crawl_and_wait(unreachable, db).code == ExitCode.FAILED
        yield Crawled(db=db, site=site, edited=edited, published=published)
