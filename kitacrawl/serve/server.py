"""Datasette in this process, on one kitacrawl database, read-only.

Why in-process rather than ``python -m datasette serve``: the metadata is a
Python dict handed over directly (no temporary ``metadata.json``), there is one
process for Ctrl-C and SIGTERM to stop (no orphaned child), and the socket is
bound here first, so a port already in use is one clear line and ``--port 0``
can print the port the kernel picked.

Why plain read-only and not immutable (``datasette -i``): Datasette opens a
plain file as ``file:...?mode=ro``, an ordinary SQLite reader of the WAL file.
It never writes, takes no lock a crawl waits for, and sees every commit a
running crawl makes. ``immutable=1`` tells SQLite the file can never change:
it would skip the WAL (missing everything not yet checkpointed) and could
read pages mid-checkpoint.

This is the only module that imports Datasette (an optional extra).
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import uvicorn
from datasette import hookimpl
from datasette.app import Datasette
from datasette.plugins import pm

from kitacrawl.serve import metadata
from kitacrawl.storage import ngrams


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on ``host`` and ``port`` (0: a free port). Raises OSError."""
    family, kind, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    sock = socket.socket(family, kind, proto)
    try:
        # A restart right after a stop must not wait for TIME_WAIT to drain.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        # Listening at once: a client that reads the printed URL and connects before
        # the server's loop runs waits in the backlog instead of being refused.
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    return sock


class KoreanSearch:
    """A Datasette plugin: its search box turns a Korean word into the bigram index's phrase.

    Datasette searches a table's FTS index with ``MATCH escape_fts(:search)``,
    ``escape_fts`` quoting each word. The articles' index is the bigram one
    (``articles_search``, :mod:`kitacrawl.storage.ngrams`), which holds English
    words as they are and Korean as syllable bigrams: this ``escape_fts`` quotes
    English words as Datasette's does and writes a Korean one as its bigram phrase,
    so ``반도체`` finds ``시스템반도체를``. Registered after Datasette's own (``trylast``:
    the last to register a function on a connection wins).
    """

    @staticmethod
    @hookimpl(trylast=True)
    def prepare_connection(conn: Any) -> None:
        conn.create_function("escape_fts", 1, ngrams.quoted_query, deterministic=True)


def build(path: Path) -> tuple[Datasette, str]:
    """Datasette on the file at ``path`` with kitacrawl's metadata; and the database's name."""
    if not pm.is_registered(KoreanSearch):
        pm.register(KoreanSearch, name="kitacrawl-korean-search")
    # Datasette names a database after its file's stem; the metadata is keyed by it.
    name = path.stem
    datasette = Datasette(
        [str(path)],
        metadata=metadata.datasette_metadata(name),
        settings=metadata.SETTINGS,
    )
    if name not in datasette.databases:
        raise RuntimeError(f"Datasette named the database otherwise than {name!r}")
    return datasette, name


def url(sock: socket.socket, path: str) -> str:
    host, port = sock.getsockname()[:2]
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}{path}"


def run(path: Path, sock: socket.socket, *, on_ready: Callable[[str], None]) -> None:
    """Serve on ``sock`` until Ctrl-C or SIGTERM; ``on_ready`` gets the database's URL first."""
    try:
        datasette, name = build(path)
        # As `datasette serve` does before serving: plugin hooks and templates ready.
        asyncio.run(datasette.invoke_startup())
        server = uvicorn.Server(
            uvicorn.Config(
                datasette.app(),
                lifespan="on",
                log_level="warning",
                # One analyst's clicks need no request log on the terminal.
                access_log=False,
            )
        )
        on_ready(url(sock, datasette.urls.database(name)))
        server.run(sockets=[sock])
    finally:
        sock.close()
