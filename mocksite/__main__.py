"""Command line: serve the offline imitation of KITA's English boards until stopped.

    python -m mocksite --port 8000 --articles 60 --truth output/truth.json
    python -m mocksite --template current --moved home
    python -m mocksite --markup 7 --markup-scope article
    python -m mocksite --describe-markup 7
    python -m mocksite --boards news,tradenews --tradenews 20000 --refuse robots

Serves every English board (news, KITA Insights, the Photo Gallery) unless
``--boards`` says otherwise; KITA's Korean trade news (``tradenews``, the
same server imitating www.kita.net) when named there. Prints one line with
the address (and, in the current template, a second one with the board's
paths; then one line for each other board served, with its items and paths;
then the made-up markup's choices, when there is one), writes the ground
truth JSON when asked (with other boards, ``{"boards": {name: truth}}``),
and serves until SIGINT or SIGTERM. ``--describe-markup SEED`` prints what
that markup chooses, a dimension a line, and exits.
"""

from __future__ import annotations

import argparse
import signal
import threading
from types import FrameType

from mocksite.boards import build_insights, build_photos
from mocksite.boards.news import TEMPLATES, build_board
from mocksite.boards.tradenews import build_tradenews
from mocksite.markup.older.section import INSIGHTS, PHOTOS
from mocksite.markup.varied import DIMENSIONS, markup_for
from mocksite.markup.varied.gallery import GALLERY_FORMS
from mocksite.model import LIST_LINK_MODES, PAGING_STYLES, PAST_END_MODES
from mocksite.server import FAULTS, MARKUP_SCOPES, PHOTO_PATHS_MODES, REFUSALS, MockSite
from mocksite.urls import (
    BOARD_NAME,
    BOARD_NAMES,
    INSIGHTS_NAME,
    INSIGHTS_PATHS,
    PHOTO_PATHS,
    PHOTOS_NAME,
    TRADENEWS_NAME,
    TRADENEWS_PATHS,
)

# The boards served unless --boards says otherwise.
ENGLISH = (BOARD_NAME, INSIGHTS_NAME, PHOTOS_NAME)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m mocksite", description=__doc__.splitlines()[0])
    add = parser.add_argument
    add("--port", type=int, default=8000, help="the port on 127.0.0.1 (0 picks a free one)")
    add("--articles", type=int, default=60, help="news articles listed, bad pages included")
    add("--seed", type=int, default=2530, help="the seed every board is built from")
    add(
        "--past-end",
        choices=PAST_END_MODES,
        default="empty",
        help="what a list page past the last answers: no rows, the last page, the first page",
    )
    add(
        "--list-links",
        choices=LIST_LINK_MODES,
        default="mixed",
        help="how list rows link to articles: every form, plain hrefs, fn_view handlers",
    )
    add(
        "--paging",
        choices=PAGING_STYLES,
        default="last",
        help="the older list's paging bar: first/last arrows, or blocks of ten only",
    )
    add("--no-list-columns", action="store_true", help="lists show no date and hit columns")
    add("--pinned", type=int, default=2, help="notices pinned on top of every news list page")
    add(
        "--faults",
        default="",
        help=f"comma-separated faults on a few news articles, from: {','.join(FAULTS)}",
    )
    add(
        "--slow-seconds",
        type=float,
        default=3.0,
        help="how long a 'slow' fault stalls before it answers",
    )
    add(
        "--drift",
        action="store_true",
        help="lists in a renamed markup, article pages rendered by script: nothing to read",
    )
    add(
        "--template",
        choices=TEMPLATES,
        help="the news pages' markup (default: older; current with --moved)",
    )
    add(
        "--moved",
        nargs="?",
        const="404",
        choices=("404", "home"),
        help="the board left /about/...: those paths answer 404 (default) or redirect home",
    )
    add("--list-path", help="the current template's news list path")
    add("--detail-path", help="the current template's news detail path")
    add("--id-param", default="no", help="the current template's article id parameter")
    add(
        "--boards",
        default=",".join(ENGLISH),
        help=f"comma-separated boards to serve, from: {','.join(BOARD_NAMES)} (news always;"
        " default: the English ones)",
    )
    add("--tradenews", type=int, default=200, help="Korean trade news articles (with --boards)")
    add(
        "--refuse",
        choices=REFUSALS,
        help="refuse crawlers: 403 on every path, or a robots.txt disallowing the trade news",
    )
    add("--insights", type=int, default=40, help="KITA Insights items")
    add("--photos", type=int, default=50, help="Photo Gallery items")
    add(
        "--insights-split",
        action="store_true",
        help="items before October 2022 only at the older path, later ones only at the newer",
    )
    add(
        "--insights-no-newer-list",
        action="store_true",
        help="the newer Insights list answers 404 (the older one still lists every item)",
    )
    add("--insights-badges", action="store_true", help="newer Insights pages show a date")
    add(
        "--photo-paths",
        choices=PHOTO_PATHS_MODES,
        default="older",
        help="where the Photo Gallery answers: its 2020 paths (/about/photo*.do), those and its"
        " 2023 ones (/photoGallery/...), or only the 2023 ones",
    )
    add(
        "--photo-list",
        choices=GALLERY_FORMS,
        help="the Photo Gallery's lists: the older grid, cards with fn_view('N') on some,"
        " made-up cards (default: the markup's, else each path's own template)",
    )
    add(
        "--markup",
        type=int,
        metavar="SEED",
        help="render the news board in the made-up markup of this seed (see --describe-markup)",
    )
    add(
        "--markup-scope",
        choices=MARKUP_SCOPES,
        default="all",
        help="which news pages the markup renders: all, only list pages, only article pages",
    )
    add(
        "--describe-markup",
        type=int,
        metavar="SEED",
        help="print what the markup of this seed chooses, a dimension a line, and exit",
    )
    add("--truth", help="write the ground truth JSON here")
    return parser


