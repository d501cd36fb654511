"""kitacrawl's benchmark suite: ``make bench`` (or ``python bench/run.py``).

Measures, in one run, on the project's offline imitation of KITA's board:

1. a bare Scrapy spider (``bench/bare_spider.py``: same list → article walk,
   same concurrency, no extraction, no storage): the baseline, pages/s;
2. the real ``news`` spider in full mode with every pipeline and the real
   SQLite storage (FTS included): pages/s and its ratio to the baseline,
   computed pair by pair (bare and real runs interleaved);
3. page extraction alone (``ArticlePage``), µs a page, against
   ``trafilatura.extract`` on the same pages, and its exactness against the
   imitation's ground truth and the golden fixtures;
4. incremental runs: an unchanged board, then 10 new articles: requests and
   wall time;
5. the peak RSS of full crawls of 1k, 5k and 20k articles;
6. the storage rate (``Storage.save_article``), new and unchanged articles.

Every crawl is ``scrapy crawl`` in a subprocess (a fresh reactor, its own
GIL); the imitation is served from this process's threads, so it never shares
the crawler's GIL. Each figure is the median of several runs. The table is
Markdown; the last line is the headline ratio. See ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import platform
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))

from scrapy.http import HtmlResponse  # noqa: E402

from kitacrawl import site  # noqa: E402
from kitacrawl.items import Article, ParseError  # noqa: E402
from kitacrawl.mocksite import Board, MockSite, build_board  # noqa: E402
from kitacrawl.mocksite.kinds import FLAKY  # noqa: E402
from kitacrawl.mocksite.truth import compare  # noqa: E402
from kitacrawl.pages.article import ArticlePage  # noqa: E402
from kitacrawl.settings_keys import DEFAULTS  # noqa: E402
from kitacrawl.site import BoardUrls  # noqa: E402
from kitacrawl.storage import Storage  # noqa: E402

GOLDEN = PROJECT / "tests" / "golden" / "article"
# The same for the bare and the real crawl: the imitation is local, so no
# politeness delays, and per-domain concurrency raised along with the total.
COMMON_SETTINGS: dict[str, str] = {
    "CONCURRENT_REQUESTS": "16",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "16",
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "0",
    "ROBOTSTXT_OBEY": "1",
    "COOKIES_ENABLED": "0",
    "TELNETCONSOLE_ENABLED": "0",
    "LOG_LEVEL": "WARNING",
    "STATS_CLASS": "bench.statsfile.FileStatsCollector",
}
# Scrapy's own knobs. When kitacrawl's settings tune one of them, the baseline
# gets the same value: the ratio compares the project's work, not a tuning of
# Scrapy that any spider could have.
MIRRORED_SETTINGS = (
    "CONCURRENT_ITEMS",
    "WARN_ON_GENERATOR_RETURN_VALUE",
    "TWISTED_REACTOR",
    "REACTOR_THREADPOOL_MAXSIZE",
    "DNSCACHE_ENABLED",
)
EXTRACT_BASE = "http://www.kita.org"
NEW_ARTICLES = 10
# Runs that retry an article whose fetch failed for a passing reason.
RETRY_RUNS = int(DEFAULTS.get("KITACRAWL_RETRY_RUNS", 5))
SECTIONS = ("crawl", "extract", "storage", "rss", "incremental")
CLK_TCK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


# -- configuration --------------------------------------------------------------------


@dataclass
class Config:
    articles: int = 5000
    pairs: int = 5
    rss_sizes: tuple[int, ...] = (1000, 5000, 20000)
    rss_runs: int = 3
    extract_articles: int = 3000
    extract_rounds: int = 3
    trafilatura_pages: int = 1000
    trafilatura_rounds: int = 3
    storage_articles: int = 2000
    storage_rounds: int = 3
    incremental_runs: int = 3
    sections: tuple[str, ...] = SECTIONS
    json_path: Path | None = None
    keep: Path | None = None
    quick: bool = False
    set_both: dict[str, str] = field(default_factory=dict)
    set_real: dict[str, str] = field(default_factory=dict)


def parse_args(argv: Sequence[str] | None = None) -> Config:
    parser = argparse.ArgumentParser(
        prog="python bench/run.py", description=__doc__.splitlines()[0] if __doc__ else None
    )
    parser.add_argument(
        "--quick", action="store_true", help="a tiny board and one run of each (smoke test)"
    )
    parser.add_argument("--articles", type=int, help="board of the bare/real pairs (5000)")
    parser.add_argument("--pairs", type=int, help="bare/real pairs (5)")
    parser.add_argument("--rss-sizes", help="boards of the peak-RSS crawls (1000,5000,20000)")
    parser.add_argument("--rss-runs", type=int, help="crawls per RSS board (3)")
    parser.add_argument("--extract-articles", type=int, help="board of the extraction runs (3000)")
    parser.add_argument("--trafilatura-pages", type=int, help="pages given to trafilatura (1000)")
    parser.add_argument(
        "--only", help=f"comma-separated sections to run, from: {','.join(SECTIONS)}"
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a Scrapy setting for both crawls, bare and real (repeatable)",
    )
    parser.add_argument(
        "--real-set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a setting for the real crawls only, e.g. ITEM_PIPELINES={} (repeatable)",
    )
    parser.add_argument("--json", type=Path, help="also write every figure here as JSON")
    parser.add_argument("--keep", type=Path, help="keep databases and crawl logs in this folder")
    args = parser.parse_args(argv)
    if args.quick:
        config = Config(
            articles=150,
            pairs=1,
            rss_sizes=(100, 300),
            rss_runs=1,
            extract_articles=150,
            extract_rounds=1,
            trafilatura_pages=20,
            trafilatura_rounds=1,
            storage_articles=100,
            storage_rounds=1,
            incremental_runs=1,
            quick=True,
        )
    else:
        config = Config()
    for name in ("articles", "pairs", "rss_runs", "extract_articles", "trafilatura_pages"):
        value = getattr(args, name)
        if value is not None:
            if value < 1:
                parser.error(f"--{name.replace('_', '-')} must be at least 1")
            setattr(config, name, value)
    if args.rss_sizes:
        config.rss_sizes = tuple(sorted({int(x) for x in args.rss_sizes.split(",") if x.strip()}))
    if args.only:
        wanted = tuple(s.strip() for s in args.only.split(",") if s.strip())
        unknown = set(wanted) - set(SECTIONS)
        if unknown:
            parser.error(f"unknown sections {sorted(unknown)}; known: {','.join(SECTIONS)}")
        config.sections = wanted
    for target, pairs in ((config.set_both, args.set), (config.set_real, args.real_set)):
        for pair in pairs:
            name, sep, value = pair.partition("=")
            if not sep or not name:
                parser.error(f"expected NAME=VALUE, not {pair!r}")
            target[name] = value
    config.json_path = args.json
    config.keep = args.keep
    return config


# -- small helpers ----------------------------------------------------------------------


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def process_cpu_seconds() -> float:
    """CPU time of this process, all threads (the imitation's server threads)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def versions() -> dict[str, str]:
    found = {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version}
    for name in ("scrapy", "twisted", "lxml", "parsel", "sqlite-utils", "trafilatura"):
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


def machine() -> str:
    model = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{os.cpu_count()} cores ({model}), {platform.system()} {platform.release()}"


def mirrored_settings() -> dict[str, str]:
    """The values kitacrawl's settings give to MIRRORED_SETTINGS (those it sets)."""
    from kitacrawl import settings as project  # noqa: PLC0415

    return {
        name: str(getattr(project, name)) for name in MIRRORED_SETTINGS if hasattr(project, name)
    }


def crawl_environment() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("KITACRAWL_BASE_URL", None)
    env.pop("KITACRAWL_DB", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT), env.get("PYTHONPATH")]))
    return env


