"""The catalogue of markup dimensions, and the markup a seed chooses from it.

Each ``Dimension`` is one way the site's markup may vary within what the site
contract lets a crawler rely on ("Markup nobody has seen"); its options are
named, and ``DIMENSIONS`` lists them all. ``markup_for(seed)`` picks one
option of every dimension (``Markup.choices``), deterministically, then the
class names, ids and handler names its pages use (``names.py``).

How a seed picks: seeds run in blocks as long as a dimension has options,
and within a block every option comes once, in an order drawn from the
dimension's name and the block. So any run of seeds at least twice as long
as the longest dimension (30 seeds for 15 options) shows every option of
every dimension, and neighbouring seeds differ everywhere. A few choices
then follow from others (``_settle``): the two markups that once made a
crawler store wrong data (``frame=detail_body_older``,
``handler=goView_site_first``) come with what made them traps (the older
page's ``<title>`` and a heading, a body repeating title and subtitle; list
rows that call the handler); a page whose title element is ``none`` names
the article in its ``<title>``, before the site's name and nothing else;
rows reached only by plain hrefs get neighbours reached by the handler (so
the handler is always on some page);
and a dimension a markup does not use is left out of its choices.

``Markup.describe()`` is a line a person reads in a minute; ``representative_seeds(n)``
is a small set of seeds that together show every option.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from mocksite.markup.varied.names import Names, draw_names


@dataclass(frozen=True, slots=True)
class Dimension:
    """One way the markup varies: its name, the pages it concerns, its options, what it means."""

    name: str
    page: str  # "list", "article" or "gallery" (the Photo Gallery's list)
    options: tuple[str, ...]
    doc: str


DIMENSIONS: tuple[Dimension, ...] = (
    # -- list pages ------------------------------------------------------------------------
    Dimension(
        "rows", "list", ("table", "table_headless", "ul", "cards", "dl"),
        "what repeats once a row: <tr> of a table with <thead>, <tr> of a table without one,"
        " <li> of a <ul>, a <div> card, a <dl>",
    ),
    Dimension(
        "row_link", "list", ("href", "onclick", "javascript", "row_onclick"),
        "how a row leads to its article: a plain href to the detail path, a handler in the"
        " link's onclick (dead href), a javascript: href, a handler in the row's onclick",
    ),
    Dimension(
        "href_params", "list", ("id_first", "id_middle", "id_last", "id_only"),
        "where the id parameter sits among the list state in an article href"
        " (no=N&pageIndex=1&searchWrd=, id=&no=N&searchWrd=&pageIndex=1, ...&no=N, ?no=N)",
    ),
    Dimension(
        "handler", "list",
        ("fn_view", "goDetailPage", "goDetailPage_site", "goView_site_first", "fnDetail_int",
         "named"),
        "the handler that opens an article: fn_view('N'), goDetailPage('N'),"
        " goDetailPage('N', '2'), goView('2', 'N') defined as function goView(siteId, no),"
        " fnDetail(N) unquoted, or a made-up name taking 2-3 arguments, the id at any place",
    ),
    Dimension(
        "handler_body", "list", ("location", "window_location", "form_post", "jquery_post"),
        "what the handler's inline definition does with its arguments: location.href = '...'"
        " + a, window.location.href = \"...\" + a, a form's hidden inputs set and the form"
        " posted to the detail path, the same through jQuery",
    ),
    Dimension(
        "number", "list", ("counter", "none"),
        "the No. column: a row counter (never the id), or none",
    ),
    Dimension(
        "pinned", "list", ("class", "icon", "label"),
        "how a pinned notice on top of every page is marked: a class on the row, a notice"
        " icon, a Notice/공지 label",
    ),
    Dimension(
        "row_date", "list", ("dash", "dot", "slash", "dot_space", "none"),
        "a row's date: 2020-09-23, 2020.09.23, 2020/09/23, 2020. 09. 23, or none",
    ),
    Dimension(
        "row_counter", "list", ("header", "hit", "Hits", "Views", "korean", "none"),
        "a row's counter: a bare number under a header that says so, hit 12, Hits 1,234,"
        " Views 1,234, 조회 1,234, or none",
    ),
    Dimension(
        "paging", "list", ("fn_egov_link_page", "goPage", "linkPage", "pageIndex_href"),
        "how a paging link carries its page: fn_egov_link_page(n), goPage(n), linkPage(n)"
        " (each defined on the page), or an href with pageIndex=n",
    ),
    Dimension(
        "paging_arrows", "list", ("first_last", "next_block", "prev_next"),
        "the paging bar around its block of ten: first/last arrows, only an arrow to the next"
        " block, arrows to the previous and next blocks",
    ),
    Dimension(
        "paging_current", "list", ("strong", "active_link", "span"),
        "the current page in the bar: <strong>n</strong>, a link with a class and no target,"
        " <span>n</span>",
    ),
    Dimension(
        "total", "list", ("english", "korean", "none"),
        "the count of posts above the rows: Total 2,705, 총 2705 건, or none",
    ),
    # -- article pages ----------------------------------------------------------------------
    Dimension(
        "frame", "article", ("divs", "table_view", "article_tag", "detail_body_older"),
        "the page's layout: nested <div>s, an eGov table of labelled cells (Title, Date, Hits)"
        " with the body in a cell, <article> with <header> and <nav>, or an older-style page"
        " (<title> 'KITA News | Korea International Trade Association') whose body sits in"
        " div.board-detail > div.detail-body and repeats the title and the subtitle",
    ),
    Dimension(
        "title_element", "article", ("bullet", "css_bullet", "heading", "strong_div", "none"),
        "the element that shows the title outside the body: a '• title' line, a bullet drawn"
        " by CSS, a heading, a <strong> in a <div>, or none (only <title> and og:title)",
    ),
    Dimension(
        "page_title", "article", ("generic", "suffix", "board_suffix", "bare", "dash_kita"),
        "the page's <title>: the board and site only, 'title | Korea International Trade"
        " Association', 'title | KITA News | Korea International Trade Association', the title"
        " alone, 'title - KITA'",
    ),
    Dimension(
        "og_title", "article", ("yes", "no"), "an og:title meta tag saying what <title> says",
    ),
    Dimension(
        "meta", "article", ("line", "pipe", "dl", "badges", "list"),
        "the date and counter beside the title: '2020-09-23 hit 2104' in one element,"
        " 'Date : 2020.09.23 | Views : 2,104', a <dl> of <dt> labels and <dd> values, badge"
        " spans with an <i> label, a <ul> of labelled items",
    ),
    Dimension(
        "meta_labels", "article", ("english", "korean", "none"),
        "the words beside the date and counter: English (Date, Hit, Views...), Korean (등록일,"
        " 조회...), none (the numbers alone, each in its own element)",
    ),
    Dimension(
        "meta_date", "article", ("dash", "dot", "slash", "dot_space"),
        "the date beside the title: 2020-09-23, 2020.09.23, 2020/09/23, 2020. 09. 23",
    ),
    Dimension(
        "meta_counter", "article", ("plain", "separated", "absent"),
        "the counter beside the title: 2104, 2,104, or not shown at all (the truth's hits"
        " is then None)",
    ),
    Dimension(
        "subtitle", "article", ("in_body", "outside"),
        "where a '- subtitle -' line goes: the body's first paragraph (after a repeated"
        " title), or an element of its own between the head and the body",
    ),
    Dimension(
        "repeat", "article", ("yes", "no"),
        "whether the body starts with the title again (not body text)",
    ),
    Dimension(
        "body_wrap", "article", ("plain", "dext"),
        "the body's paragraphs as they are, or wrapped in the editor's nested document"
        " (<html><head><title>제목없음</title>...<body id=dext_body>)",
    ),
    Dimension(
        "attachments", "article", ("href_list", "handler", "href_table"),
        "attachments: a list of links to the download path, links calling a download handler"
        " defined on the page, a labelled table row of links",
    ),
    Dimension(
        "neighbours", "article",
        ("dl_labels", "previous_next", "korean", "arrows", "unlabelled"),
        "the neighbour links: <dl><dt>Prev</dt>..., 'Previous'/'Next' spans, 이전글/다음글,"
        " ▼ (older) / ▲ (newer), or two links to other ids with no label",
    ),
    Dimension(
        "neighbour_link", "article", ("href", "handler"),
        "how a neighbour link opens its article: a plain href, or the list's handler (defined"
        " on the article page too)",
    ),
    Dimension(
        "neighbour_order", "article", ("older_first", "newer_first"),
        "which neighbour comes first on the page",
    ),
    Dimension(
        "list_button", "article", ("href", "handler"),
        "the button back to the list: a plain href, or a handler defined on the page",
    ),
    Dimension(
        "footer", "article", ("div_family", "footer_select"),
        "the footer's family-site selector: a <div> with a 'Family Site' button, a <footer>"
        " with a 'Family Site' <select>",
    ),
    Dimension(
        "sessions", "article", ("none", "in_links"),
        "whether every href carries ;JSESSIONID_ORG=<32 hex>.Hyper before its query",
    ),
    # -- the Photo Gallery's list ---------------------------------------------------------
    Dimension(
        "gallery", "gallery", ("board_grid", "cards", "div_cards"),
        "the Photo Gallery's list: the older grid (ul.board_list.gallery_list), a grid of"
        " cards ul.gallery_list > li > a with fn_view('N') on some cards and hrefs on others,"
        " <div> cards with made-up classes and the markup's own handler",
    ),
)  # fmt: skip
DIMENSION_NAMES = tuple(d.name for d in DIMENSIONS)
_BY_NAME = {d.name: d for d in DIMENSIONS}
# Choices that follow from the layout: the cells of an eGov table show the title and the date.
TABLE_CELLS = "cells"


@dataclass(frozen=True, slots=True)
class Markup:
    """The markup of seed `seed`: one option per dimension it uses, and its names."""

    seed: int
    choices: tuple[tuple[str, str], ...]  # (dimension, option), in the catalogue's order
    names: Names

    def __getitem__(self, dimension: str) -> str:
        """The option chosen for `dimension` ("" when this markup does not use it)."""
        if dimension not in _BY_NAME:
            raise KeyError(f"no dimension {dimension!r}; known: {', '.join(DIMENSION_NAMES)}")
        return dict(self.choices).get(dimension, "")

    def chosen(self) -> dict[str, str]:
        """Dimension -> option, for the dimensions this markup uses."""
        return dict(self.choices)

    def describe(self) -> str:
        """One line: the seed and every choice, list pages first."""
        parts = [f"{name}={option}" for name, option in self.choices]
        return f"markup {self.seed}: " + ", ".join(parts)

    @property
    def shows_counter(self) -> bool:
        """Whether article pages show the counter beside the date (posts with a date line)."""
        return self["meta_counter"] != "absent"


def dimension(name: str) -> Dimension:
    return _BY_NAME[name]


def _draw(seed: int, dim: Dimension) -> str:
    """Option of `dim` for `seed`: each block of len(options) seeds shows every option once."""
    size = len(dim.options)
    block, at = divmod(seed, size)
    order = random.Random(f"{dim.name}/{block}").sample(range(size), size)
    return dim.options[order[at]]


def _settle(raw: dict[str, str]) -> dict[str, str]:
    """The raw draws made consistent: what a choice implies, and what a markup leaves unused."""
    out = dict(raw)
    if out["frame"] == "detail_body_older":
        # The trap as it was met: the site's <title>, a heading, the body repeating
        # the title and the subtitle.
        out.update(title_element="heading", page_title="generic", repeat="yes", subtitle="in_body")
    if out["frame"] == "table_view":
        # Labelled cells show title, date and counter; a cell label is a word.
        out["title_element"] = TABLE_CELLS
        out["meta"] = TABLE_CELLS
        if out["meta_labels"] == "none":
            out["meta_labels"] = "english"
    if out["title_element"] == "none" and out["page_title"] in ("generic", "board_suffix"):
        # The <title> alone names the article: before the site's name, and nothing else there.
        out["page_title"] = "suffix"
    if out["handler"] == "goView_site_first" and out["row_link"] == "href":
        # The trap as it was met: the list's rows call the handler.
        out["row_link"] = "onclick"
    if out["row_link"] == "href":
        # Some page must reach articles through the handler.
        out["neighbour_link"] = "handler"
    unused = set()
    if out["row_link"] != "href" and out["neighbour_link"] != "href":
        unused.add("href_params")
    if out["meta_counter"] == "absent" and out["meta"] == "line":
        # A date alone in its line: nothing to label.
        unused.add("meta_labels")
    if out["frame"] == "detail_body_older":
        # The older template's own chrome: its <title>, no og:title, its footer.
        unused.update({"og_title", "footer"})
    return {name: option for name, option in out.items() if name not in unused}


def markup_for(seed: int) -> Markup:
    """The markup seed `seed` chooses: deterministic, and every option within 30 seeds."""
    chosen = _settle({d.name: _draw(seed, d) for d in DIMENSIONS})
    choices = tuple((name, chosen[name]) for name in DIMENSION_NAMES if name in chosen)
    return Markup(seed, choices, draw_names(seed, chosen))


def as_markup(markup: int | Markup) -> Markup:
    """`markup` itself, or the markup of seed `markup`."""
    if isinstance(markup, Markup):
        return markup
    if isinstance(markup, bool) or not isinstance(markup, int):
        raise ValueError(f"markup must be a seed (an int) or a Markup, not {markup!r}")
    return markup_for(markup)


def options_seen(seeds: Any) -> dict[str, set[str]]:
    """Dimension -> the options the markups of `seeds` choose."""
    seen: dict[str, set[str]] = {name: set() for name in DIMENSION_NAMES}
    for seed in seeds:
        for name, option in markup_for(seed).choices:
            seen[name].add(option)
    return seen


def every_option() -> dict[str, set[str]]:
    """Dimension -> every option a markup can choose (the catalogue's, and the settled ones)."""
    out = {d.name: set(d.options) for d in DIMENSIONS}
    out["title_element"].add(TABLE_CELLS)
    out["meta"].add(TABLE_CELLS)
    return out


def representative_seeds(n: int = 24, *, start: int = 0) -> list[int]:
    """`n` seeds from `start` on that together show every option of every dimension.

    Seeds are taken greedily (the one showing most options not yet shown),
    then the next seeds in order fill up to `n`; ascending. Deterministic.
    """
    wanted = {(name, option) for name, options in every_option().items() for option in options}
    pool = list(range(start, start + 200))
    shown = {seed: set(markup_for(seed).choices) for seed in pool}
    picked: list[int] = []
    while wanted and len(picked) < n:
        best = max(pool, key=lambda seed: (len(shown[seed] & wanted), -seed))
        if not shown[best] & wanted:
            break
        picked.append(best)
        pool.remove(best)
        wanted -= shown[best]
    if wanted:
        raise ValueError(f"{n} seeds from {start} cannot show {sorted(wanted)}")
    picked += [seed for seed in pool if seed not in picked][: n - len(picked)]
    return sorted(picked)
