"""Command line: serve the offline imitation of KITA's news board until stopped.

    python -m kitacrawl.mocksite --port 8000 --articles 60 --truth output/truth.json
    python -m kitacrawl.mocksite --template current --moved home

Prints one line with the address (and, in the current template, a second one
with the board's paths), writes the ground truth JSON when asked, and serves
until SIGINT or SIGTERM.
"""

from __future__ import annotations

import argparse
import signal
import threading
from types import FrameType

from kitacrawl.mocksite.board import TEMPLATES
from kitacrawl.mocksite.build import build_board
from kitacrawl.mocksite.model import LIST_LINK_MODES, PAGING_STYLES, PAST_END_MODES
from kitacrawl.mocksite.server import FAULTS, MockSite


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m kitacrawl.mocksite", description=__doc__.splitlines()[0]
    )
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
    parser.add_argument("--truth", help="write the ground truth JSON here")
    args = parser.parse_args(argv)
    args.fault_set = frozenset(f.strip() for f in args.faults.split(",") if f.strip())
    unknown = args.fault_set - set(FAULTS)
    if unknown:
        parser.error(f"unknown faults: {','.join(sorted(unknown))}")
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
        )
    except ValueError as error:
        parser.error(str(error))
    return args


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
        if args.truth:
            site.write_truth(args.truth)
        # A timed wait keeps the main thread responsive to signals everywhere.
        while not stop.wait(0.5):
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
