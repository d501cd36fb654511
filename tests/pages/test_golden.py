"""Golden-file tests of every stored page: stored bytes in, the hand-checked JSON out.

Each folder under ``tests/golden/<kind>/<name>/`` holds ``input.html`` (the
page as the server sent it, bytes), ``meta.json`` (where it was served, the
board and its paths, the article number the spider would pass, what the page
shows) and ``expected.json`` (what a correct reader extracts: the format of
``Article.to_json()``, ``{"error": kind}`` for a page that must be refused, or
a list page's rows and paging). See ``tests/golden/README.md``.

Every page goes through the spider's entry points
(:func:`kitacrawl.pages.read_article`, :func:`kitacrawl.pages.read_list`), so
the choice of reader is under test too; the known page objects, used alone,
must read their own generation's pages the same way. Missing, extra and wrong
fields are separate test items, and a failure names the fixture and the field.
The fixtures themselves are checked: complete, each kind's markup whole, every
layout and quirk of the site contract covered (``QUIRKS``). Nothing here writes
to the golden folder.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import pytest

from kitacrawl import config, site
from kitacrawl.items import Article, Link, ListPage, ListRow, ParseError
from kitacrawl.pages import generation_of, read_article, read_list
from kitacrawl.pages.article import ArticlePage
from kitacrawl.pages.current_article import CurrentArticlePage
from kitacrawl.pages.current_list import CurrentListPageParser
from kitacrawl.pages.listing import ListPageParser
from kitacrawl.pages.tradenews import TradeNewsArticlePage
from tests.pages.golden import (
    GOLDEN_ROOT,
    GoldenSet,
    link_differences,
    list_to_json,
    paragraph_differences,
    row_differences,
)

FILES = ("input.html", "expected.json", "meta.json")
META_REQUIRED = {"url", "base_url", "no", "description"}
META_OPTIONAL = {"board", "paths"}
ERROR_KINDS = {"deleted", "truncated", "unparsable"}
ARTICLE_FIELDS = set(Article.content_fields())
LINK_FIELDS = {f.name for f in dataclasses.fields(Link)}
LINK_RELS = {"prev", "next", "attachment", "body", "image"}
PAGE_FIELDS = {f.name for f in dataclasses.fields(ListPage)}
ROW_FIELDS = {f.name for f in dataclasses.fields(ListRow)}


# -- the kinds of fixtures ------------------------------------------------------------
def _older_chrome(raw: bytes, expected: dict[str, Any]) -> list[str]:
    if "error" in expected:
        return []  # an alert-only answer or a cut page has no layout to check
    problems = []
    if b'class="family_site"' not in raw:
        problems.append("a whole page of the older layout needs its footer (div.family_site)")
    if not raw.rstrip().endswith(b"</html>"):
        problems.append("a whole page ends with </html>")
    return problems


def _current_chrome(raw: bytes, expected: dict[str, Any]) -> list[str]:
    problems = []
    if b"global.moveMenu(" not in raw:
        problems.append("the template's menu chrome (global.moveMenu) is missing")
    if expected.get("error") == "truncated":
        if b'<footer class="ft">' in raw:
            problems.append("a cut-off page has no footer")
        return problems
    for marker, why in (
        (b'<footer class="ft">', "a whole page needs the template's footer"),
        (b'class="familysite"', "a whole page needs div.familysite"),
    ):
        if marker not in raw:
            problems.append(why)
    if not raw.rstrip().endswith(b"</html>"):
        problems.append("a whole page ends with </html>")
    return problems


def _whole(raw: bytes, expected: dict[str, Any]) -> list[str]:
    if expected.get("error") == "truncated" or raw.rstrip().endswith(b"</html>"):
        return []
    return ["a whole page ends with </html>"]


@dataclass(frozen=True)
class Kind:
    """One folder of fixtures: which reader, which generation, what the pages must hold."""

    name: str
    pages: str  # "article" or "list"
    generation: str | None  # what every page's item says, or None (the fixture decides)
    chrome: Callable[[bytes, dict[str, Any]], list[str]]
    # The known page object that reads these pages alone (None: the dispatcher only).
    page_object: Any = None
    minimum: int = 1


KINDS = {
    kind.name: kind
    for kind in (
        Kind("article", "article", "older", _older_chrome, ArticlePage, minimum=18),
        Kind("current_article", "article", "current", _current_chrome, CurrentArticlePage, 10),
        Kind("boards", "article", None, _whole, minimum=6),
        Kind("inferred_article", "article", "inferred", _whole, minimum=6),
        Kind("list", "list", "older", _older_chrome, ListPageParser, minimum=8),
        Kind("current_list", "list", "current", _current_chrome, CurrentListPageParser, 7),
        # KITA's Korean trade news (www.kita.net), in the current template.
        Kind("tradenews_article", "article", "current", _current_chrome, TradeNewsArticlePage, 2),
        Kind("tradenews_list", "list", "current", _current_chrome, CurrentListPageParser, 1),
        # A list no reader finds rows in says which one looked last: the fixture decides.
        Kind("inferred_list", "list", None, _whole, minimum=6),
    )
}
SETS = {name: GoldenSet(name) for name in KINDS}
CASES = [(kind, name) for kind in KINDS for name in SETS[kind].cases]
ARTICLE_CASES = [(k, n) for k, n in CASES if KINDS[k].pages == "article"]
LIST_CASES = [(k, n) for k, n in CASES if KINDS[k].pages == "list"]


def expected_of(kind: str, name: str) -> dict[str, Any]:
    return SETS[kind].expected(name)


def meta_of(kind: str, name: str) -> dict[str, Any]:
    return SETS[kind].meta(name)


def urls_of(kind: str, name: str) -> site.BoardUrls:
    meta = meta_of(kind, name)
    if "paths" in meta:
        return SETS[kind].urls(name)
    return site.BoardUrls(meta["base_url"], config.board_paths(None, meta.get("board", "news")))


@cache
def read(kind: str, name: str) -> dict[str, Any] | ParseError:
    """What the spider's entry point makes of the page (cached: page code is pure)."""
    response, urls, meta = SETS[kind].response(name), urls_of(kind, name), meta_of(kind, name)
    if KINDS[kind].pages == "list":
        return list_to_json(read_list(response, urls=urls))
    try:
        article = read_article(
            response, urls=urls, no=meta["no"], board=meta.get("board", site.BOARD_NEWS)
        )
    except ParseError as exc:
        return exc
    return article.to_json()


