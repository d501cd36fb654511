"""The archive as standard WARC files, both ways, with the ``warcio`` library.

Export writes, for every archived fetch, a ``request`` record and a
``response`` record holding the HTTP status line, the kept headers and the
exact body bytes the site served (decoded from any transfer or content
encoding, as the archive keeps them; the headers are made to say so). Every
response record carries its full payload, so any record reads alone (no
``revisit`` records), and pywb, replayweb.page or warcio itself can replay
the file. Import reads response records back into an archive, so that a
colleague's WARC becomes a database with ``import`` and ``reparse``.
"""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from http import HTTPStatus
from typing import BinaryIO
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kitacrawl import __version__, site
from kitacrawl.items import FetchedPage
from kitacrawl.storage import archive

# Headers that described the bytes on the wire, not the bytes kept.
_WIRE_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})


def _warc_date(fetched_at: str) -> str:
    # The archive keeps second precision in UTC; WARC wants the same ISO form.
    return fetched_at if fetched_at.endswith("Z") else f"{fetched_at}Z"


def export(conn: sqlite3.Connection, target: BinaryIO, *, since: str | None = None) -> int:
    """Write every archived fetch (fetched on or after ``since``) as WARC records; how many."""
    writer = WARCWriter(target, gzip=True)
    info = writer.create_warcinfo_record(
        "kitacrawl.warc.gz",
        {"software": f"kitacrawl/{__version__}", "format": "WARC File Format 1.1"},
    )
    writer.write_record(info)
    where, params = ("a.fetched_at >= ?", (since,)) if since else ("", ())
    count = 0
    for page in archive.pages(conn, where, params):
        _write_page(writer, page)
        count += 1
    return count


def _write_page(writer: WARCWriter, page: archive.ArchivedPage) -> None:
    date = _warc_date(page.fetched_at)
    parts = urlsplit(page.url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    request = writer.create_warc_record(
        page.url,
        "request",
        payload=io.BytesIO(b""),
        # Its length given: warcio would otherwise buffer the empty body in a temporary
        # file, twice, and leave the first one open.
        length=0,
        http_headers=StatusAndHeaders(
            f"GET {target or '/'} HTTP/1.1",
            [("Host", parts.netloc), ("User-Agent", f"kitacrawl/{__version__}")],
            is_http_request=True,
        ),
        warc_headers_dict={"WARC-Date": date},
    )
    headers = [
        (name, value) for name, value in page.headers.items() if name.lower() not in _WIRE_HEADERS
    ]
    headers.append(("Content-Length", str(len(page.body))))
    try:
        reason = HTTPStatus(page.status).phrase
    except ValueError:
        reason = "Unknown"
    response = writer.create_warc_record(
        page.url,
        "response",
        payload=io.BytesIO(page.body),
        length=len(page.body),
        http_headers=StatusAndHeaders(f"{page.status} {reason}", headers, protocol="HTTP/1.1"),
        warc_headers_dict={"WARC-Date": date},
    )
    request.rec_headers.add_header("WARC-Concurrent-To", response.rec_headers["WARC-Record-ID"])
    writer.write_record(response)
    writer.write_record(request)


@dataclass(frozen=True, slots=True)
class WarcPage:
    """A response record read back: what the site served."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: str


def not_a_warc(source: BinaryIO) -> str | None:
    """Why ``source`` is no WARC file, or None when its first record reads as one.

    Reads the first record only (a large file is not read twice) and puts the
    file back where it was, so that nothing needs creating for a file that
    would be refused.
    """
    start = source.tell()
    try:
        first = next(iter(ArchiveIterator(source)), None)
    # warcio raises ArchiveLoadFailed for most files that are no WARC, and whatever its
    # parser trips on for a cut one (AttributeError, ValueError): each means the same.
    except Exception as exc:
        return " ".join(str(exc).split())[:200] or type(exc).__name__
    finally:
        source.seek(start)
    return "it holds no WARC record" if first is None else None


def read(source: BinaryIO) -> Iterator[WarcPage]:
    """Every response record of a WARC (gzipped or not), its payload decoded as served."""
    for record in ArchiveIterator(source):
        if record.rec_type != "response" or record.http_headers is None:
            continue
        url = record.rec_headers.get_header("WARC-Target-URI")
        status = int(record.http_headers.get_statuscode() or 0)
        headers = {
            name: value
            for name, value in record.http_headers.headers
            if name.lower() not in _WIRE_HEADERS
        }
        body = record.content_stream().read()
        when = record.rec_headers.get_header("WARC-Date") or ""
        yield WarcPage(url=url, status=status, headers=headers, body=body, fetched_at=_date(when))


def _date(text: str) -> str:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        moment = datetime.now(UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def to_fetched(page: WarcPage, boards: dict[str, site.BoardUrls]) -> FetchedPage:
    """A WARC response as an archive row: board, article number and kind from its URL."""
    url = site.strip_session(page.url)
    parts = urlsplit(url)
    base = f"{parts.scheme}://{parts.netloc}"
    for board, urls in boards.items():
        no = urls.no_from_url(url)
        if no is not None:
            return FetchedPage(url, page.status, page.headers, page.body, page.fetched_at,
                               base_url=base, kind="article", board=board, no=no)  # fmt: skip
        if parts.path.endswith(urls.paths.list_paths):
            return FetchedPage(url, page.status, page.headers, page.body, page.fetched_at,
                               base_url=base, kind="list", board=board)  # fmt: skip
    return FetchedPage(url, page.status, page.headers, page.body, page.fetched_at,
                       base_url=base, kind="other")  # fmt: skip
