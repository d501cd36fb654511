"""Figure 3: page extraction alone, against trafilatura, and its exactness.

``read_article`` (the spider's entry point: generation detection, then the
page object) turns fresh responses of every good article of a board into
items (bytes in, item out), for three kinds of page: the older template's
(row 3, the figure compared with trafilatura), the current template's (3d)
and pages in made-up markups nobody's page code knows, read by structure
(3e). ``trafilatura.extract`` gets the older pages' bytes, round by round.
Every page is also checked against the imitation's ground truth and every
golden fixture in ``tests/golden/article`` against its expected file.
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
from mocksite.markup.varied import Place, markup_for, representative_seeds
from mocksite.server import OLDER_NEWS_PATHS
from mocksite.urls import CURRENT_PATHS

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


# Where the imitation serves the news board in the current template; the
# older template's path answers too (as a configured crawl would read it).
CURRENT_URLS = BoardUrls(
    EXTRACT_BASE,
    site.BoardPaths(
        (CURRENT_PATHS.list_path,),
        (CURRENT_PATHS.detail_path, *site.NEWS_PATHS.detail_paths),
        CURRENT_PATHS.id_param,
    ),
)
# Made-up markups for the structurally read pages (row 3e): a spread of them.
MARKUP_SEEDS = 8


# The truth of a page read alone: no list page lends it a counter (``listed=False``).
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
                expected=board.article_truth(post, EXTRACT_BASE, listed=False),
            )
        )
    return fixtures


def current_fixtures(n_articles: int) -> list[Fixture]:
    """The board's articles as the current template serves them."""
    board = build_board(n_articles)
    fixtures = []
    for post in board.articles:
        page = board.current_view_page(post.no)
        fixtures.append(
            Fixture(
                no=post.no,
                url=CURRENT_URLS.article_url(post.no),
                body=page.body,
                content_type=page.content_type,
                expected=board.article_truth(post, EXTRACT_BASE, template="current", listed=False),
            )
        )
    return fixtures


def markup_fixtures(n_articles: int, seeds: Sequence[int]) -> list[Fixture]:
    """The board's articles in made-up markups (one seed after another), at the older paths."""
    board = build_board(n_articles)
    place = Place(OLDER_NEWS_PATHS, "older")
    per_seed = max(1, len(board.articles) // len(seeds))
    fixtures = []
    for i, seed in enumerate(seeds):
        markup = markup_for(seed)
        for post in board.articles[i * per_seed : (i + 1) * per_seed]:
            page = board.markup_view_page(post.no, markup, place)
            fixtures.append(
                Fixture(
                    no=post.no,
                    url=site.BoardUrls(EXTRACT_BASE).article_url(post.no),
                    body=page.body,
                    content_type=page.content_type,
                    expected=board.article_truth(
                        post, EXTRACT_BASE, template="older", markup=markup, listed=False
                    ),
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


def extract_one(
    fixture: Fixture, base_url: str, *, use_no: bool = True, urls: BoardUrls | None = None
) -> dict[str, Any]:
    no = fixture.no if use_no and fixture.no else None
    try:
        item: Article = read_article(fixture.response(), urls=urls or BoardUrls(base_url), no=no)
    except ParseError as exc:
        return {"error": exc.kind}
    return item.to_json()


def diff_fields(got: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    keys = sorted(set(got) | set(expected))
    return [k for k in keys if got.get(k) != expected.get(k)]


def time_ours(fixtures: Sequence[Fixture], urls: BoardUrls | None = None) -> float:
    """Seconds to extract every fixture, from response bytes to an item."""
    responses = [(f.response(), f.no) for f in fixtures]
    board_urls = urls or BoardUrls(EXTRACT_BASE)
    gc.collect()
    started = time.perf_counter()
    for response, no in responses:
        try:  # noqa: SIM105 - a with-block per page would be timed too
            read_article(response, urls=board_urls, no=no)
        except ParseError:
            pass
    return time.perf_counter() - started


def bench_pages(
    fixtures: Sequence[Fixture], rounds: int, urls: BoardUrls | None = None
) -> dict[str, Any]:
    """µs a page (median of rounds), exactness against the truth, how the pages were read."""
    wrong: list[str] = []
    read_as: dict[str, int] = {}
    for fixture in fixtures:
        got = extract_one(fixture, EXTRACT_BASE, urls=urls)
        generation = str(got.get("generation", got.get("error", "?")))
        read_as[generation] = read_as.get(generation, 0) + 1
        if got != fixture.expected:
            wrong.append(f"{fixture.no}: {', '.join(diff_fields(got, fixture.expected))}")
    time_ours(fixtures[:50], urls)  # warm up
    timed = [time_ours(fixtures, urls) / len(fixtures) * 1e6 for _ in range(rounds)]
    return {
        "pages": len(fixtures),
        "exact": len(fixtures) - len(wrong),
        "wrong": wrong[:10],
        "read_as": read_as,
        "us": median(timed),
        "rounds_us": timed,
    }


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
    # The current template's pages and pages in markups nobody's page code knows.
    n_more = max(50, config.extract_articles // 3)
    result["current"] = bench_pages(current_fixtures(n_more), config.extract_rounds, CURRENT_URLS)
    result["inferred"] = bench_pages(
        markup_fixtures(n_more, representative_seeds(MARKUP_SEEDS)), config.extract_rounds
    )
    results["extract"] = result
    return articles