def read_dict(kind: str, name: str) -> dict[str, Any]:
    result = read(kind, name)
    if isinstance(result, ParseError):
        pytest.fail(f"{kind}/{name}: expected an article, the page code refused it ({result})")
    return result


ITEM_CASES = [(k, n) for k, n in CASES if "error" not in expected_of(k, n)]
ERROR_CASES = [(k, n) for k, n in CASES if "error" in expected_of(k, n)]
FIELD_CASES = [(k, n, field) for k, n in ITEM_CASES for field in expected_of(k, n)]


# -- the page code against the golden files --------------------------------------------
@pytest.mark.parametrize(("kind", "name"), ITEM_CASES)
def test_no_missing_fields(kind: str, name: str) -> None:
    missing = sorted(set(expected_of(kind, name)) - set(read_dict(kind, name)))
    assert not missing, f"{kind}/{name}: fields expected but not produced: {missing}"


@pytest.mark.parametrize(("kind", "name"), ITEM_CASES)
def test_no_extra_fields(kind: str, name: str) -> None:
    extra = sorted(set(read_dict(kind, name)) - set(expected_of(kind, name)))
    assert not extra, f"{kind}/{name}: fields produced but not in expected.json: {extra}"


@pytest.mark.parametrize(("kind", "name", "field"), FIELD_CASES)
def test_field(kind: str, name: str, field: str) -> None:
    actual = read_dict(kind, name)
    if field not in actual:
        pytest.skip(f"{field!r} is missing; reported by test_no_missing_fields")
    want, got = expected_of(kind, name)[field], actual[field]
    if field == "body":
        problems = paragraph_differences(want, got)
    elif field == "links":
        problems = link_differences(want, got)
    elif field == "rows":
        problems = row_differences(want, got)
    else:
        problems = [] if got == want else [f"{got!r} (expected {want!r})"]
    assert not problems, f"{kind}/{name}: field {field!r} is wrong:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize(("kind", "name"), ERROR_CASES)
def test_refused_with_kind(kind: str, name: str) -> None:
    want = expected_of(kind, name)["error"]
    result = read(kind, name)
    assert isinstance(result, ParseError), (
        f"{kind}/{name}: expected ParseError({want!r}), got an article titled {result['title']!r}"
    )
    assert result.kind == want, f"{kind}/{name}: expected error {want!r}, got {result}"


