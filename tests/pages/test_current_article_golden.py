"""Golden-file tests of the article page on KITA's current template.

Each folder under ``tests/golden/current_article/`` holds ``input.html`` (the
page as served, bytes: English content in the current framework's template,
with its mega-menu, inline scripts and malformed bits), ``meta.json`` (where
it was served, the board's paths, the article number the spider would pass)
and ``expected.json`` (written by hand from what the page shows, in the
format of ``Article.to_json()``, or ``{"error": kind}``). The pages go
through :func:`kitacrawl.pages.read_article`, as the spider's pages will, so
the generation detection is under test too. See ``tests/golden/README.md``.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import Any

import pytest

from kitacrawl import site
from kitacrawl.items import Article, Link, ParseError
from kitacrawl.pages import generation_of, read_article
from kitacrawl.pages.current_article import CurrentArticlePage
from tests.pages.golden import GoldenSet, link_differences, paragraph_differences

FIXTURES = GoldenSet("current_article")
GOLDEN = FIXTURES.root
FILES = ("input.html", "expected.json", "meta.json")
META_KEYS = {"url", "base_url", "no", "paths", "description"}
ERROR_KINDS = {"deleted", "truncated", "unparsable"}
ARTICLE_FIELDS = Article.content_fields()
LINK_FIELDS = [f.name for f in dataclasses.fields(Link)]
LINK_RELS = {"prev", "next", "attachment", "body", "image"}

# Every layout and quirk of the current template (SITE.md, the real fragments)
# and the fixture that covers it. Every fixture must be named here.
REQUIRED_QUIRKS: dict[str, str] = {
    "title-block-wrapped-in-newlines-and-tabs": "english_badges_neighbours",
    "title-with-entity": "english_badges_neighbours",
    "badges-english-labels-date-views": "english_badges_neighbours",
    "badge-counter-with-thousands-separator": "english_badges_neighbours",
    "dext-body-styled-paragraphs-and-spacers": "english_badges_neighbours",
    "neighbours-both-sides-godetailpage-with-site-id": "english_badges_neighbours",
    "neighbour-text-from-title-attribute": "english_badges_neighbours",
    "neighbour-text-without-its-label": "english_badges_neighbours",
    "list-button-go-list-is-no-neighbour": "english_badges_neighbours",
    "chrome-mega-menu-move-menu-handlers": "english_badges_neighbours",
    "malformed-doubled-head-link-script-option-unquoted-src": "english_badges_neighbours",
    "badges-korean-labels": "korean_labels_dext_debris",
    "trailing-spaces-after-title": "korean_labels_dext_debris",
    "dext-nested-document-unwrapped": "korean_labels_dext_debris",
    "dext-editor-debris-spans-font-o-p-comments": "korean_labels_dext_debris",
    "br-inside-a-paragraph": "korean_labels_dext_debris",
    "inline-image-unquoted-src": "korean_labels_dext_debris",
    "body-link-to-article-on-older-path-and-host": "korean_labels_dext_debris",
    "attachment-without-page-definition-default-path": "korean_labels_dext_debris",
    "newest-article-next-slot-empty-comment": "korean_labels_dext_debris",
    "session-ids-no-cookie-variant": "attachments_session_ids",
    "article-number-from-url-with-session-id": "attachments_session_ids",
    "badges-other-english-labels-posted-hits": "attachments_session_ids",
    "attachments-dodownloadfile-page-definition-with-session-id": "attachments_session_ids",
    "attachment-download-and-preview-buttons-one-link": "attachments_session_ids",
    "attachment-korean-file-name": "attachments_session_ids",
    "body-link-with-session-id": "attachments_session_ids",
    "both-neighbour-slots-empty-comments": "attachments_session_ids",
    "first-article-previous-slot-empty-comment": "first_article_migrated_body",
    "body-without-dext-document": "first_article_migrated_body",
    "repeated-title-heading-and-subtitle-in-carried-over-body": "first_article_migrated_body",
    "title-from-head-without-title-block": "title_from_head",
    "dext-title-never-the-title": "title_from_head",
    "badges-without-labels": "title_from_head",
    "dext-body-of-divs-and-br-runs": "title_from_head",
    "lede-sharing-title-words-kept": "title_from_head",
    "neighbour-slots-marked-by-class": "title_from_head",
    "neighbour-plain-href-with-list-state": "title_from_head",
    "neighbour-onclick-return-false": "title_from_head",
    "truncated-after-nested-document-end": "truncated_after_dext",
    "truncated-in-mega-menu": "truncated_in_menu",
    "untitled-title-block-and-head-title-empty": "untitled",
    "image-only-body": "image_only_body",
    "deleted-dlgalert-in-template": "deleted_notice_in_template",
}

CASES = FIXTURES.cases
expected_of = FIXTURES.expected
meta_of = FIXTURES.meta


@cache
def parse(name: str) -> dict[str, Any] | ParseError:
    """The page code's output for one fixture (cached: the page code is pure)."""
    try:
        article = read_article(
            FIXTURES.response(name), urls=FIXTURES.urls(name), no=meta_of(name)["no"]
        )
    except ParseError as exc:
        return exc
    return article.to_json()


def parsed_article(name: str) -> dict[str, Any]:
    result = parse(name)
    if isinstance(result, ParseError):
        pytest.fail(f"{name}: expected an article, the page code refused it ({result})")
    return result


ARTICLE_CASES = [name for name in CASES if "error" not in expected_of(name)]
ERROR_CASES = [name for name in CASES if "error" in expected_of(name)]
FIELD_CASES = [(name, field) for name in ARTICLE_CASES for field in expected_of(name)]


# -- the page code against the golden files --------------------------------------
@pytest.mark.parametrize("name", CASES)
def test_detected_as_current(name: str) -> None:
    assert generation_of(FIXTURES.response(name)) == "current"


