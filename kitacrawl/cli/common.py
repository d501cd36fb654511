"""What every ``kitacrawl`` subcommand shares: errors, ``--db``, output formats."""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

import sqlite_utils

from kitacrawl import config
from kitacrawl.storage import queries

# Exit code of a usage error (argparse's own), kept for every bad input a person types.
USAGE = 2


class CliError(Exception):
    """A one-line message for stderr, and the exit code that goes with it."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr (and exit 2), not a usage dump."""

    def error(self, message: str) -> NoReturn:
        self.exit(USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def default_db() -> str:
    return os.environ.get("KITACRAWL_DB") or str(config.DEFAULTS["KITACRAWL_DB"])


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None,
        help="the SQLite file (default: $KITACRAWL_DB, else output/kita.db)",
    )


def db_path(args: argparse.Namespace) -> str:
    return str(args.db or default_db())


def open_db(args: argparse.Namespace) -> sqlite_utils.Database:
    """The database to read, or a one-line error naming the path (never creates one)."""
    path = db_path(args)
    try:
        return queries.open_database(path)
    except queries.MissingDatabase:
        raise CliError(
            f"no database at {path}: run `kitacrawl crawl` first, or give --db PATH"
        ) from None


def add_format(parser: argparse.ArgumentParser, choices: Sequence[str], default: str) -> None:
    parser.add_argument(
        "--format",
        choices=choices,
        default=default,
        help=f"output format (default: {default})",
    )


def write_json(value: Any, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    json.dump(value, out, ensure_ascii=False, indent=2, default=str)
    out.write("\n")


def write_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)


def write_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], out: TextIO) -> None:
    """A plain aligned table; long cells are cut so that a row stays on one line."""
    limit = 72

    def cell(value: Any) -> str:
        text = "" if value is None else " ".join(str(value).split())
        return text if len(text) <= limit else text[: limit - 1] + "…"

    cells = [[cell(row.get(name)) for name in columns] for row in rows]
    widths = [max([len(name)] + [len(r[i]) for r in cells]) for i, name in enumerate(columns)]
    out.write("  ".join(name.ljust(w) for name, w in zip(columns, widths, strict=True)).rstrip())
    out.write("\n")
    for row_cells in cells:
        out.write("  ".join(c.ljust(w) for c, w in zip(row_cells, widths, strict=True)).rstrip())
        out.write("\n")


def write_atomically(target: Path, data: str | bytes) -> None:
    """Write beside the target, then rename: a page open in a browser, a feed a web server
    serves, is never half written (a reader has the old file or the new one)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data.encode("utf-8") if isinstance(data, str) else data)
            # mkstemp makes the file private (0600); give it the mode open() would.
            os.chmod(temporary, 0o666 & ~_umask())
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise CliError(f"cannot write {target}: {exc.strerror or exc}") from None


def _umask() -> int:
    # The only way to read the umask is to set it; set it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