@pytest.mark.parametrize(
    ("kind", "name"), [(k, n) for k, n in CASES if KINDS[k].generation in ("older", "current")]
)
def test_detected_generation(kind: str, name: str) -> None:
    assert generation_of(SETS[kind].response(name)) == KINDS[kind].generation


@pytest.mark.parametrize(("kind", "name"), [(k, n) for k, n in CASES if KINDS[k].page_object])
def test_page_object_alone_agrees(kind: str, name: str) -> None:
    """The known page object of the generation, without the dispatcher, reads the same."""
    cls, meta = KINDS[kind].page_object, meta_of(kind, name)
    response, urls = SETS[kind].response(name), urls_of(kind, name)
    if KINDS[kind].pages == "list":
        assert list_to_json(cls.from_response(response, urls=urls).to_item()) == read(kind, name)
        return
    try:
        board = meta.get("board", site.BOARD_NEWS)
        alone: dict[str, Any] | str = (
            cls.from_response(response, urls=urls, no=meta["no"], board=board).to_item().to_json()
        )
    except ParseError as exc:
        alone = exc.kind
    expected = read(kind, name)
    assert alone == (expected.kind if isinstance(expected, ParseError) else expected)


# -- the golden files themselves ----------------------------------------------------------
@pytest.mark.parametrize("kind", KINDS)
def test_fixtures_exist(kind: str) -> None:
    found = len(SETS[kind].cases)
    assert found >= KINDS[kind].minimum, f"only {found} fixtures in {GOLDEN_ROOT / kind}"


@pytest.mark.parametrize(("kind", "name"), CASES)
def test_fixture_is_complete(kind: str, name: str) -> None:
    folder = GOLDEN_ROOT / kind / name
    present = sorted(path.name for path in folder.iterdir())
    assert present == sorted(FILES), f"{kind}/{name}: has {present}, needs {sorted(FILES)}"
    meta, expected = meta_of(kind, name), expected_of(kind, name)
    keys = set(meta)
    assert META_REQUIRED <= keys <= META_REQUIRED | META_OPTIONAL, f"meta.json keys {sorted(keys)}"
    board = meta.get("board", site.BOARD_NEWS)
    assert meta["base_url"] == site.BOARD_BASE_URLS.get(board, site.DEFAULT_BASE_URL)
    assert meta["description"].strip(), "meta.json needs a description"
    assert meta.get("board", site.BOARD_NEWS) in site.BOARD_PATHS
    # A paired board's canonical URLs are at the paths the page was served at.
    urls = urls_of(kind, name).serving(meta["url"])
    problems = KINDS[kind].chrome(SETS[kind].input_bytes(name), expected)
    if KINDS[kind].pages == "list":
        problems += _list_problems(meta, expected, urls)
    else:
        problems += _article_problems(kind, meta, expected, urls)
    assert not problems, f"{kind}/{name}:\n  " + "\n  ".join(problems)


def _article_problems(
    kind: str, meta: dict[str, Any], expected: dict[str, Any], urls: site.BoardUrls
) -> list[str]:
    from_url = urls.no_from_url(meta["url"])
    if from_url is None:
        return [f"{meta['url']} is no article URL of the board's paths"]
    if not (meta["no"] is None or isinstance(meta["no"], int)):
        return ["meta.json no is an integer or null"]
    if "error" in expected:
        problems = [] if set(expected) == {"error"} else ["an error fixture holds only 'error'"]
        return problems + ([] if expected["error"] in ERROR_KINDS else ["unknown error kind"])
    problems = []
    if set(expected) != ARTICLE_FIELDS:
        problems.append(f"expected.json fields {sorted(expected)}, Article has {ARTICLE_FIELDS}")
    no = meta["no"] if meta["no"] is not None else from_url
    canonical = urls.article_url(no, site_id=expected.get("site_id"))
    if expected.get("no") != no or expected.get("url") != canonical:
        problems.append(f"expected no/url are not article {no}'s canonical ones")
    if (expected.get("site_id") is not None) != bool(urls.paths.site_param):
        problems.append("a site id is given exactly for an article of a board that has one")
    if expected.get("board") != meta.get("board", site.BOARD_NEWS):
        problems.append("expected board differs from meta.json's")
    generation = KINDS[kind].generation
    if generation is not None and expected.get("generation") != generation:
        problems.append(f"every {kind} page says generation {generation!r}")
    for index, link in enumerate(expected.get("links", [])):
        if set(link) != LINK_FIELDS or link.get("rel") not in LINK_RELS:
            problems.append(f"links[{index}] is not a link: {link}")
        elif "JSESSIONID" in link["url"].upper():
            problems.append(f"links[{index}] keeps a session id")
    return problems


