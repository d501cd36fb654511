"""What a benchmark run measures and how much: ``Config`` and the command line."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import bench

PROJECT = Path(__file__).resolve().parent.parent
SECTIONS = ("crawl", "extract", "storage", "reparse", "rss", "incremental", "tradenews", "search")


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
    reparse_articles: int = 5000
    reparse_rounds: int = 2
    incremental_runs: int = 3
    search_articles: int = 100_000
    search_rounds: int = 7
    tradenews_sizes: tuple[int, ...] = (1000, 20000)
    tradenews_resume: int = 5000
    sections: tuple[str, ...] = SECTIONS
    json_path: Path | None = None
    keep: Path | None = None
    quick: bool = False
    set_both: dict[str, str] = field(default_factory=dict)
    set_real: dict[str, str] = field(default_factory=dict)


def parse_args(argv: Sequence[str] | None = None) -> Config:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description=bench.__doc__.splitlines()[0] if bench.__doc__ else None,
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
            reparse_articles=200,
            reparse_rounds=1,
            incremental_runs=1,
            search_articles=2000,
            search_rounds=3,
            tradenews_sizes=(150, 400),
            tradenews_resume=300,
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
