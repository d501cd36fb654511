"""``scrapy doctor [BOARD]``: the first-contact check, as ``kitacrawl doctor`` does it."""

from __future__ import annotations

import argparse

from scrapy.commands import ScrapyCommand

from kitacrawl import site
from kitacrawl.doctor import doctor_command


class Command(ScrapyCommand):
    requires_project = True
    # The doctor makes its own crawler process once the options are read (Scrapy >= 2.14
    # reads this; before, the process Scrapy makes goes unused).
    requires_crawler_process = False

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
        self.exitcode = doctor_command(self.settings, board, opts.output)
