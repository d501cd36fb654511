"""The page: self-contained, and every text from the database escaped, in HTML and JSON."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any

import pytest

from kitacrawl.report import page
from kitacrawl.report.data import Report

HOSTILE = "</script><script>alert(1)</script><!-- & \"quoted\" 'single' <b>bold</b> \u2028"


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def parse(text: str) -> Tags:
    tags = Tags()
    tags.feed(text)
    tags.close()
    return tags


def report(title: str = "Trade talks", url: str = "http://www.kita.org/a?no=1&x=2") -> Report:
    return {
        "generated_at": "2024-04-01T12:00:00Z",
        "filters": {"since": None, "board": None},
        "articles": 1,
        "boards": ["news"],
        "monthly": {
            "months": ["2024-03"],
            "series": {"news": [1]},
            "undated": {"news": 2},
            "undated_generations": {"news": {"current": 1, "older": 1}},
        },
        "top": [
            {
                "board": "news",
                "no": 1,
                "title": title,
                "published": "2024-03-05",
                "hits": 1500,
                "url": url,
            },
        ],
        "growth": [
            {
                "board": "news",
                "no": 1,
                "title": title,
                "published": "2024-03-05",
                "url": url,
                "points": [
                    {"day": "2024-03-05", "days": 0, "hits": 40},
                    {"day": "2024-03-07", "days": 2, "hits": 90},
                ],
            }
        ],
        "readings": [
            {
                "board": "news",
                "no": 1,
                "title": title,
                "published": "2024-03-05",
                "url": url,
                "day": "2024-03-07",
                "days": 2,
                "hits": 90,
            }
        ],
        "runs": [
            {
                "id": 1,
                "board": "news",
                "mode": "full",
                "status": "ok",
                "started_at": "2024-03-01T00:00:00Z",
                "finished_at": "2024-03-01T00:01:00Z",
                "exit_code": 0,
                "requests": 100,
                "problems": 2,
                "article_failures": 0,
                "articles_new": 1,
                "articles_changed": 0,
                "message": title,
            },
        ],
        "coverage": [
            {
                "board": "news",
                "articles": 1,
                "published": 1,
                "hits": 1,
                "subtitle": 0,
                "category": 0,
                "attachments": 0,
            },
        ],
        "problems": [{"board": None, "kind": title, "final": False, "count": 3}],
    }


def embedded(text: str) -> dict[str, Any]:
    found = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', text)
    assert found
    return json.loads(found.group(1))


def test_script_json_cannot_close_the_script_and_means_the_same() -> None:
    value = {"title": HOSTILE, "k": "한국무역협회 ‘quotes’"}
    text = page.script_json(value)
    for forbidden in ("</", "<!--", "<", ">", "&", "\u2028"):
        assert forbidden not in text
    assert "한국무역협회" in text  # readable, not \u-escaped
    assert json.loads(text) == value


def test_hostile_text_is_escaped_in_html_and_json() -> None:
    text = page.render(report(HOSTILE), source="<db>.db")
    tags = parse(text)
    # Exactly the page's own scripts: the error catcher, the data, Chart.js, the charts.
    assert [tag for tag, _ in tags.tags].count("script") == 4
    assert "alert(1)" not in "".join(s for s in tags.scripts[2:])
    assert "<b>bold</b>" not in text
    assert "&lt;b&gt;bold&lt;/b&gt;" in text
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in text
    assert "&lt;db&gt;.db" in text
    data = embedded(text)
    assert data["report"] == report(HOSTILE)
    assert data["style"]["status"]["ok"] == page.STATUS_COLOURS["ok"]


def test_the_page_is_self_contained() -> None:
    text = page.render(report(), source="kita.db")
    tags = parse(text)
    for tag, attrs in tags.tags:
        assert "src" not in attrs, tag
        if tag == "link":
            pytest.fail(f"a <link> in the page: {attrs}")
    assert "sourceMappingURL" not in text
    assert f"Chart.js v{page.CHARTJS_VERSION}" in tags.scripts[2]
    assert "<style>" in text
    # The only external URLs are the links to the articles themselves.
    links = [attrs["href"] for tag, attrs in tags.tags if tag == "a"]
    assert [href for href in links if not (href or "").startswith("#")] == [
        "http://www.kita.org/a?no=1&x=2",
        "http://www.kita.org/a?no=1&x=2",
    ]
    assert 'href="http://www.kita.org/a?no=1&amp;x=2"' in text


def test_a_url_that_is_not_http_is_not_linked() -> None:
    text = page.render(report(url="javascript:alert(1)"), source="kita.db")
    assert "javascript:" not in "".join(attrs.get("href") or "" for _, attrs in parse(text).tags)


def test_each_chart_has_its_canvas_and_the_page_expects_them() -> None:
    text = page.render(report(), source="kita.db")
    ids = [attrs["id"] for tag, attrs in parse(text).tags if tag == "canvas"]
    assert ids == ["chart-monthly", "chart-top", "chart-growth", "chart-runs"]
    assert 'data-charts-expected="4"' in text


def test_undated_articles_are_counted_by_the_markup_they_were_read_from() -> None:
    text = page.render(report(), source="kita.db")
    # Not "the older layout" for all of them: one of the two was read from the current one.
    assert "news 2 (KITA&#x27;s current template 1, the 2017–2022 layout 1)" in text
    assert "older layout shows none" not in text


def test_one_reading_an_article_draws_points_without_lines() -> None:
    first = report()
    first["growth"] = []
    text = page.render(first, source="kita.db")
    ids = [attrs["id"] for tag, attrs in parse(text).tags if tag == "canvas"]
    assert "chart-growth" in ids
    assert 'data-charts-expected="4"' in text
    assert "lines appear from the second day a counter is read" in text
    nothing = report()
    nothing["growth"], nothing["readings"] = [], []
    text = page.render(nothing, source="kita.db")
    ids = [attrs["id"] for tag, attrs in parse(text).tags if tag == "canvas"]
    assert "chart-growth" not in ids
    assert "No dated article with a hit counter yet." in text


def test_an_empty_report_says_so_and_has_no_chart() -> None:
    empty: Report = {
        "generated_at": "2024-04-01T12:00:00Z",
        "filters": {"since": "2024-01-01", "board": None},
        "articles": 0,
        "boards": [],
        "monthly": {"months": [], "series": {}, "undated": {}, "undated_generations": {}},
        "top": [],
        "growth": [],
        "readings": [],
        "runs": [],
        "coverage": [],
        "problems": [],
    }
    text = page.render(empty, source="kita.db")
    assert "<canvas" not in text
    assert 'data-charts-expected="0"' in text
    assert "no articles in this selection" in text
    assert "No run in the ledger" in text
    assert "without a posting date are left out" in text


def test_several_boards_get_a_colour_legend_in_report_order() -> None:
    several = report()
    several["boards"] = ["insights", "news"]
    text = page.render(several, source="kita.db")
    assert (
        f'<span class="swatch" style="background:{page.PALETTE[0]}"></span>insights '
        f'<span class="swatch" style="background:{page.PALETTE[1]}"></span>news'
    ) in text
    # One board: no board legend.
    assert "</span>news</p>" not in page.render(report(), source="kita.db")
