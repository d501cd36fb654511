"""Tests of the imitation's KITA Insights board: one board at two paths, in two templates.

Two small independent readers below, written with lxml from the site
contract alone (not from kitacrawl's page code, nor the imitation's markup
code), re-read every item page at the older path (older layout) and at the
newer path (current template, with and without session ids) and must find
exactly what the ground truth says. The rest checks the quirks the contract
describes, the HTTP behaviour of both paths and both lists, session ids, the
``insights_split``, ``insights_newer_list`` and ``insights_badges`` options,
and the bad pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import lxml.html
import pytest

from mocksite import (
    INSIGHTS_VARIATIONS,
    MockSite,
    build_board,
    build_insights,
)
from mocksite.kinds import BROKEN, DELETED, MISSING, TRUNCATED
from mocksite.markup.answers import DELETED_SCRIPT
from tests.test_mocksite import by_class, decode, norm, paragraphs, text_of
from tests.test_mocksite_current import (
    SESSION_RE,
    fetch,
    first,
    has_class,
    read_list,
    without_sessions,
)

OLD_VIEW = "/global/insightsView.do"
OLD_LIST = "/global/insightsList.do"
NEW_DETAIL = "/kitaInsights/kitaInsightsDetail.do"
NEW_LIST = "/kitaInsights/kitaInsightsList.do"
BASE = "http://127.0.0.1:8000"
INSIGHTS_40 = build_insights(40)
PREFIX_RE = re.compile(r"^\[([^\]]+)\]\s*(.*)$")
# Any link to an item of the board, at either path, as an href or a handler.
ITEM_LINK_RE = re.compile(r"(?:insightsView|kitaInsightsDetail)\.do[^?]*\?insightsId=(\d+)")


# -- independent readers ---------------------------------------------------------------


def canonical(base: str, no: int) -> str:
    return f"{base}{NEW_DETAIL}?insightsId={no}"


def split_title(shown: str) -> tuple[str | None, str]:
    """(section, title) of a title field as the page shows it."""
    found = PREFIX_RE.match(shown)
    return (found.group(1).strip(), found.group(2)) if found else (None, shown)


def body_link(anchor: Any, base: str) -> dict[str, Any]:
    href = anchor.get("href")
    item = ITEM_LINK_RE.search(href)
    if item:
        no = int(item.group(1))
        return {"rel": "body", "url": canonical(base, no), "text": text_of(anchor), "target_no": no}
    return {"rel": "body", "url": href, "text": text_of(anchor), "target_no": None}


def read_date_line(doc: Any) -> tuple[str, int]:
    """The date and the hit counter of an older-layout page: in their own cells, or one line."""
    info = by_class(doc, "view_info")[0]
    day = re.search(r"(\d{4})[.-](\d{2})[.-](\d{2})", text_of(info))
    assert day
    cells = by_class(info, "hit")
    if cells:
        hits = re.sub(r"\D", "", text_of(cells[0]))
    else:
        found = re.search(r"hit\s*:?\s*([\d,]+)", text_of(info), re.I)
        assert found
        hits = found.group(1).replace(",", "")
    return date(*map(int, day.groups())).isoformat(), int(hits)


def read_older(page: str, base: str) -> dict[str, Any]:
    """An item page at the older path, read as the older layout."""
    doc = lxml.html.fromstring(page)
    assert text_of(doc.xpath("//div[@class='sub_tit']/h3")[0]) == "KITA Insights Newsletter"
    shown = text_of(by_class(doc, "view_tit")[0]).removeprefix("•").strip()
    category, title = split_title(shown)
    published, hits = read_date_line(doc)
    body = by_class(doc, "view_cont")[0]
    paras = paragraphs(body)
    if paras and paras[0] == shown:
        paras.pop(0)  # the title field repeated on top of the body
    links: list[dict[str, Any]] = []
    for rel in ("prev", "next"):
        for anchor in doc.xpath(f"//*[contains(@class, 'view_move')]//dl[@class='{rel}']//a"):
            found = re.search(
                r"insightsId=(\d+)|fn_view\('(\d+)'\)",
                anchor.get("href", "") + anchor.get("onclick", ""),
            )
            assert found
            no = int(found.group(1) or found.group(2))
            links.append(
                {"rel": rel, "url": canonical(base, no), "text": text_of(anchor), "target_no": no}
            )
    links += [body_link(a, base) for a in body.xpath(".//a[@href]")]
    return {
        "title": title,
        "category": category,
        "subtitle": None,
        "published": published,
        "hits": hits,
        "body": "\n\n".join(paras),
        "links": links,
    }


def read_newer(page: str, base: str) -> dict[str, Any]:
    """An item page at the newer path, read as the current template."""
    doc = lxml.html.fromstring(page)
    action = re.search(r"\$\('#detailForm'\)\.attr\('action', \"([^\"]+)\"\)", page)
    assert action
    assert action.group(1) == NEW_DETAIL
    id_input = first(doc, "//form[@id='detailForm']/input[@type='hidden']")
    assert id_input.get("name") == "insightsId"
    no = int(id_input.get("value"))
    shown = text_of(first(doc, "//p[@id='subTopTitle']"))
    assert norm(first(doc, "//head/title").text or "") == shown
    category, title = split_title(shown)
    published = hits = None
    badges = doc.xpath(f"//span[{has_class('badge')}]")
    if badges:
        write = first(doc, f"//span[{has_class('badge')} and {has_class('write')}]")
        view = first(doc, f"//span[{has_class('badge')} and {has_class('view')}]")
        day = re.search(r"(\d{4})\.(\d{2})\.(\d{2})$", text_of(write))
        count = re.search(r"(\d[\d,]*)$", text_of(view))
        assert day
        assert count
        published = date(*map(int, day.groups())).isoformat()
        hits = int(count.group(1).replace(",", ""))
    body = first(doc, f"//div[{has_class('board-detail')}]/div[{has_class('detail-body')}]")
    for element in body.xpath(".//title | .//meta | .//script | .//style"):
        element.drop_tree()
    links: list[dict[str, Any]] = []
    slots = first(doc, f"//div[{has_class('board-btns')}]").xpath("./p")
    for rel, slot in (("prev", slots[0]), ("next", slots[-1])):
        for anchor in slot.xpath("./a"):
            call = re.search(
                r"goDetailPage\('(\d+)'", (anchor.get("onclick") or "") + anchor.get("href")
            )
            assert call
            target = int(call.group(1))
            links.append(
                {
                    "rel": rel,
                    "url": canonical(base, target),
                    "text": text_of(anchor),
                    "target_no": target,
                }
            )
    links += [body_link(a, base) for a in body.xpath(".//a[@href]")]
    return {
        "no": no,
        "url": canonical(base, no),
        "title": title,
        "category": category,
        "subtitle": None,
        "published": published,
        "hits": hits,
        "body": "\n\n".join(paragraphs(body)),
        "links": links,
    }


def as_the_page_shows(expected: dict[str, Any]) -> dict[str, Any]:
    """A truth's article as its page shows it: a page with no date shows no counter either
    (the truth's counter is then the one the lists show)."""
    return expected if expected["published"] is not None else {**expected, "hits": None}


def assert_reads_as_truth(got: dict[str, Any], expected: dict[str, Any]) -> None:
    shown = as_the_page_shows(expected)
    assert got == {key: shown[key] for key in got}, expected["no"]


@pytest.fixture
def site() -> Iterator[MockSite]:
    with MockSite(build_board(30), boards=("news", "insights")) as running:
        yield running


# -- the board ----------------------------------------------------------------------


def test_board_is_deterministic() -> None:
    again = build_insights(40)
    assert again.ground_truth(BASE) == INSIGHTS_40.ground_truth(BASE)
    for post in again.posts:
        assert again.older_view_page(post.no) == INSIGHTS_40.older_view_page(post.no)
        assert again.newer_view_page(post.no) == INSIGHTS_40.newer_view_page(post.no)
    assert build_insights(40, seed=1).ground_truth(BASE) != INSIGHTS_40.ground_truth(BASE)


def test_board_shape() -> None:
    posts = INSIGHTS_40.posts
    nos = [p.no for p in posts]
    assert len(nos) == 40
    assert nos == sorted(nos, reverse=True)
    assert nos[-1] == 1
    assert nos[0] - nos[-1] + 1 > len(nos)  # a few ids never existed
    assert {19, 20, 21, 22, 23, 24} <= set(nos)
    dates = [p.posted for p in posts]
    assert dates == sorted(dates, reverse=True)
    assert dates[-1].year == 2020
    assert any(d.year == 2021 for d in dates)
    assert max(dates) > date(2023, 1, 1)  # and newer ones
    truth = INSIGHTS_40.ground_truth(BASE)
    assert sorted(p["kind"] for p in truth["problems"]) == [
        "deleted",
        "http_404",
        "http_500",
        "truncated",
    ]
    assert len(truth["articles"]) == 36
    assert truth["list_pages"] == 4
    assert truth["board"] == "insights"
    assert all(p["board"] == "insights" for p in truth["problems"])


def test_the_item_the_contract_quotes() -> None:
    item = next(a for a in INSIGHTS_40.ground_truth(BASE, split=True)["articles"] if a["no"] == 20)
    assert (item["published"], item["hits"], item["category"]) == ("2022-07-04", 1879, "KITA News")
    assert item["generation"] == "older"
    neighbours = [link["text"] for link in item["links"] if link["rel"] in ("prev", "next")]
    assert [text.split("]")[0] + "]" for text in neighbours] == ["[KITA News]", "[KGPC News]"]
    page = INSIGHTS_40.older_view_page(20).body.decode()
    assert "<h3>KITA Insights Newsletter</h3>" in page
    assert re.search(r"2022-07-04</li><li class=\"hit\">hit 1879</li>", page)
    # Item 24 is the first seen at the newer path (October-November 2022): after the move.
    seen_at_newer = INSIGHTS_40.post(24)
    assert seen_at_newer is not None
    assert date(2022, 10, 1) <= seen_at_newer.posted <= date(2022, 11, 30)


@pytest.mark.parametrize(("n", "seed"), [(40, 2530), (40, 7), (60, 11)])
def test_every_variation_present(n: int, seed: int) -> None:
    seen = build_insights(n, seed=seed).variations()
    assert [label for label in INSIGHTS_VARIATIONS if label not in seen] == []


def test_quirks_show_in_markup() -> None:
    board = INSIGHTS_40
    older = "\n".join(decode(board.older_view_page(p.no).body) for p in board.posts)
    newer = "\n".join(board.newer_view_page(p.no).body.decode() for p in board.posts)
    options = MockSite(build_board(10), boards=("news", "insights")).board_options
    lists = board.older_list_page(1, options).body.decode()
    new_lists = board.newer_list_page(2, options).body.decode()
    markers = [
        (older, r'<p class="view_tit">• \[KITA News\] '),
        (older, r'class="view_tit bul">\[KGPC News\] '),
        (older, r"\[Trade Focus\] "),
        (older, r"\](?! )\w"),  # no space after the bracket
        (older, r"<li class=\"hit\">hit \d+</li>"),
        (older, r"<li class=\"date\">\d{4}\.\d{2}\.\d{2}</li>"),
        (older, r'<a href="/global/insightsView\.do\?insightsId=\d+">\['),
        (older, r"href=\"javascript:fn_view\('\d+'\)\""),
        (older, r'location\.href = "/global/insightsView\.do\?insightsId=" \+ no;'),
        (older, r'<a href="/global/insightsList\.do\?pageIndex=1" class="btn_list">'),
        (newer, r'<p id="subTopTitle"[^>]*>\n\t+\[KITA News\] '),
        (newer, r"<title>\[KGPC News\] "),
        (newer, r'href="/global/insightsView\.do\?insightsId=\d+" target="_blank"'),
        (newer, r'href="http://www\.kita\.org/global/insightsView\.do\?insightsId=\d+"'),
        (
            newer,
            r'href="https://www\.kita\.org/kitaInsights/kitaInsightsDetail\.do;JSESSIONID_ORG='
            r'[0-9A-F]{32}\.Hyper\?insightsId=\d+"',
        ),
        (newer, r"kitaInsightsDetail\.do;JSESSIONID_ORG=[0-9A-F]{32}\.Hyper"),
        (newer, r'<meta property="og:url" content="https://www\.kita\.org/kitaInsights/'),
        (newer, r"goDetailPage\('\d+'\);\">\["),
        (newer, r"global\.goList\('/kitaInsights/kitaInsightsList\.do'\);"),
        (lists, r"<h3>KITA Insights Newsletter</h3>"),
        (lists, r'<table class="board_list" summary="KITA Insights: '),
        (new_lists, r'<h3 class="h1">KITA Insights</h3>'),
        (new_lists, r'\$\(\'#listForm\'\)\.attr\(\'action\', "/kitaInsights/kitaInsightsDetail'),
    ]
    assert [m for text, m in markers if not re.search(m, text)] == []
    # The newer path's pages show no date: no badge, no date of the item anywhere near the title.
    assert 'class="badge write"' not in newer
    assert 'class="badge view"' not in newer


@pytest.mark.parametrize("seed", [2530, 11])
def test_older_path_pages_say_what_the_truth_says(seed: int) -> None:
    board = build_insights(40, seed=seed)
    # Split: every item of the older era is read at the older path.
    truth = board.ground_truth(BASE, split=True)
    older = [a for a in truth["articles"] if a["generation"] == "older"]
    assert older
    for expected in older:
        assert_reads_as_truth(
            read_older(decode(board.older_view_page(expected["no"]).body), BASE), expected
        )
    # Both paths answer: the older page of any item says the same but for the date, always shown.
    for expected in board.ground_truth(BASE)["articles"]:
        got = read_older(decode(board.older_view_page(expected["no"]).body), BASE)
        post = board.post(expected["no"])
        assert post is not None
        dated = {**expected, "published": post.posted.isoformat(), "hits": post.hits}
        assert_reads_as_truth(got, dated)


@pytest.mark.parametrize("seed", [2530, 11])
def test_newer_path_pages_say_what_the_truth_says(seed: int) -> None:
    board = build_insights(40, seed=seed)
    truth = board.ground_truth(BASE)
    assert {a["generation"] for a in truth["articles"]} == {"current"}
    for expected in truth["articles"]:
        assert expected["url"] == canonical(BASE, expected["no"])
        post = board.post(expected["no"])
        assert post is not None
        # No date and no counter on the page: the counter is the lists'.
        assert (expected["published"], expected["hits"]) == (None, post.hits)
        for sessions in (True, False):
            page = board.newer_view_page(expected["no"], sessions=sessions).body.decode()
            assert_reads_as_truth(read_newer(page, BASE), expected)
    badged = board.ground_truth(BASE, badges=True)
    for expected in badged["articles"]:
        assert expected["published"] is not None
        page = board.newer_view_page(expected["no"], badges=True).body.decode()
        assert_reads_as_truth(read_newer(page, BASE), expected)


def test_truth_of_an_item_is_the_same_at_either_path() -> None:
    both = INSIGHTS_40.ground_truth(BASE)
    split = INSIGHTS_40.ground_truth(BASE, split=True)
    assert [a["no"] for a in both["articles"]] == [a["no"] for a in split["articles"]]
    for one, other in zip(both["articles"], split["articles"], strict=True):
        for name in ("url", "title", "category", "body", "links"):
            assert one[name] == other[name]
    generations = {a["generation"] for a in split["articles"]}
    assert generations == {"older", "current"}
    for article in split["articles"]:
        post = INSIGHTS_40.post(article["no"])
        assert post is not None
        older = post.posted < date(2022, 10, 1)
        assert article["generation"] == ("older" if older else "current")
        assert (article["published"] is None) == (not older)


def test_category_out_of_the_title_and_in_the_neighbours_texts() -> None:
    truth = INSIGHTS_40.ground_truth(BASE)
    categories = {a["category"] for a in truth["articles"]}
    assert categories == {"KITA News", "KGPC News", "Trade Focus", None}
    assert not any(a["title"].startswith("[") for a in truth["articles"])
    texts = [
        link["text"] for a in truth["articles"] for link in a["links"] if link["rel"] == "next"
    ]
    assert any(text.startswith("[KGPC News] ") for text in texts)
    # Links in bodies to other items are the board's articles, at their canonical URL.
    in_board = [link for a in truth["articles"] for link in a["links"] if link["rel"] == "body"]
    assert in_board
    assert all(link["url"] == canonical(BASE, link["target_no"]) for link in in_board)


# -- over HTTP ------------------------------------------------------------------------


def test_both_paths_serve_every_item(site: MockSite) -> None:
    board = site.insights
    assert board is not None
    truth = site.ground_truth(board="insights")
    for expected in truth["articles"]:
        no = expected["no"]
        old = fetch(site, f"{OLD_VIEW}?insightsId={no}")
        new = fetch(site, f"{NEW_DETAIL}?insightsId={no}")
        assert (old.status, new.status) == (200, 200)
        assert old.body == board.older_view_page(no).body
        assert_reads_as_truth(read_newer(new.text, site.base_url), expected)
    assert fetch(site, f"{NEW_DETAIL}?insightsId=9999").status == 404
    assert fetch(site, f"{OLD_VIEW}?insightsId=abc").status == 404
    assert fetch(site, NEW_DETAIL).status == 404


def test_session_ids_cookie_and_post(site: MockSite) -> None:
    no = site.ground_truth(board="insights")["articles"][3]["no"]
    bare = fetch(site, f"{NEW_DETAIL};JSESSIONID_ORG={'AB' * 16}.Hyper?insightsId={no}&pageIndex=2")
    cookie = bare.headers["Set-Cookie"]
    found = re.fullmatch(r"JSESSIONID_ORG=([0-9A-F]{32})\.Hyper; Path=/; HttpOnly", cookie)
    assert found
    assert found.group(1) in SESSION_RE.findall(bare.text)
    assert f"{NEW_LIST};JSESSIONID_ORG={found.group(1)}.Hyper" in bare.text
    with_cookie = fetch(
        site, f"{NEW_DETAIL}?insightsId={no}", cookie=f"JSESSIONID_ORG={found.group(1)}.Hyper"
    )
    assert "Set-Cookie" not in with_cookie.headers
    assert found.group(1) not in with_cookie.text
    # Links pasted into a body keep the session id they were copied with, cookie or not.
    assert without_sessions(with_cookie.text) == without_sessions(bare.text)
    posted = fetch(site, NEW_DETAIL, method="POST", form={"insightsId": str(no), "pageIndex": "1"})
    assert posted.body == fetch(site, f"{NEW_DETAIL}?insightsId={no}").body
    listed = fetch(site, NEW_LIST, method="POST", form={"insightsId": "", "pageIndex": "2"})
    assert listed.body == fetch(site, f"{NEW_LIST}?pageIndex=2").body


def test_pasted_links_keep_their_session_ids() -> None:
    pasted = [
        (post.no, link.href)
        for post in INSIGHTS_40.posts
        for block in post.blocks
        for link in block.links
        if link.href.startswith("https://")
    ]
    assert pasted
    for no, href in pasted:
        page = INSIGHTS_40.newer_view_page(no, sessions=False).body.decode()
        assert f'href="{href}"' in page
        assert SESSION_RE.search(href)


def list_nos(page: str) -> list[int]:
    """The items an older list page links to, in order (href, handler or row handler)."""
    doc = lxml.html.fromstring(page)
    nos = []
    for row in doc.xpath("//table[contains(@class, 'board_list')]/tbody/tr"):
        text = (row.get("onclick") or "") + "".join(
            (a.get("href") or "") + (a.get("onclick") or "") for a in row.xpath(".//a")
        )
        found = re.search(r"insightsId=(\d+)|fn_view\('(\d+)'\)", text)
        if found:
            nos.append(int(found.group(1) or found.group(2)))
    return nos


def test_both_lists_list_every_item(site: MockSite) -> None:
    board = site.insights
    assert board is not None
    expected = [p.no for p in board.posts]
    last = site.ground_truth(board="insights")["list_pages"]
    older = [
        no
        for page in range(1, last + 1)
        for no in list_nos(fetch(site, f"{OLD_LIST}?pageIndex={page}").text)
    ]
    assert older == expected
    newer = []
    for page in range(1, last + 1):
        listing = read_list(fetch(site, f"{NEW_LIST}?pageIndex={page}").text)
        assert (listing.total, listing.active) == (len(expected), page)
        assert not any(row.notice for row in listing.rows)
        for row in listing.rows:
            post = board.post(row.no)
            assert post is not None
            assert row.title == norm(post.title)  # the prefix kept, as the row shows it
        newer += [row.no for row in listing.rows]
    assert newer == expected
    assert read_list(fetch(site, f"{NEW_LIST}?pageIndex=1&pageUnit=100").text).rows[-1].no == 1
    assert list_nos(fetch(site, f"{OLD_LIST}?pageIndex={last + 1}").text) == []
    assert fetch(site, OLD_LIST).body == fetch(site, f"{OLD_LIST}?pageIndex=1").body


def test_split_paths() -> None:
    with MockSite(build_board(20), boards=("news", "insights"), insights_split=True) as site:
        board = site.insights
        assert board is not None
        truth = site.ground_truth(board="insights")
        for article in truth["articles"]:
            no = article["no"]
            old = fetch(site, f"{OLD_VIEW}?insightsId={no}").status
            new = fetch(site, f"{NEW_DETAIL}?insightsId={no}").status
            if article["generation"] == "older":
                assert (old, new) == (200, 404)
            else:
                assert (old, new) == (404, 200)
        # Both lists still list every item, the newer one included.
        assert read_list(fetch(site, f"{NEW_LIST}?pageUnit=100").text).rows[-1].no == 1
        item = next(a for a in truth["articles"] if a["generation"] == "older")
        page = decode(fetch(site, f"{OLD_VIEW}?insightsId={item['no']}").body)
        assert read_older(page, site.base_url) == {
            key: item[key] for key in read_older(page, site.base_url)
        }


def test_newer_list_that_does_not_answer() -> None:
    with MockSite(build_board(20), boards=("news", "insights"), insights_newer_list=False) as site:
        assert fetch(site, NEW_LIST).status == 404
        assert fetch(site, f"{NEW_LIST}?pageIndex=2").status == 404
        assert fetch(site, f"{OLD_LIST}?pageIndex=1").status == 200
        assert site.insights is not None
        assert list_nos(fetch(site, OLD_LIST).text)[0] == site.insights.posts[0].no
        assert fetch(site, f"{NEW_DETAIL}?insightsId=20").status == 200


def test_badges_option() -> None:
    with MockSite(build_board(20), boards=("news", "insights"), insights_badges=True) as site:
        truth = site.ground_truth(board="insights")
        article = truth["articles"][0]
        page = fetch(site, f"{NEW_DETAIL}?insightsId={article['no']}").text
    assert article["published"] is not None
    assert 'class="badge write"' in page
    assert read_newer(page, site.base_url)["published"] == article["published"]


def test_bad_pages(site: MockSite) -> None:
    board = site.insights
    assert board is not None
    problems = {p["kind"]: p for p in site.ground_truth(board="insights")["problems"]}
    assert set(problems) == {"http_404", "deleted", "http_500", "truncated"}
    for kind, status in (("http_404", 404), ("http_500", 500)):
        no = problems[kind]["no"]
        assert fetch(site, f"{OLD_VIEW}?insightsId={no}").status == status
        assert fetch(site, f"{NEW_DETAIL}?insightsId={no}").status == status
    deleted = problems["deleted"]["no"]
    assert fetch(site, f"{OLD_VIEW}?insightsId={deleted}").body.decode() == DELETED_SCRIPT
    assert re.fullmatch(
        r"<script type=\"text/javascript\">\n\tdlgAlert\('[^']+'\);\n\tlocation\.href = "
        r"'/kitaInsights/kitaInsightsList\.do;JSESSIONID_ORG=[0-9A-F]{32}\.Hyper';\n</script>\n",
        fetch(site, f"{NEW_DETAIL}?insightsId={deleted}").text,
    )
    truncated = problems["truncated"]["no"]
    for answer in (
        fetch(site, f"{OLD_VIEW}?insightsId={truncated}"),
        fetch(site, f"{NEW_DETAIL}?insightsId={truncated}"),
    ):
        assert answer.status == 200
        assert b"footer" not in answer.body
        assert int(answer.headers["Content-Length"]) == len(answer.body)
    assert board.nos_of(MISSING, DELETED, BROKEN, TRUNCATED) == sorted(
        p["no"] for p in problems.values()
    )
    assert all(p["url"] == canonical(site.base_url, p["no"]) for p in problems.values())


def test_drift_renames_both_templates() -> None:
    with MockSite(build_board(20), boards=("news", "insights"), drift=True) as site:
        old = fetch(site, f"{OLD_VIEW}?insightsId=20").text
        new = fetch(site, f"{NEW_DETAIL}?insightsId=20").text
        truth = site.ground_truth(board="insights")
    assert 'class="view_cont"' not in old
    assert 'class="detail-body' not in new
    assert (truth["articles"], truth["problems"], truth["drift"]) == ([], [], True)
