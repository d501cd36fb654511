"""Golden-file tests of the list page on KITA's current template.

Each folder under ``tests/golden/current_list/`` holds ``input.html``,
``meta.json`` (with the board's ``paths``) and a hand-written
``expected.json`` (``{"rows": [...], "current_page", "page_numbers",
"total"}``). The pages go through :func:`kitacrawl.pages.read_list`, as the
spider's will. See ``tests/golden/README.md``.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import pytest

from kitacrawl import site
from kitacrawl.items import ListPage, ListRow
from kitacrawl.pages import generation_of, read_list
from kitacrawl.pages.current_list import CurrentListPageParser
from tests.pages.golden import GoldenSet, list_to_json, row_differences

FIXTURES = GoldenSet("current_list")
GOLDEN = FIXTURES.root
FILES = ("input.html", "expected.json", "meta.json")
META_KEYS = {"url", "base_url", "no", "paths", "description"}
PAGE_FIELDS = [f.name for f in dataclasses.fields(ListPage)]
ROW_FIELDS = [f.name for f in dataclasses.fields(ListRow)]

# Every list-page variation of the current template, and its fixture.
REQUIRED_QUIRKS: dict[str, str] = {
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
}

CASES = FIXTURES.cases
expected_of = FIXTURES.expected
meta_of = FIXTURES.meta


@cache
def parse(name: str) -> dict[str, Any]:
    return list_to_json(read_list(FIXTURES.response(name), urls=FIXTURES.urls(name)))


FIELD_CASES = [(name, field) for name in CASES for field in expected_of(name)]


@pytest.mark.parametrize("name", CASES)
def test_detected_as_current(name: str) -> None:
    assert generation_of(FIXTURES.response(name)) == "current"


@pytest.mark.parametrize("name", CASES)
def test_no_missing_fields(name: str) -> None:
    missing = sorted(set(expected_of(name)) - set(parse(name)))
    assert not missing, f"{name}: fields expected but not produced: {missing}"


@pytest.mark.parametrize("name", CASES)
def test_no_extra_fields(name: str) -> None:
    extra = sorted(set(parse(name)) - set(expected_of(name)))
    assert not extra, f"{name}: fields produced but not in expected.json: {extra}"


@pytest.mark.parametrize(("name", "field"), FIELD_CASES)
def test_field(name: str, field: str) -> None:
    actual = parse(name)
    if field not in actual:
        pytest.skip(f"{field!r} is missing; reported by test_no_missing_fields")
    expected_value, actual_value = expected_of(name)[field], actual[field]
    if field == "rows":
        problems = row_differences(expected_value, actual_value)
    elif actual_value != expected_value:
        problems = [f"{actual_value!r} (expected {expected_value!r})"]
    else:
        problems = []
    assert not problems, f"{name}: field {field!r} is wrong:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("name", CASES)
def test_page_object_alone_agrees(name: str) -> None:
    page = CurrentListPageParser.from_response(FIXTURES.response(name), urls=FIXTURES.urls(name))
    assert list_to_json(page.to_item()) == parse(name)


# -- the golden files themselves ------------------------------------------------
def test_fixtures_exist() -> None:
    assert len(CASES) >= 7, f"only {len(CASES)} current-template list fixtures in {GOLDEN}"


@pytest.mark.parametrize("name", CASES)
def test_fixture_is_complete(name: str) -> None:
    folder = GOLDEN / name
    present = sorted(path.name for path in folder.iterdir())
    assert present == sorted(FILES), f"{name}: has {present}, needs exactly {sorted(FILES)}"
    meta = meta_of(name)
    assert set(meta) == META_KEYS, f"{name}: meta.json keys {sorted(meta)}"
    assert meta["base_url"] == site.DEFAULT_BASE_URL
    assert meta["no"] is None, f"{name}: a list page has no article number"
    assert meta["description"].strip(), f"{name}: meta.json needs a description"
    urls = FIXTURES.urls(name)
    path = urlsplit(site.strip_session(meta["url"])).path
    assert path == urls.paths.list_paths[0], f"{name}: not a list URL of the board's paths"

    expected = expected_of(name)
    assert set(expected) == set(PAGE_FIELDS), (
        f"{name}: expected.json fields {sorted(expected)}, ListPage has {sorted(PAGE_FIELDS)}"
    )
    for index, row in enumerate(expected["rows"]):
        assert set(row) == set(ROW_FIELDS), f"{name}: rows[{index}] fields {sorted(row)}"
        assert row["url"] == urls.article_url(row["no"])
    assert expected["page_numbers"] == sorted(set(expected["page_numbers"]))
    raw = (folder / "input.html").read_bytes()
    assert b"global.moveMenu(" in raw, f"{name}: the template's menu chrome is missing"
    assert b'<footer class="ft">' in raw, f"{name}: a whole page needs the template footer"
    assert b'class="familysite"' in raw, f"{name}: a whole page needs div.familysite"
    assert raw.rstrip().endswith(b"</html>"), f"{name}: a whole page ends with </html>"
    assert b'selected ">' in raw, f"{name}: the template's malformed <option> is missing"


def test_required_quirks_are_covered() -> None:
    missing = {quirk: name for quirk, name in REQUIRED_QUIRKS.items() if name not in CASES}
    assert not missing, f"quirks whose fixture folder is missing: {missing}"
    unlisted = sorted(set(CASES) - set(REQUIRED_QUIRKS.values()))
    assert not unlisted, f"fixtures not named in REQUIRED_QUIRKS (say what they cover): {unlisted}"


def test_disabled_arrows_are_no_pages() -> None:
    """The last page's disabled arrows call goPage(291) and goPage(292): 292 is no page."""
    raw = (GOLDEN / "last_page" / "input.html").read_bytes()
    assert b'onclick="goPage(292); return false;" class="disabled"' in raw
    assert max(parse("last_page")["page_numbers"]) == 291


def test_nested_lists_give_no_rows() -> None:
    """A related-article link in a row's nested list is not a row of its own."""
    raw = (GOLDEN / "nested_lists_biz_rows" / "input.html").read_bytes()
    assert b"goDetailPage('3075')" in raw
    assert 3075 not in [row["no"] for row in parse("nested_lists_biz_rows")["rows"]]
