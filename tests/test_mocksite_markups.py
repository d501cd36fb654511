"""Tests of the imitation's made-up markups (``mocksite.markup.varied``).

Every markup must stay within what the site contract lets a crawler rely
on, and its ground truth must say exactly what its pages say. So for a
spread of 30 seeds, a reader written here with lxml (it knows a markup's
class names, to find its parts, and nothing of kitacrawl) reads every list
page and every article page back: list rows by the article each leads to
(an href's id parameter, or a handler call whose inline definition on the
page says which argument is the id), dates and counters by their patterns,
paging by the page each link carries; the article's title, date, counter,
subtitle, body paragraphs, neighbours (by the ids they lead to),
attachments (download paths, or the download handler's definition) and the
body's links, which must equal the truth. The rest checks the catalogue
(every option within 30 seeds, deterministic, the representative seeds),
the two markups that once made a crawler store wrong data, the scopes, the
current template's paths, and serving over HTTP.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import parse_qs, urlsplit

import lxml.html
import pytest

from mocksite import MockSite, build_board
from mocksite.kinds import DELETED, EMPTY_BODY, TRUNCATED, UNTITLED
from mocksite.markup.varied import (
    DIMENSIONS,
    Markup,
    Place,
    markup_for,
    representative_seeds,
)
from mocksite.markup.varied.catalogue import every_option, options_seen
from mocksite.markup.varied.names import KNOWN
from mocksite.model import ListOptions
from mocksite.urls import CURRENT_PATHS, ServedPaths
from tests.test_mocksite import canonical, decode, get, norm, paragraphs, text_of

BASE = "http://127.0.0.1:8000"
OLDER = Place(ServedPaths("/about/newsList.do", "/about/newsView.do", "no"), "older")
SPREAD = range(30)
# `make test-fast` reads the first few seeds' pages back; `make test` reads them all.
FAST_SEEDS = 8
SPREAD_PARAMS = [
    pytest.param(seed, marks=() if seed < FAST_SEEDS else pytest.mark.slow) for seed in SPREAD
]
BOARD = build_board(40, seed=11)
OPTIONS = ListOptions(pinned=(BOARD.quiet_nos()[3], BOARD.quiet_nos()[6]))
SITE_SUFFIXES = (" | Korea International Trade Association", " | KITA News", " - KITA")
FILE_PATH_RE = re.compile(r"(FileDown|fileDownload)\.do")
DATE_RE = re.compile(r"(\d{4})\s*[-./]\s*(\d{2})\s*[-./]\s*(\d{2})")


# -- a reader of handlers and their inline definitions ----------------------------------------


def definitions(page: str) -> dict[str, tuple[list[str], str]]:
    """Every ``function name(params) { body }`` of the page: name -> (params, body)."""
    out = {}
    for found in re.finditer(r"function\s+([\w$]+)\s*\(([^)]*)\)\s*\{", page):
        depth, at = 1, found.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(page[at], 0)
            at += 1
        params = [p.strip() for p in found.group(2).split(",") if p.strip()]
        out[found.group(1)] = (params, page[found.end() : at - 1])
    return out


def leads_to(body: str) -> tuple[str, dict[str, str]]:
    """The path a handler's body leads to, and URL parameter -> the JS name giving its value."""
    path = re.search(r"""['"](/[\w/.]+\.do)[?'"]""", body)
    assert path, body
    names = dict(re.findall(r"""[?&](\w+)=['"]\s*\+\s*(\w+)""", body))
    names.update(re.findall(r"\bf\.(\w+)\.value\s*=\s*(\w+)", body))
    names.update(re.findall(r"""\$\('#(\w+)'\)\.val\((\w+)\)""", body))
    return path.group(1), names


def calls(code: str) -> list[tuple[str, list[str]]]:
    """The function calls in `code` (an onclick or a javascript: href): name and arguments."""
    out = []
    for name, args in re.findall(r"([\w$.]+)\s*\(([^()]*)\)", code):
        out.append((name, [a.strip().strip("'\"") for a in args.split(",") if a.strip()]))
    return out


