"""The ``kitacrawl`` command line: one tool for operators, analysts and developers.

A thin layer over the Python API (:mod:`kitacrawl.crawl` for crawls,
:mod:`kitacrawl.storage.queries` for reading). It works from any directory:
no ``cd``, no ``scrapy.cfg``. Every mistake a person can make (a missing
database, an unknown article, a bad date, a bad format) is one line on stderr
and a non-zero exit (2 for usage errors), never a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from kitacrawl import __version__, config
from kitacrawl.cli import archive, crawl, doctor, feed, query, report, serve
from kitacrawl.cli.common import USAGE, CliError, Parser
from kitacrawl.storage import StorageError, queries

COMMANDS = (crawl, query, report, feed, serve, archive, doctor)


def build_parser() -> Parser:
    parser = Parser(
        prog="kitacrawl",
        description="Crawl KITA's English news into SQLite, and read what landed.",
    )
    parser.add_argument("--version", action="version", version=f"kitacrawl {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True
    for module in COMMANDS:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:  # noqa: PLR0911 - one exit per kind of error
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error already printed
        return exc.code if isinstance(exc.code, int) else USAGE
    try:
        return int(args.handler(args))
    except CliError as exc:
        print(f"kitacrawl {args.command}: {exc}", file=sys.stderr)
        return exc.code
    except (queries.BadQuery, config.BadSetting) as exc:
        print(f"kitacrawl {args.command}: {exc}", file=sys.stderr)
        return USAGE
    except StorageError as exc:
        print(f"kitacrawl {args.command}: {exc}", file=sys.stderr)
        return 6
    except BrokenPipeError:
        # `kitacrawl export | head`: the reader left; that is not an error.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130
