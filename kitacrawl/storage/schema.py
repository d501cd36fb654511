"""The database schema: the analysts' API, built by small named migrations.

This module is the only place that creates or alters tables; ``docs/schema.md``
describes the same tables for the people who query them. Migrations are
append-only: a released one is never edited, a change is a new migration.

They run through sqlite-utils' own runner (:class:`sqlite_utils.migrations.Migrations`),
as the set ``kitacrawl`` in its ledger ``_sqlite_migrations``. Databases written
before (up to migration 007) kept their history in ``_kitacrawl_migrations``,
kitacrawl's own runner's table: the first step moves those rows into the new
ledger, times and all, so such a file upgrades in place and its history stays.
"""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.migrations import Migrations

from kitacrawl.storage import ngrams

MIGRATIONS = Migrations("kitacrawl")
# sqlite-utils' ledger, shared by every migration set of a file (``migration_set``).
MIGRATIONS_TABLE = Migrations.migrations_table
# kitacrawl's own runner's ledger (migrations 001 to 007), adopted by the first step.
LEGACY_MIGRATIONS_TABLE = "_kitacrawl_migrations"
ADOPT = "000_adopt_kitacrawl_migrations"

# A ledger row of `kitacrawl reparse` (crawls.mode): re-extraction, no crawl of the site.
REPARSE = "reparse"

# Statuses of a run in `crawls.status`.
RUNNING, OK, FAILED, DRIFT, INTERRUPTED, SKIPPED = (
    "running",
    "ok",
    "failed",
    "drift",
    "interrupted",
    "skipped",
)

_FTS_TRIGGERS = """
CREATE TRIGGER [articles_ai] AFTER INSERT ON [articles] BEGIN
  INSERT INTO [articles_fts] (rowid, [title], [subtitle], [body])
  VALUES (new.rowid, new.[title], new.[subtitle], new.[body]);
END;
CREATE TRIGGER [articles_ad] AFTER DELETE ON [articles] BEGIN
  INSERT INTO [articles_fts] ([articles_fts], rowid, [title], [subtitle], [body])
  VALUES ('delete', old.rowid, old.[title], old.[subtitle], old.[body]);
END;
-- Only text changes touch the index: refreshing a hit counter must stay cheap.
CREATE TRIGGER [articles_au] AFTER UPDATE OF [title], [subtitle], [body] ON [articles] BEGIN
  INSERT INTO [articles_fts] ([articles_fts], rowid, [title], [subtitle], [body])
  VALUES ('delete', old.rowid, old.[title], old.[subtitle], old.[body]);
  INSERT INTO [articles_fts] (rowid, [title], [subtitle], [body])
  VALUES (new.rowid, new.[title], new.[subtitle], new.[body]);
END;
"""


@MIGRATIONS(name=ADOPT)
def _m000_adopt_kitacrawl_migrations(db: sqlite_utils.Database) -> None:
    # A file of kitacrawl's own runner: its applied migrations become rows of this
    # set, in the order and with the times they were applied. (A new file has none.)
    if LEGACY_MIGRATIONS_TABLE not in db.table_names():
        return
    db.execute(
        f"INSERT INTO [{MIGRATIONS_TABLE}] (migration_set, name, applied_at)"
        f" SELECT ?, name, applied_at FROM [{LEGACY_MIGRATIONS_TABLE}] ORDER BY rowid",
        [MIGRATIONS.name],
    )
    db.execute(f"DROP TABLE [{LEGACY_MIGRATIONS_TABLE}]")


