"""``kitacrawl doctor``: the first-contact check (:mod:`kitacrawl.doctor`), as ``scrapy doctor``."""

from __future__ import annotations

import argparse
from typing import Any

from kitacrawl import config, site
from kitacrawl.crawl import project_settings
from kitacrawl.doctor import doctor_command


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
    doctor.set_defaults(handler=run_doctor)


def run_doctor(args: argparse.Namespace) -> int:
    overrides = dict(item.partition("=")[::2] for item in args.set)
    if args.base_url:
        overrides["KITACRAWL_BASE_URL"] = args.base_url
    overrides.setdefault("LOG_LEVEL", "WARNING")
    settings = project_settings(overrides)
    config.check(settings)  # a value that cannot be used: one line, exit 2
    return doctor_command(settings, args.board, args.output, as_json=args.format == "json")
