"""What the database says about itself: every table, view and column described once.

These descriptions are the one place the columns are explained. ``docs/schema.md``
shows them in its column and index tables, generated from this module and a
migrated database (``make docs``, cog; ``make lint`` fails when they are stale),
and ``kitacrawl serve`` hands them to Datasette (with the Markdown backticks
removed); tests keep the schema and this module equal, both ways. The canned
queries are here too, and are the document's worked examples of the same name.

Descriptions are one line of plain text in which `backticks` mark names and
values (Markdown code spans); they contain no ``|`` (it would split a Markdown
table cell).

No Datasette in this module: it is plain data, importable without the extra.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import quote


@dataclass(frozen=True, slots=True)
class Relation:
    """A table or view: what it holds, what each column means, how Datasette shows it."""

    name: str
    kind: Literal["table", "view"]
    description: str
    columns: dict[str, str]
    facets: tuple[str, ...] = ()
    sort_desc: str | None = None
    # Extra Datasette table settings (full-text search, label column, hidden).
    datasette: dict[str, Any] = field(default_factory=dict)
    # What each index serves, by its name ("primary key" for the key), for the document.
    indexes: dict[str, str] = field(default_factory=dict)
    # The type of the values of each column SQLite declares none for (a view's
    # computed columns, FTS5's), for the document.
    types: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CannedQuery:
    name: str
    title: str
    description: str
    # What Datasette runs; `:name` parameters become a form on its page.
    sql: str
    # What docs/schema.md shows, to run as pasted into `sqlite3` (no parameter: a value
    # of its own in the SQL); None when it is `sql` itself.
    standalone: str | None = None

    @property
    def example(self) -> str:
        return self.standalone if self.standalone is not None else self.sql


RELATIONS: tuple[Relation, ...] = (
    Relation(
        "articles",
        "table",
        "one row per article, the latest version",
        {
            "board": "the KITA board the article belongs to (`news`: the English news board;"
            " `tradenews`: the Korean trade news of www.kita.net)",
            "no": "KITA's article id (`newsView.do?no=2530`)",
            "url": "canonical URL, `<base>/about/newsView.do?no=N` (no session id, no list state;"
            " on `tradenews` with the site id: `...totalTradeNewsDetail.do?no=N&siteId=S`)",
            "title": "the board's title field, bullet and trailing spaces removed",
            "subtitle": "the `- ... -` line without its dashes, or NULL",
            "published": "posting date (an ISO date), or NULL (the older layout has none)",
            "hits": "the latest hit counter seen, on the article page or on a list page (see"
            " `hits_source`, `hits_seen_at`); NULL when none was ever seen",
            "body": "clean text; paragraphs separated by one blank line (`\\n\\n`)",
            "content_hash": "SHA-256 of title, subtitle and body; a change means an edit",
            "first_seen": "when a run first stored the article",
            "last_seen": "when a run last saw the article: its row on a list page or its page",
            "last_fetched": "when a run last fetched the article page itself",
            "last_changed": "when title, subtitle or body last changed, NULL if never",
            "crawl_id": "the run that last wrote the row (`crawls.id`)",
            "generation": "how the page was read: by the known selectors of `older` (the"
            " 2017–2022 layout) or `current` (KITA's current framework), or `inferred`: by its"
            " structure, in markup neither uses (or fields the known selectors missed)",
            "category": "a title's category prefix moved out of the title (`KITA News` for"
            " `[KITA News] ...` on KITA Insights); on `tradenews`, what the page's head block says"
            " (`출처: 연합뉴스; 분류: 통상`); else NULL",
            "archive_id": "the archived page the row was last derived from (`archive.id`)",
            "page_code": "the version of the page code that produced the row (a hash of its"
            " source: rows of another version are stale, see `kitacrawl reparse`)",
            "hits_seen_at": "when the counter in `hits` was read (the newest observation in the"
            " `hits` table), NULL without a counter",
            "hits_source": "where it was read: `article` (the article page) or `list` (a list"
            " page), NULL without a counter",
            "site_id": "the site the article belongs to on the Korean trade news (`siteId`: 1, 2"
            " or 6), part of its URL; NULL on the other boards",
        },
        facets=("board", "generation"),
        sort_desc="published",
        # Datasette's search box asks the bigram index, which holds the English words too
        # (kitacrawl serve turns a Korean word into its bigram phrase, as `kitacrawl search`).
        datasette={"fts_table": "articles_search", "fts_pk": "rowid", "label_column": "title"},
        indexes={
            "primary key": "one article; joins from every other table",
            "idx_articles_published": "the latest articles, date ranges",
            "idx_articles_board_published": "the same within one board",
        },
    ),
    Relation(
        "articles_fts",
        "table",
        "the full-text index (FTS5) over the articles' title, subtitle and body",
        {
            "title": "`articles.title`, indexed for search",
            "subtitle": "`articles.subtitle`, indexed for search",
            "body": "`articles.body`, indexed for search",
        },
        types={"title": "TEXT", "subtitle": "TEXT", "body": "TEXT"},
    ),
    Relation(
        "articles_search",
        "table",
        "the full-text index (FTS5) that finds Korean nouns inside words: the articles' text"
        " with Hangul as syllable bigrams, and their board",
        {
            "title": "`articles.title` as indexed (bigrams), not stored: NULL when read",
            "subtitle": "`articles.subtitle` as indexed (bigrams), not stored: NULL when read",
            "body": "`articles.body` as indexed (bigrams), not stored: NULL when read",
            "board": "`articles.board` as one token (a search of one board asks it), not"
            " stored: NULL when read",
        },
        types={"title": "TEXT", "subtitle": "TEXT", "body": "TEXT", "board": "TEXT"},
    ),
    Relation(
        "articles_search_pending",
        "table",
        "what the bigram index holds of rows whose text changed, until kitacrawl takes it out",
        {
            "id": "row id, in the order of the changes",
            "row": "the article's rowid (`articles.rowid`)",
            "title": "its title as it was indexed",
            "subtitle": "its subtitle as it was indexed",
            "body": "its body as it was indexed",
            "board": "its board as it was indexed",
        },
        datasette={"hidden": True},
        indexes={"primary key": ""},
    ),
    Relation(
        "links",
        "table",
        "links found on article pages",
        {
            "id": "row id",
            "board": "the board of the article the link is on",
            "no": "the article the link is on (`articles.no`)",
            "position": "order on the page (prev, next, attachments, then body links and images)",
            "rel": "`prev` (older neighbour), `next` (newer neighbour), `attachment`, `body`,"
            " `image`",
            "url": "absolute URL; KITA hosts rewritten to the base, session ids removed",
            "text": "the neighbour's title, the file name, the link text or the image's alt",
            "target_no": "the article number when the link points at another article of the"
            " board, else NULL",
        },
        facets=("rel",),
        indexes={
            "primary key": "",
            "idx_links_board_no_position": "an article's links in page order",
            "idx_links_target_no": "what links to an article (the neighbour graph backwards)",
            "idx_links_rel": "all links of one kind (attachments)",
        },
    ),
    Relation(
        "hits",
        "table",
        "the history of the hit counters, one row per observation",
        {
            "id": "row id",
            "board": "the board of the article observed",
            "no": "the article observed; a list shows counters of articles whose page may"
            " never have been stored",
            "hits": "the counter read",
            "observed_at": "when it was read",
            "crawl_id": "the run that read it (`crawls.id`)",
            "source": "`list` when read from a list page, `article` from the article page",
        },
        facets=("source",),
        sort_desc="id",
        indexes={
            "primary key": "",
            "idx_hits_board_no_observed_at": "one article's history in time order"
            " (`hit_series`, `article_stats`)",
            "idx_hits_crawl_id": "what one run read",
        },
    ),
    Relation(
        "revisions",
        "table",
        "earlier versions of edited articles",
        {
            "id": "row id",
            "board": "the board of the edited article",
            "no": "the edited article (`articles.no`)",
            "title": "the title of that version",
            "subtitle": "the subtitle of that version, or NULL",
            "body": "the body of that version",
            "content_hash": "SHA-256 of that version's title, subtitle and body",
            "valid_from": "when that version was first seen",
            "replaced_at": "when a run found it replaced",
            "crawl_id": "the run that saw the change (`crawls.id`)",
            "cause": "who changed the text: `site` (an edit seen on the site) or `reparse`"
            " (re-extraction by newer page code)",
        },
        sort_desc="replaced_at",
        indexes={"primary key": "", "idx_revisions_board_no": "one article's earlier versions"},
    ),
    Relation(
        "crawls",
        "table",
        "the run ledger, one row per run",
        {
            "id": "the crawl id other tables refer to",
            "spider": "the spider that ran (`news`)",
            "board": "the board it crawled (`news`)",
            "mode": "`incremental`, `full` or `single` (one article)",
            "base_url": "the site crawled",
            "started_at": "when the run started",
            "finished_at": "when it ended; NULL while it runs or when it was killed",
            "status": "`running`, `ok`, `failed`, `drift`, `interrupted`, `skipped` (another"
            " run held the lock)",
            "finish_reason": "Scrapy's reason (`finished`, `shutdown`, ...), `locked` for a"
            " skipped run, or `killed` for a run found dead",
            "exit_code": "the process exit code (see the README)",
            "requests": "HTTP requests made (robots.txt and retries included)",
            "responses": "HTTP answers received (robots.txt and retries included)",
            "list_pages": "list pages read",
            "article_pages": "article pages that reached the parser",
            "articles_new": "articles stored for the first time",
            "articles_changed": "articles whose title, subtitle or body changed",
            "articles_unchanged": "articles fetched again and found unchanged",
            "problems": "rows this run added to `problems`",
            "hit_observations": "counters read off list pages",
            "share_published": "share of this run's articles with a posting date",
            "share_hits": "share of this run's articles with a hit counter",
            "share_subtitle": "share of this run's articles with a subtitle",
            "share_body": "share of this run's articles with a body",
            "collapsed_fields": "JSON list of fields whose extraction collapsed (layout"
            " drift), else NULL",
            "message": "a one-line explanation for non-`ok` runs, naming the cause and where"
            " (`list page 1 was lost: connection refused (127.0.0.1:8000)`, `... HTTP 404 at"
            " <url>`, `robots.txt forbids <url>`, `no such archive: <file> does not exist`)",
            "pid": "the process id",
            "article_failures": "article fetches that failed for a passing reason (retries"
            " of pages already failing before the run left out); more than"
            " `KITACRAWL_FAILED_SHARE` of the article fetches makes the run `failed`",
            "archived_pages": "pages this run kept in the archive (a drifted run's too)",
            "pages_older": "list and article pages this run read by the known selectors of"
            " the 2017–2022 layout",
            "pages_current": "list and article pages read by the known selectors of KITA's"
            " current template",
            "pages_inferred": "list and article pages read by their structure (markup neither"
            " generation uses, or fields the known selectors missed); NULL for runs before"
            " these were counted",
        },
        facets=("status", "mode"),
        sort_desc="id",
        indexes={
            "primary key": "",
            "idx_crawls_board_status": "the last `ok` run of a board (freshness, the drift"
            " baseline)",
        },
    ),
    Relation(
        "problems",
        "table",
        "pages that could not be stored as articles, one row per attempt",
        {
            "id": "row id",
            "crawl_id": "the run that made the attempt (`crawls.id`)",
            "board": "the board, when known",
            "no": "the article number, when known",
            "url": "the page asked for",
            "kind": "what went wrong: a final or a passing kind (listed below)",
            "detail": "the error or the reason, in words (at most 2,000 characters)",
            "observed_at": "when the attempt was made",
            "archive_id": "the archived page the problem came from (`archive.id`), if kept",
        },
        facets=("kind", "board"),
        sort_desc="id",
        indexes={
            "primary key": "",
            "idx_problems_board_no": "one article's attempts (migration 001; the next index"
            " covers the same)",
            "idx_problems_board_no_observed_at": "one article's attempts in time order (retry"
            " schedules)",
            "idx_problems_crawl_id": "what one run could not store",
            "idx_problems_kind": "problems by kind",
        },
    ),
    Relation(
        "archive",
        "table",
        "every page a run fetched, one row per fetch (the body in `archive_bodies`)",
        {
            "id": "row id; `articles.archive_id` and `problems.archive_id` point here",
            "board": "the board the page belongs to",
            "no": "the article the page is of (NULL for list pages)",
            "kind": "`article`, `list` or `other` (a WARC import's page of neither board)",
            "url": "the final URL after redirects, session ids removed",
            "requested_url": "the URL asked for, when a redirect led elsewhere",
            "status": "the HTTP status",
            "headers": "JSON object of the response headers needed to read the body"
            " (`Content-Type` and its charset, ...)",
            "fetched_at": "when the page was fetched",
            "crawl_id": "the run (`crawls.id`); NULL for pages imported from a WARC",
            "base_url": "the site's base URL the page was fetched from (re-extraction"
            " resolves links against it)",
            "body_hash": "the body (`archive_bodies.hash`)",
        },
        facets=("kind", "board", "status"),
        sort_desc="id",
        datasette={"hidden": True},
        indexes={
            "primary key": "",
            "idx_archive_url_id": "the versions of one URL (prune, offline replay)",
            "idx_archive_board_no_kind_id": "the latest page of each article (reparse, capture)",
            "idx_archive_crawl_id": "the pages of one run (`reparse --crawl`)",
            "idx_archive_body_hash": "which fetches share a body (prune)",
        },
    ),
    Relation(
        "archive_bodies",
        "table",
        "each distinct body of an archived page once, compressed",
        {
            "hash": "SHA-256 of the body as served",
            "codec": "how `body` is packed: `zstd+dict` (zstd with the dictionary `dict_hash`,"
            " as raw content), `zstd` (no dictionary yet); older rows `zlib+dict` (zlib with"
            " the preset dictionary `dict_hash`) or `zlib`",
            "size": "bytes as served",
            "stored": "bytes as stored",
            "body": "the packed body",
            "dict_hash": "the dictionary it was packed with (`archive_dicts.hash`), if any",
        },
        datasette={"hidden": True},
        indexes={"primary key": "one body, stored once"},
    ),
    Relation(
        "archive_dicts",
        "table",
        "the dictionaries the archive's bodies are packed with, per board and kind (the latest"
        " is the current one)",
        {
            "hash": "SHA-256 of the dictionary",
            "board": "the board whose pages it serves",
            "kind": "the kind of page it serves (`article`, `list`, ...)",
            "body": "the dictionary: a page of that board and kind (its first page, or the first"
            " of a new markup), up to 256 kB; 32 kB for those of `zlib+dict`",
            "created_at": "when it was made",
        },
        datasette={"hidden": True},
        indexes={
            "primary key": "",
            "idx_archive_dicts_board_kind": "the dictionary of a board's pages",
        },
    ),
    Relation(
        "board_state",
        "table",
        "what incremental runs trust, one row per board",
        {
            "board": "the board",
            "complete_upto": "every listed article numbered at or below it was stored, is"
            " known to be gone, or has a retry schedule",
            "updated_at": "when a run last moved it",
            "crawl_id": "the run that moved it (`crawls.id`)",
            "list_path": "the list path the board last answered at (a run asks it first);"
            " NULL: the first of the board's paths",
            "since": "the board's horizon (`kitacrawl crawl --since`, an ISO date): rows listed"
            " before it are neither fetched nor paged to, by the runs after it too; NULL: none",
            "complete_since": "the horizon `complete_upto` vouches for: from this day on (NULL:"
            " the whole board)",
            "resume_page": "where a sweep that stopped before the end of the list got to: every"
            " list page up to it read and its articles stored or tried (the next run goes on"
            " from there); NULL once a sweep reaches its end",
            "resume_top": "the top row (article id) of that sweep's list page 1: how far the list"
            " has moved since is counted from it",
        },
        indexes={"primary key": ""},
    ),
    Relation(
        "_sqlite_migrations",
        "table",
        "the schema migrations applied to this file (sqlite-utils' ledger)",
        {
            "id": "row id, in the order they were applied",
            "migration_set": "the set the migration belongs to: `kitacrawl`",
            "name": "the migration (`001_initial`, ...; see `kitacrawl/storage/schema.py`)",
            "applied_at": "when it was applied, in UTC, as sqlite-utils writes it"
            " (`2026-12-04 18:28:10.123456+00:00`; rows adopted from kitacrawl's own runner"
            " keep its form, `2026-11-28T06:22:44Z`)",
        },
        datasette={"hidden": True},
        indexes={
            "primary key": "",
            "idx__sqlite_migrations_migration_set_name": "one row per migration of a set",
        },
    ),
    Relation(
        "hit_series",
        "view",
        "one row per article and day it was observed, with the last counter of that day",
        {
            "board": "the board of the article",
            "no": "the article",
            "day": "the day of the observations (UTC, an ISO date)",
            "hits": "the last counter read that day",
        },
        types={"day": "TEXT"},
    ),
    Relation(
        "article_stats",
        "view",
        "one row per article: its counter now, when it was observed, how fast it is read",
        {
            "board": "`articles.board`",
            "no": "`articles.no`",
            "title": "`articles.title`",
            "category": "`articles.category`",
            "published": "`articles.published`",
            "month": "the month of `published` (`2020-09`), NULL when undated",
            "hits": "`articles.hits`: the latest counter seen, on the article page or a list",
            "first_observed": "the first observation of its counter, NULL if never observed",
            "last_observed": "the last observation of its counter, NULL if never observed",
            "days_observed": "days on which its counter was read (its rows in `hit_series`)",
            "hits_per_day": "`hits` over the days from `published` to the last observation"
            " (at least one), to 2 places; NULL without a date or a counter",
            "url": "`articles.url`",
        },
        facets=("board", "month"),
        sort_desc="published",
        types={
            "month": "TEXT",
            "first_observed": "TEXT",
            "last_observed": "TEXT",
            "days_observed": "INTEGER",
            "hits_per_day": "REAL",
        },
    ),
    Relation(
        "monthly_counts",
        "view",
        "articles published each month, per board (undated articles left out)",
        {
            "board": "the board",
            "month": "the month (`2020-09`)",
            "articles": "articles published that month",
        },
        sort_desc="month",
        types={"month": "TEXT", "articles": "INTEGER"},
    ),
)

BY_NAME = {relation.name: relation for relation in RELATIONS}

# FTS5 keeps the index in these tables of its own: not queried, not described.
FTS_SHADOW_SUFFIXES = ("_config", "_data", "_docsize", "_idx", "_content")


CANNED_QUERIES: tuple[CannedQuery, ...] = (
    CannedQuery(
        "latest_articles",
        "Latest articles",
        "The 50 most recently published articles (undated ones last).",
        """