@MIGRATIONS(name="001_initial")
def _m001_initial(db: sqlite_utils.Database) -> None:
    db.table("articles").create(
        {
            "board": str,
            "no": int,
            "url": str,
            "title": str,
            "subtitle": str,
            "published": str,
            "hits": int,
            "body": str,
            "content_hash": str,
            "first_seen": str,
            "last_seen": str,
            "last_fetched": str,
            "last_changed": str,
            "crawl_id": int,
        },
        pk=("board", "no"),
        not_null={"board", "no", "url", "title", "body", "content_hash", "first_seen", "last_seen"},
    )
    db.table("articles").create_index(["published"])
    db.table("articles").enable_fts(["title", "subtitle", "body"], create_triggers=False)
    db.executescript(_FTS_TRIGGERS)

    db.table("links").create(
        {
            "id": int,
            "board": str,
            "no": int,
            "position": int,
            "rel": str,
            "url": str,
            "text": str,
            "target_no": int,
        },
        pk="id",
        not_null={"board", "no", "position", "rel", "url"},
    )
    db.table("links").create_index(["board", "no", "position"], unique=True)
    db.table("links").create_index(["target_no"])

    db.table("hits").create(
        {
            "id": int,
            "board": str,
            "no": int,
            "hits": int,
            "observed_at": str,
            "crawl_id": int,
            "source": str,
        },
        pk="id",
        not_null={"board", "no", "hits", "observed_at"},
    )
    db.table("hits").create_index(["board", "no", "observed_at"])

    db.table("crawls").create(
        {
            "id": int,
            "spider": str,
            "board": str,
            "mode": str,
            "base_url": str,
            "started_at": str,
            "finished_at": str,
            "status": str,
            "finish_reason": str,
            "exit_code": int,
            "requests": int,
            "responses": int,
            "list_pages": int,
            "article_pages": int,
            "articles_new": int,
            "articles_changed": int,
            "articles_unchanged": int,
            "problems": int,
            "hit_observations": int,
            "share_published": float,
            "share_hits": float,
            "share_subtitle": float,
            "share_body": float,
            "collapsed_fields": str,
            "message": str,
            "pid": int,
        },
        pk="id",
        not_null={"spider", "started_at", "status"},
    )

    db.table("problems").create(
        {
            "id": int,
            "crawl_id": int,
            "board": str,
            "no": int,
            "url": str,
            "kind": str,
            "detail": str,
            "observed_at": str,
        },
        pk="id",
        not_null={"url", "kind", "observed_at"},
    )
    db.table("problems").create_index(["board", "no"])
    db.table("problems").create_index(["crawl_id"])

    db.table("revisions").create(
        {
            "id": int,
            "board": str,
            "no": int,
            "title": str,
            "subtitle": str,
            "body": str,
            "content_hash": str,
            "valid_from": str,
            "replaced_at": str,
            "crawl_id": int,
        },
        pk="id",
        not_null={"board", "no", "title", "body", "replaced_at"},
    )
    db.table("revisions").create_index(["board", "no"])

    # What an incremental run may trust: every listed article numbered at or
    # below `complete_upto` was stored (or is known to be gone).
    db.table("board_state").create(
        {"board": str, "complete_upto": int, "updated_at": str, "crawl_id": int},
        pk="board",
    )


@MIGRATIONS(name="002_generation_and_failures")
def _m002_generation_and_failures(db: sqlite_utils.Database) -> None:
    # Which markup an article was read from, and a title's category prefix.
    db.table("articles").add_column("generation", str)
    db.table("articles").add_column("category", str)
    db.execute("UPDATE articles SET generation = 'older' WHERE generation IS NULL")
    # Article fetches that failed for a passing reason: what makes a run `failed`.
    db.table("crawls").add_column("article_failures", int)
    # Retry schedules read the attempts of one article in time order.
    db.table("problems").create_index(["board", "no", "observed_at"])
    db.table("crawls").create_index(["board", "status"])


# Analysts' views: derived from the tables, so they are always in step with them.
VIEWS = {
    # The last counter of each article on each day it was observed.
    "hit_series": """
SELECT board, no, day, hits FROM (
  SELECT board, no, substr(observed_at, 1, 10) AS day, hits,
         row_number() OVER (
           PARTITION BY board, no, substr(observed_at, 1, 10)
           ORDER BY observed_at DESC, id DESC
         ) AS latest
  FROM hits
) WHERE latest = 1
""",
    # One row per article: its counter now, when it was observed, how fast it is read.
    # Each figure is a subquery on the hits index for that article alone (not a join
    # with an aggregate of the whole history), so a read of a few articles (a page,
    # a filter on `no` or `month`, a count) costs only those articles (migration 005).
    # `articles.hits` is the latest counter from any source (migration 008).
    "article_stats": """
SELECT board, no, title, category, published, month, hits,
       first_observed, last_observed, days_observed,
       CASE WHEN published IS NULL OR hits IS NULL THEN NULL
            ELSE round(hits / max(1.0,
                   julianday(substr(coalesce(last_observed, last_seen), 1, 10))
                   - julianday(published)), 2)
       END AS hits_per_day,
       url
FROM (
  SELECT a.board, a.no, a.title, a.category, a.published,
         substr(a.published, 1, 7) AS month,
         a.hits,
         (SELECT min(h.observed_at) FROM hits h
          WHERE h.board = a.board AND h.no = a.no) AS first_observed,
         (SELECT max(h.observed_at) FROM hits h
          WHERE h.board = a.board AND h.no = a.no) AS last_observed,
         (SELECT count(DISTINCT substr(h.observed_at, 1, 10)) FROM hits h
          WHERE h.board = a.board AND h.no = a.no) AS days_observed,
         a.last_seen, a.url
  FROM articles a
)
""",
    # Articles published each month (undated articles are left out).
    "monthly_counts": """
SELECT board, substr(published, 1, 7) AS month, count(*) AS articles
FROM articles WHERE published IS NOT NULL
GROUP BY board, month
""",
}


