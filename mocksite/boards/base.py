"""What every board of the imitation shares: posts by id, bad pages, the shape of its truth.

The news board (``news.py``), KITA Insights (``insights.py``) and the Photo
Gallery (``photos.py``) are each a ``FakeBoard``: a ``PostIndex`` (``posts.py``:
posts by id, the list's order, neighbours, list views) that also knows

- its name; each board adds an item's canonical URL (``article_url``) and
  what a correct crawler extracts from one of its pages (``article_truth``),
  built from the parts every board writes the same way here: the neighbour
  links (``neighbour_links``) and the row (``article_row``);
- the shape of the truth of the whole board (``board_truth``): its articles,
  its bad pages as problems, its list pages;
- the answer for a bad page that is the same in the older template on every
  board (``older_problem_page``: 404, the deleted post's alert, 500);
- how many of its articles show each markup variation (``count_labels``,
  from the board's ``labels``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any, ClassVar

from mocksite.kinds import ARTICLE_KINDS, BROKEN, DELETED, MISSING, PROBLEM_KINDS
from mocksite.markup.answers import deleted_page, error_page
from mocksite.model import Page, Post
from mocksite.posts import PostIndex
from mocksite.text import norm


class FakeBoard(PostIndex):
    """One board of the imitated site: its posts, its bad pages and its ground truth.

    A board names itself (``name``) and writes, with the parts below, its own
    ``article_url``, ``article_truth``, ``ground_truth`` and ``labels``, whose
    options differ from board to board (a template, a pair of paths, ...).
    """

    name: ClassVar[str]

    # -- the parts of the truth every board writes alike ------------------------------

    def neighbour_links(self, post: Post, url: Callable[[int], str]) -> list[dict[str, Any]]:
        """The truth's links to `post`'s older ("prev") and newer ("next") stored posts;
        `url(no)`: the canonical URL of post `no`."""
        links = []
        for rel, other in zip(("prev", "next"), self.neighbours(post.no), strict=True):
            if other is not None:
                links.append(
                    {
                        "rel": rel,
                        "url": url(other.no),
                        "text": norm(other.title) or None,
                        "target_no": other.no,
                    }
                )
        return links

    def article_row(
        self,
        post: Post,
        url: str,
        *,
        title: str,
        subtitle: str | None,
        dated: bool,
        links: list[dict[str, Any]],
        generation: str,
        category: str | None = None,
        counted: bool | None = None,
        listed: bool = True,
    ) -> dict[str, Any]:
        """One article of the truth; `dated`: the page shows the post's date and counter
        (`counted`, when given, says apart whether it shows the counter); `listed`: the
        board's lists show its counter. A crawl keeps the latest counter seen, from the
        page or a list (``articles.hits``): the truth has it when either shows it."""
        counted = (dated if counted is None else counted) or listed
        return {
            "board": self.name,
            "no": post.no,
            "url": url,
            "title": norm(title),
            "subtitle": norm(subtitle) if subtitle is not None else None,
            "published": post.posted.isoformat() if dated else None,
            "hits": post.hits if counted else None,
            "body": "\n\n".join(post.body_texts),
            "links": links,
            "generation": generation,
            "category": category,
            # Only the Korean trade news has site ids (its board sets them).
            "site_id": None,
        }

    def board_truth(
        self, article: Callable[[Post], dict[str, Any]], url: Callable[[int], str]
    ) -> dict[str, Any]:
        """The truth of the whole board: `article(post)` for each article, newest first,
        a problem (at `url(no)`) for each bad page, the number of list pages."""
        articles = []
        problems = []
        for post in self.posts:
            if post.kind in ARTICLE_KINDS:
                articles.append(article(post))
            else:
                problems.append(
                    {
                        "board": self.name,
                        "no": post.no,
                        "url": url(post.no),
                        "kind": PROBLEM_KINDS[post.kind],
                    }
                )
        return {
            "board": self.name,
            "articles": articles,
            "problems": problems,
            "list_pages": self.list_pages,
        }

    def count_labels(self, labels: Callable[[Post], set[str]]) -> Counter[str]:
        """How many good articles show each variation label, `labels(post)` naming a page's."""
        counts: Counter[str] = Counter()
        for post in self.articles:
            counts.update(labels(post))
        return counts

    # -- pages ------------------------------------------------------------------------

    def older_problem_page(self, no: int) -> Page | None:
        """The older template's answer for a bad page `no` that has no page at all; else None.

        An id never listed or a missing post answers 404, a deleted post the
        alert script, a broken one 500; the other kinds have a page to write.
        """
        post = self.post(no)
        if post is None or post.kind == MISSING:
            return error_page(404)
        if post.kind == DELETED:
            return deleted_page()
        if post.kind == BROKEN:
            return error_page(500)
        return None
