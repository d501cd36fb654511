"""``scrapy parse --spider news URL``: Scrapy's own command, for any list or article URL.

Two things differ from Scrapy's: the board spiders read the page at the URL's
own site (``KITACRAWL_BASE_URL`` is taken from it unless ``-s`` gives one), so
that a page of the imitation on 127.0.0.1 is not dropped as off-site; and the
callback runs as a coroutine. Scrapy 2.19's command wraps the spider's callback
in a function that returns a Deferred, which Scrapy itself then reports as
deprecated ("returned a Deferred. Returning Deferreds from spider callbacks is
deprecated") on every ``scrapy parse``; awaited in a coroutine, the same
Deferred is no callback's return value. No run begins under ``scrapy parse``:
nothing is stored, and the items print as the page code made them.
"""

from __future__ import annotations

import argparse
import functools
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, Spider
from scrapy.commands.parse import Command as ScrapyParseCommand
from scrapy.settings import SETTINGS_PRIORITIES
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred


class Command(ScrapyParseCommand):
    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        assert self.settings is not None
        given = self.settings.getpriority("KITACRAWL_BASE_URL") or 0
        parts = urlsplit(args[0]) if args else None
        # Below -s (cmdline), above the environment: the page's own site is read.
        if (
            parts is not None
            and parts.scheme in ("http", "https")
            and parts.netloc
            and given < SETTINGS_PRIORITIES["cmdline"]
        ):
            base = f"{parts.scheme}://{parts.netloc}"
            self.settings.set("KITACRAWL_BASE_URL", base, priority="spider")

    def prepare_request(
        self, spider: Spider, request: Request, opts: argparse.Namespace
    ) -> Request:
        request = super().prepare_request(spider, request, opts)
        request.callback = _awaited(request.callback)
        return request

    def scraped_data(self, args: Any) -> list[Any]:
        data = super().scraped_data(args)
        for entry in data:
            # Requests followed at the next depth get Scrapy's Deferred-returning wrapper.
            if isinstance(entry, Request):
                entry.callback = _awaited(entry.callback)
        return data


def _awaited(callback: Any) -> Any:
    """``callback`` as a coroutine function that awaits the Deferred it returns."""
    if not callable(callback):
        return callback

    @functools.wraps(callback)
    async def awaited(response: Any, **kwargs: Any) -> Any:
        result = callback(response, **kwargs)
        if isinstance(result, Deferred):
            return await maybe_deferred_to_future(result)
        return result

    return awaited


__all__ = ["Command"]
