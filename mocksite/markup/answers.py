"""The site's answers that no template changes: an HTML text as sent, errors, deleted posts."""

from __future__ import annotations

import base64
from dataclasses import replace

from mocksite.model import Page

DELETED_SCRIPT = "<script>alert('The post has been deleted.'); history.back();</script>"
# The reason phrases of the statuses the imitation answers with.
REASONS = {
    200: "OK",
    302: "Found",
    403: "Forbidden",
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


def scripted(page: Page) -> Page:
    """`page` after a redesign that renders its article by script (the drift tests' pages).

    The page keeps its head and nothing else: what its body showed is data for a
    script (base64, so no class name or text of it is left in the HTML). No
    reader of HTML finds a title or a body in it: the structural reading that
    reads renamed markups cannot read this one either.
    """
    body = page.body
    opened = body.find(b"<body")
    start = body.find(b">", opened) + 1 if opened >= 0 else 0
    end = body.rfind(b"</body>")
    if opened < 0 or end < start:
        return page
    data = base64.b64encode(body[start:end]).decode("ascii")
    app = (
        '\n<div id="app" data-state="loading"></div>\n'
        f'<script>window.__ARTICLE__ = "{data}"; render(window.__ARTICLE__);</script>\n'
    )
    return replace(page, body=body[:start] + app.encode("ascii") + body[end:])


def deleted_page() -> Page:
    """What the site answers for a deleted post: 200 and an alert script."""
    return Page(200, "text/html;charset=UTF-8", DELETED_SCRIPT.encode())
