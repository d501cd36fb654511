"""Builds a new board: ids, dates, hit counters, bad pages, variants, words.

``build_board`` is deterministic for a given size and seed: the same call
gives the same posts, pages and truth on every machine and every day.
"""

from __future__ import annotations

import random
from datetime import date

from mocksite.assign import assign_variants
from mocksite.board import Board
from mocksite.compose import fill_post
from mocksite.editor import text_block
from mocksite.kinds import (
    ARTICLE_KINDS,
    BROKEN,
    DELETED,
    EMPTY_BODY,
    FLAKY,
    MISSING,
    TRUNCATED,
    UNTITLED,
)
from mocksite.model import Post, Variant
from mocksite.seed import (
    SEED_HITS,
    SEED_NEXT_TITLE,
    SEED_NO,
    SEED_PARAGRAPHS,
    SEED_PREV_TITLE,
    SEED_SUBTITLE,
    SEED_TITLE,
)
from mocksite.timeline import fit_timeline, posting_dates

# Bad pages repeat in every run of BAD_BLOCK posts, at these fractions of the run.
BAD_BLOCK = 200
BAD_PLACES: tuple[tuple[str, float], ...] = (
    (MISSING, 0.12),
    (DELETED, 0.22),
    (TRUNCATED, 0.32),
    (BROKEN, 0.42),
    (UNTITLED, 0.62),
    (EMPTY_BODY, 0.72),
    (FLAKY, 0.82),
)
MIN_POSTS_FOR_BAD_PAGES = 12


def _seed_post(post: Post) -> None:
    """Make `post` the real seed article: its text, counter and markup."""
    post.title = SEED_TITLE
    post.subtitle = SEED_SUBTITLE
    post.hits = SEED_HITS
    post.blocks = [text_block(t, frozenset()) for t in SEED_PARAGRAPHS]
    post.attachments = []
    post.variant = Variant(repeat_strong=True, subtitle_form="nbsp")


def bad_positions(
    n: int, reserved: set[int], places: tuple[tuple[str, float], ...] = BAD_PLACES
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


def build_board(
    n_articles: int = 60,
    *,
    seed: int = 2530,
    first_no: int = 2019,
    start_date: date = date(2017, 1, 5),
) -> Board:
    """A deterministic board of `n_articles` listed posts (good and bad), oldest id `first_no`.

    Ids grow with the date (7-14 posts a month, squeezed when a large board would
    run past LAST_DATE), with a few gaps: ids that never existed. The seed
    article gets id 2530 when that id is in range (and then its real date);
    otherwise it sits in the middle of the board, dated like its neighbours.
    """
    if n_articles < 1:
        raise ValueError("n_articles must be >= 1")
    rng = random.Random(seed)
    n = n_articles
    nos: list[int] = []
    no = first_no
    for _ in range(n):
        nos.append(no)
        step = 1 + (rng.randint(1, 2) if rng.random() < 0.05 else 0)
        if no < SEED_NO < no + step:
            step = SEED_NO - no
        no += step
    seed_at = nos.index(SEED_NO) if SEED_NO in nos else n // 2
    dates = fit_timeline(
        posting_dates(rng, n, start_date), start_date, seed_at if nos[seed_at] == SEED_NO else None
    )
    posts = [
        Post(
            no=nos[i], posted=dates[i], hits=rng.randint(200, 1500) + int(rng.random() ** 2 * 3500)
        )
        for i in range(n)
    ]
    seed_group = {seed_at - 1, seed_at, seed_at + 1}
    for i, kind in bad_positions(n, {0, n - 1} | seed_group).items():
        posts[i].kind = kind

    # Primary posts (good articles other than the seed and its neighbours) come first,
    # so that quotas land where the ground truth shows them.
    primary = [p for i, p in enumerate(posts) if p.kind in ARTICLE_KINDS and i not in seed_group]
    chosen = set(primary)
    secondary = [p for i, p in enumerate(posts) if p not in chosen and i != seed_at]
    pool = primary + secondary
    assign_variants(rng, pool, len(primary))
    for post in pool:
        fill_post(post, seed)
    seed_post = posts[seed_at]
    fill_post(seed_post, seed)
    _seed_post(seed_post)
    if seed_at - 1 >= 0:
        posts[seed_at - 1].title = SEED_PREV_TITLE
    if seed_at + 1 < n:
        posts[seed_at + 1].title = SEED_NEXT_TITLE
    return Board(posts, seed=seed, seed_no=seed_post.no)
