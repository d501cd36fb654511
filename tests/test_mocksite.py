"""Tests of the offline imitation of KITA's news board (mocksite).

The imitation is only useful if its ground truth says exactly what its pages
say, so a small independent reader below re-extracts every article page and
compares it with the truth. The rest checks the site's behaviour over HTTP on
127.0.0.1: list paging, bad pages, faults, encodings, changes while serving.
"""

from __future__ import annotations

import base64
import http.client
import json
import re
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import lxml.html
import pytest

from mocksite import ALL_VARIATIONS, FAULTS, MockSite, NewsBoard, build_board
from mocksite.kinds import EMPTY_BODY, FLAKY, UNTITLED
from mocksite.markup.answers import DELETED_SCRIPT
from mocksite.seed import (
    SEED_NEXT_TITLE,
    SEED_PARAGRAPHS,
    SEED_PREV_TITLE,
    SEED_SUBTITLE,
    SEED_TITLE,
)

PROJECT = Path(__file__).resolve().parent.parent
KITA_HOSTS = {"www.kita.org", "kita.org", "global.kita.net"}
BOARD_60 = build_board(60)


# -- helpers ------------------------------------------------------------------


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes


def get(site: MockSite, path: str, timeout: float = 5) -> Answer:
    connection = http.client.HTTPConnection("127.0.0.1", site.port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return Answer(response.status, response.headers, response.read())
    finally:
        connection.close()


def decode(body: bytes) -> str:
    head = body[:1000].lower()
    return body.decode("euc-kr" if b"charset=euc-kr" in head else "utf-8")


def norm(text: str) -> str:
    return " ".join(text.split())


def by_class(element: Any, name: str) -> list[Any]:
    return element.xpath(f".//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]")


def text_of(element: Any) -> str:
    return norm(element.text_content())


BLOCK_TAGS = {"p", "div", "table", "tbody", "tr", "td", "ul", "li"}
BREAK = object()


def _flow(element: Any, out: list[Any]) -> None:
    tag = element.tag if isinstance(element.tag, str) else None
    if tag == "br" or tag in BLOCK_TAGS:
        out.append(BREAK)
    if tag is not None and element.text:
        out.append(element.text)
    if tag is not None:
        for child in element:
            _flow(child, out)
    if tag in BLOCK_TAGS:
        out.append(BREAK)
    if element.tail:
        out.append(element.tail)


def paragraphs(container: Any) -> list[str]:
    """The container's text split at block elements and <br>, normalised, empty ones dropped."""
    out: list[Any] = []
    if container.text:
        out.append(container.text)
    for child in container:
        _flow(child, out)
    paras, current = [], []
    for token in [*out, BREAK]:
        if token is BREAK:
            paras.append(norm("".join(current)))
            current = []
        else:
            current.append(token)
    return [p for p in paras if p]


def canonical(href: str, base: str) -> str:
    href = re.sub(r";jsessionid[_a-z]*=[^/?#;]*", "", href, flags=re.I)
    parts = urlsplit(href)
    if not parts.scheme:
        return base + href
    if parts.hostname in KITA_HOSTS:
        return base + parts.path + (f"?{parts.query}" if parts.query else "")
    return href


def target_no(anchor: Any) -> int:
    found = re.search(
        r"no=(\d+)|fn_view\('(\d+)'\)", anchor.get("href", "") + anchor.get("onclick", "")
    )
    assert found, lxml.html.tostring(anchor)
    return int(found.group(1) or found.group(2))


def read_article(page: str, base: str) -> dict[str, Any]:
    """An independent reading of an article page, in the ground truth's terms."""
    doc = lxml.html.fromstring(page)
    title = text_of(by_class(doc, "view_tit")[0]).removeprefix("•").strip()
    published = hits = None
    info = by_class(doc, "view_info")
    if info:
        day = re.search(r"(\d{4})[.-](\d{2})[.-](\d{2})", text_of(info[0]))
        assert day
        published = date(*map(int, day.groups())).isoformat()
        hit_cells = by_class(info[0], "hit")
        if hit_cells:
            hits = int(re.sub(r"\D", "", text_of(hit_cells[0])))
        else:
            found = re.search(r"hit\s*:?\s*([\d,]+)", text_of(info[0]), re.I)
            assert found
            hits = int(found.group(1).replace(",", ""))
    body = by_class(doc, "view_cont")[0]
    paras = paragraphs(body)[1:]  # the repeated title goes
    subtitle = None
    if paras and paras[0].startswith("-") and paras[0].endswith("-"):
        subtitle = paras.pop(0).strip("- ")
    links: list[dict[str, Any]] = []
    for rel in ("prev", "next"):
        for anchor in doc.xpath(f"//*[contains(@class, 'view_move')]//dl[@class='{rel}']//a"):
            no = target_no(anchor)
            links.append(
                {
                    "rel": rel,
                    "url": f"{base}/about/newsView.do?no={no}",
                    "text": text_of(anchor),
                    "target_no": no,
                }
            )
    for anchor in by_class(doc, "view_file")[0].xpath(".//a") if by_class(doc, "view_file") else []:
        links.append(
            {
                "rel": "attachment",
                "url": canonical(anchor.get("href"), base),
                "text": text_of(anchor),
                "target_no": None,
            }
        )
    for element in body.xpath(".//a[@href] | .//img"):
        if element.tag == "img":
            link = {"rel": "image", "url": canonical(element.get("src"), base)}
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


def all_pages(board: NewsBoard) -> str:
    return "\n".join(decode(board.view_page(p.no).body) for p in board.posts)


@pytest.fixture
def site() -> Iterator[MockSite]:
    with MockSite(build_board(60)) as running:
        yield running


# -- the board ----------------------------------------------------------------


def test_board_is_deterministic() -> None:
    again = build_board(60)
    base = "http://127.0.0.1:1"
    assert again.ground_truth(base) == BOARD_60.ground_truth(base)
    assert all(again.view_page(p.no).body == BOARD_60.view_page(p.no).body for p in again.posts)
    assert build_board(60, seed=1).ground_truth(base) != BOARD_60.ground_truth(base)


def test_board_shape() -> None:
    posts = BOARD_60.posts
    nos = [p.no for p in posts]
    assert len(posts) == 60
    assert nos == sorted(nos, reverse=True)
    assert nos[-1] == 2019
    dates = [p.posted for p in posts]
    assert dates == sorted(dates, reverse=True)
    assert nos[0] - nos[-1] + 1 > len(nos)  # some ids never existed
    per_month: dict[tuple[int, int], int] = {}
    for day in dates[1:-1]:
        per_month[day.year, day.month] = per_month.get((day.year, day.month), 0) + 1
    assert all(4 <= count <= 14 for count in per_month.values())
    hits = [p.hits for p in posts]
    assert min(hits) >= 200
    assert max(hits) >= 1000


@pytest.mark.parametrize(("n", "seed"), [(40, 2530), (40, 1), (60, 2530), (60, 7), (120, 3)])
def test_every_variation_present(n: int, seed: int) -> None:
    seen = build_board(n, seed=seed).variations()
    assert [label for label in ALL_VARIATIONS if label not in seen] == []


def test_variations_show_in_markup() -> None:
    pages = all_pages(BOARD_60)
    markers = [
        r"<p class=\"view_tit\">• ",
        r"class=\"view_tit bul\"",
        r"<h3>KITA News and Reports</h3>",
        r"<li class=\"date\">\d{4}-\d{2}-\d{2}</li>",
        r"<li class=\"date\">\d{4}\.\d{2}\.\d{2}</li>",
        r"<li class=\"hit\">hit \d+</li>",
        r"<li class=\"hit\">Hit : \d,\d{3}</li>",
        r"<li class=\"hit\">\d+</li>",
        r"<ul class=\"view_info\"><li>\d{4}[-.]\d{2}[-.]\d{2} [Hh]it",
        r"<p><strong>",
        r"-&nbsp; .{10,}&nbsp; -",
        r"<div>&nbsp;</div>",
        r"(<br>|<br />|<br/>){3}",
        r"<p>&nbsp;</p>\n<p>&nbsp;</p>\n<p>&nbsp;</p>",
        r"<span style=",
        r"<font face=",
        r"<o:p></o:p>",
        r"<img src=\"/upload/",
        r"<img src=\"http://www.kita.org/upload/",
        r"<table border=\"0\"",
        r"&amp;",
        r"&#8220;|&lsquo;",
        r"ended\.Next",
        r"%\* in the first half",
        r"<a href=\"https://example.com/",
        r"FileDown\.do;JSESSIONID_ORG=[0-9A-F]{32}\.Hyper\?atchFileId=FILE_\d{15}&amp;fileSn=0",
        r"https://www\.kita\.org/cmm/fms/FileDown\.do",
        r"http://kita\.org/cmm/fms/FileDown\.do",
        r"http://global\.kita\.net/cmm/fms/FileDown\.do",
        r"href=\"javascript:fn_view\('\d+'\)\"",
        r"href=\"#none\" onclick=\"fn_view\('\d+'\); return false;\"",
        r"newsView\.do;JSESSIONID_ORG=[0-9A-F]{32}\.Hyper\?id=&amp;no=\d+",
        r"There is no previous post\.",
        r"There is no next post\.",
        r"[가-힣]",
        r"·",
        r"<meta charset=\"utf-8\">",
        r"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\">",
        r"<div class=\"family_site\"><button type=\"button\">Family Site</button>|Family Site",
    ]
    assert [m for m in markers if not re.search(m, pages)] == []


@pytest.mark.parametrize("seed", [2530, 11])
def test_truth_says_what_the_pages_say(seed: int) -> None:
    board = build_board(60, seed=seed)
    base = "http://127.0.0.1:8000"
    truth = board.ground_truth(base)
    assert truth["articles"]
    for expected in truth["articles"]:
        page = decode(board.view_page(expected["no"]).body)
        got = read_article(page, base)
        # A page with no date shows no counter either: the truth's is the list's.
        shown = expected if expected["published"] is not None else {**expected, "hits": None}
        assert got == {key: shown[key] for key in got}, expected["no"]
        assert expected["url"] == f"{base}/about/newsView.do?no={expected['no']}"


def test_seed_article_with_its_real_id() -> None:
    board = build_board(600)
    truth = board.ground_truth("http://www.kita.org")
    article = next(a for a in truth["articles"] if a["no"] == 2530)
    assert article["url"] == "http://www.kita.org/about/newsView.do?no=2530"
    assert article["title"] == SEED_TITLE
    assert article["published"] == "2020-09-23"
    assert article["hits"] == 2104
    assert article["subtitle"] == SEED_SUBTITLE
    assert article["body"].split("\n\n") == list(SEED_PARAGRAPHS)
    neighbours = [link["text"] for link in article["links"] if link["rel"] in ("prev", "next")]
    assert neighbours == [SEED_PREV_TITLE, SEED_NEXT_TITLE]
    page = board.view_page(2530).body.decode()
    assert "-&nbsp; To celebrate 30th anniversary" in page
    assert "biotechnology areas&nbsp; -" in page


def test_seed_article_elsewhere_on_a_small_board() -> None:
    seed = BOARD_60.post(BOARD_60.seed_no)
    assert seed is not None
    assert BOARD_60.seed_no != 2530
    assert seed.title == SEED_TITLE
    assert seed.hits == 2104
    assert seed.body_texts == list(SEED_PARAGRAPHS)


def test_problem_kinds_in_truth() -> None:
    truth = BOARD_60.ground_truth("http://x")
    kinds = sorted(p["kind"] for p in truth["problems"])
    assert kinds == ["deleted", "http_404", "http_500", "truncated", "unparsable", "unparsable"]
    assert len(truth["articles"]) == 54
    assert truth["list_pages"] == 6
    flaky = BOARD_60.nos_of(FLAKY)
    assert len(flaky) == 1
    assert flaky[0] in {a["no"] for a in truth["articles"]}


# -- over HTTP ----------------------------------------------------------------


def test_served_pages_are_the_board_pages(site: MockSite) -> None:
    truth = site.ground_truth()
    for expected in truth["articles"][::9]:
        answer = get(site, f"/about/newsView.do?id=&no={expected['no']}&searchWrd=&pageIndex=3")
        assert answer.status == 200
        assert answer.body == site.board.view_page(expected["no"]).body
        assert int(answer.headers["Content-Length"]) == len(answer.body)
        assert norm(expected["title"]) in norm(decode(answer.body).replace("&amp;", "&"))


def test_session_ids_and_extra_parameters_are_ignored(site: MockSite) -> None:
    no = site.ground_truth()["articles"][3]["no"]
    plain = get(site, f"/about/newsView.do?no={no}")
    session = get(site, f"/about/newsView.do;JSESSIONID_ORG={'AB' * 16}.Hyper?id=&no={no}")
    assert session.body == plain.body
    listed = get(site, "/about/newsList.do;jsessionid=XYZ?id=&searchWrd=&pageIndex=2")
    assert listed.body == get(site, "/about/newsList.do?pageIndex=2").body
    assert get(site, "/about/newsList.do").body == get(site, "/about/newsList.do?pageIndex=1").body


def test_keep_alive_and_content_length(site: MockSite) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", site.port, timeout=5)
    try:
        for path in ("/robots.txt", "/about/newsList.do?pageIndex=1", "/nowhere", "/"):
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read()
            assert int(response.headers["Content-Length"]) == len(body)
            assert response.headers.get("Connection") != "close"
    finally:
        connection.close()


def test_robots_and_attachments(site: MockSite) -> None:
    robots = get(site, "/robots.txt")
    assert robots.status == 200
    assert b"User-agent: *" in robots.body
    answer = get(site, "/cmm/fms/FileDown.do?atchFileId=FILE_000000000081234&fileSn=0")
    assert answer.status == 200
    assert answer.headers["Content-Type"] == "application/octet-stream"


def test_bad_pages(site: MockSite) -> None:
    board = site.board
    problems = {p["kind"]: p["no"] for p in site.ground_truth()["problems"]}
    assert get(site, f"/about/newsView.do?no={problems['http_404']}").status == 404
    deleted = get(site, f"/about/newsView.do?no={problems['deleted']}")
    assert deleted.status == 200
    assert deleted.body.decode() == DELETED_SCRIPT
    truncated = get(site, f"/about/newsView.do?no={problems['truncated']}")
    assert truncated.status == 200
    assert int(truncated.headers["Content-Length"]) == len(truncated.body)
    assert b'class="view_cont"' in truncated.body
    assert b"</html>" not in truncated.body
    assert b"footer" not in truncated.body
    for _ in range(2):
        assert get(site, f"/about/newsView.do?no={problems['http_500']}").status == 500
    untitled, empty_body = board.nos_of(UNTITLED)[0], board.nos_of(EMPTY_BODY)[0]
    doc = lxml.html.fromstring(decode(get(site, f"/about/newsView.do?no={untitled}").body))
    assert text_of(by_class(doc, "view_tit")[0]) == ""
    assert by_class(doc, "family_site")
    doc = lxml.html.fromstring(decode(get(site, f"/about/newsView.do?no={empty_body}").body))
    assert text_of(by_class(doc, "view_cont")[0]) == ""
    assert text_of(by_class(doc, "view_tit")[0])
    flaky = board.nos_of(FLAKY)[0]
    assert get(site, f"/about/newsView.do?no={flaky}").status == 503
    assert get(site, f"/about/newsView.do?no={flaky}").status == 200
    nos = {p.no for p in board.posts}
    gap = next(no for no in range(min(nos), max(nos)) if no not in nos)
    assert get(site, f"/about/newsView.do?no={gap}").status == 404
    assert get(site, "/about/newsView.do?no=abc").status == 404


def test_neighbours_skip_deleted_and_missing() -> None:
    gone = set(BOARD_60.nos_of("deleted", "missing"))
    for post in BOARD_60.articles:
        for neighbour in BOARD_60.neighbours(post.no):
            assert neighbour is None or neighbour.no not in gone
    ends = [BOARD_60.posts[0], BOARD_60.posts[-1]]
    assert [BOARD_60.neighbours(p.no).count(None) for p in ends] == [1, 1]


def test_euc_kr_pages(site: MockSite) -> None:
    euc = [p.no for p in site.board.articles if p.variant.encoding == "euc-kr"]
    assert euc
    for no in euc:
        answer = get(site, f"/about/newsView.do?no={no}")
        assert answer.headers["Content-Type"] == "text/html"
        assert (
            b'<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">' in answer.body
        )
        with pytest.raises(UnicodeDecodeError):
            answer.body.decode("utf-8")
        assert re.search("[가-힣]", answer.body.decode("euc-kr"))


# -- list pages ---------------------------------------------------------------


def list_rows(body: bytes) -> list[Any]:
    doc = lxml.html.fromstring(body.decode())
    return doc.xpath("//table[contains(@class, 'board_list')]/tbody/tr")


def row_no(row: Any) -> int:
    handler = row.get("onclick") or ""
    anchor = row.xpath(".//td[@class='subject']/a")[0]
    found = re.search(
        r"no=(\d+)|fn_view\('(\d+)'\)", handler + anchor.get("href") + (anchor.get("onclick") or "")
    )
    assert found
    return int(found.group(1) or found.group(2))


def test_list_pages_cover_the_board_with_pins_on_every_page(site: MockSite) -> None:
    truth = site.ground_truth()
    hits = {a["no"]: a["hits"] for a in truth["articles"]}
    seen: list[int] = []
    for page in range(1, truth["list_pages"] + 1):
        rows = list_rows(get(site, f"/about/newsList.do?pageIndex={page}").body)
        pinned = [r for r in rows if r.get("class") == "notice"]
        assert [row_no(r) for r in pinned] == list(site.pinned_nos)
        assert all(r.xpath("td[@class='num']")[0].text == "Notice" for r in pinned)
        for row in rows[len(pinned) :]:
            no = row_no(row)
            seen.append(no)
            counter = int(row.xpath("td[@class='num']")[0].text)
            assert counter == len(site.board) - len(seen) + 1
            shown = int(row.xpath("td[@class='hit']")[0].text)
            assert hits.get(no) in (None, shown)
    assert seen == [p.no for p in site.board.posts]
    assert set(site.pinned_nos) <= set(seen)
    first = get(site, "/about/newsList.do").body.decode()
    assert '<p class="total">Total <strong>60</strong></p>' in first
    for form in (
        'href="/about/newsView.do?id=&amp;no=',
        ";JSESSIONID_ORG=",
        'return false;">',
        '<tr onclick="fn_view(',
    ):
        assert form in first


@pytest.mark.parametrize(
    ("mode", "present", "absent"),
    [
        ("href", 'href="/about/newsView.do?id=', "fn_view('"),
        ("onclick", "fn_view('", "newsView.do?"),
    ],
)
def test_list_link_modes(mode: str, present: str, absent: str) -> None:
    with MockSite(build_board(30), list_links=mode, list_columns=False) as site:
        body = get(site, "/about/newsList.do?pageIndex=2").body.decode()
    tbody = body[body.index("<tbody>") : body.index("</tbody>")]
    assert present in tbody
    assert absent not in tbody
    assert '<th scope="col">Hit</th>' not in body
    assert 'class="date"' not in tbody


def test_the_truths_counter_is_the_lists_when_the_page_shows_none() -> None:
    base = "http://127.0.0.1:8000"
    board = build_board(30)
    with_columns = MockSite(board).ground_truth(base)["articles"]
    without = MockSite(board, list_columns=False).ground_truth(base)["articles"]
    undated = [a["no"] for a in with_columns if a["published"] is None]
    assert undated, "no article without a date line in the board"
    for listed, unlisted in zip(with_columns, without, strict=True):
        post = board.post(listed["no"])
        assert post is not None
        assert listed["hits"] == post.hits
        assert unlisted["hits"] == (None if listed["no"] in undated else post.hits)


@pytest.mark.parametrize("past_end", ["empty", "last", "first"])
def test_past_the_last_page(past_end: str) -> None:
    with MockSite(build_board(25), past_end=past_end) as site:
        last = site.board.list_pages
        beyond = get(site, f"/about/newsList.do?pageIndex={last + 1}").body
        far = get(site, f"/about/newsList.do?pageIndex={last + 40}").body
        expected = {
            "last": get(site, f"/about/newsList.do?pageIndex={last}").body,
            "first": get(site, "/about/newsList.do?pageIndex=1").body,
        }
    assert beyond == far
    if past_end == "empty":
        rows = list_rows(beyond)
        assert len(rows) == 1
        assert rows[0].xpath("td[@colspan='4']")[0].text == "No posts."
    else:
        assert beyond == expected[past_end]


def test_paging_styles() -> None:
    board = build_board(150)
    with MockSite(board, paging="last") as site:
        bar = get(site, "/about/newsList.do?pageIndex=3").body.decode()
    bar = bar[bar.index('<div class="paging">') :]
    assert 'class="first" onclick="fn_egov_link_page(1); return false;"' in bar
    assert 'class="last" onclick="fn_egov_link_page(15); return false;"' in bar
    assert "<strong>3</strong>" in bar
    with MockSite(board, paging="blocks") as site:
        first = get(site, "/about/newsList.do?pageIndex=3").body.decode()
        second = get(site, "/about/newsList.do?pageIndex=11").body.decode()
    first = first[first.index('<div class="paging">') :]
    second = second[second.index('<div class="paging">') :]
    assert "fn_egov_link_page(10)" in first
    assert 'class="next" onclick="fn_egov_link_page(11); return false;"' in first
    assert 'class="last"' not in first
    assert "fn_egov_link_page(15)" in second
    assert 'class="next"' not in second


# -- changes while serving ----------------------------------------------------


def test_publish_pushes_rows_down(site: MockSite) -> None:
    before = [row_no(r) for r in list_rows(get(site, "/about/newsList.do").body)][2:]
    added = site.publish(3)
    after = [row_no(r) for r in list_rows(get(site, "/about/newsList.do").body)][2:]
    page2 = [row_no(r) for r in list_rows(get(site, "/about/newsList.do?pageIndex=2").body)][2:]
    assert added == sorted(added)
    assert min(added) > max(before)
    assert after == sorted(added, reverse=True) + before[:7]
    assert page2[:3] == before[7:]
    truth = site.ground_truth()
    assert [a["no"] for a in truth["articles"][:3]] == sorted(added, reverse=True)
    newest = truth["articles"][0]
    assert newest["published"] is None or newest["published"] >= truth["articles"][3]["published"]
    assert any(
        link["rel"] == "next" and link["target_no"] == added[0]
        for link in next(a for a in truth["articles"] if a["no"] == before[0])["links"]
    )


def test_bump_hits_and_edit(site: MockSite) -> None:
    article = next(a for a in site.ground_truth()["articles"] if a["hits"] is not None)
    no = article["no"]
    site.bump_hits(lambda n: 5 if n == no else 0)
    site.edit(no, new_body_paragraph="KITA added a correction on the figures.")
    changed = next(a for a in site.ground_truth()["articles"] if a["no"] == no)
    assert changed["hits"] == article["hits"] + 5
    assert changed["body"] == article["body"] + "\n\nKITA added a correction on the figures."
    page = decode(get(site, f"/about/newsView.do?no={no}").body)
    assert read_article(page, site.base_url)["body"] == changed["body"]
    assert read_article(page, site.base_url)["hits"] == changed["hits"]


def test_request_log(site: MockSite) -> None:
    paths = [
        "/robots.txt",
        "/about/newsList.do?pageIndex=2",
        "/about/newsView.do;jsessionid=1?no=1",
    ]
    for path in paths:
        get(site, path)
    assert site.requests == paths
    assert site.requests.counts()["/robots.txt"] == 1
    site.reset_requests()
    assert len(site.requests) == 0


# -- faults and drift -----------------------------------------------------------


def test_fault_targets_answer_as_documented() -> None:
    with MockSite(build_board(60), faults=frozenset(FAULTS), slow_seconds=0.5) as site:
        targets = site.fault_targets()
        assert set(targets) == set(FAULTS)
        assert all(targets.values())
        flat = [no for nos in targets.values() for no in nos]
        assert len(flat) == len(set(flat))
        assert not set(flat) & set(site.pinned_nos)

        def view(name: str, timeout: float = 5) -> Answer:
            return get(site, f"/about/newsView.do?no={targets[name][0]}", timeout)

        with pytest.raises(TimeoutError):
            view("slow", timeout=0.1)
        with pytest.raises((ConnectionError, http.client.RemoteDisconnected)):
            view("reset")
        first = view("429")
        assert (first.status, first.headers["Retry-After"]) == (429, "1")
        assert view("429").status == 200
        offsite = view("offsite_redirect")
        assert (offsite.status, offsite.headers["Location"]) == (302, "http://example.invalid/")
        loop = view("redirect_loop")
        assert loop.status == 302
        assert (
            loop.headers["Location"]
            == f"{site.base_url}/about/newsView.do?no={targets['redirect_loop'][0]}"
        )
        oversize = view("oversize")
        assert len(oversize.body) >= 3 * 1024 * 1024
        assert int(oversize.headers["Content-Length"]) == len(oversize.body)
        binary = view("content_type")
        assert binary.headers["Content-Type"] == "application/octet-stream"
        assert binary.body.startswith(b"\x89PNG")
        truth = site.ground_truth()
    kinds = {p["no"]: p["kind"] for p in truth["problems"]}
    for name, kind in FAULTS.items():
        for no in targets[name]:
            assert kinds.get(no) == kind
            assert (no in {a["no"] for a in truth["articles"]}) == (kind is None)


def test_faults_off_by_default_and_targets_stable() -> None:
    plain = MockSite(build_board(60))
    some = MockSite(build_board(60), faults=frozenset({"reset"}))
    every = MockSite(build_board(60), faults=frozenset(FAULTS))
    assert plain.fault_targets() == {}
    assert some.fault_targets() == {"reset": every.fault_targets()["reset"]}
    with pytest.raises(ValueError, match="unknown faults"):
        MockSite(build_board(10), faults=frozenset({"meteor"}))


def test_drift_renames_the_lists_and_scripts_the_articles() -> None:
    with MockSite(build_board(30), drift=True) as site:
        no = next(p.no for p in site.board.articles if p.has_info)
        page = get(site, f"/about/newsView.do?no={no}").body.decode()
        listing = get(site, "/about/newsList.do").body.decode()
        truth = site.ground_truth()
    # The article is data for a script: nothing of it is left to read in the HTML.
    assert '<div id="app"' in page
    for name in ("view_tit", "view_cont", "view_info", "board_view", "subject_title", "Prev"):
        assert name not in page
    data = re.search(r'window.__ARTICLE__ = "([^"]+)"', page)
    assert data is not None
    rendered = base64.b64decode(data.group(1)).decode()
    assert 'class="subject_title' in rendered
    # What the script renders shows the date line below the body.
    assert rendered.index('class="article_body"') < rendered.index('<ul class="meta">')
    # The lists are in a renamed markup.
    assert "board_list" not in listing
    assert 'class="tbl_list"' in listing
    assert truth["articles"] == []
    assert truth["drift"] is True


# -- command line ---------------------------------------------------------------


@pytest.mark.slow  # starts `python -m mocksite` as a process
def test_command_line(tmp_path: Path) -> None:
    truth_path = tmp_path / "truth.json"
    command = [
        sys.executable,
        "-m",
        "mocksite",
        "--port",
        "0",
        "--articles",
        "15",
        "--boards",
        "news",
        "--past-end",
        "last",
        "--faults",
        "reset,429",
        "--truth",
        str(truth_path),
    ]
    with subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        line = process.stdout.readline().strip()
        found = re.fullmatch(
            r"kitacrawl mocksite serving 15 articles at (http://127\.0\.0\.1:(\d+))", line
        )
        assert found, line
        with socket.create_connection(("127.0.0.1", int(found.group(2))), timeout=5) as sock:
            sock.sendall(b"GET /robots.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            assert sock.recv(100).startswith(b"HTTP/1.1 200")
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    assert truth["list_pages"] == 2
    assert {p["kind"] for p in truth["problems"]} >= {"connection"}
    assert all(a["url"].startswith(found.group(1)) for a in truth["articles"])
