"""The report as one self-contained HTML page: a :class:`~kitacrawl.report.data.Report`
in, a string out (no database, no file).

Tables are written here, every text from the database escaped with
:func:`html.escape`. Charts are drawn in the browser by the vendored Chart.js
(``vendor/``) and ``assets/report.js``, from the same report embedded as
inline JSON (:func:`script_json`). Every script and style is inline and no
URL is loaded: the file opens offline, from anywhere, and can be mailed.

The page checks its own charts: once drawn, ``report.js`` counts the canvases
that hold painted pixels and writes the count (``data-charts-drawn``) and any
script error (``data-errors``) on ``<body>``, beside ``data-charts-expected``
written here. A headless browser (the slow test) reads them back.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Sequence
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from kitacrawl.report.data import READING_ARTICLES, Report

CHARTJS_VERSION = "4.6.1"

# Run statuses (`crawls.status`) and their colours: the chart's bars and the legend.
STATUS_COLOURS = {
    "ok": "#2e7d32",
    "failed": "#c62828",
    "drift": "#ef6c00",
    "interrupted": "#6a1b9a",
    "skipped": "#9e9e9e",
    "running": "#1565c0",
}
OTHER_STATUS = "#607d8b"
# Series colours (boards, articles): Tableau 10, distinct and colour-blind tolerant.
PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
)  # fmt: skip

# Before any other script, so that an error in Chart.js itself is caught too.
_ERROR_CAPTURE = """
window.addEventListener("error", function (event) {
  var body = document.body, seen = body.getAttribute("data-errors");
  body.setAttribute("data-errors", (seen ? seen + " | " : "") + (event.message || "error"));
});
"""


def render(report: Report, *, source: str) -> str:
    """The whole page. ``source`` names the database (shown in the header)."""
    sections = [
        _monthly(report),
        _top(report),
        _growth(report),
        _runs(report),
        _coverage(report),
    ]
    charts = sum(body.count("<canvas") for _, _, body in sections)
    nav = " · ".join(
        f'<a href="#{anchor}">{html.escape(title)}</a>' for anchor, title, _ in sections
    )
    style = {"status": STATUS_COLOURS, "other_status": OTHER_STATUS, "palette": PALETTE}
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>kitacrawl report: {html.escape(_scope_words(report))}</title>",
            f"<style>{_asset('assets/report.css', 'style')}</style>",
            "</head>",
            f'<body data-charts-expected="{charts}" data-charts-drawn="" data-errors="">',
            f"<script>{_ERROR_CAPTURE}</script>",
            _header(report, source),
            f"<nav>{nav}</nav>",
            *(
                f'<section id="{anchor}">\n<h2>{html.escape(title)}</h2>\n{body}\n</section>'
                for anchor, title, body in sections
            ),
            "<footer>Charts drawn by Chart.js "
            f"{CHARTJS_VERSION} (MIT licence), inlined with the data: this file needs no"
            " network. Made by <code>kitacrawl report</code>.</footer>",
            '<script type="application/json" id="report-data">'
            f"{script_json({'report': report, 'style': style})}</script>",
            f"<script>{chartjs()}</script>",
            f"<script>{_asset('assets/report.js', 'script')}</script>",
            "</body>",
            "</html>",
            "",
        ]
    )


def script_json(value: Any) -> str:
    """JSON that is safe inside ``<script>``: no ``</script>``, ``<!--`` or ``&``
    can appear (``<``, ``>`` and ``&`` only occur inside JSON strings, where the
    ``\\uXXXX`` escapes mean the same characters to ``JSON.parse``)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char in ("&", "<", ">", "\u2028", "\u2029"):
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def chartjs() -> str:
    """The vendored Chart.js, without its ``sourceMappingURL`` comment (the map
    is not shipped, and a page that names a file it lacks is not self-contained)."""
    text = _asset("vendor/chart.umd.min.js", "script")
    lines = text.rstrip("\n").split("\n")
    if lines[-1].startswith("//# sourceMappingURL="):
        lines.pop()
    return "\n".join(lines)


def _asset(name: str, element: str) -> str:
    text = resources.files("kitacrawl.report").joinpath(name).read_text(encoding="utf-8")
    # Inlined as is: a closing tag inside would end the element early.
    if f"</{element}" in text.lower():
        raise ValueError(f"{name} contains </{element}: it cannot be inlined")
    return text


# -- pieces ---------------------------------------------------------------------------


def _text(value: Any) -> str:
    """A database value as escaped HTML text; a missing one as a dash."""
    if value is None or value == "":
        return "—"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return html.escape(str(value))


def _link(url: str | None, text: str) -> str:
    """A link to an article; a URL that is not http(s) (``javascript:``) stays text."""
    if url and urlsplit(url).scheme.lower() in ("http", "https"):
        return f'<a href="{html.escape(url)}">{html.escape(text)}</a>'
    return html.escape(text)