def target(element: Any, defs: dict[str, tuple[list[str], str]], path: str, key: str) -> int | None:
    """The `key` number `element` leads to on `path`: from its href, or a handler it calls."""
    href = element.get("href") or ""
    if not href.startswith(("#", "javascript:")) and urlsplit(href).path.split(";")[0] == path:
        values = parse_qs(urlsplit(href).query).get(key)
        return int(values[0]) if values else None
    code = (element.get("onclick") or "") + (href if href.startswith("javascript:") else "")
    for name, args in calls(code):
        if name in defs:
            params, body = defs[name]
            goes, names = leads_to(body)
            if goes == path and key in names:
                return int(args[params.index(names[key])])
    return None


def download_url(element: Any, defs: dict[str, tuple[list[str], str]]) -> str | None:
    """The URL a download handler called by `element` builds."""
    for name, args in calls(element.get("onclick") or ""):
        if name in defs:
            params, body = defs[name]
            path, names = leads_to(body)
            if not FILE_PATH_RE.search(path):
                continue
            order = re.findall(r"[?&](\w+)=", body)
            return f"{path}?" + "&".join(f"{n}={args[params.index(names[n])]}" for n in order)
    return None


def test_the_handler_reader_on_one_line_inputs() -> None:
    page = (
        "<script>function goView(siteId, no) {\n\tlocation.href = '/about/newsView.do?siteId='"
        " + siteId + '&no=' + no;\n}\nfunction x(a) { if (a) { y(); } }</script>"
    )
    defs = definitions(page)
    assert defs["goView"][0] == ["siteId", "no"]
    assert leads_to(defs["goView"][1]) == ("/about/newsView.do", {"siteId": "siteId", "no": "no"})
    anchor = lxml.html.fromstring("<a href=\"#none\" onclick=\"goView('2', '2530')\">t</a>")
    assert target(anchor, defs, "/about/newsView.do", "no") == 2530
    posted = "function g(a, b) {\n\tvar f = document.forms['x'];\n\tf.no.value = b;\n}"
    assert leads_to(posted + " f.action = '/v.do';")[1] == {"no": "b"}


# -- reading list pages -----------------------------------------------------------------------


@dataclass
class Row:
    no: int
    number: str
    posted: date | None
    hits: int | None
    pinned: bool


def by_cls(element: Any, name: str) -> list[Any]:
    return element.xpath(f".//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]")


def read_day(text: str) -> date | None:
    found = DATE_RE.search(text)
    return date(*map(int, found.groups())) if found else None


def read_rows(page: str, markup: Markup, place: Place) -> list[Row]:
    doc = lxml.html.fromstring(page)
    defs = definitions(page)
    n = markup.names
    container = by_cls(doc, n["list"])[0]
    kind = markup["rows"]
    if kind.startswith("table"):
        elements = container.xpath("./tbody/tr")
    else:
        elements = [e for e in container if isinstance(e.tag, str)]
    rows = []
    for element in elements:
        if (element.get("class") or "") in (n["head_row"], n["no_rows"]) or element.xpath(
            f"./*[@class='{n['no_rows']}']"
        ):
            continue
        paths = place.paths
        nos = {target(element, defs, paths.detail_path, paths.id_param)} - {None}
        for anchor in element.xpath(".//a"):
            nos |= {target(anchor, defs, paths.detail_path, paths.id_param)} - {None}
        assert len(nos) == 1, lxml.html.tostring(element)
        number = by_cls(element, n["num"])
        counter = by_cls(element, n["count"])
        dated = by_cls(element, n["date"])
        hits = None
        if counter:
            hits = int(re.sub(r"\D", "", text_of(counter[0])))
        pinned = bool(
            n["pinned"] in (element.get("class") or "").split()
            or element.xpath(".//img[@alt='Notice' or @alt='공지']")
            or by_cls(element, n["notice_label"])
        )
        rows.append(
            Row(
                nos.pop(),
                text_of(number[0]) if number else "",
                read_day(text_of(dated[0])) if dated else None,
                hits,
                pinned,
            )
        )
    return rows


def paging_targets(page: str, markup: Markup, place: Place) -> set[int]:
    doc = lxml.html.fromstring(page)
    defs = definitions(page)
    bar = by_cls(doc, markup.names["paging"])[0]
    found = {target(a, defs, place.paths.list_path, "pageIndex") for a in bar.xpath(".//a")}
    return found - {None}


