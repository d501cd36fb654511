"""The kinds of posts on the imitated board: good articles and the bad pages.

Each bad kind is a way the real site fails (a 404 for a listed post, an alert
script instead of a page, a page cut short, ...); ``PROBLEM_KINDS`` names the
problem a correct crawler records for it.
"""

from __future__ import annotations

GOOD = "good"
FLAKY = "flaky"  # a good article whose first request answers 503
MISSING = "missing"  # listed, but its page answers 404
DELETED = "deleted"  # 200 page that is only an alert script
TRUNCATED = "truncated"  # page cut in the middle of the body
BROKEN = "broken"  # 500 every time
UNTITLED = "untitled"  # normal chrome, empty title element
EMPTY_BODY = "empty_body"  # normal chrome, empty body container

PROBLEM_KINDS: dict[str, str] = {
    MISSING: "http_404",
    DELETED: "deleted",
    TRUNCATED: "truncated",
    BROKEN: "http_500",
    UNTITLED: "unparsable",
    EMPTY_BODY: "unparsable",
}
ARTICLE_KINDS = frozenset({GOOD, FLAKY})
# Deleted and missing posts are gone from the database, so neighbour links skip them.
STORED_KINDS = frozenset({GOOD, FLAKY, TRUNCATED, BROKEN, UNTITLED, EMPTY_BODY})
