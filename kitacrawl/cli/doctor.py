"""``kitacrawl doctor``: the first-contact check of ``scrapy doctor``, same report and exit code."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kitacrawl import runner, site
from kitacrawl.cli.common import write_json
from kitacrawl.commands.doctor import default_folder


def register(sub: Any) -> None:
    doctor = sub.add_parser(
        "doctor",
        help="first contact: fetch robots.txt, list page 1 and the newest article; exit 0 only"
        " when a crawl would work",
    )
    doctor.add_argument("board", nargs="?", default=site.BOARD_NEWS)
    doctor.add_argument("--base-url", metavar="URL", help="the site (default: www.kita.org)")
    doctor.add_argument("--output", metavar="DIR", help="where to save the pages fetched")
    doctor.add_argument("--format", choices=("text", "json"), default="text")
    doctor.add_argument(
        "-s", "--set", action="append", default=[], metavar="NAME=VALUE", help="a setting"
    )
    doctor.set_defaults(run=run_doctor)


def run_doctor(args: argparse.Namespace) -> int:
    overrides = dict(item.partition("=")[::2] for item in args.set)
    if args.base_url:
        overrides["KITACRAWL_BASE_URL"] = args.base_url
    overrides.setdefault("LOG_LEVEL", "WARNING")
    settings = runner.project_settings(overrides)
    report = runner.examine(
        settings, args.board, Path(args.output) if args.output else default_folder()
    )
    if args.format == "json":
        write_json(report.to_json())
    else:
        print(report.render())
    return int(report.exit_code)