SELECT board, no, published, hits, title, url
FROM articles
ORDER BY published DESC, no DESC
LIMIT 50
""",
    ),
    CannedQuery(
        "top_read",
        "Most read",
        "The 50 articles with the highest counters, with how fast they are read (a"
        " counter shown on the list only counts too).",
        """
SELECT board, no, published, hits, hits_per_day, title, url
FROM article_stats
WHERE hits IS NOT NULL
ORDER BY hits DESC, no DESC
LIMIT 50
""",
    ),
    CannedQuery(
        "hit_growth",
        "Hit growth of one article",
        "The counter of article :no at the end of each day it was observed, what it"
        " gained since the previous observation, and how many days after publication.",
        """
SELECT s.board, s.no, a.published, s.day,
       CAST(julianday(s.day) - julianday(a.published) AS INTEGER) AS days_after,
       s.hits,
       s.hits - lag(s.hits) OVER (PARTITION BY s.board, s.no ORDER BY s.day) AS gained
FROM hit_series s
LEFT JOIN articles a ON a.board = s.board AND a.no = s.no
WHERE s.no = :no
ORDER BY s.board, s.day
""",
        standalone="""
WITH chosen AS (
  -- the article read on the most occasions; for another: SELECT 'news' AS board, 2530 AS no
  SELECT board, no FROM hits GROUP BY board, no ORDER BY count(*) DESC, no DESC LIMIT 1
)
SELECT s.board, s.no, a.published, s.day,
       CAST(julianday(s.day) - julianday(a.published) AS INTEGER) AS days_after,
       s.hits,
       s.hits - lag(s.hits) OVER (PARTITION BY s.board, s.no ORDER BY s.day) AS gained
