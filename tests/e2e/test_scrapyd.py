"""(slow) kitacrawl deployed to Scrapyd as a team deploys it, and crawling.

The egg is built from this checkout's sources by ``scrapyd-deploy --build-egg``
(in a copy, so that the files it leaves, ``setup.py``, ``build/``, the egg-info,
stay out of the checkout), Scrapyd runs here on 127.0.0.1 and a free port with
its eggs, logs and job databases in a temporary folder, the egg goes up through
``addversion.json``, and ``news`` is scheduled against the imitation with its
settings given as Scrapyd gives them (``setting=NAME=value``, passed on as
``-s``). The job runs the egg's code through ``scrapyd.runner`` and kitacrawl's
own ``crawl`` command, so its run is a cron run: its ledger row, its exit
decision, its archive.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mocksite import MockSite, build_board
from tests import crawls
from tests.conftest import closed_port

pytestmark = pytest.mark.slow

# Bounds, not timings: each wait ends as soon as what it waits for happens.
STARTUP_SECONDS = 60
JOB_SECONDS = 180
POLL_SECONDS = 0.1


def get(url: str) -> dict[str, Any]:
    with urllib.request.urlopen(url, timeout=30) as response:
        answer: dict[str, Any] = json.load(response)
        return answer


def post(url: str, fields: list[tuple[str, str]], files: dict[str, Path] | None = None) -> Any:
    if files:
        boundary = uuid.uuid4().hex
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
            .encode()
            for name, value in fields
        ]  # fmt: skip
        for name, path in files.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}";'
                f' filename="{path.name}"\r\nContent-Type: application/octet-stream\r\n\r\n'
                .encode() + path.read_bytes() + b"\r\n"
            )  # fmt: skip
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        content_type = f"multipart/form-data; boundary={boundary}"
    else:
        body = urllib.parse.urlencode(fields).encode()
        content_type = "application/x-www-form-urlencoded"
    request = urllib.request.Request(url, data=body, headers={"Content-Type": content_type})
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.load(response)


def build_egg(folder: Path) -> Path:
    """The egg of this checkout, built as ``scrapyd-deploy --build-egg`` builds it."""
    source = folder / "checkout"
    source.mkdir()
    # What a clone holds at its top (pyproject.toml, scrapy.cfg, README.md, ...) and
    # the package; not tests/ or the imitation, which the egg must not carry anyway.
    for entry in crawls.PROJECT.iterdir():
        if entry.is_file():
            shutil.copy2(entry, source / entry.name)
    shutil.copytree(
        crawls.PROJECT / "kitacrawl",
        source / "kitacrawl",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    egg = folder / "kitacrawl.egg"
    done = subprocess.run(
        [sys.executable, "-m", "scrapyd_client.deploy", "--build-egg", str(egg)],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return egg


def scrapyd_environment() -> dict[str, str]:
    # Nothing of this checkout or of a kitacrawl setting reaches the jobs: only the
    # egg and what the schedule says.
    return {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("KITACRAWL_", "SCRAPY_")) and name != "PYTHONPATH"
    }


class Scrapyd:
    """Scrapyd on 127.0.0.1 and a free port, its folders in ``home``.

    Started at once; :meth:`url` waits until it answers (meanwhile the test
    builds the egg), on another port if someone took this one first.
    """

    def __init__(self, home: Path) -> None:
        self.home = home
        self.log = home / "scrapyd.out"
        self.process: subprocess.Popen[bytes] | None = None
        self.port = 0
        self.start()

    def start(self) -> None:
        self.port = closed_port()
        (self.home / "scrapyd.conf").write_text(
            "[scrapyd]\n"
            "bind_address = 127.0.0.1\n"
            f"http_port = {self.port}\n"
            # The queue is looked at every 0.1 s (5 s by default): the job starts at once.
            "poll_interval = 0.1\n"
            "max_proc = 1\n"
            "eggs_dir = eggs\n"
            "logs_dir = logs\n"
            "dbs_dir = dbs\n",
            encoding="utf-8",
        )
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "scrapyd"],
                cwd=self.home,
                # Scrapyd reads these before any configuration file (a host's
                # ~/.scrapyd.conf is read after ./scrapyd.conf).
                env={
                    **scrapyd_environment(),
                    "SCRAPYD_BIND_ADDRESS": "127.0.0.1",
                    "SCRAPYD_HTTP_PORT": str(self.port),
                },
                stdout=out,
                stderr=subprocess.STDOUT,
            )

    def url(self) -> str:
        for _attempt in range(3):  # another process may take the free port first
            url = f"http://127.0.0.1:{self.port}/"
            if self._answers(url):
                return url
            self.stop()
            self.start()
        pytest.fail(f"Scrapyd did not start:\n{self.log.read_text(errors='replace')[-3000:]}")

    def _answers(self, url: str) -> bool:
        assert self.process is not None
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                if get(url + "daemonstatus.json")["status"] == "ok":
                    return True
            except (OSError, ValueError):  # not listening yet, or someone else is
                pass
            time.sleep(POLL_SECONDS)
        return False

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None


@pytest.fixture
def scrapyd(tmp_path: Path) -> Iterator[Scrapyd]:
    home = tmp_path / "scrapyd"
    home.mkdir()
    server = Scrapyd(home)
    try:
        yield server
    finally:
        server.stop()


def wait_for_job(url: str, job: str) -> dict[str, Any]:
    deadline = time.monotonic() + JOB_SECONDS
    while time.monotonic() < deadline:
        jobs = get(url + "listjobs.json?project=kitacrawl")
        finished = [j for j in jobs["finished"] if j["id"] == job]
        if finished:
            return finished[0]
        time.sleep(POLL_SECONDS)
    pytest.fail(f"job {job} did not finish within {JOB_SECONDS} s: {jobs}")


def test_deployed_to_scrapyd_news_runs_as_under_cron(tmp_path: Path, scrapyd: Scrapyd) -> None:
    egg = build_egg(tmp_path)
    with zipfile.ZipFile(egg) as archive:
        names = archive.namelist()
        entry_points = archive.read("EGG-INFO/entry_points.txt").decode()
    # Scrapyd finds the settings through the egg's `scrapy` entry point.
    assert "[scrapy]\nsettings = kitacrawl.settings" in entry_points
    # The package and its data, nothing of the repository's tests or imitation.
    assert {name.split("/")[0] for name in names} == {"EGG-INFO", "kitacrawl"}
    assert "kitacrawl/report/vendor/chart.umd.min.js" in names
    assert "kitacrawl/spiders/news.py" in names

    url = scrapyd.url()
    added = post(
        url + "addversion.json",
        [("project", "kitacrawl"), ("version", "1")],
        files={"egg": egg},
    )
    # Scrapyd listed the egg's spiders (a `scrapy list` run of the egg) to answer.
    assert added["status"] == "ok", added
    assert added["spiders"] >= 3, added

    db = tmp_path / "data" / "kita.db"
    with MockSite(build_board(20)) as site:
        scheduled = post(
            url + "schedule.json",
            [
                ("project", "kitacrawl"),
                ("spider", "news"),
                ("setting", f"KITACRAWL_BASE_URL={site.base_url}"),
                ("setting", f"KITACRAWL_DB={db}"),
            ],
        )
        assert scheduled["status"] == "ok", scheduled
        job = wait_for_job(url, scheduled["jobid"])
        truth = site.ground_truth()

    log = tmp_path / "scrapyd" / job["log_url"].lstrip("/")
    assert log.is_file(), "Scrapyd's LOG_FILE was not honoured"
    assert db.is_file(), f"no database: the job's log ends\n{log.read_text()[-3000:]}"
    state = crawls.snapshot(db)
    # One run, recorded in the ledger as a cron run records it: ok, exit 0, this site.
    runs = [
        (c["board"], c["mode"], c["status"], c["exit_code"], c["base_url"]) for c in state["crawls"]
    ]
    assert runs == [("news", "incremental", "ok", 0, site.base_url)], log.read_text()[-3000:]
    # Every article of the imitation stored, each with the archived page it was read from.
    assert sorted(state["articles"]) == sorted(a["no"] for a in truth["articles"])
    assert all(row["archive_id"] for row in state["articles"].values())
