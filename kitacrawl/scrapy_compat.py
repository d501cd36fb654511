"""The few Scrapy calls whose public spelling changed between the versions we support.

``pyproject.toml`` states the oldest Scrapy the suite passes on; everything
version-dependent is here, feature-tested rather than version-compared, and
uses only public API.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from scrapy.utils.defer import deferred_from_coro

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from twisted.internet.interfaces import IReactorTime


def call_later(delay: float, function: Callable[[], object]) -> None:
    """Run ``function`` on the reactor after ``delay`` seconds."""
    # Imported here: Scrapy installs the reactor it was configured with at
    # start-up, and importing it at module load would install the default one.
    from twisted.internet import reactor  # noqa: PLC0415 - see the comment above

    # zope.interface declares IReactorTime's methods without `self`, which mypy
    # reads as one argument too many.
    cast("IReactorTime", reactor).callLater(delay, function)  # type: ignore[arg-type]  # zope


def close_spider(crawler: Crawler, reason: str) -> None:
    """Ask the engine to close the crawler's spider, from the reactor's next turn."""

    def close() -> None:
        engine: Any = crawler.engine
        # A second request while the engine is already closing just waits for it.
        if engine is None or getattr(engine, "spider", None) is None:
            return
        if hasattr(engine, "close_spider_async"):  # Scrapy >= 2.14
            deferred_from_coro(engine.close_spider_async(reason=reason))
        else:
            engine.close_spider(engine.spider, reason)

    call_later(0, close)
