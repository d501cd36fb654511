"""The kinds of posts on the imitated board: good articles and the bad pages.

Each bad kind is a way the real site fails (a 404 for a listed post, an alert
script instead of a page, a page cut short, ...); ``PROBLEM_KINDS`` names the
problem a correct crawler records for it; ``bad_positions`` says where on a
board the bad pages go.
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

# Bad pages repeat in every run of BAD_BLOCK posts, at the fractions each board names.
BAD_BLOCK = 200
MIN_POSTS_FOR_BAD_PAGES = 12


def bad_positions(
    n: int, reserved: set[int], places: tuple[tuple[str, float], ...]
) -> dict[int, str]:
    """Index (oldest first) -> kind of the bad pages: one of each kind of `places` per
    BAD_BLOCK posts, at its fraction of the block, the `reserved` indexes and the newest
    post left alone."""
    kinds: dict[int, str] = {}
    for block_start in range(0, n, BAD_BLOCK):
        span = min(BAD_BLOCK, n - block_start)
        if span < MIN_POSTS_FOR_BAD_PAGES:
            continue
        for kind, frac in places:
            i = block_start + int(frac * span)
            while i < n - 1 and (i in reserved or i in kinds):
                i += 1
            if i < n - 1:
                kinds[i] = kind
    return kinds
