"""What a failed Scrapy request was: its Twisted failure as a problem kind.

The Scrapy side of :mod:`kitacrawl.problems` (which stays free of Scrapy, so
that storage and the report can read the kinds without importing a crawler).
"""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from kitacrawl import problems
from kitacrawl.middlewares import OffsiteRequest

# Failure classes by name: their modules moved between Scrapy and Twisted versions.
_FAILURE_KINDS = {
    "DownloadTimeoutError": problems.TIMEOUT,
    "TimeoutError": problems.TIMEOUT,
    "TCPTimedOutError": problems.TIMEOUT,
    "DownloadCancelledError": problems.TOO_LARGE,
    # What Scrapy < 2.15 lets through past DOWNLOAD_MAXSIZE (2.15 wraps it as above).
    "CancelledError": problems.TOO_LARGE,
    "CannotResolveHostError": problems.DNS,
    "DNSLookupError": problems.DNS,
    "ResponseDataLossError": problems.TRUNCATED,
}


def classify_failure(failure: Failure) -> tuple[str, str]:  # noqa: PLR0911 - one answer per kind
    """A short problem kind and a detail for a failed request."""
    exc = failure.value
    detail = f"{type(exc).__name__}: {exc}"[:500]
    if isinstance(exc, HttpError):
        return problems.http(exc.response.status), detail
    if isinstance(exc, OffsiteRequest):
        return problems.OFFSITE_REDIRECT, detail
    if isinstance(exc, IgnoreRequest):
        text = str(exc).lower()
        if "redirection" in text:
            return problems.REDIRECT_LOOP, detail
        if "robots" in text:
            return problems.ROBOTS_FORBIDDEN, detail
        return problems.IGNORED, detail
    for cls in type(exc).__mro__:
        if cls.__name__ in _FAILURE_KINDS:
            return _FAILURE_KINDS[cls.__name__], detail
    return problems.CONNECTION, detail
