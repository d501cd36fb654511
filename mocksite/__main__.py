"""Command line: serve the offline imitation of KITA's news board until stopped.

    python -m mocksite --port 8000 --articles 60 --truth output/truth.json
    python -m mocksite --template current --moved home
    python -m mocksite --boards news,insights,photos --insights-split

Prints one line with the address (and, in the current template, a second one
with the board's paths; then one line for each other board served, with its
items and paths), writes the ground truth JSON when asked (with other boards,
``{"boards": {name: truth}}``), and serves until SIGINT or SIGTERM.
"""

from __future__ import annotations

import argparse
import signal
import threading
from types import FrameType

from mocksite.boards import build_insights, build_photos
from mocksite.boards.news import TEMPLATES, build_board
from mocksite.markup.older.section import INSIGHTS, PHOTOS
from mocksite.model import LIST_LINK_MODES, PAGING_STYLES, PAST_END_MODES
from mocksite.server import FAULTS, MockSite
from mocksite.urls import (
    BOARD_NAME,
    BOARD_NAMES,
    INSIGHTS_NAME,
    INSIGHTS_PATHS,
    PHOTOS_NAME,
)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m mocksite", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000, help="0 picks a free port")
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--seed", type=int, default=2530)
    parser.add_argument("--past-end", choices=PAST_END_MODES, default="empty")
    parser.add_argument("--list-links", choices=LIST_LINK_MODES, default="mixed")
    parser.add_argument("--paging", choices=PAGING_STYLES, default="last")
    parser.add_argument("--no-list-columns", action="store_true")
    parser.add_argument("--pinned", type=int, default=2)
    parser.add_argument("--faults", default="", help=f"comma-separated, from: {','.join(FAULTS)}")
    parser.add_argument("--slow-seconds", type=float, default=3.0)
    parser.add_argument("--drift", action="store_true")
    parser.add_argument(
        "--template",
        choices=TEMPLATES,
        help="the pages' markup (default: older; current with --moved)",
    )
    parser.add_argument(
        "--moved",
        nargs="?",
        const="404",
        choices=("404", "home"),
        help="the board left /about/...: those paths answer 404 (default) or redirect home",
    )
    parser.add_argument("--list-path", help="the current template's list path")
    parser.add_argument("--detail-path", help="the current template's detail path")
    parser.add_argument("--id-param", default="no", help="the current template's id parameter")
    parser.add_argument(
        "--boards",
        default=BOARD_NAME,
        help=f"comma-separated boards to serve, from: {','.join(BOARD_NAMES)} (news always)",
    )
    parser.add_argument("--insights", type=int, default=40, help="KITA Insights items")
    parser.add_argument("--photos", type=int, default=50, help="Photo Gallery items")
    parser.add_argument(
        "--insights-split",
        action="store_true",
        help="items before October 2022 only at the older path, later ones only at the newer",
    )
    parser.add_argument(
        "--insights-no-newer-list",
        action="store_true",
        help="the newer Insights list answers 404 (the older one still lists every item)",
    )
    parser.add_argument(
        "--insights-badges", action="store_true", help="newer Insights pages show a date"
    )
    parser.add_argument("--truth", help="write the ground truth JSON here")
    args = parser.parse_args(argv)
    args.fault_set = frozenset(f.strip() for f in args.faults.split(",") if f.strip())
    unknown = args.fault_set - set(FAULTS)
    if unknown:
        parser.error(f"unknown faults: {','.join(sorted(unknown))}")
    boards = {b.strip() for b in args.boards.split(",") if b.strip()} | {BOARD_NAME}
    try:
        args.site = MockSite(
            build_board(args.articles, seed=args.seed),
            port=args.port,
            past_end=args.past_end,
            list_links=args.list_links,
            paging=args.paging,
            list_columns=not args.no_list_columns,
            pinned=args.pinned,
            faults=args.fault_set,
            drift=args.drift,
            slow_seconds=args.slow_seconds,
            template=args.template,
            list_path=args.list_path,
            detail_path=args.detail_path,
            id_param=args.id_param,
            moved=args.moved or False,
            boards=boards,
            insights=(
                build_insights(args.insights, seed=args.seed) if INSIGHTS_NAME in boards else None
            ),
            photos=build_photos(args.photos, seed=args.seed) if PHOTOS_NAME in boards else None,
            insights_split=args.insights_split,
            insights_newer_list=not args.insights_no_newer_list,
            insights_badges=args.insights_badges,
        )
    except ValueError as error:
        parser.error(str(error))
    return args


def served_lines(site: MockSite) -> list[str]:
    """A line for each board served beside the news board: its items, ids and paths."""
    lines = []
    if site.insights is not None:
        nos = [p.no for p in site.insights.posts]
        answers = (
            "items before 2022-10 only at the older path, later ones only at the newer"
            if site.insights_split
            else "both paths answer every id"
        )
        newer_list = "" if site.insights_newer_list else " (answers 404)"
        lines.append(
            f"insights: {len(nos)} items, insightsId {min(nos)}-{max(nos)};"
            f" lists {INSIGHTS_PATHS.list_path}{newer_list} and {INSIGHTS.list_path};"
            f" detail {INSIGHTS_PATHS.detail_path}?insightsId=N (current template,"
            f" {'with' if site.insights_badges else 'no'} date) and"
            f" {INSIGHTS.view_path}?insightsId=N (older template); {answers}"
        )
    if site.photos is not None:
        nos = [p.no for p in site.photos.posts]
        lines.append(
            f"photos: {len(nos)} items, photonewsId {min(nos)}-{max(nos)};"
            f" list {PHOTOS.list_path}, detail {PHOTOS.view_path}?photonewsId=N"
            " (older template)"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    site: MockSite = args.site
    with site:
        print(f"kitacrawl mocksite serving {args.articles} articles at {site.base_url}", flush=True)
        if site.paths is not None:
            paths = site.paths
            print(
                f"current template: list {paths.list_path},"
                f" detail {paths.detail_path}?{paths.id_param}=N,"
                f" old paths {'moved: ' + site.moved if site.moved else 'still served'}",
                flush=True,
            )
        for line in served_lines(site):
            print(line, flush=True)
        if args.truth:
            site.write_truth(args.truth)
        # A timed wait keeps the main thread responsive to signals everywhere.
        while not stop.wait(0.5):
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
