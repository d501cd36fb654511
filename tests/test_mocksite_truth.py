"""The one comparison of a crawled database with the imitation's ground truth.

The database is written from the truth itself (in memory, no crawl), then
spoilt on purpose: each kind of difference must be reported apart, in the
truth's order.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kitacrawl.items import Article, Link, Problem
from kitacrawl.storage import Storage
from mocksite import build_board
from mocksite.truth import FIELDS, WrongField, compare

TRUTH = build_board(40).ground_truth("http://127.0.0.1:8000")


def article(expected: dict[str, Any], **changes: Any) -> Article:
    fields = {name: expected[name] for name in ("board", "no", *FIELDS)}
    published = fields.pop("published")
    item = Article(
        **fields,
        published=date.fromisoformat(published) if published else None,
        links=[Link(**link) for link in expected["links"]],
    )
    return dataclasses.replace(item, **changes)


def problem(expected: dict[str, Any], kind: str | None = None) -> Problem:
    return Problem("news", expected["url"], kind or expected["kind"], no=expected["no"])


@pytest.fixture
def storage() -> Iterator[Storage]:
    storage = Storage.memory()
    yield storage
    storage.close()


def test_the_truth_itself_matches_exactly(storage: Storage) -> None:
    for expected in TRUTH["articles"]:
        storage.save_article(article(expected))
    for expected in TRUTH["problems"]:
        storage.record_problem(problem(expected), None)
    result = compare(storage, TRUTH)
    assert result.exact == result.expected == result.stored == len(TRUTH["articles"])
    assert result.missing == result.extra == result.wrong_fields == result.wrong_links == ()
    assert result.wrong_problems == result.problems_stored == ()
    assert result.article_differences() == []


def test_each_difference_is_reported_apart(storage: Storage) -> None:
    articles, problems = TRUTH["articles"], TRUTH["problems"]
    gone, retitled, unlinked = articles[1], articles[2], articles[3]
    for expected in articles:
        if expected is retitled:
            storage.save_article(article(expected, title="Another title", hits=-1))
        elif expected is unlinked:
            storage.save_article(article(expected, links=[]))
        elif expected is not gone:
            storage.save_article(article(expected))
    # The first bad page is stored as an article and has the wrong kind, the
    # second has no problem row, the others are right.
    storage.save_article(
        Article("news", problems[0]["no"], problems[0]["url"], "A bad page", "Its body.")
    )
    storage.record_problem(problem(problems[0], kind="timeout"), None)
    for expected in problems[2:]:
        storage.record_problem(problem(expected), None)

    result = compare(storage, TRUTH)
    assert result.missing == (gone["no"],)
    assert result.extra == (problems[0]["no"],)
    assert result.wrong_fields == (
        WrongField(retitled["no"], "title", "Another title", retitled["title"]),
        WrongField(retitled["no"], "hits", -1, retitled["hits"]),
    )
    assert [(w.no, w.stored, w.expected) for w in result.wrong_links] == [
        (unlinked["no"], [], unlinked["links"])
    ]
    assert [(w.problem, w.found) for w in result.wrong_problems] == [
        (problems[0], frozenset({"timeout"})),
        (problems[1], frozenset()),
    ]
    assert result.problems_stored == (problems[0]["no"],)
    assert result.exact == len(articles) - 3
    assert result.stored == len(articles)
    assert result.article_differences() == [
        f"{gone['no']}: missing",
        f"{retitled['no']}: title, hits",
        f"{unlinked['no']}: links",
    ]


def test_only_the_fields_asked_for_are_compared(storage: Storage) -> None:
    for expected in TRUTH["articles"]:
        storage.save_article(article(expected, hits=None))
    assert len(compare(storage, TRUTH).wrong_fields) == sum(
        1 for a in TRUTH["articles"] if a["hits"] is not None
    )
    fields = tuple(name for name in FIELDS if name != "hits")
    assert compare(storage, TRUTH, fields=fields).wrong_fields == ()


def test_a_path_is_opened_and_closed(tmp_path: Path) -> None:
    db = tmp_path / "kita.db"
    storage = Storage.open(db)
    storage.save_article(article(TRUTH["articles"][0]))
    storage.close()
    result = compare(db, TRUTH)
    assert result.stored == 1
    assert len(result.missing) == len(TRUTH["articles"]) - 1
