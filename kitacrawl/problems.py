"""Problem kinds: what a page that could not be stored says, and whether it will pass.

``problems.kind`` is part of the analysts' API (``docs/schema.md``). A kind is
*final* when asking again is not expected to help (the article is gone, or the
page is not an article); every other kind is *passing* (the server or the
network may answer better next time). Final pages are still re-checked at a
slow cadence (``KITACRAWL_RECHECK_DAYS``) and passing ones retried with a
growing wait (:mod:`kitacrawl.retry`), so nothing is abandoned silently.
"""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from kitacrawl.middlewares import OffsiteRequest

# The article asked for is answered by another one (a redirect to another id),
# or by a page that is no article at all.
REDIRECTED = "redirected"
# Retried for KITACRAWL_GIVE_UP_DAYS without success: from now on it is
# re-checked like a final page. Recorded once, so that it shows in `stats`.
GAVE_UP = "gave_up"
UNPARSABLE = "unparsable"

FINAL = frozenset(
    {
        "http_404",
        "http_410",
        "deleted",
        "offsite_redirect",
        "not_html",
        UNPARSABLE,
        REDIRECTED,
        GAVE_UP,
    }
)


def is_final(kind: str) -> bool:
    return kind in FINAL


# Failure classes by name: their modules moved between Scrapy and Twisted versions.
_FAILURE_KINDS = {
    "DownloadTimeoutError": "timeout",
    "TimeoutError": "timeout",
    "TCPTimedOutError": "timeout",
    "DownloadCancelledError": "too_large",
    # What Scrapy < 2.15 lets through past DOWNLOAD_MAXSIZE (2.15 wraps it as above).
    "CancelledError": "too_large",
    "CannotResolveHostError": "dns",
    "DNSLookupError": "dns",
    "ResponseDataLossError": "truncated",
}


def classify_failure(failure: Failure) -> tuple[str, str]:  # noqa: PLR0911 - one answer per kind
    """A short problem kind and a detail for a failed request."""
    exc = failure.value
    detail = f"{type(exc).__name__}: {exc}"[:500]
    if isinstance(exc, HttpError):
        return f"http_{exc.response.status}", detail
    if isinstance(exc, OffsiteRequest):
        return "offsite_redirect", detail
    if isinstance(exc, IgnoreRequest):
        text = str(exc).lower()
        if "redirection" in text:
            return "redirect_loop", detail
        if "robots" in text:
            return "robots_forbidden", detail
        return "ignored", detail
    for cls in type(exc).__mro__:
        if cls.__name__ in _FAILURE_KINDS:
            return _FAILURE_KINDS[cls.__name__], detail
    return "connection", detail