def _share(part: int, whole: int) -> str:
    return f"{part:,} <small>({part / whole:.0%})</small>" if whole else f"{part:,}"


def _table(head: Sequence[str], rows: Iterable[Sequence[str]], numeric: Sequence[int] = ()) -> str:
    """A table of cells that are already HTML (built with :func:`_text` and :func:`_link`)."""

    def cells(tag: str, values: Sequence[str]) -> str:
        return "".join(
            f'<{tag} class="num">{v}</{tag}>' if i in numeric else f"<{tag}>{v}</{tag}>"
            for i, v in enumerate(values)
        )

    body = "\n".join(f"<tr>{cells('td', row)}</tr>" for row in rows)
    return (
        f"<table>\n<thead><tr>{cells('th', [html.escape(h) for h in head])}</tr></thead>\n"
        f"<tbody>\n{body}\n</tbody>\n</table>"
    )


def _chart(chart_id: str, height: int) -> str:
    return (
        f'<div class="chart" style="height:{height}px">'
        f'<canvas id="{chart_id}" role="img"></canvas></div>'
    )


def _empty(words: str) -> str:
    return f'<p class="empty">{html.escape(words)}</p>'


def _scope_words(report: Report) -> str:
    filters = report["filters"]
    words = f"the {filters['board']} board" if filters["board"] else "all boards"
    if filters["since"]:
        words += f", since {filters['since']}"
    return words


def _header(report: Report, source: str) -> str:
    boards = ", ".join(report["boards"]) or "none"
    runs = report["runs"]
    last = (
        f" The last run shown, #{runs[-1]['id']} ({_text(runs[-1]['board'])}), started"
        f" {_text(runs[-1]['started_at'])} and is <b>{_text(runs[-1]['status'])}</b>."
        if runs
        else " No run in the ledger."
    )
    notice = ""
    if report["articles"] == 0:
        notice = _empty(
            "This database has no articles"
            + (" in this selection" if any(report["filters"].values()) else " yet")
            + ": the parts about articles are empty."
        )
    return (
        "<header>\n<h1>KITA crawl report</h1>\n"
        f"<p>{report['articles']:,} articles ({html.escape(_scope_words(report))};"
        f" boards: {html.escape(boards)}) in <code>{html.escape(source)}</code>,"
        f" read {html.escape(report['generated_at'])}.{last}</p>\n{notice}</header>"
    )


# -- sections: (anchor, title, HTML) ----------------------------------------------------


def _monthly(report: Report) -> tuple[str, str, str]:
    monthly = report["monthly"]
    intro = (
        "<p>Articles by the month of their posting date, one line per board.</p>"
        if monthly["months"]
        else _empty("No dated article to count.")
    )
    undated = monthly["undated"]
    if undated:
        generations = monthly["undated_generations"]
        counts = ", ".join(
            f"{board} {n:,} ({_generation_words(generations.get(board, {}))})"
            for board, n in undated.items()
        )
        intro += (
            "<p>Articles whose page shows no posting date are not in the chart, by board"
            f" and by the markup their page was read from: {html.escape(counts)}.</p>"
        )
    elif report["filters"]["since"]:
        intro += "<p>With a start date, articles without a posting date are left out.</p>"
    chart = _chart("chart-monthly", 320) if monthly["months"] else ""
    return "monthly", "Articles per month", intro + chart


GENERATION_WORDS = {"older": "the 2017–2022 layout", "current": "KITA's current template"}


def _generation_words(counts: dict[str, int]) -> str:
    return ", ".join(
        f"{GENERATION_WORDS.get(generation, generation)} {n:,}" for generation, n in counts.items()
    )


def _top(report: Report) -> tuple[str, str, str]:
    top = report["top"]
    if not top:
        return "top", "Most read articles", _empty("No article with a hit counter.")
    rows = [
        [
            str(rank),
            _text(row["hits"]),
            _link(row["url"], row["title"]),
            _text(row["published"]),
            _text(row["board"]),
            str(row["no"]),
        ]
        for rank, row in enumerate(top, 1)
    ]
    body = (
        f"<p>The {len(top)} articles with the highest hit counter: the latest one seen, on"
        " the article page or a list page. Click a bar or a title to open the article.</p>"
        + _board_legend(report)
        + _chart("chart-top", 60 + 24 * len(top))
        + _table(("#", "hits", "title", "posted", "board", "no"), rows, numeric=(0, 1, 5))
    )
    return "top", "Most read articles", body


def _board_legend(report: Report) -> str:
    """The boards' colours (as report.js picks them), when there is more than one."""
    boards = report["boards"]
    if len(boards) < 2:
        return ""
    swatches = " ".join(
        f'<span class="swatch" style="background:{PALETTE[i % len(PALETTE)]}"></span>'
        f"{html.escape(board)}"
        for i, board in enumerate(boards)
    )
    return f'<p class="legend">{swatches}</p>'


