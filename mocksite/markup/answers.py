"""The site's answers that no template changes: an HTML text as sent, errors, deleted posts."""

from __future__ import annotations

from mocksite.model import Page

DELETED_SCRIPT = "<script>alert('The post has been deleted.'); history.back();</script>"
# The reason phrases of the statuses the imitation answers with.
REASONS = {
    200: "OK",
    302: "Found",
    404: "Not Found",
    429: "Too Many Requests",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


def html_page(text: str, encoding: str = "utf-8", status: int = 200) -> Page:
    """`text` as the site sends it: bytes in `encoding`, with its content type."""
    # The site declares EUC-KR only in the page's meta tag, never in the header.
    ctype = "text/html;charset=UTF-8" if encoding == "utf-8" else "text/html"
    return Page(status, ctype, text.encode(encoding, "xmlcharrefreplace"))


def error_page(status: int) -> Page:
    """The server's own error page for `status` (404, 500, 503, ...)."""
    reason = REASONS.get(status, "Error")
    text = (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{status} {reason}</title>'
        f"</head>\n<body><h1>{status} {reason}</h1><p>WebtoB</p></body></html>\n"
    )
    return html_page(text, status=status)


def deleted_page() -> Page:
    """What the site answers for a deleted post: 200 and an alert script."""
    return Page(200, "text/html;charset=UTF-8", DELETED_SCRIPT.encode())
