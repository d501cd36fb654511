"""Figure 9: Korean search at size: latency of a two- and a three-syllable noun, its query plan.

A database of `search_articles` Korean trade news articles (the imitation's
text, ``mocksite.boards.tradewords``, about 1,100 characters each) is written
in batches straight into ``articles`` and indexed as kitacrawl indexes what it
stores (both FTS5 indexes, one statement a batch); then
``kitacrawl.storage.queries.search`` runs for ``관세`` and ``반도체`` (the
default 20 hits; then on one board, which joins the articles before ranking),
each timed `search_rounds` times after one warm-up, the median kept. The plan
of the ranked query must search the FTS index (``VIRTUAL TABLE INDEX``), not
scan ``articles``. The index's size per article comes from ``dbstat``.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bench.config import Config
from bench.crawls import remove_db
from bench.measure import median, say
from kitacrawl.storage import Storage, ngrams, queries
from kitacrawl.storage.db import content_hash
from mocksite.boards.tradewords import compose, site_id_of

WORDS = {"two syllables": "관세", "three syllables": "반도체"}
BATCH = 5_000
SEED = 101


def _rows(start: int, count: int) -> list[tuple[Any, ...]]:
    rows = []
    for no in range(start, start + count):
        day = date(2026, 5, 22) - timedelta(days=(101_682 - no) // 25)
        text = compose(SEED, no, day)
        body = "\n\n".join(text.paragraphs)
        rows.append(
            (
                "tradenews",
                no,
                f"https://www.kita.net/board/totalTradeNews/totalTradeNewsDetail.do?no={no}"
                f"&siteId={site_id_of(SEED, no)}",
                text.title,
                day.isoformat(),
                body,
                content_hash(text.title, None, body),
                "2026-05-22T00:00:00Z",
                text.head,
                site_id_of(SEED, no),
            )
        )
    return rows


def build(path: Path, count: int) -> None:
    """A database of `count` articles, indexed as kitacrawl's storage indexes them."""
    remove_db(path)
    storage = Storage.open(path)
    try:
        conn = storage.db.conn
        first = 101_682 - count + 1
        for start in range(first, first + count, BATCH):
            size = min(BATCH, first + count - start)
            # A batch indexes, when committed, the rows written since it began.
            storage.begin_batch()
            conn.executemany(
                "INSERT INTO articles (board, no, url, title, published, body, content_hash,"
                " first_seen, last_seen, category, site_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?8, ?, ?)",
                _rows(start, size),
            )
            storage.commit_batch()
        conn.execute(f"INSERT INTO {ngrams.TABLE} ({ngrams.TABLE}) VALUES ('optimize')")
        conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('optimize')")
    finally:
        storage.close()


def sizes(path: Path) -> dict[str, int]:
    """Bytes on disk by part: the articles, the words' index, the bigram index, the rest."""
    conn = sqlite3.connect(path)
    try:
        parts: dict[str, int] = {}
        for name, size in conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"):
            part = (
                "bigram index"
                if name.startswith(ngrams.TABLE)
                else "words index"
                if name.startswith("articles_fts")
                else "articles"
                if name.startswith(("articles", "sqlite_autoindex_articles", "idx_articles"))
                else "other"
            )
            parts[part] = parts.get(part, 0) + int(size)
        return parts
    finally:
        conn.close()


def _time(db: Any, word: str, rounds: int, board: str | None) -> tuple[float, float, int]:
    """Median wall and CPU milliseconds of a search, and its hits. SQLite works in this
    thread: its CPU time is the search's whatever else the shared machine runs."""
    queries.search(db, word, board=board)  # warm the page cache
    times, cpu = [], []
    hits = 0
    for _ in range(rounds):
        started, started_cpu = time.perf_counter(), time.thread_time()
        hits = len(queries.search(db, word, board=board))
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.thread_time() - started_cpu) * 1000)
    return median(times), median(cpu), hits


def plan(db: Any, word: str) -> list[str]:
    """The query plan of the ranked search for `word` (as kitacrawl runs it)."""
    match = ngrams.match_query(word)
    rows = db.execute(
        f"EXPLAIN QUERY PLAN SELECT rowid, {ngrams.RANK} AS rank FROM {ngrams.TABLE}"
        f" WHERE {ngrams.TABLE} MATCH ? ORDER BY rank LIMIT 20",
        [match],
    ).fetchall()
    return [str(row[-1]) for row in rows]


def _scans_articles(step: str) -> bool:
    """Does a plan step read the whole articles table (not an FTS index, not by rowid)?"""
    return step.startswith("SCAN ") and "VIRTUAL TABLE" not in step


def bench_search(config: Config, workdir: Path, results: dict[str, Any]) -> None:
    path = workdir / "search.db"
    count = config.search_articles
    started = time.perf_counter()
    build(path, count)
    built = time.perf_counter() - started
    say(f"  {count} articles written and indexed in {built:.0f} s")
    db = queries.open_database(path)
    try:
        total = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        words: dict[str, Any] = {}
        for label, word in WORDS.items():
            holding = db.execute(
                f"SELECT count(*) FROM {ngrams.TABLE} WHERE {ngrams.TABLE} MATCH ?",
                [ngrams.match_query(word)],
            ).fetchone()[0]
            ms, cpu_ms, hits = _time(db, word, config.search_rounds, None)
            board_ms, board_cpu_ms, _ = _time(db, word, config.search_rounds, "tradenews")
            steps = plan(db, word)
            words[label] = {
                "word": word,
                "articles_holding": holding,
                "ms": ms,
                "cpu_ms": cpu_ms,
                "board_ms": board_ms,
                "board_cpu_ms": board_cpu_ms,
                "hits": hits,
                "plan": steps,
                "uses_index": any("VIRTUAL TABLE INDEX" in step for step in steps)
                and not any(_scans_articles(step) for step in steps),
            }
            say(
                f"  {word}: {holding} articles hold it; {ms:.1f} ms ({cpu_ms:.1f} ms CPU),"
                f" one board {board_ms:.1f} ms ({board_cpu_ms:.1f} ms CPU)"
            )
    finally:
        db.close()
    parts = sizes(path)
    results["search"] = {
        "articles": total,
        "build_seconds": built,
        "words": words,
        "bytes_per_article": {part: size / total for part, size in parts.items()},
        "rounds": config.search_rounds,
    }
    if not config.keep:
        remove_db(path)
