"""``kitacrawl feed``: an Atom feed of the latest stored articles, for feed readers.

A thin layer over :func:`kitacrawl.storage.queries.latest_articles` and
:func:`kitacrawl.feed.render`: the document goes to stdout, or with
``--output`` to a file replaced atomically (a web server serving it never
sends half a feed), saying nothing on stdout, so that it runs from cron after
every crawl.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kitacrawl import feed
from kitacrawl.boards import BOARDS
from kitacrawl.cli.common import USAGE, CliError, add_db, open_db, write_atomically
from kitacrawl.storage import queries

DEFAULT_LIMIT = 50


def register(sub: Any) -> None:
    command = sub.add_parser(
        "feed",
        help="an Atom feed of the latest articles, newest first by posting date",
    )
    command.add_argument(
        "--board", help="one board only (news, insights, photos; default: every board)"
    )
    command.add_argument(
        "--limit",
        type=int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"at most this many articles ({DEFAULT_LIMIT})",
    )
    command.add_argument(
        "--output",
        metavar="FILE",
        help="write the feed here (replaced atomically, nothing printed) instead of stdout",
    )
    add_db(command)
    command.set_defaults(handler=run_feed)


def run_feed(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise CliError("--limit must be at least 1", USAGE)
    db = open_db(args)
    try:
        articles = queries.latest_articles(db, board=args.board, limit=args.limit)
        last_run = None if articles else queries.last_finished_run(db, board=args.board)
    finally:
        db.close()
    document = feed.render(
        articles,
        board=args.board,
        board_titles={name: board.title for name, board in BOARDS.items()},
        last_run=last_run,
    )
    if args.output:
        write_atomically(Path(args.output), document)
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(document)
        sys.stdout.buffer.flush()
    return 0
