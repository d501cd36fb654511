"""What a failed Scrapy request was: its Twisted failure as a problem kind, and in words.

The Scrapy side of :mod:`kitacrawl.problems` (which stays free of Scrapy, so
that storage and the report can read the kinds without importing a crawler).
:func:`classify_failure` gives the kind a ``problems`` row keeps;
:func:`describe` the cause a person reads in the summary line, the ledger's
message, ``kitacrawl health`` and the doctor's report ("connection refused
(127.0.0.1:1)", "HTTP 404 at <url>").
"""

from __future__ import annotations

from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from kitacrawl import problems, site
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
# Refused connections: Twisted's class, and Scrapy 2.19's own wrapping of it.
_REFUSED = frozenset({"ConnectionRefusedError", "DownloadConnectionRefusedError"})
# What Scrapy's HTTP cache says of a page it does not hold (kitacrawl.cache replays
# the archive through it with HTTPCACHE_IGNORE_MISSING).
_NOT_IN_CACHE = "not in cache"


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


def _names(exc: BaseException) -> set[str]:
    return {cls.__name__ for cls in type(exc).__mro__}


# What a download that got no answer raises, by class name (Twisted's and Scrapy's,
# across the versions supported), beside the kinds above.
_NO_ANSWER = frozenset(
    {*_FAILURE_KINDS, *_REFUSED, "ConnectError", "ConnectionLost", "ConnectionDone",
     "ResponseNeverReceived", "ResponseFailed", "DownloadFailedError"}
)  # fmt: skip


def is_download_failure(exc: BaseException) -> bool:
    """A download that got no answer (network, DNS, timeout), rather than a bug in code."""
    return isinstance(exc, OSError) or bool(_names(exc) & _NO_ANSWER)


def describe(failure: Failure, url: str) -> str:  # noqa: PLR0911 - one answer per cause
    """The cause of a failed request of ``url``, in a few words that name where.

    The host and port for a network failure (that is what an operator checks
    first), the URL for an answer the site gave or a page refused.
    """
    exc = failure.value
    url = site.strip_session(url)
    kind, _ = classify_failure(failure)
    if isinstance(exc, HttpError):
        return f"HTTP {exc.response.status} at {site.strip_session(exc.response.url)}"
    if kind == problems.OFFSITE_REDIRECT:
        return f"a redirect away from the site ({exc})"
    if kind == problems.REDIRECT_LOOP:
        return f"too many redirects from {url}"
    if kind == problems.ROBOTS_FORBIDDEN:
        return f"robots.txt forbids {url}"
    if isinstance(exc, IgnoreRequest):
        if _NOT_IN_CACHE in str(exc).lower():
            return f"not in the archive: {url}"
        return f"request dropped ({exc}): {url}"
    if kind == problems.DNS:
        return f"DNS failure ({urlsplit(url).hostname or url})"
    if kind == problems.TIMEOUT:
        return f"timeout ({_host_port(url)})"
    if kind == problems.TOO_LARGE:
        return f"answer too large at {url}"
    if kind == problems.TRUNCATED:
        return f"answer cut off at {url}"
    if _names(exc) & _REFUSED:
        return f"connection refused ({_host_port(url)})"
    return f"connection failed ({_host_port(url)}): {_reason(exc)}"


def _host_port(url: str) -> str:
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:  # a port that is no number: say what was asked
        return parts.netloc
    if port is None:
        port = 443 if parts.scheme == "https" else 80
    host = parts.hostname or parts.netloc
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]
