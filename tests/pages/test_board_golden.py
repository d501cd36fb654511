"""Golden pages of the other English boards: KITA Insights and the Photo Gallery.

Each folder under ``tests/golden/boards/`` holds ``input.html``, ``meta.json``
(``board`` and where the page was served) and a hand-written
``expected.json``; the page goes through ``kitacrawl.pages.read_article`` with
that board's paths, as the board's spider reads it. Missing, extra and wrong
fields are separate test items.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from kitacrawl import config, site
from kitacrawl.items import Article, ParseError
from kitacrawl.pages import generation_of, read_article
from tests.pages.golden import GoldenSet, link_differences, paragraph_differences

FIXTURES = GoldenSet("boards")
CASES = FIXTURES.cases
META_KEYS = {"board", "url", "base_url", "no", "description"}

# Every board quirk the site contract names, and the fixture that shows it.
REQUIRED_QUIRKS: dict[str, str] = {
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
}


def urls_of(name: str) -> site.BoardUrls:
    meta = FIXTURES.meta(name)
    return site.BoardUrls(meta["base_url"], config.board_paths(None, meta["board"]))


@cache
def parsed(name: str) -> dict[str, Any] | str:
    """The item as the board's spider would store it, or the error kind."""
    meta = FIXTURES.meta(name)
    try:
        article = read_article(
            FIXTURES.response(name), urls=urls_of(name), no=meta["no"], board=meta["board"]
        )
    except ParseError as exc:
        return exc.kind
    return article.to_json()


ARTICLE_CASES = [name for name in CASES if "error" not in FIXTURES.expected(name)]
FIELD_CASES = [(name, field) for name in ARTICLE_CASES for field in FIXTURES.expected(name)]


@pytest.mark.parametrize(("name", "field"), FIELD_CASES)
def test_field(name: str, field: str) -> None:
    got = parsed(name)
    assert isinstance(got, dict), f"{name}: refused as {got}"
    want = FIXTURES.expected(name)[field]
    if field == "body":
        assert not paragraph_differences(want, got[field]), paragraph_differences(want, got[field])
    elif field == "links":
        assert not link_differences(want, got[field]), link_differences(want, got[field])
    else:
        assert got[field] == want, f"{name}.{field}"


@pytest.mark.parametrize("name", ARTICLE_CASES)
def test_no_missing_or_extra_fields(name: str) -> None:
    got = parsed(name)
    assert isinstance(got, dict), f"{name}: refused as {got}"
    assert set(got) == set(FIXTURES.expected(name)) == set(Article.content_fields())


@pytest.mark.parametrize("name", [n for n in CASES if n not in ARTICLE_CASES])
def test_refused_with_kind(name: str) -> None:
    assert parsed(name) == FIXTURES.expected(name)["error"]


@pytest.mark.parametrize("name", CASES)
def test_fixture_is_complete(name: str) -> None:
    meta = FIXTURES.meta(name)
    assert set(meta) == META_KEYS, f"{name}: meta.json keys {sorted(meta)}"
    assert meta["board"] in site.BOARD_PATHS
    assert meta["description"].strip()
    assert urls_of(name).no_from_url(meta["url"]) is not None, f"{name}: not a detail URL"
    expected = FIXTURES.expected(name)
    if "error" in expected:
        assert set(expected) == {"error"}
        return
    assert expected["board"] == meta["board"]
    assert expected["url"] == urls_of(name).article_url(expected["no"])
    assert expected["generation"] == generation_of(FIXTURES.response(name))
    raw = FIXTURES.input_bytes(name)
    assert raw.rstrip().endswith(b"</html>"), f"{name}: a whole page ends with </html>"


def test_required_quirks_are_covered() -> None:
    assert set(REQUIRED_QUIRKS.values()) == set(CASES), "a fixture no quirk names, or the reverse"
