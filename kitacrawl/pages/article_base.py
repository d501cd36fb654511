"""What the article pages of both generations share: the item they make.

Each generation's page object (:class:`~kitacrawl.pages.article.ArticlePage`,
:class:`~kitacrawl.pages.current_article.CurrentArticlePage`) answers the
fields from its own markup; this base turns the answers into an
:class:`~kitacrawl.items.Article`, or a :class:`~kitacrawl.items.ParseError`
that names what is missing, the same way for both. The item is whole: a
title, a body (or, for a photo item, images) and a positive number; each
link once; no date no article can have.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from kitacrawl import site
from kitacrawl.clean import plausible_date
from kitacrawl.items import Article, Generation, Link, ParseError


class ArticleFields:
    """An article page's fields, and the item made of them."""

    GENERATION: ClassVar[Generation]
    board: str
    page_url: str
    urls: site.BoardUrls
    _no: int | None

    # -- what each generation reads from its markup ------------------------
    def check_page(self) -> None:
        """Raise ParseError when the page is not a whole article page."""
        raise NotImplementedError

    def title(self) -> str:
        raise NotImplementedError

    def subtitle(self) -> str | None:
        raise NotImplementedError

    def paragraphs(self) -> list[str]:
        raise NotImplementedError

    def published(self) -> date | None:
        raise NotImplementedError

    def hits(self) -> int | None:
        raise NotImplementedError

    def neighbours(self) -> list[Link]:
        raise NotImplementedError

    def attachments(self) -> list[Link]:
        raise NotImplementedError

    def body_links(self) -> list[Link]:
        raise NotImplementedError

    def may_show_more(self, article: Article) -> bool:
        """Might the page show a field this reading left empty, in markup it does not know?

        True sends the page to the structural reading (kitacrawl.pages.inferred_article),
        which fills what it finds when it reads the same title and body.
        """
        return False

    def category(self) -> str | None:
        """What the page says of the article's section or source, where its markup has a place
        for it (the Korean trade news' head block); None by default."""
        return None

    # -- the same for both ---------------------------------------------------
    def no(self) -> int | None:
        return self._no if self._no is not None else self.urls.no_from_url(self.page_url)

    def site_id(self) -> int | None:
        """The article's site id, on a board whose articles have one: from the URL the page
        was fetched at (the board's site parameter); None elsewhere."""
        return self.urls.site_id_from_url(self.page_url)

    def body(self) -> str:
        return "\n\n".join(self.paragraphs())

    def links(self) -> list[Link]:
        return [*self.neighbours(), *self.attachments(), *self.body_links()]

    def missing_fields(self, title: str, body: str) -> list[str]:
        """What a whole article lacks; both are checked, so that the run ledger can say
        which fields collapsed."""
        return [name for name, value in (("title", title), ("body", body)) if not value]

    def _to_item(self) -> Article:
        self.check_page()
        title, body = self.title(), self.body()
        missing = self.missing_fields(title.strip(), body.strip())
        if missing:
            raise ParseError("unparsable", " and ".join(f"no {name}" for name in missing))
        no = self.no()
        if no is None or no <= 0:
            raise ParseError("unparsable", "no article number in the URL")
        site_id = self.site_id()
        return Article(
            board=self.board,
            no=no,
            url=self.urls.article_url(no, site_id=site_id),
            title=title,
            body=body,
            subtitle=self.subtitle(),
            published=plausible_date(self.published()),
            hits=self.hits(),
            links=unique_links(self.links()),
            generation=self.GENERATION,
            category=self.category(),
            site_id=site_id,
        )


def unique_links(links: list[Link]) -> list[Link]:
    """Each (rel, URL) once, where the page first shows it: a page repeats links."""
    seen: set[tuple[str, str]] = set()
    kept: list[Link] = []
    for link in links:
        if (link.rel, link.url) not in seen:
            seen.add((link.rel, link.url))
            kept.append(link)
    return kept


__all__ = ["ArticleFields", "unique_links"]
