"""``kitacrawl search|show|export|stats|health``: the analysts' and monitors' commands.

Each is a thin layer over :mod:`kitacrawl.storage.queries`: parse the
arguments, call one function, format what it returns.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from kitacrawl import site
from kitacrawl.cli.common import (
    CliError,
    add_db,
    add_format,
    open_db,
    write_csv,
    write_json,
    write_table,
)
from kitacrawl.storage import queries

SEARCH_COLUMNS = ("board", "no", "published", "hits", "title", "snippet", "url")


def register(sub: Any) -> None:
    search = sub.add_parser("search", help="ranked full-text search (FTS5, bm25)")
    search.add_argument("query", help='words, or FTS5 syntax: "supply chain", semicon*, a OR b')
    _add_filters(search)
    search.add_argument("--limit", type=int, default=20, help="at most this many hits (20)")
    add_format(search, ("table", "json", "csv"), "table")
    add_db(search)
    search.set_defaults(handler=run_search)

    show = sub.add_parser("show", help="one article: metadata, links, counter history, revisions")
    show.add_argument("no", type=int, help="the article number (newsView.do?no=N)")
    show.add_argument("--board", default=site.BOARD_NEWS, help="the board (default: news)")
    add_format(show, ("text", "json"), "text")
    add_db(show)
    show.set_defaults(handler=run_show)

    export = sub.add_parser("export", help="every article, streamed (csv, json or jsonl)")
    _add_filters(export)
    add_format(export, ("csv", "json", "jsonl"), "jsonl")
    export.add_argument("--output", metavar="FILE", help="write here instead of stdout")
    add_db(export)
    export.set_defaults(handler=run_export)

    stats = sub.add_parser("stats", help="articles, problems, runs, field coverage, the last run")
    add_format(stats, ("text", "json"), "text")
    add_db(stats)
    stats.set_defaults(handler=run_stats)

    health = sub.add_parser(
        "health",
        help="exit 0 if every board's last run ended ok and recently enough (Nagios plugin"
        " codes); after the status line, one line for each board that is not OK",
    )
    health.add_argument(
        "--max-age",
        type=float,
        default=26,
        metavar="HOURS",
        help="the last ok run must be younger than this (default: 26)",
    )
    health.add_argument("--board", help="judge one board only (default: every board)")
    add_db(health)
    health.set_defaults(handler=run_health)


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--board", help="one board only (news, insights, photos)")
    parser.add_argument(
        "--since",
        metavar="DATE",
        help=f"published on or after this day ({queries.DATE_FORMS}: from its first day)",
    )
    parser.add_argument(
        "--until",
        metavar="DATE",
        help=f"published on or before this day ({queries.DATE_FORMS}: to its last day)",
    )


def _check_dates(args: argparse.Namespace) -> None:
    # Bad dates are refused before any work (and before a file is opened).
    for value, end in ((args.since, False), (args.until, True)):
        if value:
            queries.parse_day(value, end=end)


# -- search ---------------------------------------------------------------------------
def run_search(args: argparse.Namespace) -> int:
    _check_dates(args)
    if args.limit < 1:
        raise CliError("--limit must be at least 1", 2)
    db = open_db(args)
    tty = args.format == "table" and sys.stdout.isatty()
    marks = ("\x1b[1m", "\x1b[0m") if tty else queries.HIGHLIGHT
    hits = queries.search(
        db,
        args.query,
        board=args.board,
        since=args.since,
        until=args.until,
        limit=args.limit,
        highlight=marks,
    )
    if args.format == "json":
        write_json(hits)
    elif args.format == "csv":
        write_csv(hits, (*SEARCH_COLUMNS, "category", "rank"), sys.stdout)
    elif not hits:
        print(f"no article matches {args.query!r}", file=sys.stderr)
    else:
        write_table(hits, ("board", "no", "published", "hits", "title", "snippet"), sys.stdout)
    return 0


# -- show -----------------------------------------------------------------------------
def run_show(args: argparse.Namespace) -> int:
    db = open_db(args)
    found = queries.article(db, args.board, args.no)
    if found is None:
        raise CliError(f"no article {args.no} on the {args.board} board in this database")
    if args.format == "json":
        write_json(found)
        return 0
    out = sys.stdout
    for name in ("board", "no", "title", "category", "subtitle", "published", "hits", "url"):
        if found.get(name) is not None:
            out.write(f"{name + ':':<11}{found[name]}\n")
    out.write(
        f"{'seen:':<11}first {found['first_seen']}, last {found['last_seen']},"
        f" page fetched {found['last_fetched']}, changed {found['last_changed'] or 'never'}\n"
    )
    out.write(f"\n{found['body']}\n")
    if found["links"]:
        out.write("\nlinks:\n")
        for link in found["links"]:
            target = f" (article {link['target_no']})" if link["target_no"] else ""
            out.write(f"  {link['rel']:<10} {link['text'] or ''} <{link['url']}>{target}\n")
    if found["hits_history"]:
        out.write("\nhit counter:\n")
        for point in found["hits_history"]:
            out.write(f"  {point['observed_at']}  {point['hits']:>7}  ({point['source']})\n")
    if found["revisions"]:
        out.write("\nearlier versions:\n")
        for revision in found["revisions"]:
            out.write(f"  replaced {revision['replaced_at']}: {revision['title']}\n")
    return 0


# -- export ---------------------------------------------------------------------------
def run_export(args: argparse.Namespace) -> int:
    _check_dates(args)
    db = open_db(args)
    rows = queries.iter_articles(
        db, board=args.board, since=args.since, until=args.until, links=args.format != "csv"
    )
    with _output(args.output) as out:
        if args.format == "csv":
            write_csv(rows, queries.article_columns(db), out)
        elif args.format == "jsonl":
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False, default=str))
                out.write("\n")
        else:
            _json_array(rows, out)
    return 0


def _json_array(rows: Iterator[dict[str, Any]], out: TextIO) -> None:
    """A JSON array written one element at a time: a large board never sits in memory."""
    out.write("[")
    for i, row in enumerate(rows):
        out.write(",\n" if i else "\n")
        out.write(json.dumps(row, ensure_ascii=False, default=str))
    out.write("\n]\n")


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    if not path:
        yield sys.stdout
        return
    try:
        handle = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise CliError(f"cannot write {path}: {exc.strerror}") from None
    with handle:
        yield handle


# -- stats ----------------------------------------------------------------------------
def run_stats(args: argparse.Namespace) -> int:
    db = open_db(args)
    found = queries.stats(db)
    if args.format == "json":
        write_json(found)
        return 0
    out = sys.stdout
    out.write(f"articles: {found['articles']}\n")
    for board, count in found["articles_by_board"].items():
        out.write(f"  {board:<10} {count:>7}\n")
    out.write("problems by kind:\n")
    for kind, count in found["problems_by_kind"].items():
        out.write(f"  {kind:<18} {count:>7}\n")
    out.write("runs by status:\n")
    for status, count in found["runs_by_status"].items():
        out.write(f"  {status:<12} {count:>7}\n")
    last = found["last_run"]
    if last:
        out.write(
            f"last run: {last['id']} ({last['board']}) {last['status']}, exit {last['exit_code']},"
            f" {last['requests']} requests, {last['started_at']} to {last['finished_at']}\n"
        )
        coverage = ", ".join(
            f"{name} {value:.0%}"
            for name, value in found["field_coverage_last_run"].items()
            if value is not None
        )
        if coverage:
            out.write(f"field coverage of the last run: {coverage}\n")
    else:
        out.write("last run: none finished yet\n")
    stored = ", ".join(
        f"{name} {value:.0%}"
        for name, value in found["field_coverage"].items()
        if value is not None
    )
    if stored:
        out.write(f"field coverage of the stored articles: {stored}\n")
    return 0


# -- health ---------------------------------------------------------------------------
def run_health(args: argparse.Namespace) -> int:
    try:
        db = open_db(args)
    except CliError as exc:
        print(f"KITACRAWL UNKNOWN - {exc}")
        return 3
    verdict = queries.health(db, max_age_hours=args.max_age, board=args.board)
    label = {0: "OK", 1: "WARNING", 2: "CRITICAL"}.get(verdict.code, "UNKNOWN")
    print(f"KITACRAWL {label} - {verdict.message}")
    # Nagios' long output: every board that is not OK, one line each.
    for line in verdict.not_ok:
        print(line)
    return verdict.code
