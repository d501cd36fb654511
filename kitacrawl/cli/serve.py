"""``kitacrawl serve``: browse the database in Datasette, read-only, on this machine.

A thin layer over :mod:`kitacrawl.serve.server`: check that Datasette is
installed and that the database exists (never creating one), then serve it
until Ctrl-C. A crawl keeps writing to the same file meanwhile.
"""

from __future__ import annotations

import argparse
import ipaddress
import sqlite3
import sys
from pathlib import Path
from typing import Any

from kitacrawl.cli.common import CliError, add_db, db_path, open_db

DEFAULT_PORT = 8001  # Datasette's own default
INSTALL_HINT = "Datasette is not installed: pip install 'kitacrawl[datasette]'"


def register(sub: Any) -> None:
    serve = sub.add_parser(
        "serve",
        help="browse the database in Datasette (read-only): tables, facets, search, queries",
    )
    serve.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=f"the port (default: {DEFAULT_PORT}; 0 picks a free one)",
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="the address to listen on (default: 127.0.0.1, this machine only)",
    )
    add_db(serve)
    serve.set_defaults(handler=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    if not 0 <= args.port <= 65535:
        raise CliError(f"--port must be between 0 and 65535, not {args.port}", 2)
    try:
        # Imported here: Datasette is an optional extra, the other commands work without it.
        from kitacrawl.serve import server  # noqa: PLC0415 - optional dependency
    except ImportError:
        raise CliError(INSTALL_HINT) from None
    path = Path(db_path(args))
    try:
        # Refuses a missing file in one line; brings an older file's schema (views) up to date.
        open_db(args).close()
    except sqlite3.DatabaseError as exc:
        raise CliError(f"cannot read {path}: {exc}") from None

    def ready(url: str) -> None:
        print(f"Serving {path} read-only at {url} (Ctrl-C stops)", flush=True)

    try:
        sock = server.listen(args.host, args.port)
    except OSError as exc:
        raise CliError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") from None
    if not _is_loopback(args.host):
        print(
            f"kitacrawl serve: listening on {args.host}: whoever reaches it can read the"
            " whole database and run any read-only SQL on it",
            file=sys.stderr,
        )
    server.run(path, sock, on_ready=ready)
    return 0


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
