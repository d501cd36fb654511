"""Golden-file tests of the article page: stored page in, expected JSON out.

Each folder under ``tests/golden/article/`` holds ``input.html`` (the page as
the server sent it, bytes), ``meta.json`` (where it was served, the article
number the spider would pass) and ``expected.json`` (written by hand from what
the page says, in the format of ``Article.to_json()``, or ``{"error": kind}``
for a page that must be refused). See ``tests/golden/README.md``.

Missing, extra and wrong fields are separate test items, so a failure names
the fixture and the field. Nothing here writes to the golden folder.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import Any

import pytest

from kitacrawl import site
from kitacrawl.items import Article, Link, ParseError
from kitacrawl.pages.article import ArticlePage
from tests.pages.golden import GoldenSet, link_differences, paragraph_differences

FIXTURES = GoldenSet("article")
GOLDEN = FIXTURES.root
FILES = ("input.html", "expected.json", "meta.json")
META_KEYS = {"url", "base_url", "no", "description"}
ERROR_KINDS = {"deleted", "truncated", "unparsable"}
ARTICLE_FIELDS = Article.content_fields()
LINK_FIELDS = [f.name for f in dataclasses.fields(Link)]
LINK_RELS = {"prev", "next", "attachment", "body", "image"}

# Every layout and quirk of the site contract (SITE.md), and the fixture that
# covers it. A quirk may share a fixture; every fixture must be listed here.
REQUIRED_QUIRKS: dict[str, str] = {
    "seed-article-2530-all-paragraphs": "seed_2530",
    "p-body-with-nbsp-paragraphs": "seed_2530",
    "neighbours-plain-href-with-list-state": "seed_2530",
    "no-attachment-block": "seed_2530",
    "older-layout-kita-news-and-reports-no-date-no-hit": "older_layout_2017",
    "old-host-global-kita-net": "older_layout_2017",
    "neighbours-in-li-with-label": "older_layout_2017",
    "bullet-layout-2018-without-date-line": "bullet_2018_no_date",
    "bullet-drawn-by-css": "css_bullet",
    "dotted-date": "dotted_date",
    "hit-capital-colon-thousands": "hit_colon_thousands",
    "hit-bare-number": "hit_bare_number",
    "date-and-hit-one-line-in-view-info": "date_hit_one_line",
    "dotted-date-and-bare-hit-one-line": "date_bare_hit_one_line",
    "no-subtitle": "no_subtitle",
    "page-served-over-https": "no_subtitle",
    "subtitle-irregular-spaces": "subtitle_odd_spaces",
    "repeated-heading-missing-opening-quote": "repeat_missing_quote",
    "repeated-heading-longer-wording": "repeat_longer_wording",
    "body-of-divs": "body_divs",
    "body-of-br-runs": "body_br_runs",
    "editor-debris-span-font-o-p": "editor_debris",
    "empty-nbsp-paragraphs": "editor_debris",
    "inline-images": "editor_debris",
    "layout-table": "editor_debris",
    "html-entities": "editor_debris",
    "korean-text-and-attachment-name": "korean_text",
    "euc-kr-declared-only-in-meta": "euc_kr_page",
    "attachment-plain-href": "attachments",
    "attachment-session-id-in-path": "attachments",
    "attachment-absolute-url-on-kita-org": "attachments",
    "attachment-fn-egov-downfile-href": "attachments",
    "attachment-fn-egov-downfile-onclick": "attachments",
    "first-article-no-previous-post": "first_article",
    "last-article-no-next-post": "last_article",
    "neighbour-onclick-handler": "neighbour_handlers",
    "neighbour-javascript-fn-view-href": "neighbour_handlers",
    "session-ids-in-links": "session_ids",
    "kita-hosts-rebased": "session_ids",
    "typos-kept": "verbatim_quirks",
    "question-mark-for-lost-char": "verbatim_quirks",
    "middle-dot-and-ampersand-in-title": "verbatim_quirks",
    "trailing-spaces-after-title": "verbatim_quirks",
    "asterisk-footnotes": "verbatim_quirks",
    "no-space-after-full-stop": "verbatim_quirks",
    "deleted-alert-only-page": "deleted_alert",
    "deleted-bare-alert-script": "deleted_bare_script",
    "truncated-mid-body": "truncated_mid_body",
    "truncated-in-header-with-alert-in-head": "truncated_in_header",
    "empty-title": "empty_title",
    "no-body-container": "no_body_container",
}

CASES = FIXTURES.cases


expected_of = FIXTURES.expected
meta_of = FIXTURES.meta


response_of = FIXTURES.response


@cache
def parse(name: str) -> dict[str, Any] | ParseError:
    """The parser's output for one fixture (cached: the page code is pure)."""
    meta = meta_of(name)
    urls = site.BoardUrls(meta["base_url"])
    page = ArticlePage.from_response(response_of(name), urls=urls, no=meta["no"])
    try:
        return page.to_item().to_json()
    except ParseError as exc:
        return exc


