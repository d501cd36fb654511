"""A small database filled by hand, every row known, for tests of the analysts' side.

Seven runs (ok, failed, skipped, drift), six articles on two boards (dated and
undated, with and without a counter on their page; ``articles.hits`` the newest
counter of the history, as storage keeps it), a hit history with two
observations on one day (one of them at the same second as another), links
forming a neighbour chain with one neighbour missing, an attachment, problems
of four kinds and one edit. The views' expected figures in
``tests/storage/test_views.py`` are worked out by hand from these rows.
"""

from __future__ import annotations

from typing import Any

from kitacrawl.storage import Storage, ngrams
from kitacrawl.storage.db import content_hash

_CRAWL_FIELDS = ("id", "board", "mode", "status", "started_at", "finished_at",
                 "finish_reason", "exit_code", "message")  # fmt: skip
CRAWLS: list[dict[str, Any]] = [
    {
        "spider": "news",
        "base_url": "http://www.kita.org",
        **dict(zip(_CRAWL_FIELDS, row, strict=True)),
    }
    for row in (
        (1, "news", "full", "ok", "2025-03-01T01:00:00Z", "2025-03-01T01:05:00Z",
         "finished", 0, None),
        (2, "news", "incremental", "ok", "2025-03-02T01:00:00Z", "2025-03-02T01:01:00Z",
         "finished", 0, None),
        (3, "news", "incremental", "failed", "2025-03-03T01:00:00Z", "2025-03-03T01:00:30Z",
         "finished", 3, "the site was unreachable: connection refused"),
        (4, "news", "incremental", "skipped", "2025-03-03T01:00:10Z", "2025-03-03T01:00:10Z",
         "locked", 5, "another run holds the database"),
        (5, "insights", "full", "ok", "2025-03-04T02:00:00Z", "2025-03-04T02:03:00Z",
         "finished", 0, None),
        (6, "news", "incremental", "drift", "2025-03-05T01:00:00Z", "2025-03-05T01:00:20Z",
         "finished", 4, "list page 1 had no article"),
        (7, "news", "incremental", "ok", "2025-03-10T01:00:00Z", "2025-03-10T01:02:00Z",
         "finished", 0, None),
    )
]  # fmt: skip


def _article(board: str, no: int, title: str, body: str, **fields: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "board": board,
        "no": no,
        "url": f"http://www.kita.org/about/newsView.do?no={no}",
        "title": title,
        "subtitle": None,
        "published": None,
        "hits": None,
        "hits_seen_at": None,
        "hits_source": None,
        "body": body,
        "first_seen": "2025-03-01T01:01:00Z",
        "last_seen": "2025-03-10T01:01:00Z",
        "last_fetched": "2025-03-01T01:01:00Z",
        "last_changed": None,
        "crawl_id": 1,
        "generation": "current",
        "category": None,
    }
    row.update(fields)
    row["content_hash"] = content_hash(row["title"], row["subtitle"], row["body"])
    return row


ARTICLES: list[dict[str, Any]] = [
    _article(
        "news", 101, "Korea-US Trade Talks Resume",
        "Trade talks between Korea and the United States resumed in Seoul.\n\n"
        "Semiconductor exports lead the recovery, KITA said.",
        subtitle="Exporters welcome the news", published="2025-02-20", hits=150,
        hits_seen_at="2025-03-10T01:01:00Z", hits_source="list",
        last_fetched="2025-03-10T01:01:00Z", last_changed="2025-03-02T01:00:30Z", crawl_id=7,
    ),
    _article(
        "news", 102, "KITA Opens a Trade Office in Hanoi",
        "The office helps small exporters find buyers in Vietnam.",
        published="2025-02-28", hits=80, crawl_id=7,
        hits_seen_at="2025-03-10T01:01:00Z", hits_source="list",
    ),
    # The older layout: no counter on the page, the list's last one in `hits`.
    _article(
        "news", 103, "Export Seminar for SMEs", "A seminar on export finance and trade rules.",
        published="2025-03-01", generation="older", last_seen="2025-03-02T01:00:20Z",
        hits=55, hits_seen_at="2025-03-02T01:00:20Z", hits_source="list",
    ),
    # Undated, never observed.
    _article(
        "news", 104, "Notice: Website Maintenance", "The website is closed on Sunday.",
        generation="older", last_seen="2025-03-01T01:01:00Z",
    ),
    # Observed once only.
    _article(
        "news", 105, "Trade Statistics for 2024", "Exports grew by 8.2% in 2024.",
        published="2025-01-15", hits=300, last_seen="2025-03-01T01:03:00Z",
        hits_seen_at="2025-03-01T01:03:00Z", hits_source="list",
    ),
    _article(
        "insights", 7, "Chip Exports to Rebound", "Semiconductor exports are expected to grow.",
        published="2025-03-04", hits=12, category="KITA News",
        hits_seen_at="2025-03-04T02:01:00Z", hits_source="article",
        first_seen="2025-03-04T02:01:00Z", last_seen="2025-03-04T02:01:00Z",
        last_fetched="2025-03-04T02:01:00Z", crawl_id=5,
    ),
]  # fmt: skip