def settings_args(settings: dict[str, str]) -> list[str]:
    args: list[str] = []
    for name, value in settings.items():
        args += ["-s", f"{name}={value}"]
    return args


def remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


# -- one crawl ---------------------------------------------------------------------------


@dataclass
class CrawlRun:
    kind: str
    code: int
    wall: float  # the whole process, start-up included
    elapsed: float  # the spider's own elapsed_time_seconds (open to close)
    requests: int
    responses: int
    cpu: float  # user + system seconds of the crawl process
    max_rss_mb: float
    server_cpu: float  # CPU seconds the imitation spent meanwhile
    stats: dict[str, Any] = field(repr=False, default_factory=dict)

    @property
    def pages_per_s(self) -> float:
        return self.responses / self.elapsed if self.elapsed > 0 else float("nan")


class Crawler:
    """Runs crawls as subprocesses and reads their stats, rusage and logs."""

    def __init__(
        self,
        workdir: Path,
        set_both: dict[str, str] | None = None,
        set_real: dict[str, str] | None = None,
    ) -> None:
        self.workdir = workdir
        self.counter = 0
        self.set_both = set_both or {}
        self.set_real = set_real or {}

    def _run(self, kind: str, command: list[str], settings: dict[str, str]) -> CrawlRun:
        self.counter += 1
        stats_file = self.workdir / f"{self.counter:03d}-{kind}.stats.json"
        log_file = self.workdir / f"{self.counter:03d}-{kind}.log"
        stats_file.unlink(missing_ok=True)
        full = command + settings_args(
            {**COMMON_SETTINGS, **settings, "BENCH_STATS_FILE": str(stats_file)}
        )
        server_before = process_cpu_seconds()
        started = time.perf_counter()
        with log_file.open("wb") as log:
            process = subprocess.Popen(
                full,
                cwd=PROJECT,
                env=crawl_environment(),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        server_cpu = process_cpu_seconds() - server_before
        process.returncode = os.waitstatus_to_exitcode(status)
        stats: dict[str, Any] = {}
        if stats_file.exists():
            stats = json.loads(stats_file.read_text(encoding="utf-8"))
        run = CrawlRun(
            kind=kind,
            code=process.returncode,
            wall=wall,
            elapsed=float(stats.get("elapsed_time_seconds") or wall),
            requests=int(stats.get("downloader/request_count", 0)),
            responses=int(stats.get("downloader/response_count", 0)),
            cpu=usage.ru_utime + usage.ru_stime,
            # The crawl's own VmHWM; ru_maxrss would include this process's peak (see statsfile).
            max_rss_mb=float(stats.get("bench/peak_rss_kb") or usage.ru_maxrss) / 1024,
            server_cpu=server_cpu,
            stats=stats,
        )
        if run.code != 0 or not stats:
            tail = log_file.read_text(encoding="utf-8", errors="replace")[-3000:]
            raise RuntimeError(f"{kind} crawl exited with {run.code}:\n{tail}")
        return run

    def bare(self, base_url: str, *, mirror: bool = True) -> CrawlRun:
        """The baseline; ``mirror=False`` leaves Scrapy's defaults for MIRRORED_SETTINGS."""
        command = [sys.executable, str(PROJECT / "bench" / "bare_spider.py"), "--base-url"]
        settings = {**(mirrored_settings() if mirror else {}), **self.set_both}
        return self._run("bare" if mirror else "bare-default", [*command, base_url], settings)

    def real(self, base_url: str, db: Path, *, mode: str = "full") -> CrawlRun:
        command = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"mode={mode}"]
        settings = {
            **self.set_both,
            "KITACRAWL_BASE_URL": base_url,
            "KITACRAWL_DB": str(db),
            **self.set_real,
        }
        return self._run(f"real-{mode}", command, settings)