def describe_markup(seed: int) -> list[str]:
    """A line per dimension: its name, the option seed `seed` chooses, what it varies."""
    chosen = markup_for(seed).chosen()
    lines = [markup_for(seed).describe()]
    for dim in DIMENSIONS:
        option = chosen.get(dim.name, "(unused)")
        lines.append(f"  {dim.page:8} {dim.name:16} {option:18} {dim.doc}")
    return lines


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = _parser()
    args = parser.parse_args(argv)
    args.fault_set = frozenset(f.strip() for f in args.faults.split(",") if f.strip())
    unknown = args.fault_set - set(FAULTS)
    if unknown:
        parser.error(f"unknown faults: {','.join(sorted(unknown))}")
    if args.describe_markup is not None:
        args.site = None
        return args
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
            markup=args.markup,
            markup_scope=args.markup_scope,
            photo_paths=args.photo_paths,
            photo_list=args.photo_list,
            tradenews=(
                build_tradenews(args.tradenews, seed=args.seed)
                if TRADENEWS_NAME in boards
                else None
            ),
            refuse=args.refuse,
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
        where = []
        if site.photo_paths != "newer":
            where.append(
                f"list {PHOTOS.list_path}, detail {PHOTOS.view_path}?photonewsId=N (older template)"
            )
        if site.photo_paths != "older":
            where.append(
                f"list {PHOTO_PATHS.list_path}, detail {PHOTO_PATHS.detail_path}?photonewsId=N"
                " (current template, no date)"
            )
        lists = "" if site.gallery == "board_grid" else f"; lists as {site.gallery}"
        lines.append(
            f"photos: {len(nos)} items, photonewsId {min(nos)}-{max(nos)}; "
            + "; ".join(where)
            + lists
        )
    if site.tradenews is not None:
        nos = [p.no for p in site.tradenews.posts]
        lines.append(
            f"tradenews: {len(nos)} articles, no {min(nos)}-{max(nos)}; list"
            f" {TRADENEWS_PATHS.list_path}, detail {TRADENEWS_PATHS.detail_path}?no=N&siteId=S"
            " (current template, kita.net's session ids)"
        )
    if site.refuse is not None:
        lines.append(f"refusing crawlers: {site.refuse}")
    if site.markup is not None:
        lines.append(f"news pages ({site.markup_scope}) in {site.markup.describe()}")
    return lines


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.describe_markup is not None:
        print("\n".join(describe_markup(args.describe_markup)))
        return 0
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