def _create_views(db: sqlite_utils.Database) -> None:
    for name, sql in VIEWS.items():
        db.execute(f"DROP VIEW IF EXISTS [{name}]")
        db.execute(f"CREATE VIEW [{name}] AS {sql.strip()}")


@MIGRATIONS(name="003_views_and_indexes")
def _m003_views_and_indexes(db: sqlite_utils.Database) -> None:
    _create_views(db)
    # For the documented queries (docs/schema.md): by board and date, links by kind,
    # problems by kind, a run's observations.
    db.table("articles").create_index(["board", "published"])
    db.table("links").create_index(["rel"])
    db.table("problems").create_index(["kind"])
    db.table("hits").create_index(["crawl_id"])


@MIGRATIONS(name="004_archive")
def _m004_archive(db: sqlite_utils.Database) -> None:
    # Each distinct body once, compressed, under its SHA-256.
    db.execute(
        "CREATE TABLE [archive_bodies] ([hash] TEXT PRIMARY KEY, [codec] TEXT NOT NULL,"
        " [size] INTEGER NOT NULL, [stored] INTEGER NOT NULL, [body] BLOB NOT NULL)"
    )
    # One row per fetch: what a run got, pointing at its body.
    db.execute(
        "CREATE TABLE [archive] ([id] INTEGER PRIMARY KEY, [board] TEXT, [no] INTEGER,"
        " [kind] TEXT NOT NULL, [url] TEXT NOT NULL, [requested_url] TEXT,"
        " [status] INTEGER NOT NULL, [headers] TEXT, [fetched_at] TEXT NOT NULL,"
        " [crawl_id] INTEGER, [base_url] TEXT,"
        " [body_hash] TEXT NOT NULL REFERENCES [archive_bodies]([hash]))"
    )
    db.table("archive").create_index(["url", "id"])
    db.table("archive").create_index(["board", "no", "kind", "id"])
    db.table("archive").create_index(["crawl_id"])
    db.table("archive").create_index(["body_hash"])
    # The page an article was last derived from, and the page code that read it.
    db.table("articles").add_column("archive_id", int)
    db.table("articles").add_column("page_code", str)
    # The page a problem came from (an unparsable page can be read again).
    db.table("problems").add_column("archive_id", int)
    # Who changed the text: the site (an edit) or kitacrawl (re-extraction).
    db.table("revisions").add_column("cause", str)
    db.execute("UPDATE revisions SET cause = 'site' WHERE cause IS NULL")
    db.table("crawls").add_column("archived_pages", int)


@MIGRATIONS(name="005_article_stats_per_article")
def _m005_article_stats_per_article(db: sqlite_utils.Database) -> None:
    # article_stats joined every article with an aggregate of the whole hit history:
    # at a million observations any read of it took a second or more (Datasette's time
    # limit), even for one article. Same rows, read per article now.
    _create_views(db)


@MIGRATIONS(name="006_archive_dictionaries")
def _m006_archive_dictionaries(db: sqlite_utils.Database) -> None:
    # Preset dictionaries for the archive's zlib: pages of a board share their chrome.
    db.execute(
        "CREATE TABLE [archive_dicts] ([hash] TEXT PRIMARY KEY, [board] TEXT, [kind] TEXT,"
        " [body] BLOB NOT NULL, [created_at] TEXT)"
    )
    db.table("archive_dicts").create_index(["board", "kind"])
    db.table("archive_bodies").add_column("dict_hash", str)


@MIGRATIONS(name="007_index_inserts_in_bulk")
def _m007_index_inserts_in_bulk(db: sqlite_utils.Database) -> None:
    # Storage indexes new articles itself, one statement per batch, in the same
    # transaction (Storage._index_new_articles): an insert trigger wrote one FTS5
    # segment per article. Updates and deletes keep their triggers.
    db.execute("DROP TRIGGER IF EXISTS [articles_ai]")


@MIGRATIONS(name="008_latest_counter_from_any_source")
def _m008_latest_counter_from_any_source(db: sqlite_utils.Database) -> None:
    # `articles.hits` becomes the latest counter seen from any source, the article page
    # or a list, with when and where it was read. Before, an article whose page shows
    # no counter kept NULL there although the lists showed one (kept in `hits` only).
    db.table("articles").add_column("hits_seen_at", str)
    db.table("articles").add_column("hits_source", str)
    db.execute(
        "UPDATE articles SET (hits, hits_seen_at, hits_source) = ("
        " SELECT h.hits, h.observed_at, h.source FROM hits h"
        " WHERE h.board = articles.board AND h.no = articles.no"
        " ORDER BY h.observed_at DESC, h.id DESC LIMIT 1)"
        " WHERE EXISTS (SELECT 1 FROM hits h WHERE h.board = articles.board AND h.no = articles.no)"
    )
    # A counter no observation stands behind (re-extracted from an imported page): it was
    # read off the page the row comes from, when that page was fetched.
    db.execute(
        "UPDATE articles SET hits_source = 'article', hits_seen_at = coalesce("
        " (SELECT fetched_at FROM archive WHERE archive.id = articles.archive_id), last_fetched)"
        " WHERE hits IS NOT NULL AND hits_seen_at IS NULL"
    )
    _create_views(db)