@pytest.mark.parametrize("name", ARTICLE_CASES)
def test_no_missing_fields(name: str) -> None:
    missing = sorted(set(expected_of(name)) - set(parsed_article(name)))
    assert not missing, f"{name}: fields expected but not produced: {missing}"


@pytest.mark.parametrize("name", ARTICLE_CASES)
def test_no_extra_fields(name: str) -> None:
    extra = sorted(set(parsed_article(name)) - set(expected_of(name)))
    assert not extra, f"{name}: fields produced but not in expected.json: {extra}"


@pytest.mark.parametrize(("name", "field"), FIELD_CASES)
def test_field(name: str, field: str) -> None:
    actual = parsed_article(name)
    if field not in actual:
        pytest.skip(f"{field!r} is missing; reported by test_no_missing_fields")
    expected_value, actual_value = expected_of(name)[field], actual[field]
    if field == "body":
        problems = paragraph_differences(expected_value, actual_value)
    elif field == "links":
        problems = link_differences(expected_value, actual_value)
    elif actual_value != expected_value:
        problems = [f"{actual_value!r} (expected {expected_value!r})"]
    else:
        problems = []
    assert not problems, f"{name}: field {field!r} is wrong:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("name", ERROR_CASES)
def test_refused_with_kind(name: str) -> None:
    kind = expected_of(name)["error"]
    result = parse(name)
    assert isinstance(result, ParseError), (
        f"{name}: expected ParseError({kind!r}), got an article titled {result['title']!r}"
    )
    assert result.kind == kind, f"{name}: expected error {kind!r}, got {result}"


@pytest.mark.parametrize("name", CASES)
def test_page_object_alone_agrees(name: str) -> None:
    """The current page object, used without the dispatcher, reads the same."""
    page = CurrentArticlePage.from_response(
        FIXTURES.response(name), urls=FIXTURES.urls(name), no=meta_of(name)["no"]
    )
    try:
        result: dict[str, Any] | str = page.to_item().to_json()
    except ParseError as exc:
        result = exc.kind
    expected = parse(name)
    assert result == (expected.kind if isinstance(expected, ParseError) else expected)


# -- the golden files themselves ------------------------------------------------
def test_fixtures_exist() -> None:
    assert len(CASES) >= 10, f"only {len(CASES)} current-template article fixtures in {GOLDEN}"


@pytest.mark.parametrize("name", CASES)
def test_fixture_is_complete(name: str) -> None:
    folder = GOLDEN / name
    present = sorted(path.name for path in folder.iterdir())
    assert present == sorted(FILES), f"{name}: has {present}, needs exactly {sorted(FILES)}"
    meta = meta_of(name)
    assert set(meta) == META_KEYS, f"{name}: meta.json keys {sorted(meta)}"
    assert meta["base_url"] == site.DEFAULT_BASE_URL
    assert meta["description"].strip(), f"{name}: meta.json needs a description"
    assert meta["no"] is None or isinstance(meta["no"], int)
    urls = FIXTURES.urls(name)
    from_url = urls.no_from_url(meta["url"])
    assert from_url is not None, f"{name}: not an article URL of the board's paths"

    raw = (folder / "input.html").read_bytes()
    assert b"global.moveMenu(" in raw, f"{name}: the template's menu chrome is missing"
    expected = expected_of(name)
    if expected.get("error") == "truncated":
        assert b'<footer class="ft">' not in raw, f"{name}: a cut-off page has no footer"
    else:
        assert b'<footer class="ft">' in raw, f"{name}: a whole page needs the template footer"
        assert b'class="familysite"' in raw, f"{name}: a whole page needs div.familysite"
        assert raw.rstrip().endswith(b"</html>"), f"{name}: a whole page ends with </html>"
        assert raw.count(b"</head>") >= 2, f"{name}: the template's doubled </head> is missing"
    if "error" in expected:
        assert set(expected) == {"error"}, f"{name}: an error fixture holds only 'error'"
        assert expected["error"] in ERROR_KINDS, f"{name}: unknown error {expected['error']!r}"
        return
    assert set(expected) == set(ARTICLE_FIELDS), (
        f"{name}: expected.json fields {sorted(expected)}, Article has {sorted(ARTICLE_FIELDS)}"
    )
    no = meta["no"] if meta["no"] is not None else from_url
    assert expected["no"] == no, f"{name}: expected no {expected['no']} but meta says {no}"
    assert expected["url"] == urls.article_url(no)
    assert expected["generation"] == "current"
    for index, link in enumerate(expected["links"]):
        assert set(link) == set(LINK_FIELDS), f"{name}: links[{index}] fields {sorted(link)}"
        assert link["rel"] in LINK_RELS, f"{name}: links[{index}] rel {link['rel']!r}"
        assert "JSESSIONID" not in link["url"], f"{name}: links[{index}] keeps a session id"


def test_required_quirks_are_covered() -> None:
    missing = {quirk: name for quirk, name in REQUIRED_QUIRKS.items() if name not in CASES}
    assert not missing, f"quirks whose fixture folder is missing: {missing}"
    unlisted = sorted(set(CASES) - set(REQUIRED_QUIRKS.values()))
    assert not unlisted, f"fixtures not named in REQUIRED_QUIRKS (say what they cover): {unlisted}"


def test_body_never_takes_the_embedded_documents_title() -> None:
    """The DEXT document's own <title>제목없음</title> is in the page, never in the item."""
    raw = (GOLDEN / "title_from_head" / "input.html").read_bytes()
    assert "<title>제목없음</title>".encode() in raw
    article = parsed_article("title_from_head")
    assert "제목없음" not in article["title"]
    assert "제목없음" not in article["body"]
