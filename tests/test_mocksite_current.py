"""Tests of the imitation's current template, its transition and its "moved board" mode.

As for the older template (``test_mocksite.py``), a small independent reader
below re-extracts every article page and every list page of the current
template with lxml and compares them with the ground truth; it knows only
what the site contract says about the current template, not the imitation's
code. The rest checks the quirks the real fragments show, the HTTP behaviour
(GET and POST, session ids and the cookie, files, bad pages, faults), the
transition (old paths still serving the older pages) and the moved board.
"""

from __future__ import annotations

import http.client
import re
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlencode

import lxml.html
import pytest

from mocksite import (
    CURRENT_VARIATIONS,
    FAULTS,
    LIST_VARIATIONS,
    MockSite,
    NewsBoard,
    build_board,
)
from mocksite.kinds import DELETED, EMPTY_BODY, FLAKY, MISSING, TRUNCATED, UNTITLED
from mocksite.model import ListOptions
from tests.test_mocksite import PROJECT, canonical, decode, norm, paragraphs, text_of

LIST = "/board/kitaNews/kitaNewsList.do"
DETAIL = "/board/kitaNews/kitaNewsDetail.do"
FILES = "/board/kitaNews/fileDownload.do"
BASE = "http://127.0.0.1:8000"
BOARD_60 = build_board(60)
SESSION_RE = re.compile(r";JSESSIONID_ORG=([0-9A-F]{32})\.Hyper")
# Hand-written hrefs and srcs of the real pages that the container never rewrites.
NEVER_REWRITTEN = {
    "/js/nlogger.js",
    "/js/nloggerCommon.js",
    "/imgs/logo.svg",
    "/imgs/common/ft_logo.png",
}


# -- helpers ------------------------------------------------------------------


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def fetch(
    site: MockSite,
    path: str,
    *,
    method: str = "GET",
    form: dict[str, str] | None = None,
    cookie: str | None = None,
    timeout: float = 5,
) -> Answer:
    connection = http.client.HTTPConnection("127.0.0.1", site.port, timeout=timeout)
    headers = {"Cookie": cookie} if cookie else {}
    body = None
    if form is not None:
        body = urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return Answer(response.status, response.headers, response.read())
    finally:
        connection.close()


def has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def first(element: Any, xpath: str) -> Any:
    found = element.xpath(xpath)
    assert found, xpath
    return found[0]


def call_id(anchor: Any) -> int:
    handler = (anchor.get("onclick") or "") + (anchor.get("href") or "")
    found = re.search(r"goDetailPage\('(\d+)'", handler)
    assert found, lxml.html.tostring(anchor)
    return int(found.group(1))


def without_sessions(text: str) -> str:
    return SESSION_RE.sub("", text)


def current_pages(board: NewsBoard, **kwargs: Any) -> str:
    return "\n".join(board.current_view_page(p.no, **kwargs).body.decode() for p in board.posts)


# -- an independent reader of the current template ---------------------------------


