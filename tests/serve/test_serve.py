"""``kitacrawl serve``: one line for every mistake; over HTTP, the whole analysts' view.

The fast tests call ``kitacrawl.cli.main`` in-process for what must fail before
anything is served. The slow one starts ``python -m kitacrawl serve --port 0``
on a copy of a crawled imitation, reads its URL off stdout and asks it over
HTTP for tables, facets, search, every canned query and the descriptions,
while a crawl writes to the same file.
"""

from __future__ import annotations

import html
import json
import re
import select
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from scrapy.utils.defer import deferred_f_from_coro_f

import kitacrawl.serve
from kitacrawl.cli import main
from kitacrawl.cli.serve import _is_loopback
from kitacrawl.outcome import ExitCode
from kitacrawl.serve import metadata
from kitacrawl.storage import Storage
from tests import crawls, sampledb
from tests.conftest import Crawled


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    path = tmp_path / "kita.db"
    sampledb.fill(Storage.open(path)).close()
    return path


def test_without_datasette_one_line_says_how_to_install_it(
    filled: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # As if the extra were not installed: importing Datasette fails (and the server
    # module, which another test may have imported already, is not at hand either).
    for name in ("datasette", "datasette.app", "kitacrawl.serve.server"):
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.delattr(kitacrawl.serve, "server", raising=False)
    with socket.socket() as taken:
        # Should the import not fail, serving fails on this port instead of running on.
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        code, out, err = run(capsys, "serve", "--port", port, "--db", str(filled))
    assert code != 0
    assert out == ""
    assert err.count("\n") == 1
    assert "pip install 'kitacrawl[datasette]'" in err


def test_a_missing_database_is_one_line_and_never_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nothing" / "kita.db"
    code, out, err = run(capsys, "serve", "--port", "0", "--db", str(missing))
    assert code == 1
    assert (out, err.count("\n")) == ("", 1)
    assert str(missing) in err
    assert not missing.exists()
    assert not missing.parent.exists()


def test_a_port_in_use_is_one_line(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, out, err = run(capsys, "serve", "--port", str(port), "--db", str(filled))
    assert code == 1
    assert (out, err.count("\n")) == ("", 1)
    assert f"cannot listen on 127.0.0.1:{port}" in err


@pytest.mark.parametrize("port", ["70000", "-1"])
def test_a_bad_port_is_a_usage_error(
    filled: Path, capsys: pytest.CaptureFixture[str], port: str
) -> None:
    code, _, err = run(capsys, "serve", "--port", port, "--db", str(filled))
    assert code == 2
    assert err.count("\n") == 1


def test_not_a_database_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "notes.db"
    text.write_text("not SQLite\n" * 100)
    code, _, err = run(capsys, "serve", "--port", "0", "--db", str(text))
    assert code == 1
    assert err.count("\n") == 1
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.8.0.1", True), ("::1", True), ("localhost", True),
     ("0.0.0.0", False), ("192.0.2.1", False), ("example.org", False)],
)  # fmt: skip
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert _is_loopback(host) is loopback


# -- over HTTP ---------------------------------------------------------------------------


class Served:
    """A running ``kitacrawl serve``: the URL it printed, the file it serves."""

    def __init__(self, process: subprocess.Popen[str], url: str, db: Path) -> None:
        self.process = process
        self.url = url
        self.db = db
        parts = urllib.parse.urlsplit(url)
        self.root = f"{parts.scheme}://{parts.netloc}"
        self.database = parts.path  # /kita

    def get(self, path: str, **params: Any) -> tuple[int, str]:
        """GET ``path`` under the database's URL (``/-/...``: under the server's root)."""
        base = self.root if path.startswith("/-/") else self.url
        query = ("?" + urllib.parse.urlencode(params)) if params else ""
        try:
            with urllib.request.urlopen(base + path + query, timeout=30) as answer:
                return answer.status, answer.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode("utf-8", "replace")

    def json(self, path: str, **params: Any) -> Any:
        status, body = self.get(path + ".json", **params)
        assert status == 200, (path, params, body[:500])
        return json.loads(body)


def first_line(process: subprocess.Popen[str], timeout: float) -> str:
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], timeout)
    if not ready:
        raise AssertionError("kitacrawl serve printed no URL")
    return process.stdout.readline()