def _list_problems(
    meta: dict[str, Any], expected: dict[str, Any], urls: site.BoardUrls
) -> list[str]:
    problems = []
    if meta["no"] is not None:
        problems.append("a list page has no article number")
    path = urlsplit(site.strip_session(meta["url"])).path
    if path not in urls.paths.list_paths:
        problems.append(f"{meta['url']} is no list URL of the board's paths")
    if set(expected) != PAGE_FIELDS:
        problems.append(f"expected.json fields {sorted(expected)}, ListPage has {PAGE_FIELDS}")
        return problems
    for index, row in enumerate(expected["rows"]):
        canonical = urls.article_url(row["no"], site_id=urls.site_id_from_url(row["url"]))
        if set(row) != ROW_FIELDS or row["url"] != canonical:
            problems.append(f"rows[{index}] is not a row of the board: {row}")
    if expected["page_numbers"] != sorted(set(expected["page_numbers"])):
        problems.append("page_numbers are sorted and distinct")
    return problems


@pytest.mark.parametrize("kind", KINDS)
def test_every_quirk_has_a_fixture_and_every_fixture_a_quirk(kind: str) -> None:
    quirks = QUIRKS[kind]
    missing = {quirk: name for quirk, name in quirks.items() if name not in SETS[kind].cases}
    assert not missing, f"quirks whose fixture folder is missing: {missing}"
    unlisted = sorted(set(SETS[kind].cases) - set(quirks.values()))
    assert not unlisted, f"fixtures no quirk names (say what they cover in QUIRKS): {unlisted}"


# -- facts of single fixtures --------------------------------------------------------------
def test_seed_fixture_matches_the_real_page() -> None:
    """Facts copied from the site contract's seed-2530.expected.json."""
    article = read_dict("article", "seed_2530")
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


def test_euc_kr_page_is_decoded_from_its_meta_tag() -> None:
    raw = SETS["article"].input_bytes("euc_kr_page")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert b"charset=euc-kr" in raw
    response = SETS["article"].response("euc_kr_page")
    assert b"charset" not in response.headers[b"Content-Type"]
    item = ArticlePage.from_response(response, urls=site.NEWS_URLS, no=2033).to_item()
    assert "한국무역협회" in item.body
    assert "“The two countries" in item.body
    assert item.subtitle is not None
    assert item.subtitle.startswith("한일 비즈니스 포럼")
    assert [link.text for link in item.links if link.rel == "attachment"] == [
        "한일비즈니스포럼_결과보고.pdf"
    ]


def test_body_never_takes_the_embedded_documents_title() -> None:
    """The DEXT document's own <title>제목없음</title> is in the page, never in the item."""
    assert "<title>제목없음</title>".encode() in SETS["current_article"].input_bytes(
        "title_from_head"
    )
    article = read_dict("current_article", "title_from_head")
    assert "제목없음" not in article["title"]
    assert "제목없음" not in article["body"]


def test_row_counter_is_never_taken_for_the_id() -> None:
    """The No. column of page 1 starts at 2703; the ids start at 2705."""
    assert b'<td class="num">2703</td>' in SETS["list"].input_bytes("hrefs_list_state")
    numbers = [row["no"] for row in read_dict("list", "hrefs_list_state")["rows"]]
    assert numbers[0] == 2705
    assert 2703 not in numbers


def test_disabled_arrows_are_no_pages() -> None:
    """The last page's disabled arrows call goPage(291) and goPage(292): 292 is no page."""
    raw = SETS["current_list"].input_bytes("last_page")
    assert b'onclick="goPage(292); return false;" class="disabled"' in raw
    assert max(read_dict("current_list", "last_page")["page_numbers"]) == 291


def test_nested_lists_give_no_rows() -> None:
    """A related-article link in a row's nested list is not a row of its own."""
    assert b"goDetailPage('3075')" in SETS["current_list"].input_bytes("nested_lists_biz_rows")
    rows = read_dict("current_list", "nested_lists_biz_rows")["rows"]
    assert 3075 not in [row["no"] for row in rows]