FROM chosen c
JOIN hit_series s ON s.board = c.board AND s.no = c.no
LEFT JOIN articles a ON a.board = s.board AND a.no = s.no
ORDER BY s.board, s.day
""",
    ),
    CannedQuery(
        "neighbours",
        "Neighbour graph",
        "Every prev/next link between articles: an edge from no to target_no."
        " target_stored is 0 when the neighbour is not (or no longer) in the database.",
        """
SELECT l.board, l.no, l.rel, l.target_no, t.title AS target_title,
       t.no IS NOT NULL AS target_stored
FROM links l
LEFT JOIN articles t ON t.board = l.board AND t.no = l.target_no
WHERE l.rel IN ('prev', 'next')
ORDER BY l.board, l.no DESC, l.rel
""",
    ),
    CannedQuery(
        "attachments",
        "Attachments",
        "Files attached to articles, newest articles first.",
        """
SELECT a.board, a.no, a.published, a.title, l.text AS file, l.url
FROM links l
JOIN articles a ON a.board = l.board AND a.no = l.no
WHERE l.rel = 'attachment'
ORDER BY a.published DESC, a.no DESC, l.position
""",
    ),
    CannedQuery(
        "failed_runs",
        "Runs that failed",
        "Runs that ended failed, drift or interrupted, the latest first, with why.",
        """