@MIGRATIONS(name="009_pages_read_each_way_and_where_boards_answer")
def _m009_pages_read_each_way_and_where_boards_answer(db: sqlite_utils.Database) -> None:
    # How each run read its pages: by the known selectors of either markup
    # generation, or by structure (markup never seen); a run reading most of its
    # pages by structure says so, and an analyst sees when the site changed.
    for column in ("pages_older", "pages_current", "pages_inferred"):
        db.table("crawls").add_column(column, int)
    # The list path a board last answered at: the next run asks it first (a board
    # found at its second path costs no 404 a run).
    db.table("board_state").add_column("list_path", str)


# The Korean search index (kitacrawl.storage.ngrams): what changes the articles' text
# keeps the old text here; Storage's own writes take it out of the index at once, and
# what plain SQL did is found by the next kitacrawl write, which builds the index again
# (Storage.reconcile_search).
_SEARCH_TRIGGERS = tuple(
    f"CREATE TRIGGER [{ngrams.TABLE}_{name}] AFTER {event} ON [articles] BEGIN"
    f" INSERT INTO [{ngrams.PENDING}] ([row], [title], [subtitle], [body], [board])"
    " VALUES (old.rowid, old.[title], old.[subtitle], old.[body], old.[board]); END"
    for name, event in (("au", "UPDATE OF [title], [subtitle], [body], [board]"), ("ad", "DELETE"))
)


@MIGRATIONS(name="010_korean_search_site_ids_horizons")
def _m010_korean_search_site_ids_horizons(db: sqlite_utils.Database) -> None:
    # KITA's Korean trade news: an article's site id (part of its canonical URL).
    db.table("articles").add_column("site_id", int)
    # A board's horizon (`kitacrawl crawl --since`) and the one its mark vouches for;
    # where a sweep that stopped before the end of the list got to (the next run goes on
    # from there).
    db.table("board_state").add_column("since", str)
    db.table("board_state").add_column("complete_since", str)
    db.table("board_state").add_column("resume_page", int)
    db.table("board_state").add_column("resume_top", int)
    # Search that finds Korean nouns inside words: the articles' text with every Hangul
    # run as its syllable bigrams, and the board as a token, in an FTS5 index without
    # content of its own.
    db.execute(
        f"CREATE VIRTUAL TABLE [{ngrams.TABLE}] USING fts5("
        + ", ".join(f"[{name}]" for name in ngrams.COLUMNS)
        + ", content='')"
    )
    db.execute(
        f"CREATE TABLE [{ngrams.PENDING}] ([id] INTEGER PRIMARY KEY, [row] INTEGER NOT NULL,"
        " [title] TEXT, [subtitle] TEXT, [body] TEXT, [board] TEXT)"
    )
    # One statement each: executescript would commit the migrations' transaction.
    for trigger in _SEARCH_TRIGGERS:
        db.execute(trigger)
    ngrams.rebuild(db.conn)


def migrate(db: sqlite_utils.Database) -> list[str]:
    """Apply the migrations this database lacks, all in one transaction; their names.

    ``BEGIN IMMEDIATE`` takes the write lock up front, so a reader or a second
    process opening the same file waits its turn instead of failing midway (and
    then finds the work done: what is pending is read again under the lock).
    A database that is up to date is only read: an analyst's query never waits
    for a running crawl's write lock. Migrations adopted from the older ledger
    were applied before, not now: they are not in the answer.
    """
    if not MIGRATIONS.pending(db):
        return []
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        before = _applied(db)
        if ADOPT not in before:
            # The adoption alone first: the runner decides what is pending once per
            # apply(), and after the adoption 001 to 007 are no longer pending.
            MIGRATIONS.apply(db, stop_before="001_initial")
        adopted = _applied(db) - before - {ADOPT}
        MIGRATIONS.apply(db)
        done = [name for name in _applied_in_order(db) if name not in before | adopted]
        db.conn.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    return done


def _applied_in_order(db: sqlite_utils.Database) -> list[str]:
    return [migration.name for migration in MIGRATIONS.applied(db)]


def _applied(db: sqlite_utils.Database) -> set[str]:
    return set(_applied_in_order(db))