@contextlib.contextmanager
def serve(board: Board) -> Iterator[MockSite]:
    """The imitation on 127.0.0.1, answering from this process's threads."""
    server = MockSite(board)
    with server:
        # Flaky posts answer 503 to their first request only: spend those now,
        # so every measured crawl meets the same board.
        for no in board.nos_of(FLAKY):
            with contextlib.suppress(OSError):
                url = site.BoardUrls(server.base_url).article_url(no)
                urllib.request.urlopen(url, timeout=5).close()
        server.reset_requests()
        yield server


def ledger(db: Path) -> dict[str, Any]:
    storage = Storage.open(db)
    try:
        rows = list(storage.db.query("SELECT * FROM crawls ORDER BY id DESC LIMIT 1"))
    finally:
        storage.close()
    return rows[0] if rows else {}


# -- 1, 2: bare and real crawls, pair by pair -------------------------------------------


def bench_crawl(config: Config, crawler: Crawler, results: dict[str, Any]) -> None:
    board = build_board(config.articles)
    mirrored = mirrored_settings()
    with serve(board) as server:
        truth = server.ground_truth()
        pairs: list[dict[str, Any]] = []
        last_db: Path | None = None
        for i in range(config.pairs):
            db = crawler.workdir / f"pair-{i}.db"
            remove_db(db)
            # Interleaved, the order turning from one pair to the next, so that a
            # slow patch of a shared machine does not land on one side only.
            kinds = ["bare", "real", *(["bare_default"] if mirrored else [])]
            runs: dict[str, CrawlRun] = {}
            for kind in kinds[i % len(kinds) :] + kinds[: i % len(kinds)]:
                if kind == "real":
                    runs[kind] = crawler.real(server.base_url, db)
                else:
                    runs[kind] = crawler.bare(server.base_url, mirror=kind == "bare")
            bare, real = runs["bare"], runs["real"]
            pair = {
                "bare": run_summary(bare),
                "real": run_summary(real),
                "ratio": real.pages_per_s / bare.pages_per_s,
                "ratio_wall": (real.responses / real.wall) / (bare.responses / bare.wall),
            }
            line = (
                f"  pair {i + 1}/{config.pairs}: bare {bare.pages_per_s:.0f} pages/s, "
                f"real {real.pages_per_s:.0f} pages/s, ratio {pair['ratio']:.3f}"
            )
            if "bare_default" in runs:
                default = runs["bare_default"]
                pair["bare_default"] = run_summary(default)
                pair["ratio_default"] = real.pages_per_s / default.pages_per_s
                line += f"; bare with Scrapy defaults {default.pages_per_s:.0f} pages/s"
            pairs.append(pair)
            say(line)
            if last_db is not None and not config.keep:
                remove_db(last_db)
            last_db = db
        assert last_db is not None
        stored = compare(last_db, truth)
        if not config.keep:
            remove_db(last_db)
    page_bytes = [len(board.view_page(p.no).body) for p in board.articles[:200]]
    results["crawl"] = {
        "articles": config.articles,
        "article_page_kb": statistics.mean(page_bytes) / 1024,
        "pairs": pairs,
        "bare_pages_per_s": median([p["bare"]["pages_per_s"] for p in pairs]),
        "real_pages_per_s": median([p["real"]["pages_per_s"] for p in pairs]),
        "ratio": median([p["ratio"] for p in pairs]),
        "ratio_wall": median([p["ratio_wall"] for p in pairs]),
        "bare_responses": median([p["bare"]["responses"] for p in pairs]),
        "real_responses": median([p["real"]["responses"] for p in pairs]),
        "bare_rss_mb": median([p["bare"]["max_rss_mb"] for p in pairs]),
        "real_rss_mb": median([p["real"]["max_rss_mb"] for p in pairs]),
        "bare_cpu_share": median([p["bare"]["cpu"] / p["bare"]["wall"] for p in pairs]),
        "real_cpu_share": median([p["real"]["cpu"] / p["real"]["wall"] for p in pairs]),
        "server_cpu_share": median(
            [p[k]["server_cpu"] / p[k]["wall"] for p in pairs for k in ("bare", "real")]
        ),
        "bare_default_pages_per_s": median(
            [p["bare_default"]["pages_per_s"] for p in pairs if "bare_default" in p]
        ),
        "ratio_default": median([p["ratio_default"] for p in pairs if "ratio_default" in p]),
        "stored_exact": stored.exact,
        "stored": stored.stored,
        "expected": stored.expected,
    }
    results.setdefault("rss_runs", {}).setdefault(config.articles, []).extend(
        p["real"]["max_rss_mb"] for p in pairs
    )


