"""Figure 3: page extraction alone, against trafilatura, and its exactness.

``read_article`` (the spider's entry point: generation detection, then the
page object) turns fresh responses of every good article of a board into
items (bytes in, item out); ``trafilatura.extract`` gets the same bytes,
round by round. Every page is also checked against the imitation's ground
truth and every golden fixture in ``tests/golden/article`` against its
expected file.
"""

from __future__ import annotations

import gc
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from scrapy.http import HtmlResponse

from bench.config import PROJECT, Config
from bench.measure import median
from kitacrawl import site
from kitacrawl.items import Article, FetchedPage, ParseError
from kitacrawl.pages import read_article
from kitacrawl.site import BoardUrls
from mocksite import build_board

GOLDEN = PROJECT / "tests" / "golden" / "article"
EXTRACT_BASE = "http://www.kita.org"


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
        item: Article = read_article(fixture.response(), urls=BoardUrls(base_url), no=no)
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
            read_article(response, urls=BoardUrls(EXTRACT_BASE), no=no)
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


def fetched_page(fixture: Fixture) -> FetchedPage:
    """The page a fixture's article was read from, as a crawl hands it to storage."""
    return FetchedPage(
        url=fixture.url, status=200, headers={"Content-Type": fixture.content_type},
        body=fixture.body, fetched_at="2026-12-01T00:00:00Z", base_url=EXTRACT_BASE,
        board="news", no=fixture.no,
    )  # fmt: skip


def bench_extract(config: Config, results: dict[str, Any]) -> list[tuple[Article, FetchedPage]]:
    """The extraction figures; the articles read right, each with its page (for storage)."""
    fixtures = imitation_fixtures(config.extract_articles)
    articles: list[tuple[Article, FetchedPage]] = []
    wrong: list[str] = []
    for fixture in fixtures:
        got = extract_one(fixture, EXTRACT_BASE)
        if got == fixture.expected:
            item = read_article(fixture.response(), urls=BoardUrls(EXTRACT_BASE), no=fixture.no)
            articles.append((item, fetched_page(fixture)))
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
        from trafilatura import extract  # noqa: PLC0415 - an optional extra
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