@pytest.mark.parametrize("seed", SPREAD_PARAMS)
def test_list_pages_read_back(seed: int) -> None:
    markup = markup_for(seed)
    posts = {p.no: p for p in BOARD.posts}
    listed = []
    for index in range(1, BOARD.list_pages + 1):
        page = decode(BOARD.markup_list_page(index, OPTIONS, markup, OLDER).body)
        rows = read_rows(page, markup, OLDER)
        view = BOARD.list_view(index, OPTIONS)
        assert [r.no for r in rows] == [p.no for p in view.pinned] + [p.no for _, p in view.rows]
        assert [r.pinned for r in rows] == [True] * len(view.pinned) + [False] * len(view.rows)
        for row, (counter, post) in zip(rows[len(view.pinned) :], view.rows, strict=True):
            assert row.number == (counter if markup["number"] == "counter" else "")
            assert row.number != str(row.no)
            shown = markup["row_date"] != "none"
            assert row.posted == (post.posted if shown else None)
            assert row.hits == (post.hits if markup["row_counter"] != "none" else None)
        listed += [r.no for r in rows[len(view.pinned) :]]
        reachable = paging_targets(page, markup, OLDER)
        if index < BOARD.list_pages:
            assert index + 1 in reachable
        assert reachable <= set(range(1, BOARD.list_pages + 1))
    assert listed == list(posts)
    past = decode(BOARD.markup_list_page(BOARD.list_pages + 3, OPTIONS, markup, OLDER).body)
    assert read_rows(past, markup, OLDER) == []


def test_paging_comes_in_blocks_of_ten() -> None:
    board = build_board(230, seed=4)
    for seed in (s for s in SPREAD if markup_for(s)["paging_arrows"] != "first_last"):
        markup = markup_for(seed)
        page = decode(board.markup_list_page(10, ListOptions(), markup, OLDER).body)
        reachable = paging_targets(page, markup, OLDER)
        assert set(range(1, 10)) <= reachable
        assert 11 in reachable
        assert 21 not in reachable
        page = decode(board.markup_list_page(23, ListOptions(), markup, OLDER).body)
        assert max(paging_targets(page, markup, OLDER)) == 22


# -- reading article pages --------------------------------------------------------------------


def page_title(doc: Any) -> str:
    title = text_of(doc.xpath("//head/title")[0])
    for suffix in SITE_SUFFIXES:
        title = title.removesuffix(suffix.strip()).strip()
    return norm(title)


def read_title(doc: Any, markup: Markup) -> str:
    element = markup["title_element"]
    if element == "none":
        og = doc.xpath("//meta[@property='og:title']/@content")
        title = page_title(doc)
        assert not og or page_title(lxml.html.fromstring(f"<title>{og[0]}</title>")) == title
        return title
    found = by_cls(doc, markup.names["title"])
    return text_of(found[0]).removeprefix("•").strip()


def read_meta(doc: Any, markup: Markup) -> tuple[str | None, int | None]:
    n = markup.names
    if markup["frame"] == "table_view":
        day = by_cls(doc, n["meta_date"])
        count = by_cls(doc, n["meta_count"])
        text = " ".join(text_of(e) for e in day + count)
    else:
        meta = by_cls(doc, n["meta"])
        text = text_of(meta[0]) if meta else ""
    found = DATE_RE.search(text)
    if not found:
        return None, None
    rest = text[: found.start()] + " " + text[found.end() :]
    numbers = re.findall(r"\d[\d,]*", rest)
    day = date(*map(int, found.groups())).isoformat()
    return day, int(numbers[-1].replace(",", "")) if numbers else None


def body_of(doc: Any, markup: Markup) -> Any:
    if markup["frame"] == "detail_body_older":
        return doc.xpath("//div[@class='board-detail']/div[@class='detail-body']")[0]
    return by_cls(doc, markup.names["body"])[0]


