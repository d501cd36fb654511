"""``kitacrawl report``: one self-contained HTML page for analysts, opened offline.

A thin layer over :mod:`kitacrawl.report`: read the database into a report
(:mod:`kitacrawl.report.data`), render it (:mod:`kitacrawl.report.page`),
write the file and print its path.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kitacrawl.cli.common import add_db, db_path, open_db, write_atomically
from kitacrawl.report import data, page
from kitacrawl.storage import queries

DEFAULT_OUTPUT = Path("output") / "report.html"


def register(sub: Any) -> None:
    report = sub.add_parser(
        "report",
        help="one HTML page (offline): articles per month, most read, hit growth, crawl"
        " health, coverage",
    )
    report.add_argument(
        "--output",
        metavar="FILE",
        default=str(DEFAULT_OUTPUT),
        help=f"the page to write (default: {DEFAULT_OUTPUT})",
    )
    report.add_argument(
        "--since",
        metavar="DATE",
        help="articles published, runs started, on or after this day"
        f" ({queries.DATE_FORMS}: from its first day)",
    )
    report.add_argument("--board", help="one board only (news, insights, photos)")
    add_db(report)
    report.set_defaults(handler=run_report)


def run_report(args: argparse.Namespace) -> int:
    # A bad date is refused before any work (and before a file is opened).
    if args.since:
        queries.parse_day(args.since)
    db = open_db(args)
    try:
        found = data.build(db, since=args.since, board=args.board)
    finally:
        db.close()
    target = Path(args.output)
    write_atomically(target, page.render(found, source=db_path(args)))
    print(target)
    return 0
