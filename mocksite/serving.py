"""The HTTP side of the imitation: a threaded HTTP/1.1 server on 127.0.0.1.

``PageServer`` turns each request into a ``Request`` (the target as sent, the
path without session ids, the query's and a form POST's parameters, the
cookie) and writes back the ``Page`` its ``respond`` function returns, with a
``Content-Length`` and keep-alive, in one write. ``respond`` may instead
return None (no answer at all) or call ``request.reset()`` (drop the
connection with a TCP reset). What a page says, which page answers which
path, and the faults are not its business (``routes.py``, ``faults.py``).
"""

from __future__ import annotations

import contextlib
import re
import socket
import struct
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

from mocksite.markup.answers import REASONS
from mocksite.model import Page

# A ``;JSESSIONID_ORG=...`` (or any ``;jsessionid...``) path parameter, which the
# servlet container ignores on every path.
SESSION_RE = re.compile(r";jsessionid[_a-z]*=[^/?#;]*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Request:
    """One request as the site reads it."""

    target: str  # path and query as sent (an absolute URL is cut to its path and query)
    path: str  # without session ids
    params: dict[str, list[str]]  # the query's, then a form POST body's
    cookie: str  # the Cookie header, "" when none
    reset: Callable[[], None] = field(repr=False, compare=False)  # drop the connection (RST)


Respond = Callable[[Request], Page | None]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # A benchmark opens many connections at once.
    request_queue_size = 128

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients hang up mid-answer all the time (timeouts, resets); that is not news.
        pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Idle keep-alive connections are dropped after this many seconds.
    timeout = 60
    server_of: ClassVar[PageServer]

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in one write; no Nagle delay on keep-alive connections.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.server_of.track(self.connection, add=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server_of.track(self.connection, add=False)

    def do_GET(self) -> None:
        self.server_of.serve(self, head=False)

    def do_HEAD(self) -> None:
        self.server_of.serve(self, head=True)

    def do_POST(self) -> None:
        # eGov forms post the same parameters the links carry.
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.server_of.serve(self, head=False, body=body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class PageServer:
    """Serves `respond`'s pages on 127.0.0.1:`port` (0: a free port) from a daemon thread."""

    def __init__(self, respond: Respond, *, port: int = 0, name: str = "mocksite") -> None:
        self._respond = respond
        self._port = port
        self._name = name
        self._lock = threading.Lock()
        self._connections: set[socket.socket] = set()
        # Set while stopping: a request that stalls on purpose gives up at once.
        self.stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        if not self._port:
            raise RuntimeError("the server is not started")
        return self._port

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        if self._server is not None:
            return
        handler = type("Handler", (_Handler,), {"server_of": self})
        self.stopping.clear()
        self._server = _Server(("127.0.0.1", self._port), handler)
        self._port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"{self._name}-{self._port}",
            daemon=True,
        )
        self._thread.start()

    def stop(self) -> None:
        server, thread = self._server, self._thread
        if server is None:
            return
        self.stopping.set()
        server.shutdown()
        server.server_close()
        # Wake the threads that sit on idle keep-alive connections.
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        if thread is not None:
            thread.join(timeout=5)
        self._server = self._thread = None

    def track(self, connection: socket.socket, *, add: bool) -> None:
        with self._lock:
            if add:
                self._connections.add(connection)
            else:
                self._connections.discard(connection)

    def serve(self, handler: _Handler, *, head: bool, body: bytes = b"") -> None:
        target = handler.path
        path_query = target
        if target.startswith(("http://", "https://")):
            parts = urlsplit(target)
            path_query = parts.path + (f"?{parts.query}" if parts.query else "")
        path, _, query = path_query.partition("?")
        params = parse_qs(query, keep_blank_values=True)
        # A form's POST body carries what a link's query would; the query's values come first.
        posted = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
        for name, values in posted.items():
            params.setdefault(name, []).extend(values)
        request = Request(
            target=target,
            path=SESSION_RE.sub("", path),
            params=params,
            cookie=handler.headers.get("Cookie") or "",
            reset=lambda: _reset(handler),
        )
        page = self._respond(request)
        if page is not None:
            _send(handler, page, head=head)


def _reset(handler: _Handler) -> None:
    """Drop the connection with a TCP reset and no answer at all."""
    handler.close_connection = True
    with contextlib.suppress(OSError):
        handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        handler.connection.close()


def _send(handler: _Handler, page: Page, *, head: bool) -> None:
    lines = [
        f"HTTP/1.1 {page.status} {REASONS.get(page.status, 'Unknown')}",
        f"Date: {handler.date_time_string()}",
        "Server: WebtoB",
        f"Content-Type: {page.content_type}",
        f"Content-Length: {len(page.body)}",
        *(f"{name}: {value}" for name, value in page.headers),
    ]
    if handler.close_connection:
        lines.append("Connection: close")
    elif handler.request_version == "HTTP/1.0":
        lines.append("Connection: keep-alive")
    data = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    try:
        handler.wfile.write(data if head else data + page.body)
    except OSError:
        handler.close_connection = True