# -- every layout and quirk of the site contract, and the fixture that shows it ----------------
QUIRKS: dict[str, dict[str, str]] = {
    "article": {
        "seed-article-2530-all-paragraphs": "seed_2530",
        "first-sentence-rewording-the-title-is-body": "lede_rewords_title",
        "date-in-korean-words": "korean_date_words",
        "date-and-counter-inside-the-title-heading": "meta_inside_title_heading",
        "back-to-list-link-inside-the-body": "back_to_list_in_body",
        "download-link-with-the-name-beside-it": "download_link_name_beside",
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
    },
    "current_article": {
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
    },
    "boards": {
        "photo-title-cut-mid-word": "photo_korean_file_names",
        "photo-korean-file-names-as-captions": "photo_korean_file_names",
        "photo-caption-text-is-the-body": "photo_korean_file_names",
        "photo-no-text-images-are-the-content": "photo_images_only",
        "photo-image-named-by-alt": "photo_images_only",
        "photo-gallery-block-before-body": "photo_gallery_block",
        "photo-image-named-by-encoded-file-name": "photo_gallery_block",
        "photo-neither-text-nor-image-unparsable": "photo_nothing_in_it",
        "insights-older-path-older-layout": "insights_older_path_category",
        "insights-category-prefix-to-category": "insights_older_path_category",
        "insights-neighbours-keep-prefixes": "insights_older_path_category",
        "insights-canonical-url-is-the-newer-path": "insights_older_path_category",
        "insights-newer-path-current-template": "insights_newer_path_current",
        "insights-session-id-in-path-https": "insights_newer_path_current",
        "insights-old-path-link-inside-new-page": "insights_newer_path_current",
    },
    "inferred_article": {
        "neighbours-labelled-older-and-newer": "older_newer_labels",
        "writer-pair-above-the-date-is-no-title": "dl_writer_before_date",
        "body-in-detail-body-inside-an-older-style-page": "detail_body_in_older_page",
        "document-title-names-only-board-and-site": "detail_body_in_older_page",
        "heading-and-subtitle-kept-out-of-the-body": "detail_body_in_older_page",
        "date-and-views-labelled-on-one-line": "detail_body_in_older_page",
        "attachment-after-a-label-with-its-size": "detail_body_in_older_page",
        "neighbours-marked-by-arrows-only": "detail_body_in_older_page",
        "dl-dt-dd-date-and-counter": "dl_head_defined_handlers",
        "body-of-br-runs-in-a-plain-div": "dl_head_defined_handlers",
        "neighbour-handler-defined-as-form-post": "dl_head_defined_handlers",
        "korean-neighbour-labels-and-no-next-post": "dl_head_defined_handlers",
        "title-only-in-document-title-and-og-title": "title_from_document_badges",
        "badges-with-korean-labels": "title_from_document_badges",
        "file-name-link-and-download-button-one-file": "title_from_document_badges",
        "download-handler-defined-on-the-page": "title_from_document_badges",
        "neighbour-links-labelled-only": "title_from_document_badges",
        "bullet-line-and-date-hit-line-in-plain-divs": "bullet_line_one_line_head",
        "neighbours-in-a-table-with-header-cells": "bullet_line_one_line_head",
        "id-in-any-parameter-order": "bullet_line_one_line_head",
        "list-button-through-a-handler": "bullet_line_one_line_head",
        "html5-article-header-h1-and-time": "html5_article_time_subtitle",
        "date-with-spaces-and-views-after-a-dot": "html5_article_time_subtitle",
        "subtitle-first-line-of-a-section": "html5_article_time_subtitle",
        "figure-with-caption-in-body": "html5_article_time_subtitle",
        "neighbour-labels-inside-the-links": "html5_article_time_subtitle",
        "date-line-after-the-body-not-understood": "date_line_after_body",
        "error-page-served-200-no-article": "error_page_200",
        "date-and-counter-above-the-title-heading": "date_above_heading",
        "neighbour-links-side-by-side-on-one-line": "date_above_heading",
        "share-bar-between-date-and-body-not-body": "share_bar_and_related_aside",
        "aside-of-related-articles-no-body-no-neighbours": "share_bar_and_related_aside",
        "share-links-are-no-body-links": "share_bar_and_related_aside",
        "related-box-at-the-end-of-the-body-container": "related_box_inside_body",
        "related-heading-without-class-ends-the-body": "related_heading_without_class",
        "neighbour-buttons-alone-before-the-footer": "button_neighbours_handler",
        "button-words-are-labels-not-titles": "button_neighbours_handler",
        "neighbour-inputs-with-values-as-labels": "input_button_neighbours",
        "arrows-around-a-neighbour-label": "arrow_labels_on_handler_links",
        "attachment-table-header-and-download-cells": "attachment_table_handler",
        "file-name-from-its-own-cell": "attachment_table_handler",
        "counter-label-glued-after-the-date": "counter_glued_to_date",
        "header-row-labels-name-the-cells-below": "meta_header_table",
        "counter-never-a-part-of-a-date": "meta_header_table",
        "body-paragraph-opening-with-a-counter-label": "lead_paragraph_starts_with_hit",
        "date-inside-a-body-sentence-not-the-posting-date": "dateline_paragraph_no_date_line",
        "arrowed-label-with-separator-inside-neighbour-link": "arrowed_labels_inside_links",
        "tools-bar-line-and-its-mail-link-not-body": "tools_bar_above_body",
        "labelled-neighbours-above-the-title": "neighbours_above_title",
    },
    "list": {
        "row-href-with-list-state": "hrefs_list_state",
        "row-counter-differs-from-id": "hrefs_list_state",
        "paging-bar-with-last-link": "hrefs_list_state",
        "total-with-thousands-separator": "hrefs_list_state",
        "row-onclick-fn-view-on-anchor": "onclick_on_anchor",
        "paging-fn-egov-link-page": "onclick_on_anchor",
        "row-onclick-fn-view-on-tr": "onclick_on_row",
        "columns-known-only-from-header": "onclick_on_row",
        "paging-gopage-and-class-on": "onclick_on_row",
        "session-ids-in-row-and-paging-links": "session_ids",
        "pinned-notice-rows": "pinned_notices",
        "no-date-and-hit-columns": "no_date_hit_columns",
        "last-page": "no_date_hit_columns",
        "hits-with-thousands-separators": "hits_thousands",
        "empty-page-no-posts": "empty_no_posts",
        "paging-block-of-ten-and-next-arrow-only": "paging_block_next_arrow",
    },
    "tradenews_article": {
        "canonical-url-no-and-site-id-only": "session_ids_head_block_loggb",
        "loggb-and-session-id-in-the-page-url": "session_ids_head_block_loggb",
        "detail-head-block-is-the-category": "session_ids_head_block_loggb",
        "korean-badges-views-with-thousands": "session_ids_head_block_loggb",
        "dext-title-never-the-title": "session_ids_head_block_loggb",
        "attachments-korean-names-page-definition": "session_ids_head_block_loggb",
        "neighbours-with-other-site-ids": "session_ids_head_block_loggb",
        "body-link-without-site-id": "session_ids_head_block_loggb",
        "site-id-from-the-page-form": "no_site_id_in_url_head_in_body",
        "detail-head-nested-in-the-body": "no_site_id_in_url_head_in_body",
        "newest-article-one-neighbour": "no_site_id_in_url_head_in_body",
    },
    "current_list": {
        "rows-ul-board-list-box-theme-board1": "first_page",
        "row-godetailpage-with-site-id": "first_page",
        "row-title-from-title-attribute-when-text-is-cut": "first_page",
        "row-date-span-date": "first_page",
        "row-counter-with-label": "first_page",
        "total-english-with-thousands-separator": "first_page",
        "paging-page-one-disabled-previous-arrows-gopage-0": "first_page",
        "paging-active-page-without-onclick": "first_page",
        "paging-block-of-ten-next-arrow-gopage-11": "middle_page_block_of_ten",
        "paging-first-block-previous-arrow-disabled-mobile-live": "middle_page_block_of_ten",
        "total-korean-label": "middle_page_block_of_ten",
        "paging-both-block-arrows-live": "deep_page_arrows_both",
        "last-page-disabled-next-arrows": "last_page",
        "last-page-short": "last_page",
        "rows-ul-board-list-biz-with-nested-lists": "nested_lists_biz_rows",
        "nested-related-link-is-no-row": "nested_lists_biz_rows",
        "row-godetailpage-one-argument": "nested_lists_biz_rows",
        "row-date-font-numbers-range": "nested_lists_biz_rows",
        "style-rule-naming-the-list-before-it": "nested_lists_biz_rows",
        "single-block-next-arrow-disabled": "nested_lists_biz_rows",
        "rows-href-and-handler-mixed": "hrefs_session_ids",
        "session-ids-no-cookie-variant": "hrefs_session_ids",
        "past-end-no-rows-empty-paging": "past_end_no_rows",
    },
    "tradenews_list": {
        "rows-theme-board1-handlers-with-site-ids-1-2-6": "page_two_mixed_links",
        "row-hrefs-with-and-without-site-id-loggb-session": "page_two_mixed_links",
        "row-one-argument-handler-no-site-id": "page_two_mixed_links",
        "no-counter-on-any-row": "page_two_mixed_links",
        "pinned-notice-read-as-a-row": "page_two_mixed_links",
        "total-korean-thousands": "page_two_mixed_links",
    },
    "inferred_list": {
        "handler-site-code-first-id-second-defined-on-page": "go_view_site_code_first",
        "header-row-of-th-in-the-table-body": "go_view_site_code_first",
        "bare-counters-under-a-views-header": "go_view_site_code_first",
        "paging-handler-defined-on-page": "go_view_site_code_first",
        "cards-in-divs-thumbnail-and-title-links": "cards_korean_counters_pinned",
        "dates-with-spaces-korean-counters": "cards_korean_counters_pinned",
        "pinned-by-a-notice-badge": "cards_korean_counters_pinned",
        "paging-by-hrefs-aria-current": "cards_korean_counters_pinned",
        "dt-rows-with-their-dd-cells": "dl_rows_defined_handler",
        "javascript-href-handler-defined-as-form-post": "dl_rows_defined_handler",
        "the-day-of-a-date-is-no-counter": "dl_rows_defined_handler",
        "li-rows-after-a-header-item": "ul_rows_header_item",
        "pinned-by-an-icon-without-header": "table_no_header_pinned_icon",
        "date-and-counter-in-one-cell": "table_no_header_pinned_icon",
        "known-table-rows-filled-by-structure": "table_no_header_pinned_icon",
        "photo-gallery-grid-of-cards-mixed-links": "photo_gallery_cards",
        "card-link-holding-title-and-date": "photo_gallery_cards",
        "handler-whose-meaning-cannot-be-learned": "handler_not_understood",
        "counter-named-only-by-an-icon": "counter_named_by_an_icon",
        "most-read-aside-with-more-links-than-the-list": "side_box_most_read",
        "most-read-box-known-by-its-heading": "most_read_box_by_heading",
        "two-lists-of-dated-rows-refused": "competing_lists_of_dated_rows",
        "grid-rows-of-cards-last-row-short": "grid_rows_of_cards",
        "row-is-the-link-title-says-hit-n": "row_link_title_says_hit",
        "lede-with-a-date-and-hit-before-the-meta-line": "cards_lede_with_date_and_hit",
        "link-title-attribute-is-no-title": "link_title_attribute_new_window",
        "generic-thumbnail-alt-is-no-title": "thumbnail_alt_before_title",
        "layout-class-top-is-no-pin": "card_top_bottom_parts",
        "pinned-label-after-an-icon": "pinned_label_after_icon",
        "one-link-holds-the-whole-card": "whole_card_link_with_lede",
        "current-page-unlinked-in-its-own-li": "bootstrap_pagination_li_active",
        "known-table-current-page-inside-li-active": "bootstrap_pagination_table",
        "paging-by-a-page-drop-down": "page_drop_down",
        "dates-with-month-names": "dates_with_month_names",
        "total-after-a-heading": "total_after_heading",
        "current-page-a-link-to-nowhere": "current_page_on_hash_link",
        "header-with-columns-no-key-names": "header_with_unkeyed_columns",
        "date-drawn-in-parts": "date_split_in_spans",
        "newest-article-in-a-headline-box-above": "featured_newest_above_list",
        "handler-defined-with-the-site-id-first": "handler_defined_with_site_first",
        "current-page-written-with-the-word": "current_page_with_the_word",
        "counter-before-the-title-and-a-date-after": "counter_before_title",
        "notices-in-a-box-of-their-own": "notice_box_above_list",
        "summary-sentence-date-is-not-the-row-date": "relative_date_and_lede_with_date",
        "modified-date-first-is-not-the-posting-date": "modified_date_before_posting_date",
    },
}