def run_summary(run: CrawlRun) -> dict[str, Any]:
    return {
        "pages_per_s": run.pages_per_s,
        "elapsed": run.elapsed,
        "wall": run.wall,
        "requests": run.requests,
        "responses": run.responses,
        "cpu": run.cpu,
        "max_rss_mb": run.max_rss_mb,
        "server_cpu": run.server_cpu,
    }


# -- 3: extraction alone -----------------------------------------------------------------


@dataclass
class Fixture:
    no: int
    url: str
    body: bytes
    content_type: str
    expected: dict[str, Any]

    def response(self) -> HtmlResponse:
        return HtmlResponse(
            url=self.url, body=self.body, headers={"Content-Type": self.content_type}
        )


def imitation_fixtures(n_articles: int) -> list[Fixture]:
    board = build_board(n_articles)
    fixtures = []
    for post in board.articles:
        page = board.view_page(post.no)
        fixtures.append(
            Fixture(
                no=post.no,
                url=site.BoardUrls(EXTRACT_BASE).article_url(post.no),
                body=page.body,
                content_type=page.content_type,
                expected=board.article_truth(post, EXTRACT_BASE),
            )
        )
    return fixtures


def golden_fixtures() -> list[tuple[str, Fixture, str]]:
    """(name, fixture, base_url) for every golden article page."""
    found = []
    for folder in sorted(GOLDEN.iterdir()) if GOLDEN.is_dir() else []:
        if not (folder / "input.html").exists():
            continue
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        fixture = Fixture(
            meta.get("no") or 0,
            meta["url"],
            (folder / "input.html").read_bytes(),
            "text/html",
            expected,
        )
        found.append((folder.name, fixture, meta.get("base_url") or EXTRACT_BASE))
    return found


def extract_one(fixture: Fixture, base_url: str, *, use_no: bool = True) -> dict[str, Any]:
    no = fixture.no if use_no and fixture.no else None
    try:
        item: Article = ArticlePage.from_response(
            fixture.response(), urls=BoardUrls(base_url), no=no
        ).to_item()
    except ParseError as exc:
        return {"error": exc.kind}
    return item.to_json()