SELECT id, board, mode, started_at, finished_at, status, exit_code, message
FROM crawls
WHERE status IN ('failed', 'drift', 'interrupted')
ORDER BY id DESC
""",
    ),
    CannedQuery(
        "problems_by_kind",
        "Problems by kind",
        "Attempts that could not be stored, by kind: how many, at how many articles, when.",
        """
SELECT kind, count(*) AS attempts, count(DISTINCT board || '/' || no) AS articles,
       min(observed_at) AS first_seen, max(observed_at) AS last_seen
FROM problems
GROUP BY kind
ORDER BY attempts DESC, kind
""",
    ),
    CannedQuery(
        "freshness",
        "Freshness",
        "The last run of each board that ended ok, and how many hours ago it finished.",
        """
SELECT c.board, c.id AS last_ok_run, c.finished_at,
       round((julianday('now') - julianday(c.finished_at)) * 24, 1) AS hours_ago
FROM crawls c
WHERE c.id = (SELECT max(id) FROM crawls WHERE board = c.board AND status = 'ok')
ORDER BY c.board
""",
    ),
    CannedQuery(
        "edits",
        "Edits",
        "Articles whose text changed, with the title each earlier version had.",
        """
SELECT r.board, r.no, r.replaced_at, r.title AS old_title, a.title AS title,
       length(a.body) - length(r.body) AS chars_added