# In id order: board, no, hits, observed_at, crawl_id, source.
HITS: list[tuple[str, int, int, str, int, str]] = [
    ("news", 101, 100, "2025-03-01T01:01:00Z", 1, "article"),
    ("news", 101, 104, "2025-03-01T01:03:00Z", 1, "list"),  # later that day: the day's value
    ("news", 101, 120, "2025-03-02T01:00:20Z", 2, "list"),
    ("news", 101, 121, "2025-03-02T01:00:20Z", 2, "article"),  # same second, later row: wins
    ("news", 101, 150, "2025-03-10T01:01:00Z", 7, "list"),
    ("news", 102, 50, "2025-03-01T01:02:00Z", 1, "article"),
    ("news", 102, 80, "2025-03-10T01:01:00Z", 7, "list"),
    ("news", 103, 40, "2025-03-01T01:03:00Z", 1, "list"),
    ("news", 103, 55, "2025-03-02T01:00:20Z", 2, "list"),
    ("news", 105, 300, "2025-03-01T01:03:00Z", 1, "list"),
    ("insights", 7, 12, "2025-03-04T02:01:00Z", 5, "article"),
    ("news", 99, 9, "2025-03-01T01:03:00Z", 1, "list"),  # listed, its page a 404: never stored
    ("news", 101, 149, "2025-03-10T00:30:00Z", 7, "article"),  # a later row, an earlier time
]


_LINK_FIELDS = ("no", "position", "rel", "url", "text", "target_no")


def _link(*values: Any) -> dict[str, Any]:
    """A link on the news board: no, position, rel, url, text, target_no."""
    return {"board": "news", **dict(zip(_LINK_FIELDS, values, strict=True))}


def _view(no: int) -> str:
    return f"http://www.kita.org/about/newsView.do?no={no}"


LINKS: list[dict[str, Any]] = [
    _link(101, 0, "prev", _view(100), "KITA Annual Report", 100),  # 100 is not stored
    _link(101, 1, "next", _view(102), "KITA Opens a Trade Office in Hanoi", 102),
    _link(101, 2, "body", "https://www.motie.go.kr/", "the ministry", None),
    _link(102, 0, "prev", _view(101), "Korea-US Trade Talks Resume", 101),
    _link(102, 1, "next", _view(103), "Export Seminar for SMEs", 103),
    _link(102, 2, "attachment", "http://www.kita.org/cmm/fms/FileDown.do?atchFileId=F1&fileSn=0",
          "Hanoi_Office.pdf", None),
    _link(102, 3, "image", "http://www.kita.org/images/hanoi.jpg", "The office", None),
    _link(103, 0, "prev", _view(102), "KITA Opens a Trade Office in Hanoi", 102),
    _link(103, 1, "next", _view(104), "Notice: Website Maintenance", 104),
]  # fmt: skip

# crawl_id, board, no, url, kind, detail, observed_at
PROBLEMS: list[tuple[int, str | None, int | None, str, str, str, str]] = [
    (1, "news", 99, _view(99), "http_404", "HTTP 404", "2025-03-01T01:02:30Z"),
    (1, "news", 98, _view(98), "http_500", "HTTP 500 after retries", "2025-03-01T01:02:40Z"),
    (2, "news", 97, _view(97), "deleted", "the page is only an alert()", "2025-03-02T01:00:40Z"),
    (3, "news", None, "http://www.kita.org/about/newsList.do", "connection",
     "connection refused", "2025-03-03T01:00:20Z"),
    (7, "news", 99, _view(99), "http_404", "HTTP 404", "2025-03-10T01:01:30Z"),
]  # fmt: skip

REVISIONS: list[dict[str, Any]] = [
    {
        "board": "news",
        "no": 101,
        "title": "Korea-US Trade Talks to Resume",
        "subtitle": "Exporters welcome the news",
        "body": "Trade talks between Korea and the United States resume next week.",
        "content_hash": content_hash(
            "Korea-US Trade Talks to Resume",
            "Exporters welcome the news",
            "Trade talks between Korea and the United States resume next week.",
        ),
        "valid_from": "2025-03-01T01:01:00Z",
        "replaced_at": "2025-03-02T01:00:30Z",
        "crawl_id": 2,
    }
]

BOARD_STATE: list[dict[str, Any]] = [
    {"board": "news", "complete_upto": 105, "updated_at": "2025-03-10T01:02:00Z", "crawl_id": 7},
    {"board": "insights", "complete_upto": 7, "updated_at": "2025-03-04T02:03:00Z", "crawl_id": 5},
]


def fill(storage: Storage) -> Storage:
    """Write the rows above into a migrated, empty database."""
    db = storage.db
    with db.atomic():
        db.table("crawls").insert_all(CRAWLS)
        db.table("articles").insert_all(ARTICLES)
        # Rows written by other means than kitacrawl's storage are indexed by a rebuild.
        db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
        ngrams.rebuild(db.conn)
        db.conn.executemany(
            "INSERT INTO hits (board, no, hits, observed_at, crawl_id, source)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            HITS,
        )
        db.table("links").insert_all(LINKS)
        db.conn.executemany(
            "INSERT INTO problems (crawl_id, board, no, url, kind, detail, observed_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            PROBLEMS,
        )
        db.table("revisions").insert_all(REVISIONS)
        db.table("board_state").insert_all(BOARD_STATE)
    return storage


def build() -> Storage:
    """A new in-memory database holding the rows above."""
    return fill(Storage.memory())
