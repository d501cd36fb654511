"""`scrapy doctor [BOARD]`: would a crawl of this site work? (see :mod:`kitacrawl.doctor`)."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from scrapy.commands import ScrapyCommand

from kitacrawl import site
from kitacrawl.runner import examine


class Command(ScrapyCommand):
    # It builds its own crawler process, after the options are read.
    requires_project = True

    def syntax(self) -> str:
        return "[BOARD] [--base-url URL] [--output DIR]"

    def short_desc(self) -> str:
        return "First contact: fetch robots.txt, list page 1 and the newest article, say what works"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--base-url", metavar="URL", help="the site (KITACRAWL_BASE_URL)")
        parser.add_argument(
            "--output",
            metavar="DIR",
            help="where to save the pages fetched (default: output/doctor/<time>)",
        )

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        if opts.base_url:
            self.settings.set("KITACRAWL_BASE_URL", opts.base_url, priority="cmdline")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        board = args[0] if args else site.BOARD_NEWS
        folder = Path(opts.output) if opts.output else default_folder()
        report = examine(self.settings, board, folder)
        print(report.render())
        self.exitcode = int(report.exit_code)


def default_folder() -> Path:
    return Path("output") / "doctor" / datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
