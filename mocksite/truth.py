"""The imitation's ground truth of a served site, and how a crawled database compares with it.

A board states its own truth (``FakeBoard.ground_truth``); what the site
changes in it is here: ``with_faults`` turns the articles that a fault
hits into the problems a correct crawler records instead, and ``drifted``
is the truth of a board whose every page drifted (nothing to extract).

``compare`` sets what one board's crawl stored (a database file, or an open
``Storage``) against that board's ``MockSite.ground_truth(board=...)`` and
says apart: articles missing and extra, wrong fields and wrong links article
by article, bad pages with no problem row or one of another kind, and problem
pages stored as articles. The demo, the end-to-end tests and the benchmark all
judge a crawl with it; each decides which of these it cares about.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from kitacrawl.storage import Storage
from mocksite.urls import BOARD_NAME, INSIGHTS_NAME, PHOTOS_NAME, TRADENEWS_NAME


def with_faults(truth: dict[str, Any], problems: dict[int, str]) -> dict[str, Any]:
    """`truth` with the articles of `problems` (id -> problem kind) moved to its problems."""
    kept = []
    moved = list(truth["problems"])
    for article in truth["articles"]:
        kind = problems.get(article["no"])
        if kind is None:
            kept.append(article)
        else:
            moved.append(
                {"board": truth["board"], "no": article["no"], "url": article["url"], "kind": kind}
            )
    moved.sort(key=lambda p: -p["no"])
    return {**truth, "articles": kept, "problems": moved}


def drifted(truth: dict[str, Any]) -> dict[str, Any]:
    """The truth of a board whose every page drifted: no article, no problem to find."""
    return {
        "board": truth["board"],
        "articles": [],
        "problems": [],
        "list_pages": truth["list_pages"],
        "drift": True,
    }


# The article fields the truth states besides its links.
FIELDS = ("url", "title", "subtitle", "published", "hits", "body")
# What is compared by default, board by board: KITA Insights' section prefix
# moves to `category`, and its items come from either template (`generation`).
BOARD_FIELDS: dict[str, tuple[str, ...]] = {
    BOARD_NAME: FIELDS,
    INSIGHTS_NAME: (*FIELDS, "category", "generation"),
    PHOTOS_NAME: (*FIELDS, "generation"),
    # The Korean trade news: the site id (in the URL too) and the head block as category.
    TRADENEWS_NAME: (*FIELDS, "site_id", "category", "generation"),
}


@dataclass(frozen=True, slots=True)
class WrongField:
    """One field of a stored article that is not what the truth says."""

    no: int
    name: str
    stored: Any
    expected: Any


@dataclass(frozen=True, slots=True)
class WrongLinks:
    """A stored article whose links (in order) are not the truth's."""

    no: int
    stored: list[dict[str, Any]]
    expected: list[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class WrongProblem:
    """A bad page of the truth with no problem row of its kind; ``found``: the kinds recorded."""

    problem: dict[str, Any]  # the truth's row: no, url, kind
    found: frozenset[str]  # empty: no problem row at all for its no


@dataclass(frozen=True, slots=True)
class Comparison:
    """What differs between a database and the truth; every part empty when they agree."""

    truth_nos: tuple[int, ...]  # the articles the truth lists, in its order
    stored: int  # articles the database holds for the board
    missing: tuple[int, ...]  # articles of the truth not stored, in the truth's order
    extra: tuple[int, ...]  # stored articles the truth does not list, ascending
    wrong_fields: tuple[WrongField, ...]  # in the truth's order, then the fields' order
    wrong_links: tuple[WrongLinks, ...]  # in the truth's order
    wrong_problems: tuple[WrongProblem, ...]  # in the truth's order
    problems_stored: tuple[int, ...]  # pages the truth calls bad, stored as articles, ascending

    @property
    def expected(self) -> int:
        """Articles the truth lists."""
        return len(self.truth_nos)

    @property
    def exact(self) -> int:
        """Articles stored exactly as the truth says: every compared field and the links."""
        wrong = {w.no for w in self.wrong_fields} | {w.no for w in self.wrong_links}
        return self.expected - len(self.missing) - len(wrong)

    def article_differences(self) -> list[str]:
        """A line per article not stored exactly, in the truth's order: ``N: missing``,
        ``N: title, body, links`` (the wrong fields, then ``links``)."""
        wrong: dict[int, list[str]] = {no: [] for no in self.missing}
        for field in self.wrong_fields:
            wrong.setdefault(field.no, []).append(field.name)
        for links in self.wrong_links:
            wrong.setdefault(links.no, []).append("links")
        missing = set(self.missing)
        return [
            f"{no}: missing" if no in missing else f"{no}: {', '.join(wrong[no])}"
            for no in self.truth_nos
            if no in wrong
        ]


def compare(
    db: Storage | str | os.PathLike[str],
    truth: dict[str, Any],
    *,
    fields: tuple[str, ...] | None = None,
    board: str | None = None,
) -> Comparison:
    """Compare the articles and problems of `board` in `db` with `truth`, on `fields` and links.

    `truth` is what ``MockSite.ground_truth(board=...)`` returns (one board's
    truth), or what ``write_truth`` writes for several boards
    (``{"boards": {name: truth}}``), of which `board` picks one. `board`
    defaults to the truth's own (the news board for a truth that names
    none); `fields` to the board's (``BOARD_FIELDS``). Only the rows of
    `board` are read, problems included. A path is opened (and closed again)
    with ``Storage.open``; an open ``Storage`` is only read.
    """
    truth, board = board_truth(truth, board)
    fields = BOARD_FIELDS.get(board, FIELDS) if fields is None else fields
    if isinstance(db, Storage):
        return _compare(db, truth, fields, board)
    storage = Storage.open(db)
    try:
        return _compare(storage, truth, fields, board)
    finally:
        storage.close()


def board_truth(truth: dict[str, Any], board: str | None = None) -> tuple[dict[str, Any], str]:
    """One board's truth out of `truth`, and that board's name (see ``compare``)."""
    if "boards" in truth:
        name = board or BOARD_NAME
        if name not in truth["boards"]:
            raise ValueError(f"the truth has no {name!r} board: {sorted(truth['boards'])}")
        truth = truth["boards"][name]
    name = truth.get("board", BOARD_NAME)
    if board is not None and board != name:
        raise ValueError(f"this is the truth of the {name!r} board, not of {board!r}")
    strays = {p.get("board", name) for p in truth["problems"]} - {name}
    if strays:
        raise ValueError(f"the {name!r} truth lists problems of other boards: {sorted(strays)}")
    return truth, name


def _compare(
    storage: Storage, truth: dict[str, Any], fields: tuple[str, ...], board: str
) -> Comparison:
    stored = {row["no"]: row for row in storage.iter_articles(board)}
    expected = {article["no"]: article for article in truth["articles"]}
    wrong_fields: list[WrongField] = []
    wrong_links: list[WrongLinks] = []
    for no, article in expected.items():
        row = stored.get(no)
        if row is None:
            continue
        wrong_fields += [
            WrongField(no, name, row[name], article[name])
            for name in fields
            if row[name] != article[name]
        ]
        links = storage.links(board, no)
        if links != article["links"]:
            wrong_links.append(WrongLinks(no, links, article["links"]))
    kinds: dict[int | None, set[str]] = {}
    for row in storage.db["problems"].rows_where("board = ?", [board]):
        kinds.setdefault(row["no"], set()).add(row["kind"])
    wrong_problems = tuple(
        WrongProblem(problem, frozenset(kinds.get(problem["no"], ())))
        for problem in truth["problems"]
        if problem["kind"] not in kinds.get(problem["no"], ())
    )
    return Comparison(
        truth_nos=tuple(expected),
        stored=len(stored),
        missing=tuple(no for no in expected if no not in stored),
        extra=tuple(sorted(set(stored) - set(expected))),
        wrong_fields=tuple(wrong_fields),
        wrong_links=tuple(wrong_links),
        wrong_problems=wrong_problems,
        problems_stored=tuple(sorted(p["no"] for p in truth["problems"] if p["no"] in stored)),
    )
