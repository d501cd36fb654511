"""The rules every article item obeys, whichever generation's page code read it.

:class:`kitacrawl.pages.article_base.ArticleFields` makes the item from a page
object's answers: here the answers are given by hand (one-line inputs), so that
each rule is seen on its own: a whole article or a ``ParseError``, each link
once, no date no article can have.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from kitacrawl import site
from kitacrawl.items import Article, Link, ParseError
from kitacrawl.pages.article_base import ArticleFields
from kitacrawl.pages.photo import PhotoImages

URL = "http://www.kita.org/about/newsView.do?no=5"
REPEATED = [
    Link(rel="attachment", url="http://www.kita.org/f?x=1", text=" a.pdf "),
    Link(rel="attachment", url="http://www.kita.org/f?x=1", text="a.pdf"),
    Link(rel="body", url="http://www.kita.org/f?x=1", text="the same file, in the body"),
]


class GivenPage(ArticleFields):
    """A page object whose every answer is given."""

    GENERATION = "older"

    def __init__(self, **answers: Any) -> None:
        self.board = site.BOARD_NEWS
        self.page_url = answers.pop("url", URL)
        self.urls = site.NEWS_URLS
        self._no = answers.pop("no", None)
        self.answers: dict[str, Any] = {
            "title": "• KITA Held\u00a0Talks ",
            "subtitle": None,
            "paragraphs": ["First para", "Second"],
            "published": date(2020, 9, 23),
            "hits": 12,
            "neighbours": [],
            "attachments": list(REPEATED[:2]),
            "body_links": [REPEATED[2]],
            **answers,
        }

    def check_page(self) -> None:
        pass

    def title(self) -> str:
        return str(self.answers["title"])

    def subtitle(self) -> str | None:
        return self.answers["subtitle"]

    def paragraphs(self) -> list[str]:
        return list(self.answers["paragraphs"])

    def published(self) -> date | None:
        return self.answers["published"]

    def hits(self) -> int | None:
        return self.answers["hits"]

    def neighbours(self) -> list[Link]:
        return list(self.answers["neighbours"])

    def attachments(self) -> list[Link]:
        return list(self.answers["attachments"])

    def body_links(self) -> list[Link]:
        return list(self.answers["body_links"])


class GivenPhoto(PhotoImages, GivenPage):
    """A photo item whose images are given."""

    def images(self) -> list[Link]:
        return list(self.answers.get("images", []))


def test_each_link_once_where_the_page_first_shows_it() -> None:
    item = GivenPage()._to_item()
    assert [(link.rel, link.url, link.text) for link in item.links] == [
        ("attachment", "http://www.kita.org/f?x=1", " a.pdf "),
        ("body", "http://www.kita.org/f?x=1", "the same file, in the body"),
    ]
    # Text is each answer's own to clean (the golden files check it), not cleaned twice.
    assert item.title == "• KITA Held\u00a0Talks "


@pytest.mark.parametrize(
    ("answers", "detail"),
    [
        ({"paragraphs": [" \n\n "]}, "no body"),
        ({"paragraphs": []}, "no body"),
        ({"title": "  "}, "no title"),
        ({"title": "", "paragraphs": []}, "no title and no body"),
    ],
)
def test_an_article_without_title_or_body_is_refused(answers: dict[str, Any], detail: str) -> None:
    with pytest.raises(ParseError) as refused:
        GivenPage(**answers)._to_item()
    assert (refused.value.kind, refused.value.detail) == ("unparsable", detail)


@pytest.mark.parametrize("no", [0, -3])
def test_an_article_without_a_positive_number_is_refused(no: int) -> None:
    with pytest.raises(ParseError) as refused:
        GivenPage(no=no)._to_item()
    assert refused.value.kind == "unparsable"
    with pytest.raises(ParseError):
        GivenPage(url="http://www.kita.org/about/newsView.do")._to_item()


@pytest.mark.parametrize("year", [1901, 1989, date.today().year + 2])
def test_an_impossible_date_is_dropped_and_the_article_kept(year: int) -> None:
    item = GivenPage(published=date(year, 1, 1))._to_item()
    assert isinstance(item, Article)
    assert item.published is None


def test_a_good_article_is_kept_whole() -> None:
    item = GivenPage(no=5)._to_item()
    assert (item.no, item.url, item.published, item.hits) == (
        5, site.NEWS_URLS.article_url(5), date(2020, 9, 23), 12,
    )  # fmt: skip
    assert item.body == "First para\n\nSecond"


def test_a_photo_item_without_text_is_an_article_when_it_shows_images() -> None:
    image = Link(rel="image", url="http://www.kita.org/photo/1.jpg", text="1.jpg")
    item = GivenPhoto(paragraphs=[], images=[image])._to_item()
    assert item.body == ""
    assert image in item.links
    with pytest.raises(ParseError) as refused:
        GivenPhoto(paragraphs=[], images=[])._to_item()
    assert refused.value.detail == "no body"
