"""Problem kinds: what a page that could not be stored says, and whether it will pass.

``problems.kind`` is part of the analysts' API (``docs/schema.md``). A kind is
*final* when asking again is not expected to help (the article is gone, or the
page is not an article); every other kind is *passing* (the server or the
network may answer better next time). Final pages are still re-checked at a
slow cadence (``KITACRAWL_RECHECK_DAYS``) and passing ones retried with a
growing wait (:mod:`kitacrawl.retry`), so nothing is abandoned silently.

Plain names and sets, importable without Scrapy (storage and the report read
them); what a failed Scrapy request was is :mod:`kitacrawl.failures`.
"""

from __future__ import annotations

# The article asked for is answered by another one (a redirect to another id),
# or by a page that is no article at all.
REDIRECTED = "redirected"
# Retried for KITACRAWL_GIVE_UP_DAYS without success: from now on it is
# re-checked like a final page. Recorded once, so that it shows in `stats`.
GAVE_UP = "gave_up"
UNPARSABLE = "unparsable"
DELETED = "deleted"
NOT_HTML = "not_html"
OFFSITE_REDIRECT = "offsite_redirect"

# Passing kinds of a request that got no usable answer.
TIMEOUT = "timeout"
TOO_LARGE = "too_large"
DNS = "dns"
TRUNCATED = "truncated"
CONNECTION = "connection"
REDIRECT_LOOP = "redirect_loop"
ROBOTS_FORBIDDEN = "robots_forbidden"
IGNORED = "ignored"

FINAL = frozenset(
    {
        "http_404",
        "http_410",
        DELETED,
        OFFSITE_REDIRECT,
        NOT_HTML,
        UNPARSABLE,
        REDIRECTED,
        GAVE_UP,
    }
)


def http(status: int) -> str:
    """The kind of an HTTP error answer (``http_404``)."""
    return f"http_{status}"


def is_final(kind: str) -> bool:
    return kind in FINAL