def parsed_article(name: str) -> dict[str, Any]:
    result = parse(name)
    if isinstance(result, ParseError):
        pytest.fail(f"{name}: expected an article, the parser refused it ({result})")
    return result


ARTICLE_CASES = [name for name in CASES if "error" not in expected_of(name)]
ERROR_CASES = [name for name in CASES if "error" in expected_of(name)]
FIELD_CASES = [(name, field) for name in ARTICLE_CASES for field in expected_of(name)]


# -- the parser against the golden files --------------------------------------
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


# -- the golden files themselves ------------------------------------------------
def test_fixtures_exist() -> None:
    assert len(CASES) >= 18, f"only {len(CASES)} article fixtures in {GOLDEN}"


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
    assert site.NEWS_URLS.no_from_url(meta["url"]) is not None, f"{name}: not an article URL"

    expected = expected_of(name)
    if "error" in expected:
        assert set(expected) == {"error"}, f"{name}: an error fixture holds only 'error'"
        assert expected["error"] in ERROR_KINDS, f"{name}: unknown error {expected['error']!r}"
        return
    assert set(expected) == set(ARTICLE_FIELDS), (
        f"{name}: expected.json fields {sorted(expected)}, Article has {sorted(ARTICLE_FIELDS)}"
    )
    no = meta["no"] if meta["no"] is not None else site.NEWS_URLS.no_from_url(meta["url"])
    assert expected["no"] == no, f"{name}: expected no {expected['no']} but meta says {no}"
    assert expected["url"] == site.NEWS_URLS.article_url(no)
    for index, link in enumerate(expected["links"]):
        assert set(link) == set(LINK_FIELDS), f"{name}: links[{index}] fields {sorted(link)}"
        assert link["rel"] in LINK_RELS, f"{name}: links[{index}] rel {link['rel']!r}"
    raw = (folder / "input.html").read_bytes()
    assert b'class="family_site"' in raw, f"{name}: a whole page needs the footer"
    assert raw.rstrip().endswith(b"</html>"), f"{name}: a whole page ends with </html>"


def test_required_quirks_are_covered() -> None:
    missing = {quirk: name for quirk, name in REQUIRED_QUIRKS.items() if name not in CASES}
    assert not missing, f"quirks whose fixture folder is missing: {missing}"
    unlisted = sorted(set(CASES) - set(REQUIRED_QUIRKS.values()))
    assert not unlisted, f"fixtures not named in REQUIRED_QUIRKS (say what they cover): {unlisted}"


def test_seed_fixture_matches_the_real_page() -> None:
    """Facts copied from the site contract's seed-2530.expected.json."""
    article = parsed_article("seed_2530")
    paragraphs = article["body"].split("\n\n")
    assert len(paragraphs) == 7
    assert paragraphs[0].startswith("The Korea International Trade Association (Chairman: Kim")
    assert "Korea International Trade Assocition" in paragraphs[1]
    assert paragraphs[6].endswith("depending on the changing environment.”")
    assert [link["text"] for link in article["links"]] == [
        "KITA-Lawmaker Jung Tae-ho Held Meeting for Ventures and Startups",
        "KITA Held Webinar on 'Stabilization of Global Distribution in Post-COVID-19 Era'",
    ]
    for text in ("KITA Held 'Korea-Russia Business Dialogue'", "To celebrate 30th", "Family Site"):
        assert text not in article["body"]


# -- encodings ------------------------------------------------------------------
def test_euc_kr_page_is_decoded_from_its_meta_tag() -> None:
    raw = (GOLDEN / "euc_kr_page" / "input.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert b"charset=euc-kr" in raw
    response = response_of("euc_kr_page")
    assert b"charset" not in response.headers[b"Content-Type"]
    article = ArticlePage.from_response(response, urls=site.NEWS_URLS, no=2033)
    item = article.to_item()
    assert "한국무역협회" in item.body
    assert "“The two countries" in item.body
    assert item.subtitle is not None
    assert item.subtitle.startswith("한일 비즈니스 포럼")
    assert [link.text for link in item.links if link.rel == "attachment"] == [
        "한일비즈니스포럼_결과보고.pdf"
    ]