def diff_fields(got: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    keys = sorted(set(got) | set(expected))
    return [k for k in keys if got.get(k) != expected.get(k)]


def time_ours(fixtures: Sequence[Fixture]) -> float:
    """Seconds to extract every fixture, from response bytes to an item."""
    responses = [(f.response(), f.no) for f in fixtures]
    gc.collect()
    started = time.perf_counter()
    for response, no in responses:
        try:  # noqa: SIM105 - a with-block per page would be timed too
            ArticlePage.from_response(response, urls=BoardUrls(EXTRACT_BASE), no=no).to_item()
        except ParseError:
            pass
    return time.perf_counter() - started


def time_trafilatura(extract: Callable[..., Any], fixtures: Sequence[Fixture]) -> float:
    bodies = [f.body for f in fixtures]
    gc.collect()
    started = time.perf_counter()
    for body in bodies:
        extract(body)
    return time.perf_counter() - started


def bench_extract(config: Config, results: dict[str, Any]) -> list[Article]:
    fixtures = imitation_fixtures(config.extract_articles)
    articles: list[Article] = []
    wrong: list[str] = []
    for fixture in fixtures:
        got = extract_one(fixture, EXTRACT_BASE)
        if got == fixture.expected:
            articles.append(
                ArticlePage.from_response(
                    fixture.response(), urls=BoardUrls(EXTRACT_BASE), no=fixture.no
                ).to_item()
            )
        else:
            wrong.append(f"{fixture.no}: {', '.join(diff_fields(got, fixture.expected))}")
    golden = golden_fixtures()
    golden_wrong = []
    for name, fixture, base in golden:
        got = extract_one(fixture, base)
        expected = fixture.expected
        ok = got == expected if "error" not in expected else got.get("error") == expected["error"]
        if not ok:
            golden_wrong.append(f"{name}: {', '.join(diff_fields(got, expected))}")

    time_ours(fixtures[:50])  # warm up
    ours = [time_ours(fixtures) / len(fixtures) * 1e6 for _ in range(config.extract_rounds)]
    result: dict[str, Any] = {
        "pages": len(fixtures),
        "exact": len(fixtures) - len(wrong),
        "wrong": wrong[:10],
        "golden": len(golden),
        "golden_exact": len(golden) - len(golden_wrong),
        "golden_wrong": golden_wrong[:10],
        "ours_us": median(ours),
        "ours_rounds_us": ours,
    }
    try:
        from trafilatura import extract  # noqa: PLC0415
    except ImportError as exc:
        result["trafilatura"] = f"not available ({exc}); pip install -e '.[bench]'"
    else:
        subset = fixtures[: config.trafilatura_pages]
        time_trafilatura(extract, subset[:10])  # warm up
        pairs = []
        for _ in range(config.trafilatura_rounds):
            theirs = time_trafilatura(extract, subset) / len(subset) * 1e6
            ours_here = time_ours(subset) / len(subset) * 1e6
            pairs.append((ours_here, theirs))
        result["trafilatura"] = {
            "pages": len(subset),
            "trafilatura_us": median([t for _, t in pairs]),
            "ours_us": median([o for o, _ in pairs]),
            "speedup": median([t / o for o, t in pairs]),
        }
    results["extract"] = result
    return articles


# -- 6: storage ----------------------------------------------------------------------------


def bench_storage(
    config: Config, articles: Sequence[Article], workdir: Path, results: dict[str, Any]
) -> None:
    items = list(articles[: config.storage_articles])
    if not items:
        items = [
            ArticlePage.from_response(f.response(), urls=BoardUrls(EXTRACT_BASE), no=f.no).to_item()
            for f in imitation_fixtures(config.storage_articles)[: config.storage_articles]
        ]
    new_rates, same_rates = [], []
    for i in range(config.storage_rounds):
        db = workdir / f"storage-{i}.db"
        remove_db(db)
        storage = Storage.open(db)
        try:
            crawl_id = storage.start_crawl("bench", "news", "full", EXTRACT_BASE)
            gc.collect()
            started = time.perf_counter()
            for item in items:
                storage.save_article(item, crawl_id)
            new_rates.append(len(items) / (time.perf_counter() - started))
            started = time.perf_counter()
            for item in items:
                storage.save_article(item, crawl_id)
            same_rates.append(len(items) / (time.perf_counter() - started))
        finally:
            storage.close()
            remove_db(db)
    results["storage"] = {
        "articles": len(items),
        "new_per_s": median(new_rates),
        "unchanged_per_s": median(same_rates),
    }


# -- 4, 5: peak RSS and incremental runs -------------------------------------------------


def bench_rss_incremental(config: Config, crawler: Crawler, results: dict[str, Any]) -> None:
    rss: dict[int, list[float]] = results.setdefault("rss_runs", {})
    speeds: dict[int, list[float]] = {}
    sizes = list(config.rss_sizes) if "rss" in config.sections else []
    inc_size = max(config.rss_sizes) if config.rss_sizes else config.articles
    if "incremental" in config.sections and inc_size not in sizes:
        sizes.append(inc_size)
    for size in sizes:
        # The pairs already crawled this board in full: their runs count here.
        runs_needed = config.rss_runs - len(rss.get(size, []))
        if size == inc_size and "incremental" in config.sections:
            runs_needed = max(runs_needed, 1)
        if runs_needed <= 0:
            continue
        with serve(build_board(size)) as server:
            db = crawler.workdir / f"rss-{size}.db"
            for i in range(runs_needed):
                remove_db(db)
                run = crawler.real(server.base_url, db)
                rss.setdefault(size, []).append(run.max_rss_mb)
                speeds.setdefault(size, []).append(run.pages_per_s)
                say(
                    f"  full crawl of {size} articles ({i + 1}/{runs_needed}): "
                    f"peak RSS {run.max_rss_mb:.0f} MB, {run.pages_per_s:.0f} pages/s"
                )
            if size == inc_size and "incremental" in config.sections:
                results["incremental"] = bench_incremental(config, crawler, server, db)
            if not config.keep:
                remove_db(db)
    if "rss" in config.sections:
        results["rss"] = {
            str(size): {"max_rss_mb": median(rss[size]), "runs": len(rss[size])}
            for size in config.rss_sizes
            if size in rss
        }
        results["rss_speeds"] = {str(size): median(v) for size, v in speeds.items()}


def request_kinds(targets: Sequence[str]) -> dict[str, int]:
    """How many of the imitation's requests were robots.txt, list pages and articles."""
    kinds = {"robots": 0, "list": 0, "article": 0, "other": 0}
    for target in targets:
        if target.startswith("/robots.txt"):
            kinds["robots"] += 1
        elif "newsList.do" in target:
            kinds["list"] += 1
        elif "newsView.do" in target:
            kinds["article"] += 1
        else:
            kinds["other"] += 1
    return kinds


def bench_incremental(
    config: Config, crawler: Crawler, server: MockSite, db: Path
) -> dict[str, Any]:
    def one(label: str) -> dict[str, Any]:
        server.reset_requests()
        run = crawler.real(server.base_url, db, mode="incremental")
        row = ledger(db)
        result = {
            "requests": int(row.get("requests") or run.requests),
            "server_requests": len(server.requests),
            "kinds": request_kinds(server.requests.snapshot()),
            "articles_new": int(row.get("articles_new") or 0),
            "elapsed": run.elapsed,
            "wall": run.wall,
            "status": row.get("status"),
        }
        say(
            f"  incremental, {label}: {result['requests']} requests {result['kinds']}, "
            f"{result['articles_new']} new, {run.elapsed:.2f} s in the spider, "
            f"{run.wall:.2f} s process"
        )
        return result

    board_size = len(server.board)
    # Right after a full crawl, articles that failed for a passing reason (the
    # imitation's 500s, truncated and untitled pages) are retried by the next
    # KITACRAWL_RETRY_RUNS runs: the first run says what that costs, then runs go
    # on until no retry is left, and the steady state is measured.
    first = one("first run after the full crawl")
    last, settle = first, 0
    while last["kinds"]["article"] and settle < RETRY_RUNS + 1:
        settle += 1
        last = one(f"settling retries ({settle})")
    unchanged = [one("unchanged board") for _ in range(config.incremental_runs)]
    fresh = []
    for _ in range(config.incremental_runs):
        server.publish(NEW_ARTICLES)
        fresh.append(one(f"{NEW_ARTICLES} new articles"))

    def summary(runs: list[dict[str, Any]]) -> dict[str, Any]:
        return {
            "requests": median([r["requests"] for r in runs]),
            "server_requests": median([r["server_requests"] for r in runs]),
            "kinds": runs[len(runs) // 2]["kinds"],
            "articles_new": median([r["articles_new"] for r in runs]),
            "elapsed": median([r["elapsed"] for r in runs]),
            "wall": median([r["wall"] for r in runs]),
            "runs": len(runs),
        }

    return {
        "board": board_size,
        "first": summary([first]),
        "settling_runs": settle,
        "unchanged": summary(unchanged),
        "new": summary(fresh),
        "new_articles": NEW_ARTICLES,
    }


# -- the table ------------------------------------------------------------------------------


def verdict(ok: bool | None) -> str:
    return "" if ok is None else ("met" if ok else "**missed**")


def table(results: dict[str, Any]) -> list[str]:
    rows: list[tuple[str, str, str, str, str]] = []
    crawl = results.get("crawl")
    if crawl:
        n = len(crawl["pairs"])
        rows.append(
            (
                "1",
                f"bare Scrapy crawl, {crawl['articles']} articles",
                f"{crawl['bare_pages_per_s']:.0f} pages/s "
                f"({crawl['bare_responses']:.0f} pages, peak RSS {crawl['bare_rss_mb']:.0f} MB)",
                "baseline",
                f"median of {n}",
            )
        )
        if crawl.get("pairs") and "bare_default" in crawl["pairs"][0]:
            rows.append(
                (
                    "1b",
                    "bare Scrapy crawl, Scrapy's defaults for "
                    + ", ".join(results.get("mirrored_settings", {})),
                    f"{crawl['bare_default_pages_per_s']:.0f} pages/s; the full crawl is "
                    f"{crawl['ratio_default']:.2f}x this",
                    "",
                    f"median of {n}",
                )
            )
        rows.append(
            (
                "2",
                "full crawl: `news`, all pipelines, SQLite + FTS",
                f"{crawl['real_pages_per_s']:.0f} pages/s = **{crawl['ratio']:.2f}x bare** "
                f"({crawl['real_responses']:.0f} pages; {crawl['stored_exact']}/"
                f"{crawl['expected']} articles stored exactly)",
                f"≥ 0.85x {verdict(crawl['ratio'] >= 0.85)}",
                f"median of {n} pairs",
            )
        )
        rows.append(
            (
                "2b",
                "same, by process wall time (start-up included)",
                f"{crawl['ratio_wall']:.2f}x bare",
                "",
                f"median of {n} pairs",
            )
        )
    extract = results.get("extract")
    if extract:
        traf = extract.get("trafilatura")
        exact_ok = (
            extract["exact"] == extract["pages"] and extract["golden_exact"] == extract["golden"]
        )
        rows.append(
            (
                "3",
                "extraction alone (`ArticlePage`, bytes → item)",
                f"{extract['ours_us']:.0f} µs/page over {extract['pages']} pages",
                f"≤ 1000 µs {verdict(extract['ours_us'] <= 1000)}",
                f"median of {len(extract['ours_rounds_us'])} rounds",
            )
        )
        if isinstance(traf, dict):
            rows.append(
                (
                    "3b",
                    "trafilatura `extract` on the same pages",
                    f"{traf['trafilatura_us']:.0f} µs/page; ours "
                    f"{traf['ours_us']:.0f} µs = **{traf['speedup']:.1f}x faster**",
                    f"≥ 8x {verdict(traf['speedup'] >= 8)}",
                    f"{traf['pages']} pages, median of {config_rounds(results, 'trafilatura')}",
                )
            )
        else:
            rows.append(("3b", "trafilatura `extract`", str(traf), "≥ 8x", ""))
        rows.append(
            (
                "3c",
                "extraction exact",
                f"{extract['exact']}/{extract['pages']} imitation pages, "
                f"{extract['golden_exact']}/{extract['golden']} golden fixtures",
                f"all {verdict(exact_ok)}",
                "",
            )
        )
    inc = results.get("incremental")
    if inc:
        same, new, first = inc["unchanged"], inc["new"], inc["first"]
        rows.append(
            (
                "4",
                f"incremental run, unchanged board ({inc['board']} articles)",
                f"{same['requests']:.0f} requests ({kinds_text(same['kinds'])}), "
                f"{same['elapsed']:.2f} s after start-up ({same['wall']:.2f} s with start-up)",
                f"≤ 3 requests, < 2 s {verdict(same['requests'] <= 3 and same['elapsed'] < 2)}",
                f"median of {same['runs']}",
            )
        )
        rows.append(
            (
                "4b",
                f"incremental run after {inc['new_articles']} new articles",
                f"{new['requests']:.0f} requests ({kinds_text(new['kinds'])}), "
                f"{new['articles_new']:.0f} new stored, {new['elapsed']:.2f} s after start-up "
                f"({new['wall']:.2f} s with start-up)",
                "",
                f"median of {new['runs']}",
            )
        )
        rows.append(
            (
                "4c",
                "first incremental run right after a full crawl",
                f"{first['requests']:.0f} requests ({kinds_text(first['kinds'])})"
                + (
                    ": articles that failed for a passing reason are retried"
                    if first["kinds"]["article"]
                    else ""
                )
                + f", {first['elapsed']:.2f} s after start-up",
                "",
                "1 run",
            )
        )
    rss = results.get("rss")
    if rss:
        sizes = sorted(rss, key=int)
        values = [rss[s]["max_rss_mb"] for s in sizes]
        growth = values[-1] / values[0] - 1 if len(values) > 1 else 0.0
        runs = ", ".join(str(rss[s]["runs"]) for s in sizes)
        rows.append(
            (
                "5",
                "peak RSS of a full crawl, " + " / ".join(f"{int(s):,}" for s in sizes),
                " / ".join(f"{v:.0f}" for v in values)
                + f" MB (+{growth:.0%} from smallest to largest)",
                f"≤ 200 MB, < 20% {verdict(values[-1] <= 200 and growth < 0.20)}",
                f"median of {runs} runs",
            )
        )
    storage = results.get("storage")
    if storage:
        rows.append(
            (
                "6",
                "storage: `Storage.save_article`, one transaction each (FTS on)",
                f"{storage['new_per_s']:.0f} new articles/s, "
                f"{storage['unchanged_per_s']:.0f} unchanged/s",
                "",
                f"{storage['articles']} articles, median of {results['config']['storage_rounds']}",
            )
        )
    lines = [
        "| # | figure | measured | target | runs |",
        "| --- | --- | --- | --- | --- |",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def kinds_text(kinds: dict[str, int]) -> str:
    names = {"robots": "robots.txt", "list": "list", "article": "article", "other": "other"}
    return ", ".join(f"{n} {names[k]}" for k, n in kinds.items() if n)


def config_rounds(results: dict[str, Any], name: str) -> int:
    return int(results["config"][f"{name}_rounds"])


def headline(results: dict[str, Any]) -> str:
    crawl = results.get("crawl")
    if not crawl:
        return "headline: full crawl not measured (section 'crawl' not run)"
    return (
        f"headline: full crawl = {crawl['ratio']:.2f}x bare scrapy "
        f"(median of {len(crawl['pairs'])} pairs)"
    )


# -- main -------------------------------------------------------------------------------------


def print_header(config: Config, results: dict[str, Any]) -> None:
    """The machine, the versions, the board and the settings, above the table."""
    crawl = results.get("crawl")
    print(f"kitacrawl benchmark — {results['machine']}")
    print(", ".join(f"{k} {v}" for k, v in results["versions"].items()))
    if crawl:
        print(
            f"board: {crawl['articles']} articles, article pages "
            f"{crawl['article_page_kb']:.1f} KB, "
            f"served from 127.0.0.1 by the imitation (its CPU: "
            f"{crawl['server_cpu_share']:.0%} of a core; crawler: bare "
            f"{crawl['bare_cpu_share']:.0%}, real {crawl['real_cpu_share']:.0%})"
        )
    print("crawl settings, both: " + " ".join(f"{k}={v}" for k, v in COMMON_SETTINGS.items()))
    for label, extra in (
        ("both, --set", config.set_both),
        ("real only, --real-set", config.set_real),
    ):
        if extra:
            print(f"crawl settings, {label}: " + " ".join(f"{k}={v}" for k, v in extra.items()))
    mirrored = mirrored_settings()
    if mirrored:
        print(
            "bare also gets kitacrawl's Scrapy tuning: "
            + " ".join(f"{k}={v}" for k, v in mirrored.items())
        )


def main(argv: Sequence[str] | None = None) -> int:
    config = parse_args(argv)
    started = time.perf_counter()
    results: dict[str, Any] = {
        "config": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(config).items()},
        "machine": machine(),
        "versions": versions(),
        "settings": COMMON_SETTINGS,
        "mirrored_settings": mirrored_settings(),
    }
    if config.keep:
        config.keep.mkdir(parents=True, exist_ok=True)
        workdir_cm: contextlib.AbstractContextManager[str] = contextlib.nullcontext(
            str(config.keep)
        )
    else:
        workdir_cm = tempfile.TemporaryDirectory(prefix="kitacrawl-bench-")
    with workdir_cm as workdir_name:
        workdir = Path(workdir_name)
        crawler = Crawler(workdir, config.set_both, config.set_real)
        if "crawl" in config.sections:
            say(f"[1-2] bare vs real crawl, {config.pairs} pairs, {config.articles} articles")
            bench_crawl(config, crawler, results)
        articles: list[Article] = []
        if "extract" in config.sections:
            say(f"[3] extraction, {config.extract_articles}-article board")
            articles = bench_extract(config, results)
        if "storage" in config.sections:
            say("[6] storage")
            bench_storage(config, articles, workdir, results)
        del articles
        gc.collect()
        if "rss" in config.sections or "incremental" in config.sections:
            say(f"[4-5] peak RSS {list(config.rss_sizes)} and incremental runs")
            bench_rss_incremental(config, crawler, results)
        results["rss_runs"] = {str(k): v for k, v in results.get("rss_runs", {}).items()}
        if not config.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    results["total_seconds"] = time.perf_counter() - started
    print_header(config, results)
    print()
    for line in table(results):
        print(line)
    print()
    print(f"total benchmark time: {results['total_seconds']:.0f} s")
    if config.json_path:
        config.json_path.parent.mkdir(parents=True, exist_ok=True)
        config.json_path.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    print(headline(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