def _growth(report: Report) -> tuple[str, str, str]:
    lines, readings = report["growth"], report["readings"]
    title = "Hits and days since posting"
    intro = (
        "<p>How readership grows after posting: hit counters against the days from an"
        " article's posting date to the day the counter was read. Each grey point is an"
        " article and its latest counter (every dated article with one, up to"
        f" {READING_ARTICLES:,} of the most recent): one crawl is enough to see how"
        " readership spreads with age. Each coloured line is one of the most recently"
        " posted articles whose counter was read on at least two days (up to ten): its"
        " counter at the end of each day, as in the <code>hit_series</code> view; a"
        " steep start is its first days, a flat line one nobody reads any more. Days run"
        " to the UTC day of the reading, so a reading on the day of posting may show at"
        " 0 or −1.</p>"
    )
    if not readings and not lines:
        return "growth", title, intro + _empty("No dated article with a hit counter yet.")
    body = intro + _chart("chart-growth", 380)
    if not lines:
        return (
            "growth",
            title,
            body
            + _empty(
                "No article has counters from two different days yet: lines appear from"
                " the second day a counter is read."
            ),
        )
    rows = [
        [
            _link(line["url"], line["title"]),
            _text(line["published"]),
            _text(len(line["points"])),
            _text(line["points"][0]["hits"]),
            _text(line["points"][-1]["hits"]),
            _text(line["points"][-1]["days"]),
        ]
        for line in lines
    ]
    body += _table(
        ("article", "posted", "days read", "first hits", "last hits", "last day"),
        rows,
        numeric=(2, 3, 4, 5),
    )
    return "growth", title, body


RUN_HEAD = (
    "run", "board", "mode", "status", "started", "finished", "exit", "requests", "new",
    "problems", "failures", "message",
)  # fmt: skip


def _runs(report: Report) -> tuple[str, str, str]:
    runs = report["runs"]
    if not runs:
        return "runs", "Crawl health", _empty("No run in the ledger (the crawls table).")
    legend = " ".join(
        f'<span class="swatch" style="background:{colour}"></span>{html.escape(status)}'
        for status, colour in STATUS_COLOURS.items()
    )
    rows = [
        [
            str(run["id"]),
            _text(run["board"]),
            _text(run["mode"]),
            f'<span class="swatch" style="background:'
            f'{STATUS_COLOURS.get(run["status"], OTHER_STATUS)}"></span>{_text(run["status"])}',
            _text(run["started_at"]),
            _text(run["finished_at"]),
            _text(run["exit_code"]),
            _text(run["requests"]),
            _text(run["articles_new"]),
            _text(run["problems"]),
            _text(run["article_failures"]),
            _text(run["message"]),
        ]
        for run in reversed(runs)
    ]
    body = (
        f"<p>The last {len(runs)} runs of the ledger (<code>crawls</code>), oldest on the"
        " left. Bars: HTTP requests of each run (robots.txt and retries included), coloured"
        " by the run's status; line: the problems the run recorded (right axis).</p>"
        f'<p class="legend">{legend} <span class="line-swatch"></span>problems</p>'
        + _chart("chart-runs", 300)
        + "<details><summary>The runs, newest first</summary>"
        + _table(RUN_HEAD, rows, numeric=(0, 6, 7, 8, 9, 10))
        + "</details>"
    )
    return "runs", "Crawl health", body


COVERAGE_HEAD = ("board", "articles", "with date", "hits", "subtitle", "category", "attachments")


def _coverage(report: Report) -> tuple[str, str, str]:
    coverage = [
        [
            _text(row["board"]),
            _text(row["articles"]),
            *(
                _share(row[name], row["articles"])
                for name in ("published", "hits", "subtitle", "category", "attachments")
            ),
        ]
        for row in report["coverage"]
    ]
    body = (
        "<p>Per board: how many stored articles have each field. <i>hits</i>: a counter"
        " is known (from the article page or a list page); <i>attachments</i>: at least one"
        " attached file.</p>"
        + (
            _table(COVERAGE_HEAD, coverage, numeric=range(1, 7))
            if coverage
            else _empty("No article stored.")
        )
    )
    since = report["filters"]["since"]
    problems = [
        [
            _text(row["board"]),
            _text(row["kind"]),
            "final" if row["final"] else "passing",
            _text(row["count"]),
        ]
        for row in report["problems"]
    ]
    body += (
        "<h3>Problems by kind</h3><p>Pages that could not be stored as articles"
        " (<code>problems</code>, one row per attempt). <i>final</i>: asking again is not"
        " expected to help (re-checked weekly); <i>passing</i>: retried with a growing wait."
        + (f" Attempts on or after {html.escape(since)}." if since else "")
        + "</p>"
    )
    body += (
        _table(("board", "kind", "", "attempts"), problems, numeric=(3,))
        if problems
        else _empty("No problem recorded.")
    )
    return "coverage", "Coverage", body
