"""Golden-file tests of the news list page: stored page in, expected JSON out.

Each folder under ``tests/golden/list/`` holds ``input.html``, ``meta.json``
and ``expected.json`` (written by hand from what the page shows:
``{"rows": [...], "current_page", "page_numbers", "total"}``, rows as
``{"no", "url", "title", "published", "hits", "pinned"}``). See
``tests/golden/README.md``.

Missing, extra and wrong fields are separate test items; a wrong ``rows``
field is reported row by row and field by field.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import Any

import pytest

from kitacrawl import site
from kitacrawl.items import ListPage, ListRow
from kitacrawl.pages.listing import ListPageParser
from tests.pages.golden import GoldenSet, list_to_json, row_differences

FIXTURES = GoldenSet("list")
GOLDEN = FIXTURES.root
FILES = ("input.html", "expected.json", "meta.json")
META_KEYS = {"url", "base_url", "no", "description"}
PAGE_FIELDS = [f.name for f in dataclasses.fields(ListPage)]
ROW_FIELDS = [f.name for f in dataclasses.fields(ListRow)]

# Every list-page variation of the site contract (SITE.md), and its fixture.
REQUIRED_QUIRKS: dict[str, str] = {
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
}

CASES = FIXTURES.cases


expected_of = FIXTURES.expected
meta_of = FIXTURES.meta


@cache
def parse(name: str) -> dict[str, Any]:
    meta = meta_of(name)
    urls = site.BoardUrls(meta["base_url"])
    page = ListPageParser.from_response(FIXTURES.response(name), urls=urls)
    return list_to_json(page.to_item())


FIELD_CASES = [(name, field) for name in CASES for field in expected_of(name)]


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


# -- the golden files themselves ------------------------------------------------
def test_fixtures_exist() -> None:
    assert len(CASES) >= 8, f"only {len(CASES)} list fixtures in {GOLDEN}"


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
    assert site.NEWS_PATHS.list_paths[0] in meta["url"], f"{name}: not a list URL"

    expected = expected_of(name)
    assert set(expected) == set(PAGE_FIELDS), (
        f"{name}: expected.json fields {sorted(expected)}, ListPage has {sorted(PAGE_FIELDS)}"
    )
    for index, row in enumerate(expected["rows"]):
        assert set(row) == set(ROW_FIELDS), f"{name}: rows[{index}] fields {sorted(row)}"
        assert row["url"] == site.NEWS_URLS.article_url(row["no"])
    assert expected["page_numbers"] == sorted(set(expected["page_numbers"]))
    raw = (folder / "input.html").read_bytes()
    assert b'class="family_site"' in raw, f"{name}: a whole page needs the footer"
    assert raw.rstrip().endswith(b"</html>"), f"{name}: a whole page ends with </html>"


def test_required_quirks_are_covered() -> None:
    missing = {quirk: name for quirk, name in REQUIRED_QUIRKS.items() if name not in CASES}
    assert not missing, f"quirks whose fixture folder is missing: {missing}"
    unlisted = sorted(set(CASES) - set(REQUIRED_QUIRKS.values()))
    assert not unlisted, f"fixtures not named in REQUIRED_QUIRKS (say what they cover): {unlisted}"


def test_row_counter_is_never_taken_for_the_id() -> None:
    """The No. column of page 1 starts at 2703; the ids start at 2705."""
    raw = (GOLDEN / "hrefs_list_state" / "input.html").read_bytes()
    assert b'<td class="num">2703</td>' in raw
    numbers = [row["no"] for row in parse("hrefs_list_state")["rows"]]
    assert numbers[0] == 2705
    assert 2703 not in numbers