def read_article(page: str, markup: Markup, place: Place, no: int) -> dict[str, Any]:
    """An independent reading of an article page of `markup`, in the truth's terms."""
    doc = lxml.html.fromstring(page)
    defs = definitions(page)
    n = markup.names
    title = read_title(doc, markup)
    if markup["page_title"] != "generic":
        # Where the page's <title> names the article, it says what the title element says.
        assert page_title(doc) == title
    published, hits = read_meta(doc, markup)
    body = body_of(doc, markup)
    # The editor's nested document leaves its <title> and <meta> inside the body.
    for stray in body.xpath(".//title | .//meta"):
        stray.drop_tree()
    paras = paragraphs(body)
    if markup["repeat"] == "yes" and paras:
        paras.pop(0)
    subtitle = None
    outside = by_cls(doc, n["subtitle"])
    if outside:
        subtitle = text_of(outside[0]).strip("- ")
    elif paras and paras[0].startswith("-") and paras[0].endswith("-"):
        subtitle = paras.pop(0).strip("- ")
    paths = place.paths
    neighbours = []
    for anchor in by_cls(doc, n["nav"])[0].xpath(".//a"):
        other = target(anchor, defs, paths.detail_path, paths.id_param)
        assert other is not None
        assert other != no
        neighbours.append(
            {
                "rel": "prev" if other < no else "next",
                "url": f"{BASE}{paths.detail_path}?{paths.id_param}={other}",
                "text": text_of(anchor),
                "target_no": other,
            }
        )
    neighbours.sort(key=lambda link: link["rel"] != "prev")
    files = []
    for anchor in doc.xpath("//a"):
        href = anchor.get("href") or ""
        built = download_url(anchor, defs)
        if built is None and FILE_PATH_RE.search(href):
            built = href
        if built is not None:
            url = canonical(built, BASE)
            files.append({"rel": "attachment", "url": url, "text": text_of(anchor)})
    links = [*neighbours, *({**f, "target_no": None} for f in files)]
    for element in body.xpath(".//a[@href] | .//img"):
        if element.tag == "img":
            link = {"rel": "image", "url": canonical(element.get("src"), BASE)}
            link["text"] = element.get("alt")
        else:
            link = {"rel": "body", "url": element.get("href"), "text": text_of(element)}
        links.append({**link, "target_no": None})
    return {
        "title": title,
        "subtitle": subtitle,
        "published": published,
        "hits": hits,
        "body": "\n\n".join(paras),
        "links": links,
    }


@pytest.mark.parametrize("seed", SPREAD_PARAMS)
def test_truth_says_what_the_article_pages_say(seed: int) -> None:
    markup = markup_for(seed)
    # What the pages alone say: the counter a list shows is no part of it.
    truth = BOARD.ground_truth(BASE, markup=markup, listed=False)
    assert truth["articles"]
    for expected in truth["articles"]:
        page = decode(BOARD.markup_view_page(expected["no"], markup, OLDER).body)
        got = read_article(page, markup, OLDER, expected["no"])
        assert got == {key: expected[key] for key in got}, (markup.describe(), expected["no"])
        assert expected["generation"] == "inferred"


@pytest.mark.parametrize("seed", SPREAD_PARAMS)
def test_every_handler_called_is_defined_on_its_page(seed: int) -> None:
    markup = markup_for(seed)
    pages = [decode(BOARD.markup_list_page(1, OPTIONS, markup, OLDER).body)]
    pages += [decode(BOARD.markup_view_page(p.no, markup, OLDER).body) for p in BOARD.articles]
    for page in pages:
        doc = lxml.html.fromstring(page)
        defs = definitions(page)
        for element in doc.xpath("//*[@onclick] | //a[starts-with(@href, 'javascript:')]"):
            code = (element.get("onclick") or "") + (element.get("href") or "")
            for name, _ in calls(code.removeprefix("javascript:")):
                if name in {"void", "window.print", "window.open", "this.value"}:
                    continue
                assert name in defs, (markup.describe(), name)