@pytest.fixture
def served(crawled_imitation: Crawled, tmp_path: Path) -> Iterator[Served]:
    # A copy: this test writes to it while it is served (the crawled one is shared).
    copy = tmp_path / "kita.db"
    with sqlite3.connect(crawled_imitation.db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    source.close()
    target.close()
    process = subprocess.Popen(
        [sys.executable, "-m", "kitacrawl", "serve", "--port", "0", "--db", str(copy)],
        cwd=tmp_path,
        env=crawls.environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = first_line(process, timeout=60)
        match = re.search(r"http://\S+", line)
        assert match, line
        yield Served(process, match.group(0), copy)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


@pytest.mark.slow
@deferred_f_from_coro_f
async def test_serve_over_http(served: Served, crawled_imitation: Crawled) -> None:
    copy = served.db
    assert served.url.startswith("http://127.0.0.1:")
    assert served.url.endswith("/kita")
    with sqlite3.connect(f"file:{copy}?mode=ro", uri=True) as conn:
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        months = dict(
            conn.execute("SELECT month, sum(articles) FROM monthly_counts GROUP BY month")
        )
        kinds = dict(conn.execute("SELECT kind, count(*) FROM problems GROUP BY kind"))
        trade = {
            r[0]
            for r in conn.execute(
                "SELECT a.no FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
                " WHERE articles_fts MATCH 'trade'"
            )
        }
        runs = conn.execute("SELECT count(*) FROM crawls").fetchone()[0]
        busiest = conn.execute(
            "SELECT no FROM hits GROUP BY no ORDER BY count(*) DESC, no DESC LIMIT 1"
        ).fetchone()[0]
    conn.close()

    # The table, as JSON.
    page = served.json("/articles", _shape="objects", _size=5)
    assert len(page["rows"]) == 5
    assert page["filtered_table_rows_count"] == articles
    assert {"board", "no", "title", "published", "hits", "body"} <= set(page["rows"][0])

    # Facets: board on articles, month on article_stats, kind on problems.
    boards = served.json("/articles", _size=0)["facet_results"]["board"]["results"]
    assert {r["value"]: r["count"] for r in boards} == {"news": articles}
    by_month = served.json("/article_stats", _size=0, _facet_size="max")["facet_results"]["month"]
    assert {r["value"]: r["count"] for r in by_month["results"]} == months
    by_kind = served.json("/problems", _size=0, _facet_size="max")["facet_results"]["kind"]
    assert {r["value"]: r["count"] for r in by_kind["results"]} == kinds

    # Full-text search.
    found = served.json("/articles", _search="trade", _shape="objects", _size="max")
    assert trade
    assert {r["no"] for r in found["rows"]} == trade

    # Every canned query answers, with rows.
    for query in metadata.CANNED_QUERIES:
        params = {"no": busiest} if ":no" in query.sql else {}
        answer = served.json(f"/{query.name}", _shape="objects", **params)
        assert answer["ok"] is True, query.name
        assert answer["rows"], query.name

    # The descriptions show, on the pages and in the metadata.
    status, body = served.get("/articles")
    assert status == 200
    body = html.unescape(body)
    for text in metadata.BY_NAME["articles"].columns.values():
        assert metadata.plain(text) in body
    _, view = served.get("/hit_series")
    assert metadata.plain(metadata.BY_NAME["hit_series"].description) in html.unescape(view)
    tables = served.json("/-/metadata")["databases"]["kita"]["tables"]
    assert tables["article_stats"]["columns"]["month"] == metadata.plain(
        metadata.BY_NAME["article_stats"].columns["month"]
    )

    # Read-only: Datasette refuses to write.
    status, _ = served.get("", sql="DELETE FROM articles")
    assert status in (400, 403)

    # A crawl writes while serve runs, and what it writes shows at once.
    started = time.monotonic()
    assert (await crawls.crawl(crawled_imitation.site.base_url, copy)).code == ExitCode.OK
    assert time.monotonic() - started < 120
    assert served.json("/crawls", _size=0)["filtered_table_rows_count"] == runs + 1
    assert served.process.poll() is None, "serve died"