FROM revisions r
JOIN articles a ON a.board = r.board AND a.no = r.no
ORDER BY r.replaced_at DESC, r.id DESC
""",
    ),
)

CANNED_BY_NAME = {query.name: query for query in CANNED_QUERIES}

# Datasette's defaults are for a public server; this is one analyst on a laptop or
# an intranet box, and a few worked examples read the whole hit history. An article's
# body in a table cell is cut to a line or two (the row page shows it whole).
SETTINGS: dict[str, Any] = {
    "sql_time_limit_ms": 5000,
    "facet_time_limit_ms": 1000,
    "truncate_cells_html": 200,
}

# Datasette 0.65 writes a table's column descriptions above its rows, a screen of them
# on `articles` or `crawls`: on table pages they move below the rows (flex order), under
# a heading. Each column's cog menu shows its own description too.
TABLE_PAGE_CSS = """
body.table section.content { display: flex; flex-direction: column; }
body.table section.content > dl.column-descriptions { order: 1; margin-top: 2em; }
body.table section.content > dl.column-descriptions::before {
  content: "Columns"; display: block; font-size: 1.17em; font-weight: bold; margin-bottom: 0.5em;
}
"""


def plain(text: str) -> str:
    """A description as plain text: Datasette shows Markdown's backticks as they are."""
    return text.replace("`", "")