@pytest.mark.parametrize("seed", SPREAD_PARAMS)
def test_bad_pages_stay_bad(seed: int) -> None:
    markup = markup_for(seed)
    untitled = BOARD.nos_of(UNTITLED)[0]
    doc = lxml.html.fromstring(decode(BOARD.markup_view_page(untitled, markup, OLDER).body))
    assert read_title(doc, markup) in ("", "KITA News")
    assert markup["title_element"] != "none" or page_title(doc) == ""
    empty = BOARD.nos_of(EMPTY_BODY)[0]
    doc = lxml.html.fromstring(decode(BOARD.markup_view_page(empty, markup, OLDER).body))
    assert text_of(body_of(doc, markup)) == ""
    cut = BOARD.markup_view_page(BOARD.nos_of(TRUNCATED)[0], markup, OLDER).body
    assert b"Family Site" not in cut
    assert b"</html>" not in cut
    deleted = BOARD.markup_view_page(BOARD.nos_of(DELETED)[0], markup, OLDER)
    assert b"alert(" in deleted.body
    assert BOARD.markup_view_page(99999, markup, OLDER).status == 404


# -- the catalogue ----------------------------------------------------------------------------


def test_every_option_of_every_dimension_within_the_spread() -> None:
    seen = options_seen(SPREAD)
    wanted = every_option()
    assert {name: wanted[name] - seen[name] for name in wanted if wanted[name] - seen[name]} == {}
    assert {d.name for d in DIMENSIONS} == set(wanted)


def test_markups_are_deterministic() -> None:
    for seed in SPREAD:
        assert markup_for(seed) == markup_for(seed)
        again = build_board(40, seed=11)
        first = BOARD.articles[seed % len(BOARD.articles)].no
        assert (
            again.markup_view_page(first, markup_for(seed), OLDER).body
            == BOARD.markup_view_page(first, markup_for(seed), OLDER).body
        )
    assert markup_for(3).describe() != markup_for(4).describe()


def test_describe_names_every_choice() -> None:
    line = markup_for(7).describe()
    assert line.startswith("markup 7: rows=")
    for name, option in markup_for(7).choices:
        assert f"{name}={option}" in line


def test_representative_seeds_show_every_option() -> None:
    seeds = representative_seeds()
    assert len(seeds) == 24
    assert seeds == sorted(set(seeds))
    seen = options_seen(seeds)
    assert all(every_option()[name] <= seen[name] for name in seen)
    assert representative_seeds() == seeds
    assert len(representative_seeds(12)) == 12


def test_made_up_names_are_not_the_known_ones() -> None:
    for seed in SPREAD:
        names = dict(markup_for(seed).names.by_role)
        assert not set(names.values()) & KNOWN
        assert len(set(names.values())) == len(names)


# -- the two markups that once made a crawler store wrong data --------------------------------


def test_a_handler_whose_id_is_its_second_argument() -> None:
    seed = next(s for s in SPREAD if markup_for(s)["handler"] == "goView_site_first")
    markup = markup_for(seed)
    page = decode(BOARD.markup_view_page(BOARD.articles[3].no, markup, OLDER).body)
    page += decode(BOARD.markup_list_page(1, OPTIONS, markup, OLDER).body)
    assert re.search(r"goView\('2', '\d+'\)", page)
    assert "function goView(siteId, no)" in page


def test_an_older_style_page_with_its_body_in_detail_body() -> None:
    seed = next(s for s in SPREAD if markup_for(s)["frame"] == "detail_body_older")
    markup = markup_for(seed)
    post = next(p for p in BOARD.articles if p.subtitle is not None and p.has_info)
    page = decode(BOARD.markup_view_page(post.no, markup, OLDER).body)
    doc = lxml.html.fromstring(page)
    assert (
        text_of(doc.xpath("//head/title")[0]) == "KITA News | Korea International Trade Association"
    )
    body = text_of(doc.xpath("//div[@class='board-detail']/div[@class='detail-body']")[0])
    # The body repeats the title and holds the subtitle, neither of which is body text.
    assert body.startswith(norm(post.repeat_text))
    assert norm(post.subtitle or "") in body
    heading = doc.xpath(f"//*[@class='{markup.names['title']}']")[0]
    assert heading.tag in ("h3", "h4")
    assert text_of(heading) == norm(post.title)
    truth = next(
        a for a in BOARD.ground_truth(BASE, markup=markup)["articles"] if a["no"] == post.no
    )
    assert truth["title"] == norm(post.title)
    assert not truth["body"].startswith(norm(post.repeat_text))


