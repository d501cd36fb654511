"""Downloader middlewares: who may be fetched, and how to wait when told to.

``KitaOnlyMiddleware`` is the crawler's fence: only KITA's hosts and the
configured base URL are ever requested, whatever a page links to or a
redirect points at. Scrapy's own offsite filter is skipped for requests with
``dont_filter`` (which ours need, so that a redirect loop is reported instead
of silently deduplicated), hence this stricter one.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest

from kitacrawl import config, site
from kitacrawl.scrapy_compat import call_later

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response


class OffsiteRequest(IgnoreRequest):
    """A request (often a redirect) that leaves KITA's site."""


class KitaOnlyMiddleware:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        base = urlsplit(base_url)
        self.base_netloc = base.netloc.lower()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> KitaOnlyMiddleware:
        # The crawler's board is on its own site (the Korean trade news on kita.net).
        board = getattr(crawler.spidercls, "board", None)
        return cls(config.base_url(crawler.settings, board))

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return False
        return parts.netloc.lower() == self.base_netloc or parts.hostname.lower() in site.KITA_HOSTS

    def process_request(self, request: Request, spider: Any = None) -> None:
        if not self.allowed(request.url):
            raise OffsiteRequest(f"not a KITA URL: {request.url}")


class RetryAfterMiddleware:
    """Honour ``Retry-After`` on 429/503: the site's slot pauses that long.

    Scrapy's RetryMiddleware retries 429 at once; a polite crawler waits what
    the server asked (capped, so a hostile header cannot stall a run), then
    goes back to its normal pace.
    """

    def __init__(self, crawler: Crawler, cap: float) -> None:
        self.crawler = crawler
        self.cap = cap

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        return cls(crawler, config.get(crawler.settings, "KITACRAWL_RETRY_AFTER_MAX"))

    def process_response(
        self, request: Request, response: Response, spider: Any = None
    ) -> Response:
        if response.status in (429, 503):
            delay = retry_after_seconds(response.headers.get("Retry-After"))
            if delay:
                self._pause(request, min(delay, self.cap))
        return response

    def _pause(self, request: Request, delay: float) -> None:
        engine = self.crawler.engine
        if engine is None:
            return
        slot_key = request.meta.get("download_slot") or urlsplit(request.url).hostname or ""
        slot = engine.downloader.slots.get(slot_key)
        if slot is None or slot.delay >= delay:
            return
        normal, slot.delay = slot.delay, delay

        def restore() -> None:
            if slot.delay == delay:
                slot.delay = normal

        call_later(delay, restore)


def retry_after_seconds(value: bytes | str | None) -> float | None:
    """Seconds from a Retry-After header (delta seconds or an HTTP date)."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
