"""``kitacrawl reparse``, ``kitacrawl archive prune|export|import|sizes``, ``kitacrawl capture``.

Everything done with the pages the archive kept, and no request to the site:
re-extraction (:mod:`kitacrawl.reparse`), WARC files (:mod:`kitacrawl.warc`),
pruning old versions, and turning an archived page into a golden test fixture.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
from pathlib import Path
from typing import Any, BinaryIO

from kitacrawl import config, site
from kitacrawl.cli.common import CliError, Parser, add_db, db_path, open_db, write_json
from kitacrawl.crawl import project_settings
from kitacrawl.items import ParseError
from kitacrawl.pages import read_article
from kitacrawl.reparse import ReparseResult, reparse, response_of
from kitacrawl.runlock import LockedError
from kitacrawl.session import DatabaseSession, open_session
from kitacrawl.storage import StorageError, archive, queries
from kitacrawl.warc import export, not_a_warc, read, to_fetched


def register(sub: Any) -> None:
    again = sub.add_parser(
        "reparse", help="run today's page code over the archived pages (no request to the site)"
    )
    again.add_argument("--board", help="one board only")
    again.add_argument(
        "--since", metavar="DATE", help=f"pages fetched on or after this day ({queries.DATE_FORMS})"
    )
    again.add_argument("--crawl", type=int, metavar="ID", help="only the pages of this run")
    again.add_argument(
        "--dry-run", action="store_true", help="say what would change, write nothing"
    )
    again.add_argument("--workers", type=int, metavar="N", help="processes (default: every core)")
    add_db(again)
    again.set_defaults(handler=run_reparse)

    store = sub.add_parser(
        "archive", help="the archive of fetched pages: prune, WARC export/import"
    )
    actions = store.add_subparsers(dest="action", metavar="ACTION", parser_class=Parser)
    actions.required = True
    prune = actions.add_parser("prune", help="keep the last N versions of each URL")
    prune.add_argument("--keep", type=int, required=True, metavar="N")
    add_db(prune)
    prune.set_defaults(handler=run_prune)
    out = actions.add_parser("export", help="write the archive as a WARC file (warcio)")
    out.add_argument("--warc", required=True, metavar="FILE.warc.gz")
    out.add_argument(
        "--since", metavar="DATE", help=f"pages fetched on or after this day ({queries.DATE_FORMS})"
    )
    add_db(out)
    out.set_defaults(handler=run_export_warc)
    into = actions.add_parser("import", help="read a WARC file into the archive (then: reparse)")
    into.add_argument("warc", metavar="FILE.warc.gz")
    add_db(into)
    into.set_defaults(handler=run_import_warc)
    sizes = actions.add_parser("sizes", help="what the archive holds and what it costs")
    add_db(sizes)
    sizes.set_defaults(handler=run_sizes)

    capture = sub.add_parser(
        "capture", help="write a golden test fixture from an archived article page"
    )
    capture.add_argument("no", type=int, help="the article number")
    capture.add_argument("--board", default=site.BOARD_NEWS)
    capture.add_argument(
        "--to", required=True, metavar="DIR", help="e.g. tests/golden/article/NAME"
    )
    capture.add_argument("--description", default="", help="what layout or quirk the page shows")
    add_db(capture)
    capture.set_defaults(handler=run_capture)


def _session(args: argparse.Namespace, *, create: bool = False) -> DatabaseSession:
    """The database, locked: these commands write, and a crawl must not run meanwhile."""
    path = db_path(args)
    if not create and not Path(path).is_file():
        raise CliError(f"no database at {path}: run `kitacrawl crawl` first, or give --db PATH")
    try:
        return open_session(path)
    except LockedError as exc:
        raise CliError(f"{exc}; try again when it has finished", 5) from None
    except StorageError as exc:
        raise CliError(str(exc), 6) from None


def _board_paths() -> dict[str, site.BoardPaths]:
    settings = project_settings()
    return {board: config.board_paths(settings, board) for board in site.BOARD_PATHS}


# -- reparse --------------------------------------------------------------------------
def run_reparse(args: argparse.Namespace) -> int:
    if args.since:
        queries.parse_day(args.since)
    if args.workers is not None and args.workers < 1:
        raise CliError("--workers must be at least 1", 2)
    with _session(args) as session:
        result = reparse(
            session.db_path,
            _board_paths(),
            board=args.board,
            since=args.since,
            crawl_id=args.crawl,
            dry_run=args.dry_run,
            workers=args.workers,
            storage=session.storage,
        )
    print_reparse(result)
    return 0


def print_reparse(result: ReparseResult) -> None:
    verb = "would change" if result.dry_run else "changed"
    print(
        f"{result.pages} archived pages read in {result.seconds:.2f} s"
        f" ({result.pages_per_second:.0f} pages/s, {result.workers} workers):"
        f" {result.new} new, {result.changed} {verb}, {result.unchanged} unchanged,"
        f" {result.unparsable} still unreadable; {result.stale_before} rows were made by"
        " another version of the page code"
    )
    for name, count in sorted(result.field_changes.items()):
        print(f"  {name}: {count} {'would change' if result.dry_run else 'changed'}")
    for change in result.examples:
        print(f"--- {change.board} {change.no} {change.field}")
        print(f"-   {_short(change.before)}")
        print(f"+   {_short(change.after)}")
    if result.crawl_id is not None:
        print(f"ledger row: crawls.id = {result.crawl_id} (mode reparse)")


def _short(value: Any, limit: int = 300) -> str:
    text = (
        json.dumps(value, ensure_ascii=False, default=str) if not isinstance(value, str) else value
    )
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- archive ----------------------------------------------------------------------------
def run_prune(args: argparse.Namespace) -> int:
    if args.keep < 1:
        raise CliError("--keep must be at least 1", 2)
    with _session(args) as session:
        conn = session.storage.db.conn
        with session.storage.db.atomic():
            fetches, bodies = archive.prune(conn, args.keep)
    print(f"pruned {fetches} archived fetches and {bodies} bodies; kept the last {args.keep}"
          " versions of each URL and every page an article was derived from")  # fmt: skip
    return 0


def run_export_warc(args: argparse.Namespace) -> int:
    since = queries.parse_day(args.since) if args.since else None
    db = open_db(args)
    try:
        with open(args.warc, "wb") as target:
            count = export(db.conn, target, since=since)
    except OSError as exc:
        raise CliError(f"cannot write {args.warc}: {exc.strerror}") from None
    print(f"wrote {count} archived fetches (request + response records) to {args.warc}")
    return 0


def run_import_warc(args: argparse.Namespace) -> int:
    boards = {
        board: site.BoardUrls(site.DEFAULT_BASE_URL, paths)
        for board, paths in _board_paths().items()
    }
    try:
        source = open(args.warc, "rb")  # noqa: SIM115 - closed by the with below
    except OSError as exc:
        raise CliError(f"cannot read {args.warc}: {exc.strerror}") from None
    with source:
        # Checked before anything is created: a file that is no WARC leaves no database.
        why = not_a_warc(source)
        if why is not None:
            raise CliError(f"{args.warc} is not a WARC file ({why}); nothing imported")
        path = Path(db_path(args))
        created = not path.exists()
        try:
            seen, added = _import(args, source, boards)
        except CliError:
            if created:  # a WARC broken further on: the new, empty database goes too
                _remove_database(path)
            raise
    print(f"read {seen} responses from {args.warc}; {added} new in the archive"
          " (run `kitacrawl reparse` to turn them into articles)")  # fmt: skip
    return 0


def _import(
    args: argparse.Namespace, source: BinaryIO, boards: dict[str, site.BoardUrls]
) -> tuple[int, int]:
    """Every response record of ``source`` into the archive, in one transaction."""
    added = seen = 0
    with _session(args, create=True) as session:
        storage = session.storage
        try:
            with storage.db.atomic():
                for page in read(source):
                    seen += 1
                    added += archive.import_page(
                        storage.db.conn, to_fetched(page, boards), storage.archive_writer
                    )
        except (StorageError, sqlite3.Error):
            raise  # the database's fault, not the file's
        # warcio's errors for a record it cannot read have no common base (see
        # not_a_warc); the transaction is rolled back.
        except Exception as exc:
            why = " ".join(str(exc).split())[:200] or type(exc).__name__
            raise CliError(
                f"{args.warc} is not a readable WARC file ({why}); nothing imported"
            ) from None
    return seen, added


def _remove_database(path: Path) -> None:
    for name in (path.name, f"{path.name}-wal", f"{path.name}-shm", f"{path.name}.lock"):
        (path.parent / name).unlink(missing_ok=True)


def run_sizes(args: argparse.Namespace) -> int:
    db = open_db(args)
    write_json(archive.sizes(db.conn))
    return 0


# -- capture ----------------------------------------------------------------------------
def run_capture(args: argparse.Namespace) -> int:
    db = open_db(args)
    row = db.conn.execute(
        "SELECT id FROM archive WHERE board = ? AND no = ? AND kind = 'article'"
        " ORDER BY (status = 200) DESC, id DESC LIMIT 1",
        (args.board, args.no),
    ).fetchone()
    if row is None:
        raise CliError(f"no archived page of article {args.no} on the {args.board} board")
    page = archive.get(db.conn, row[0])
    assert page is not None
    paths = _board_paths()[args.board]
    urls = site.BoardUrls(page.base_url or site.DEFAULT_BASE_URL, paths)
    response = response_of(page)
    try:
        expected: dict[str, Any] = read_article(
            response, urls=urls, no=args.no, board=args.board
        ).to_json()
    except ParseError as exc:
        expected = {"error": exc.kind}
    folder = Path(args.to)
    if folder.exists() and any(folder.iterdir()):
        raise CliError(f"{folder} exists and is not empty: choose a new fixture name")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "input.html").write_bytes(page.body)
    meta = {
        "url": page.url,
        "base_url": urls.base_url,
        "no": args.no,
        "description": args.description
        or f"captured from the archive ({page.fetched_at}, crawl {page.crawl_id}): describe it",
    }
    for name, data in (("meta.json", meta), ("expected.json", expected)):
        (folder / name).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
    print(f"wrote {folder}/input.html, meta.json and expected.json (drafted by today's page code:"
          " correct it by hand, then add its quirk to the golden tests)")  # fmt: skip
    return 0