# -- served -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def served() -> Iterator[MockSite]:
    with MockSite(build_board(30, seed=5), markup=markup_for(8)) as site:
        yield site


def test_a_site_in_a_markup_serves_its_pages_at_the_old_paths(served: MockSite) -> None:
    markup = markup_for(8)
    place = served.place
    assert place == OLDER
    truth = served.ground_truth()
    for expected in truth["articles"][::4]:
        answer = get(served, f"/about/newsView.do?no={expected['no']}")
        got = read_article(decode(answer.body), markup, place, expected["no"])
        base_truth = {**expected, "links": [_rebased(link, served) for link in expected["links"]]}
        # The truth keeps the counter the lists show; the page shows it only beside a date.
        shown = markup.shows_counter and expected["published"] is not None
        base_truth["hits"] = expected["hits"] if shown else None
        assert got == {key: base_truth[key] for key in got}
    rows = read_rows(decode(get(served, "/about/newsList.do?pageIndex=2").body), markup, place)
    assert [r.no for r in rows][len(served.pinned_nos) :] == [
        p.no for p in served.board.posts[10:20]
    ]


def _rebased(link: dict[str, Any], site: MockSite) -> dict[str, Any]:
    url = link["url"]
    return {**link, "url": url.replace(site.base_url, BASE) if url else url}


@pytest.mark.parametrize("scope", ["all", "list", "article"])
def test_scopes(scope: str) -> None:
    board = build_board(20, seed=2)
    markup = markup_for(12)
    with MockSite(board, markup=markup, markup_scope=scope) as site:
        listing = decode(get(site, "/about/newsList.do").body)
        no = site.ground_truth()["articles"][2]["no"]
        article = decode(get(site, f"/about/newsView.do?no={no}").body)
        truth = site.ground_truth()
    assert ('class="board_list"' in listing) == (scope == "article")
    assert ('class="view_cont"' in article) == (scope == "list")
    generations = {a["generation"] for a in truth["articles"]}
    assert generations == ({"older"} if scope == "list" else {"inferred"})
    assert truth == site.ground_truth(site.base_url)


def test_markup_at_the_current_templates_paths() -> None:
    board = build_board(20, seed=3)
    markup = markup_for(5)
    with MockSite(board, template="current", markup=markup) as site:
        place = site.place
        assert place.paths == CURRENT_PATHS
        truth = site.ground_truth()
        expected = next(
            a for a in truth["articles"] if any(link["rel"] == "attachment" for link in a["links"])
        )
        page = get(site, f"{CURRENT_PATHS.detail_path}?no={expected['no']}").body
        got = read_article(decode(page), markup, place, expected["no"])
        old = get(site, f"/about/newsView.do?no={expected['no']}").body
    assert got["links"] == [_rebased(link, site) for link in expected["links"]]
    assert got["title"] == expected["title"]
    assert expected["url"] == f"{site.base_url}{CURRENT_PATHS.detail_path}?no={expected['no']}"
    # The old paths, still serving the older pages, keep the older template.
    assert b'class="view_cont"' in old


def test_options_are_checked() -> None:
    with pytest.raises(ValueError, match="markup_scope"):
        MockSite(build_board(10), markup=1, markup_scope="lists")
    with pytest.raises(ValueError, match="drift"):
        MockSite(build_board(10), markup=1, drift=True)
    with pytest.raises(ValueError, match="seed"):
        MockSite(build_board(10), markup="seven")  # type: ignore[arg-type]  # the wrong type is the point
    assert MockSite(build_board(10)).markup is None


def test_a_markup_changes_no_truth_but_the_counter_it_hides() -> None:
    # The pages' own truth (lists showing counters would show the hidden ones).
    base = BOARD.ground_truth(BASE, listed=False)
    for seed in SPREAD:
        markup = markup_for(seed)
        truth = BOARD.ground_truth(BASE, markup=markup, listed=False)
        for plain, made_up in zip(base["articles"], truth["articles"], strict=True):
            hidden = not markup.shows_counter
            assert made_up == {
                **plain,
                "hits": None if hidden else plain["hits"],
                "generation": "inferred",
            }
        assert truth["problems"] == base["problems"]
