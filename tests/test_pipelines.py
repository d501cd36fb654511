"""The clean and validate pipelines, on items built by hand."""

from __future__ import annotations

from datetime import date

from kitacrawl.items import Article, HitObservation, Link, Problem
from kitacrawl.pipelines import CleanPipeline, ValidatePipeline


def article(**changes: object) -> Article:
    fields: dict[str, object] = {
        "board": "news",
        "no": 5,
        "url": "http://www.kita.org/about/newsView.do?no=5",
        "title": "• KITA Held\u00a0Talks ",
        "body": " First\u00a0 para \n\n\n\n Second ",
        "subtitle": "\u00a0 ",
        "published": date(2020, 9, 23),
        "links": [
            Link(rel="attachment", url="http://www.kita.org/f?x=1", text=" a.pdf "),
            Link(rel="attachment", url="http://www.kita.org/f?x=1", text="a.pdf"),
        ],
    }
    fields.update(changes)
    return Article(**fields)  # type: ignore[arg-type]  # fields of mixed types, by hand


def test_clean_drops_repeated_links_and_leaves_the_text_to_the_page_code() -> None:
    item = CleanPipeline().process_item(article())
    assert [(link.url, link.text) for link in item.links] == [
        ("http://www.kita.org/f?x=1", " a.pdf ")
    ]
    # Text is the page code's to clean (the golden files check it), not cleaned twice.
    assert item.title == "• KITA Held\u00a0Talks "


def test_clean_passes_other_items_through() -> None:
    observation = HitObservation(board="news", counts={1: 2}, url="u")
    assert CleanPipeline().process_item(observation) is observation


def test_validate_turns_an_article_without_body_into_a_problem() -> None:
    result = ValidatePipeline().process_item(article(body=" \n\n "))
    assert isinstance(result, Problem)
    assert (result.kind, result.no, result.detail) == ("unparsable", 5, "no body")


def test_validate_drops_an_impossible_date_but_keeps_the_article() -> None:
    result = ValidatePipeline().process_item(article(published=date(1901, 1, 1)))
    assert isinstance(result, Article)
    assert result.published is None


def test_validate_keeps_a_good_article() -> None:
    item = article()
    assert ValidatePipeline().process_item(item) is item