def read_article(page: str, base: str) -> dict[str, Any]:
    """An independent reading of a current-template article page, in the truth's terms."""
    doc = lxml.html.fromstring(page)
    # The URL: the detail form's action and its first hidden input (the id parameter).
    detail_path = re.search(r"\$\('#detailForm'\)\.attr\('action', \"([^\"]+)\"\)", page)
    assert detail_path
    id_input = first(doc, "//form[@id='detailForm']/input[@type='hidden']")
    no = int(id_input.get("value"))
    title = text_of(first(doc, "//p[@id='subTopTitle']"))
    assert norm(first(doc, "//head/title").text or "") == title
    badges = {}
    for kind in ("write", "view"):
        badge = first(doc, f"//span[{has_class('badge')} and {has_class(kind)}]")
        badges[kind] = text_of(badge)
    day = re.search(r"(\d{4})\.(\d{2})\.(\d{2})$", badges["write"])
    hits = re.search(r"(\d[\d,]*)$", badges["view"])
    assert day
    assert hits
    body = first(doc, f"//div[{has_class('board-detail')}]/div[{has_class('detail-body')}]")
    # The nested editor document's <title> and <meta> stay where they were: not body text.
    for element in body.xpath(".//title | .//meta | .//script | .//style"):
        element.drop_tree()
    paras = paragraphs(body)
    subtitle = None
    if paras and paras[0].startswith("-") and paras[0].endswith("-"):
        subtitle = paras.pop(0).strip("- ")
    links: list[dict[str, Any]] = []
    slots = first(doc, f"//div[{has_class('board-btns')}]").xpath("./p")
    for rel, slot, markers in (
        ("prev", slots[0], ("이전글", "Previous")),
        ("next", slots[-1], ("다음글", "Next")),
    ):
        comment = first(slot, "./comment()")
        assert comment.text.strip() in markers
        for anchor in slot.xpath("./a"):
            target = call_id(anchor)
            links.append(
                {
                    "rel": rel,
                    "url": f"{base}{detail_path.group(1)}?{id_input.get('name')}={target}",
                    "text": text_of(anchor) or None,
                    "target_no": target,
                }
            )
    # A file's URL is what the page's own doDownloadFile builds.
    builder = re.search(
        r"function doDownloadFile\(fileSeq, fileDtlSeq\) \{\s*window\.location\.href = '([^']+)"
        r"\?fileSeq=' \+ fileSeq \+ '&fileDtlSeq=' \+ fileDtlSeq;",
        page,
    )
    assert builder
    for anchor in doc.xpath(f"//ul[{has_class('attachfile-list')}]/li/p[@class='filename']/a"):
        call = re.fullmatch(r"doDownloadFile\('(\d+)', '([0-9A-F]{32})'\);", anchor.get("onclick"))
        assert call, anchor.get("onclick")
        seq, dtl = call.groups()
        links.append(
            {
                "rel": "attachment",
                "url": canonical(f"{builder.group(1)}?fileSeq={seq}&fileDtlSeq={dtl}", base),
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
        "no": no,
        "url": f"{base}{detail_path.group(1)}?{id_input.get('name')}={no}",
        "title": title,
        "subtitle": subtitle,
        "published": date(*map(int, day.groups())).isoformat(),
        "hits": int(hits.group(1).replace(",", "")),
        "body": "\n\n".join(paras),
        "links": links,
    }


@dataclass
class Row:
    no: int
    notice: bool
    title: str
    posted: str | None
    views: int | None


@dataclass
class Listing:
    total: int
    page_index: int
    rows: list[Row]
    active: int | None
    numbers: list[int]  # the numbered links of the bar, the active one included
    arrows: list[tuple[int, bool]]  # (goPage argument, disabled) of the four arrows


def read_list(page: str) -> Listing:
    """An independent reading of a current-template list page."""
    doc = lxml.html.fromstring(page)
    form = first(doc, "//form[@id='listForm'][@method='post']")
    page_index = int(first(form, ".//input[@name='pageIndex']").get("value"))
    total = int(re.sub(r"\D", "", first(doc, f"//div[{has_class('bbs-summary')}]/strong").text))
    rows = []
    for item in doc.xpath(f"//ul[{has_class('board-list')}]/li"):
        if "no-data" in (item.get("class") or ""):
            continue
        anchor = first(item, f"./div[{has_class('subject')}]/a")
        assert anchor.get("href") == "javascript:void(0);"
        dates = item.xpath(".//span[@class='date'] | .//span[@class='font-numbers']")
        views = item.xpath(".//li[@class='view']")
        rows.append(
            Row(
                no=call_id(anchor),
                notice="notice" in (item.get("class") or ""),
                title=norm(anchor.get("title")),
                posted=dates[0].text.replace(".", "-") if dates else None,
                views=int(text_of(views[0]).split()[-1]) if views else None,
            )
        )
    bar = first(doc, f"//ul[{has_class('pagination')}]")
    active = bar.xpath(".//a[@class='active']")
    numbers, arrows = [], []
    for anchor in bar.xpath(".//a"):
        if anchor.get("class") == "active":
            assert anchor.get("onclick") is None
            numbers.append(int(anchor.text))
            continue
        found = re.fullmatch(r"goPage\((\d+)\); return false;", anchor.get("onclick"))
        assert found, anchor.get("onclick")
        if anchor.xpath("./i"):
            arrows.append((int(found.group(1)), anchor.get("class") == "disabled"))
        else:
            numbers.append(int(anchor.text))
    return Listing(
        total, page_index, rows, int(active[0].text) if active else None, numbers, arrows
    )


@pytest.fixture
def site() -> Iterator[MockSite]:
    with MockSite(build_board(60), template="current") as running:
        yield running


# -- the board in the current template -------------------------------------------------


def test_current_pages_and_truth_are_deterministic() -> None:
    again = build_board(60)
    options = MockSite(again).options
    assert again.ground_truth(BASE, template="current") == BOARD_60.ground_truth(
        BASE, template="current"
    )
    for post in again.posts:
        assert again.current_view_page(post.no) == BOARD_60.current_view_page(post.no)
    for page in range(1, 8):
        assert again.current_list_page(page, options) == BOARD_60.current_list_page(page, options)
    assert again.home_page() == BOARD_60.home_page()


@pytest.mark.parametrize(("n", "seed"), [(60, 2530), (60, 7), (60, 11), (120, 3)])
def test_every_current_variation_present(n: int, seed: int) -> None:
    seen = build_board(n, seed=seed).variations(template="current")
    assert [label for label in CURRENT_VARIATIONS if label not in seen] == []


@pytest.mark.parametrize("seed", [2530, 7])
def test_every_list_variation_present(seed: int) -> None:
    board = build_board(150, seed=seed)
    seen = board.list_variations(MockSite(board).options)
    assert [label for label in LIST_VARIATIONS if label not in seen] == []


def test_quirks_show_in_markup() -> None:
    pages = current_pages(BOARD_60)
    options = MockSite(BOARD_60).options
    lists = "\n".join(BOARD_60.current_list_page(k, options).body.decode() for k in (1, 2, 3, 7))
    markers = [
        # the real pages' malformations
        r"</script>\n</head>\n<script",
        r"</script>\n</head>\n<body>",
        r'\.css;JSESSIONID_ORG=[0-9A-F]{32}\.Hyper"></script>',
        r'<option value="10" selected ">10</option>',
        r"<script async src=https://www\.googletagmanager\.com/",
        r"<img src=/imgs/",
        # the mega-menu and the footer
        r"global\.moveMenu\('/board/kitaNews/kitaNewsList\.do;JSESSIONID_ORG=[0-9A-F]{32}\.Hyper',"
        r" '', '', 'Y', 'N', '_self'\);",
        r"global\.moveMenu\('/board/photoNews/photoNewsList\.do;JSESSIONID_ORG=",
        r"global\.moveMenu\('https://stat\.kita\.net/[^']*', '', '', 'Y', 'N', '_blank'\);",
        r'<footer class="ft">',
        r'<div class="familysite">',
        # the article page
        r"<title>[^<]+</title>",
        r'<meta property="og:url" content="https://www\.kita\.org/board/kitaNews/'
        r'kitaNewsDetail\.do" />',
        r'<p id="subTopTitle"[^>]*>\n\t+\S.*\n\t+</p>',
        r'<span class="badge write"><i class="icon-view-datetime">Date</i> \d{4}\.\d{2}\.\d{2}',
        r'<span class="badge write"><i class="icon-view-datetime">작성</i> \d{4}\.\d{2}\.\d{2}',
        r'<span class="badge view"><i class="icon-view-read">Views</i> \d+</span>',
        r'<span class="badge view"><i class="icon-view-read">조회</i> \d+</span>',
        r'<div class="detail-body caption para">\s*<!-- 본문 -->\s*<html lang="ko" xml:lang="ko">'
        r'<head><title>제목없음</title><meta [^>]+></head><body id="dext_body" spellcheck="false">'
        r'<p style="font-family: &quot;Noto Sans KR&quot;;',
        r'<body id="dext_body" spellcheck="false"><p style="[^"]+">&nbsp;</p>',
        r'<span style="font-size: 11pt;',
        r"<br><br>",
        r'<p style="[^"]+ text-align: center;"><img ',
        r'<p class="filename"><a href="javascript:void\(0\);" onclick="doDownloadFile\(\'\d+\','
        r" '[0-9A-F]{32}'\);\">",
        r"viewer\.showFileContents\('https://www\.kita\.org/board/kitaNews/fileDownload\.do"
        r";JSESSIONID_ORG=[0-9A-F]{32}\.Hyper\?fileSeq=\d+&fileDtlSeq=[0-9A-F]{32}'",
        r"function doDownloadFile\(fileSeq, fileDtlSeq\) \{\n\t+window\.location\.href = "
        r"'/board/kitaNews/fileDownload\.do;JSESSIONID_ORG=[0-9A-F]{32}\.Hyper\?fileSeq=' \+",
        r"<p><!-- 이전글 --></p>",
        r"<p><!-- 다음글 --></p>",
        r"<p><!-- 이전글 --><a href=\"javascript:void\(0\);\""
        r" onclick=\"goDetailPage\('\d+', '2'\)\">",
        r"<p><!-- Previous --><span class=\"label\">Previous</span> <a ",
        r"<!-- Next -->",
        r"onclick=\"goDetailPage\('\d+', '2'\);\"",
        r"href=\"javascript:goDetailPage\('\d+', '2'\);\"",
        r"onclick=\"goDetailPage\('\d+'\);\"",
        r"global\.goList\('/board/kitaNews/kitaNewsList\.do'\);",
        # the list page
        r'<form id="listForm" name="listForm" method="post">',
        r'<input type="hidden" id="pageIndex" name="pageIndex" value="\d+" />',
        r"Total <strong>60</strong>",
        r"총 <strong>60</strong> 건",
        r'<ul class="board-list box box-radius theme-board1">',
        r'title="[^"]+">[^<]+\.\.\.</a>',
        r'<span class="date">\d{4}\.\d{2}\.\d{2}</span>',
        r'<span class="font-numbers">\d{4}\.\d{2}\.\d{2}</span>',
        r'<li class="notice">',
        r'onclick="goPage\(0\); return false;" class="disabled"',
        r'<a href="javascript:void\(0\);" class="active">\d+</a>',
        r"function goPage\(pageIndex\)",
        r"function getList\(\)",
        r"\$\('#listForm'\)\.attr\('action', \"/board/kitaNews/kitaNewsDetail\.do\"\);",
    ]
    assert [m for m in markers if not re.search(m, pages + lists)] == []
    # No detail page closes its form; no current page has an href to an article.
    assert "</form>" not in pages.replace("</form>\n\t</div>\n</header>", "")
    assert "kitaNewsDetail.do?" not in re.sub(
        r"(rtnUrl = dm \+ |global\.goPage\()'[^']+'", "", pages
    )


def test_pages_are_heavy() -> None:
    sizes = [len(BOARD_60.current_view_page(p.no).body) for p in BOARD_60.articles]
    assert min(sizes) >= 45_000
    assert sum(sizes) / len(sizes) >= 50_000
    assert len(BOARD_60.current_list_page(1, MockSite(BOARD_60).options).body) >= 50_000


@pytest.mark.parametrize("seed", [2530, 11])
def test_truth_says_what_the_article_pages_say(seed: int) -> None:
    board = build_board(60, seed=seed)
    truth = board.ground_truth(BASE, template="current")
    assert truth["articles"]
    for expected in truth["articles"]:
        for sessions in (True, False):
            page = board.current_view_page(expected["no"], sessions=sessions).body.decode()
            got = read_article(page, BASE)
            assert got == {key: expected[key] for key in got}, expected["no"]
        assert expected["url"] == f"{BASE}{DETAIL}?no={expected['no']}"
        assert expected["generation"] == "current"


def test_truth_is_the_older_truth_but_for_what_the_template_changes() -> None:
    older = BOARD_60.ground_truth(BASE)
    current = BOARD_60.ground_truth(BASE, template="current")
    assert [a["no"] for a in current["articles"]] == [a["no"] for a in older["articles"]]
    assert [(p["no"], p["kind"]) for p in current["problems"]] == [
        (p["no"], p["kind"]) for p in older["problems"]
    ]
    assert all(p["url"] == f"{BASE}{DETAIL}?no={p['no']}" for p in current["problems"])
    assert current["list_pages"] == older["list_pages"]
    for old, new in zip(older["articles"], current["articles"], strict=True):
        post = BOARD_60.post(new["no"])
        assert post is not None
        for name in ("board", "title", "subtitle", "body", "category"):
            assert new[name] == old[name]
        # The badges show the date and the counter on every article, older layouts included.
        assert (new["published"], new["hits"]) == (post.posted.isoformat(), post.hits)
        assert old["generation"] == "older"
        kept = [link for link in old["links"] if link["rel"] in ("body", "image")]
        assert [link for link in new["links"] if link["rel"] in ("body", "image")] == kept
        files = [link for link in new["links"] if link["rel"] == "attachment"]
        assert [f["text"] for f in files] == [norm(f.name) for f in post.attachments]
        assert all(
            re.fullmatch(rf"{BASE}{FILES}\?fileSeq=\d+&fileDtlSeq=[0-9A-F]{{32}}", f["url"])
            for f in files
        )
        neighbours = [(link["rel"], link["target_no"], link["text"]) for link in new["links"]]
        assert [n for n in neighbours if n[0] in ("prev", "next")] == [
            (link["rel"], link["target_no"], link["text"])
            for link in old["links"]
            if link["rel"] in ("prev", "next")
        ]


def test_list_pages_read_back() -> None:
    board = build_board(150)
    with MockSite(board, template="current") as site:
        truth = site.ground_truth()
        hits = {a["no"]: a["hits"] for a in truth["articles"]}
        seen: list[int] = []
        last = truth["list_pages"]
        for page in range(1, last + 1):
            listing = read_list(fetch(site, f"{LIST}?pageIndex={page}").text)
            assert (listing.total, listing.page_index, listing.active) == (150, page, page)
            pinned = [row for row in listing.rows if row.notice]
            assert [row.no for row in pinned] == list(site.pinned_nos)
            for row in listing.rows[len(pinned) :]:
                post = board.post(row.no)
                assert post is not None
                assert row.title == norm(post.title)
                assert row.posted == post.posted.isoformat()
                assert hits.get(row.no) in (None, row.views)
                seen.append(row.no)
            block = (page - 1) // 10 * 10 + 1
            assert listing.numbers == list(range(block, min(block + 9, last) + 1))
            prev_block, mobile_prev, mobile_next, next_block = listing.arrows
            assert prev_block == ((block - 1, False) if block > 1 else (1, True))
            assert mobile_prev == (page - 1, page == 1)
            assert mobile_next == (page + 1, page == last)
            assert next_block == ((block + 10, False) if block + 10 <= last else (last, True))
        assert seen == [p.no for p in board.posts]
        past = read_list(fetch(site, f"{LIST}?pageIndex={last + 1}").text)
    assert past.rows == []
    assert past.active is None


@pytest.mark.parametrize("past_end", ["last", "first"])
def test_past_the_last_page(past_end: str) -> None:
    with MockSite(build_board(25), template="current", past_end=past_end) as site:
        beyond = fetch(site, f"{LIST}?pageIndex=9").text
        expected = fetch(site, f"{LIST}?pageIndex={3 if past_end == 'last' else 1}").text
    assert [r.no for r in read_list(beyond).rows] == [r.no for r in read_list(expected).rows]


# -- over HTTP ----------------------------------------------------------------


def test_get_and_post_answer_alike(site: MockSite) -> None:
    page2 = fetch(site, f"{LIST}?pageIndex=2")
    posted = fetch(site, LIST, method="POST", form={"no": "", "siteId": "2", "pageIndex": "2"})
    assert page2.status == posted.status == 200
    assert posted.body == page2.body
    assert fetch(site, LIST).body == fetch(site, f"{LIST}?pageIndex=1").body
    session = f";JSESSIONID_ORG={'AB' * 16}.Hyper"
    assert fetch(site, f"{LIST}{session}?pageIndex=2&searchKeyword=").body == page2.body
    wide = read_list(fetch(site, f"{LIST}?pageIndex=1&pageUnit=100").text)
    assert len([r for r in wide.rows if not r.notice]) == 60
    assert wide.numbers == [1]
    odd = fetch(site, f"{LIST}?pageIndex=1&pageUnit=7").body
    assert odd == fetch(site, f"{LIST}?pageIndex=1").body
    no = site.ground_truth()["articles"][4]["no"]
    plain = fetch(site, f"{DETAIL}?no={no}")
    assert plain.status == 200
    assert fetch(site, f"{DETAIL}{session}?no={no}&siteId=2&pageIndex=3").body == plain.body
    form = {"no": str(no), "siteId": "2", "pageIndex": "1"}
    assert fetch(site, DETAIL, method="POST", form=form).body == plain.body
    assert fetch(site, DETAIL).status == 404
    assert fetch(site, f"{DETAIL}?no=abc").status == 404


def test_session_ids_and_the_cookie(site: MockSite) -> None:
    no = site.ground_truth()["articles"][2]["no"]
    for path in (f"{DETAIL}?no={no}", f"{LIST}?pageIndex=1", "/"):
        bare = fetch(site, path)
        cookie = bare.headers["Set-Cookie"]
        found = re.fullmatch(r"JSESSIONID_ORG=([0-9A-F]{32})\.Hyper; Path=/; HttpOnly", cookie)
        assert found, cookie
        ids = set(SESSION_RE.findall(bare.text))
        assert ids == {found.group(1)}
        doc = lxml.html.fromstring(bare.text)
        for value in doc.xpath("//@href | //@src"):
            if value.startswith("/") and value not in NEVER_REWRITTEN:
                assert SESSION_RE.search(value), value
        for handler in doc.xpath("//@onclick"):
            if re.search(r"moveMenu\('/", handler):
                assert SESSION_RE.search(handler), handler
        with_cookie = fetch(site, path, cookie=f"JSESSIONID_ORG={found.group(1)}.Hyper; x=1")
        assert "Set-Cookie" not in with_cookie.headers
        assert "JSESSIONID" not in with_cookie.text
        assert with_cookie.text == without_sessions(bare.text)
    # Literals the framework never rewrites.
    page = fetch(site, f"{DETAIL}?no={no}").text
    for literal in (
        f"global.goList('{LIST}');",
        f"$('#detailForm').attr('action', \"{DETAIL}\");",
        '<script type="text/javascript" src="/js/nlogger.js" ></script>',
        "onclick=\"global.goPage('/');\"",
    ):
        assert literal in page


def test_files(site: MockSite) -> None:
    article = next(a for a in site.ground_truth()["articles"] if a["links"][-1:])
    files = [
        link["url"]
        for a in site.ground_truth()["articles"]
        for link in a["links"]
        if link["rel"] == "attachment"
    ]
    assert article
    assert files
    query = files[0].split("?", 1)[1]
    answer = fetch(site, f"{FILES};JSESSIONID_ORG={'C' * 32}.Hyper?{query}")
    assert answer.status == 200
    assert answer.headers["Content-Type"] == "application/octet-stream"
    assert answer.body.startswith(b"%PDF")
    assert fetch(site, FILES).status == 404


def test_bad_pages(site: MockSite) -> None:
    board = site.board
    problems = {p["kind"]: p["no"] for p in site.ground_truth()["problems"]}
    assert fetch(site, f"{DETAIL}?no={board.nos_of(MISSING)[0]}").status == 404
    deleted = fetch(site, f"{DETAIL}?no={board.nos_of(DELETED)[0]}")
    assert deleted.status == 200
    assert re.fullmatch(
        r"<script type=\"text/javascript\">\n\tdlgAlert\('[^']+'\);\n\tlocation\.href = "
        r"'/board/kitaNews/kitaNewsList\.do;JSESSIONID_ORG=[0-9A-F]{32}\.Hyper';\n</script>\n",
        deleted.text,
    )
    truncated = fetch(site, f"{DETAIL}?no={board.nos_of(TRUNCATED)[0]}")
    assert truncated.status == 200
    assert int(truncated.headers["Content-Length"]) == len(truncated.body)
    # The nested editor document is whole, its </html> included; the footer is gone.
    assert truncated.text.count("</html>") == 1
    assert '<body id="dext_body"' in truncated.text
    assert "footer" not in truncated.text
    assert "familysite" not in truncated.text
    for _ in range(2):
        assert fetch(site, f"{DETAIL}?no={problems['http_500']}").status == 500
    doc = lxml.html.fromstring(fetch(site, f"{DETAIL}?no={board.nos_of(UNTITLED)[0]}").text)
    assert text_of(first(doc, "//p[@id='subTopTitle']")) == ""
    assert text_of(first(doc, "//head/title")) == ""
    assert doc.xpath("//footer[@class='ft']//div[@class='familysite']")
    doc = lxml.html.fromstring(fetch(site, f"{DETAIL}?no={board.nos_of(EMPTY_BODY)[0]}").text)
    body = first(doc, f"//div[{has_class('detail-body')}]")
    for element in body.xpath(".//title | .//meta"):
        element.drop_tree()
    assert text_of(body) == ""
    assert text_of(first(doc, "//p[@id='subTopTitle']"))
    flaky = board.nos_of(FLAKY)[0]
    assert fetch(site, f"{DETAIL}?no={flaky}").status == 503
    assert fetch(site, f"{DETAIL}?no={flaky}").status == 200
    nos = {p.no for p in board.posts}
    gap = next(no for no in range(min(nos), max(nos)) if no not in nos)
    assert fetch(site, f"{DETAIL}?no={gap}").status == 404
    kinds = {p["no"]: p["kind"] for p in site.ground_truth()["problems"]}
    assert kinds[board.nos_of(TRUNCATED)[0]] == "truncated"
    assert kinds[board.nos_of(DELETED)[0]] == "deleted"


def test_faults_in_the_current_template() -> None:
    with MockSite(
        build_board(60), template="current", faults=frozenset(FAULTS), slow_seconds=0.5
    ) as site:
        targets = site.fault_targets()

        def view(name: str, timeout: float = 5) -> Answer:
            return fetch(site, f"{DETAIL}?no={targets[name][0]}", timeout=timeout)

        with pytest.raises(TimeoutError):
            view("slow", timeout=0.1)
        with pytest.raises((ConnectionError, http.client.RemoteDisconnected)):
            view("reset")
        assert view("429").status == 429
        assert view("429").status == 200
        assert view("offsite_redirect").headers["Location"] == "http://example.invalid/"
        loop = view("redirect_loop")
        assert (
            loop.headers["Location"] == f"{site.base_url}{DETAIL}?no={targets['redirect_loop'][0]}"
        )
        oversize = view("oversize")
        assert len(oversize.body) >= 3 * 1024 * 1024
        assert b'<body id="dext_body"' in oversize.body
        assert view("content_type").headers["Content-Type"] == "application/octet-stream"
        truth = site.ground_truth()
    kinds = {p["no"]: p["kind"] for p in truth["problems"]}
    for name, kind in FAULTS.items():
        for no in targets[name]:
            assert kinds.get(no) == kind
            assert (no in {a["no"] for a in truth["articles"]}) == (kind is None)
    assert all(a["generation"] == "current" for a in truth["articles"])


def test_drift_renames_the_markup() -> None:
    with MockSite(build_board(30), template="current", drift=True) as site:
        no = site.board.articles[3].no
        page = fetch(site, f"{DETAIL}?no={no}").text
        listing = fetch(site, LIST).text
        truth = site.ground_truth()
    for name in ('"detail-body', '"board-detail ', '"board-btns', '"subTopTitle"', '"badge write'):
        assert name not in page
    assert 'id="dext_body"' not in page
    assert "<title>KITA News-" in page
    assert 'class="board-list' not in listing
    assert "bbs-summary" not in listing
    assert truth["articles"] == []
    assert truth["drift"] is True


def test_publish_shows_on_the_current_list(site: MockSite) -> None:
    before = [r.no for r in read_list(fetch(site, LIST).text).rows if not r.notice]
    added = site.publish(2)
    after = [r.no for r in read_list(fetch(site, LIST).text).rows if not r.notice]
    assert after == sorted(added, reverse=True) + before[:8]
    home = fetch(site, "/").text
    assert f"{DETAIL};JSESSIONID_ORG=" in home
    assert f"?no={added[-1]}&amp;siteId=2" in home or f"?no={added[-1]}&siteId=2" in home


# -- the site in transition, the moved board, the options -----------------------------------


def test_old_paths_still_serve_the_older_pages(site: MockSite) -> None:
    board = site.board
    no = board.articles[5].no
    assert fetch(site, f"/about/newsView.do?no={no}").body == board.view_page(no).body
    assert (
        fetch(site, "/about/newsList.do?pageIndex=2").body == board.list_page(2, site.options).body
    )
    older = MockSite(build_board(60)).ground_truth(site.base_url)
    assert site.ground_truth(template="older") == older
    assert site.ground_truth()["articles"][0]["generation"] == "current"
    home = fetch(site, "/").text
    assert "global.moveMenu('/board/kitaNews/kitaNewsList.do;JSESSIONID_ORG=" in home


@pytest.mark.parametrize("moved", [True, "404", "home"])
def test_moved_board(moved: bool | str) -> None:
    board = build_board(60)
    with MockSite(board, moved=moved) as site:
        old = [
            fetch(site, "/about/newsList.do?pageIndex=1"),
            fetch(site, f"/about/newsView.do?no={board.articles[0].no}"),
        ]
        if moved == "home":
            assert [(a.status, a.headers["Location"]) for a in old] == [
                (302, f"{site.base_url}/")
            ] * 2
        else:
            assert [a.status for a in old] == [404, 404]
        assert fetch(site, "/cmm/fms/FileDown.do?atchFileId=FILE_1&fileSn=0").status == 404
        assert fetch(site, f"{LIST}?pageIndex=1").status == 200
        home = fetch(site, "/", cookie="JSESSIONID_ORG=X.Hyper")
        menu = re.findall(r"global\.moveMenu\('(/[^']*List\.do)'", home.text)
        assert LIST in menu
        assert {"/board/photoNews/photoNewsList.do", "/board/notice/noticeList.do"} <= set(menu)
        assert sorted(set(menu)) == sorted(site.menu_list_paths())
        truth = site.ground_truth()
        with pytest.raises(ValueError, match="older template"):
            site.ground_truth(template="older")
        base = site.base_url
    with MockSite(build_board(60), template="current") as unmoved:
        assert unmoved.ground_truth(base) == truth
    assert all(a["url"] == f"{base}{DETAIL}?no={a['no']}" for a in truth["articles"])


def test_paths_and_id_parameter_are_options() -> None:
    with MockSite(
        build_board(30),
        template="current",
        list_path="/board/engNews/engNewsList.do",
        detail_path="/board/engNews/engNewsDetail.do",
        id_param="nttId",
    ) as site:
        truth = site.ground_truth()
        no = truth["articles"][0]["no"]
        page = fetch(site, f"/board/engNews/engNewsDetail.do?nttId={no}").text
        assert fetch(site, f"/board/engNews/engNewsDetail.do?no={no}").status == 404
        assert fetch(site, f"{DETAIL}?no={no}").status == 404
        listing = fetch(site, "/board/engNews/engNewsList.do").text
        file_url = next(
            link["url"]
            for a in truth["articles"]
            for link in a["links"]
            if link["rel"] == "attachment"
        )
        assert fetch(site, file_url.removeprefix(site.base_url)).status == 200
    assert file_url.startswith(f"{site.base_url}/board/engNews/fileDownload.do?fileSeq=")
    assert (
        truth["articles"][0]["url"] == f"{site.base_url}/board/engNews/engNewsDetail.do?nttId={no}"
    )
    assert read_article(page, site.base_url) == {
        key: truth["articles"][0][key] for key in read_article(page, site.base_url)
    }
    assert '<input type="hidden" id="nttId" name="nttId" value="" keyfield="true" />' in listing
    assert "function goDetailPage(nttId, siteId)" in listing
    assert "global.moveMenu('/board/engNews/engNewsList.do;JSESSIONID_ORG=" in listing


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"template": "newest"}, "template must be one of"),
        ({"moved": "elsewhere"}, "moved must be"),
        ({"template": "older", "moved": True}, "current template"),
        ({"template": "older", "id_param": "nttId"}, "its own paths"),
        ({"moved": True, "list_path": "/about/newsList.do"}, "other than the old ones"),
        ({"template": "current", "detail_path": "no-slash.do"}, "must be a path"),
        ({"template": "current", "id_param": "a=b"}, "plain parameter name"),
    ],
)
def test_options_are_checked(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        MockSite(build_board(10), **options)


def test_current_template_at_the_old_paths() -> None:
    board = build_board(30)
    with MockSite(
        board, template="current", list_path="/about/newsList.do", detail_path="/about/newsView.do"
    ) as site:
        assert site.serves_older is False
        listing = fetch(site, "/about/newsList.do").text
        no = board.articles[0].no
        page = fetch(site, f"/about/newsView.do?no={no}").text
        truth = site.ground_truth()
    assert 'class="board-list' in listing
    assert read_article(page, site.base_url)["url"] == f"{site.base_url}/about/newsView.do?no={no}"
    assert truth["articles"][0]["generation"] == "current"


def test_list_options_apply() -> None:
    options = ListOptions(list_links="onclick", columns=False)
    page = build_board(30).current_list_page(2, options).body.decode()
    rows = read_list(page).rows
    assert rows
    assert all(row.posted is None and row.views is None for row in rows)
    assert 'return false;" title=' not in page
    assert "goDetailPage('" in page


# -- command line ---------------------------------------------------------------


@pytest.mark.slow  # starts `python -m mocksite` as a process
def test_command_line_current_and_moved() -> None:
    command = [
        sys.executable, "-m", "mocksite", "--port", "0", "--articles", "15",
        "--template", "current", "--moved", "home",
    ]  # fmt: skip
    with subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        line = process.stdout.readline().strip()
        found = re.fullmatch(
            r"kitacrawl mocksite serving 15 articles at http://127\.0\.0\.1:(\d+)", line
        )
        assert found, line
        second = process.stdout.readline().strip()
        assert second == (
            f"current template: list {LIST}, detail {DETAIL}?no=N, old paths moved: home"
        )
        with socket.create_connection(("127.0.0.1", int(found.group(1))), timeout=5) as sock:
            sock.sendall(b"GET /about/newsList.do HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            assert sock.recv(100).startswith(b"HTTP/1.1 302")
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
    bad = subprocess.run(
        [sys.executable, "-m", "mocksite", "--template", "older", "--moved"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 2
    assert "current template" in bad.stderr


def test_decode_helper_is_utf8() -> None:
    # Current-template pages are always UTF-8, whatever the post was served in before.
    euc = next(p for p in BOARD_60.articles if p.variant.encoding == "euc-kr")
    body = BOARD_60.current_view_page(euc.no).body
    assert decode(body) == body.decode("utf-8")
    assert "작성" in body.decode("utf-8")