def datasette_metadata(database: str) -> dict[str, Any]:
    """Datasette's metadata for a kitacrawl database served under the name ``database``."""
    tables: dict[str, Any] = {}
    for relation in RELATIONS:
        entry: dict[str, Any] = {
            "description": plain(relation.description),
            "columns": {name: plain(text) for name, text in relation.columns.items()},
            **relation.datasette,
        }
        if relation.facets:
            entry["facets"] = list(relation.facets)
        if relation.sort_desc:
            entry["sort_desc"] = relation.sort_desc
        tables[relation.name] = entry
    return {
        "title": "kitacrawl: KITA's English news",
        "description": "Articles of the Korea International Trade Association's English"
        " news (www.kita.org), their hit counters over time, links, and the crawl's own"
        " ledger. The tables and views are described in docs/schema.md.",
        "source": "KITA (www.kita.org)",
        "source_url": "http://www.kita.org/about/newsList.do",
        # Inline, as a data: URL: no file to serve or to package.
        "extra_css_urls": ["data:text/css," + quote(" ".join(TABLE_PAGE_CSS.split()))],
        "databases": {
            database: {
                "tables": tables,
                "queries": {
                    query.name: {
                        "title": query.title,
                        "description": query.description,
                        "sql": query.sql.strip(),
                    }
                    for query in CANNED_QUERIES
                },
            }
        },
    }
