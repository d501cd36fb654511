"""Session ids in URLs: where the servlet container writes ``;JSESSIONID_ORG=<id>.Hyper``.

A request without the session cookie gets a page in which every URL the
framework writes through its URL tag (hrefs, srcs, most single-quoted JS
strings) carries the session id before the query; with the cookie, none do.
The template writes ``SID`` where the id goes, so that one rendering serves
both; ``apply`` fills it in. Literals the framework never rewrites (plain
double-quoted JS strings, a few hand-written hrefs) are simply written
without ``SID``.
"""

from __future__ import annotations

from mocksite.markup.answers import html_page
from mocksite.model import Page

# Never part of the site's text, so it can mark the spot unambiguously.
SID = "\x00"
COOKIE = "JSESSIONID_ORG"


def url(path: str) -> str:
    """`path` as the URL tag writes it: the session mark before the query, if any."""
    head, sep, query = path.partition("?")
    return f"{head}{SID}{sep}{query}"


def apply(text: str, session: str | None) -> str:
    """`text` with every mark replaced by the session id `session`, or removed when None."""
    return text.replace(SID, f";{COOKIE}={session}.Hyper" if session else "")


def cookie_header(session: str) -> tuple[str, str]:
    """The ``Set-Cookie`` header that starts the session `session`."""
    return ("Set-Cookie", f"{COOKIE}={session}.Hyper; Path=/; HttpOnly")


def answer(text: str, session: str | None) -> Page:
    """A current-template page with `session` written into its URLs and its cookie set.

    The servlet container does both from the same session, so they are done together.
    """
    page = html_page(apply(text, session))
    if session is None:
        return page
    return Page(page.status, page.content_type, page.body, (cookie_header(session),))
