"""Unit tests of the URL functions in kitacrawl.site: one URL or handler in, one value out."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kitacrawl import site

BASE = "http://www.kita.org"
SID_ORG = ";JSESSIONID_ORG=5BB4C1E0A2F3D4B5C6D7E8F9A0B19C08.Hyper"
SID_KITA = ";JSESSIONID_KITA=A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5D6.Hyper"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            f"/kitaInsights/kitaInsightsDetail.do{SID_ORG}?insightsId=24",
            "/kitaInsights/kitaInsightsDetail.do?insightsId=24",
        ),
        (
            f"http://www.kita.org/about/newsView.do{SID_ORG}?id=&no=2530&searchWrd=&pageIndex=1",
            "http://www.kita.org/about/newsView.do?id=&no=2530&searchWrd=&pageIndex=1",
        ),
        (
            f"http://www.kita.net/cmmrcInfo/cmmrcNews.do{SID_KITA}?nIndex=1812345",
            "http://www.kita.net/cmmrcInfo/cmmrcNews.do?nIndex=1812345",
        ),
        ("/about/newsList.do;jsessionid=0A1B2C3D?pageIndex=2", "/about/newsList.do?pageIndex=2"),
        (f"/about/newsList.do{SID_ORG}", "/about/newsList.do"),
        (f"/about/newsList.do{SID_ORG}#top", "/about/newsList.do#top"),
        (
            f"/cmm/fms/FileDown.do{SID_ORG}?atchFileId=F&fileSn=1",
            "/cmm/fms/FileDown.do?atchFileId=F&fileSn=1",
        ),
        ("/about/newsView.do?no=2530", "/about/newsView.do?no=2530"),
    ],
)
def test_strip_session(url: str, expected: str) -> None:
    assert site.strip_session(url) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "http://www.kita.org/about/newsView.do?no=1",
            "http://www.kita.org/about/newsView.do?no=1",
        ),
        ("http://kita.org/about/newsView.do?no=1", "http://www.kita.org/about/newsView.do?no=1"),
        (
            "http://global.kita.net/about/newsView.do?no=1",
            "http://www.kita.org/about/newsView.do?no=1",
        ),
        (
            "https://www.kita.org/about/newsView.do?no=1",
            "http://www.kita.org/about/newsView.do?no=1",
        ),
        (
            "https://kita.org/about/photoView.do?photonewsId=923",
            "http://www.kita.org/about/photoView.do?photonewsId=923",
        ),
        (
            "HTTPS://Global.KITA.net/global/insightsView.do?insightsId=20",
            "http://www.kita.org/global/insightsView.do?insightsId=20",
        ),
        ("http://kita.org:80/about/newsList.do", "http://www.kita.org/about/newsList.do"),
        (
            f"http://global.kita.net/about/newsView.do{SID_ORG}?no=2401",
            "http://www.kita.org/about/newsView.do?no=2401",
        ),
        ("  http://kita.org/x.do  ", "http://www.kita.org/x.do"),
        # not KITA's English site: the host stays, the session still goes
        (
            f"http://www.kita.net/board/view.do{SID_KITA}?no=5",
            "http://www.kita.net/board/view.do?no=5",
        ),
        (
            "https://www.motie.go.kr/motie/ne/presse.jsp",
            "https://www.motie.go.kr/motie/ne/presse.jsp",
        ),
        ("mailto:press@kita.net", "mailto:press@kita.net"),
    ],
)
def test_rebase(url: str, expected: str) -> None:
    assert site.rebase(url, BASE) == expected


@pytest.mark.parametrize(
    ("url", "base_url", "expected"),
    [
        (
            "http://global.kita.net/a.do?x=1",
            "https://www.kita.org/",
            "https://www.kita.org/a.do?x=1",
        ),
        ("http://www.kita.org/a.do", "http://127.0.0.1:8765", "http://127.0.0.1:8765/a.do"),
        ("http://127.0.0.1:8765/a.do", "http://127.0.0.1:8765", "http://127.0.0.1:8765/a.do"),
    ],
)
def test_rebase_onto_another_base(url: str, base_url: str, expected: str) -> None:
    assert site.rebase(url, base_url) == expected


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("www.kita.org", True),
        ("kita.org", True),
        ("global.kita.net", True),
        ("WWW.KITA.ORG", True),
        ("www.kita.net", False),
        ("kita.org.example.com", False),
    ],
)
def test_is_kita_host(host: str, expected: bool) -> None:
    assert site.is_kita_host(host, BASE) is expected


@pytest.mark.parametrize(
    ("href", "page_url", "expected"),
    [
        (
            f"/about/newsView.do{SID_ORG}?no=5",
            "https://kita.org/about/newsList.do?pageIndex=1",
            "http://www.kita.org/about/newsView.do?no=5",
        ),
        (
            "newsView.do?no=5",
            "http://global.kita.net/about/newsList.do",
            "http://www.kita.org/about/newsView.do?no=5",
        ),
        (
            "/upload/editor/2020/10/forum.jpg",
            "http://www.kita.org/about/newsView.do?no=2545",
            "http://www.kita.org/upload/editor/2020/10/forum.jpg",
        ),
        (
            "//kita.org/upload/a.png",
            "https://www.kita.org/about/newsView.do?no=1",
            "http://www.kita.org/upload/a.png",
        ),
    ],
)
def test_absolute(href: str, page_url: str, expected: str) -> None:
    assert site.absolute(href, page_url, BASE) == expected


def test_canonical_urls() -> None:
    assert site.BoardUrls(BASE).article_url(2530) == "http://www.kita.org/about/newsView.do?no=2530"
    assert site.BoardUrls(BASE + "/").article_url(2530) == (
        "http://www.kita.org/about/newsView.do?no=2530"
    )
    assert site.BoardUrls(BASE).list_url(3) == "http://www.kita.org/about/newsList.do?pageIndex=3"
    assert site.file_url(BASE, "FILE_000000000081236", "0") == (
        "http://www.kita.org/cmm/fms/FileDown.do?atchFileId=FILE_000000000081236&fileSn=0"
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://www.kita.org/about/newsView.do?no=2530", 2530),
        ("/about/newsView.do?id=&no=2530&searchWrd=&pageIndex=1", 2530),
        ("/about/newsView.do?id=7&no=2530&searchWrd=trade&pageIndex=12", 2530),
        (f"/about/newsView.do{SID_ORG}?id=&no=2640&searchWrd=&pageIndex=2", 2640),
        (f"http://global.kita.net/about/newsView.do{SID_ORG}?no=2401", 2401),
        ("https://kita.org/about/newsView.do?no=2019#top", 2019),
        ("/about/newsView.do?id=&no=&pageIndex=1", None),
        ("/about/newsView.do?no=abc", None),
        ("/about/newsView.do?id=2530", None),
        ("/about/newsList.do?pageIndex=2&no=2530", None),
        ("/about/photoView.do?photonewsId=923", None),
        ("/global/insightsView.do?insightsId=20", None),
        ("/kitaInsights/kitaInsightsDetail.do?insightsId=24", None),
        ("javascript:fn_view('2530');", None),
        ("", None),
    ],
)
def test_article_no_from_url(url: str, expected: int | None) -> None:
    assert site.NEWS_URLS.no_from_url(url) == expected


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("fn_view('2705')", 2705),
        ("fn_view('2611'); return false;", 2611),
        ("javascript:fn_view('2613');", 2613),
        ("fn_view(2705)", 2705),
        ('fnView("2705")', 2705),
        ("fn_view( '2705' )", 2705),
        ("goView('2952')", 2952),
        ("fn_egov_link_page(2); return false;", None),
        ("fn_egov_downFile('FILE_000000000081236','0')", None),
        ("fn_preview('FILE_000000000081234','0');", None),
        ("window.open(this.href); return false;", None),
        ("fn_view('')", None),
        ("", None),
    ],
)
def test_article_no_from_handler(script: str, expected: int | None) -> None:
    assert site.article_no_from_handler(script) == expected


@pytest.mark.parametrize(
    ("href", "onclick", "expected"),
    [
        ("#none", "fn_egov_link_page(2); return false;", 2),
        (None, "fn_egov_link_page(271); return false;", 271),
        ("javascript:goPage(3);", None, 3),
        ("#none", "goPage(4)", 4),
        ("javascript:fn_link_page(5);", None, 5),
        ("javascript:linkPage(6)", None, 6),
        ("/about/newsList.do?id=&searchWrd=&pageIndex=7", None, 7),
        (f"/about/newsList.do{SID_ORG}?pageIndex=8", None, 8),
        ("?pageIndex=10", "fn_egov_link_page(9)", 9),  # the handler is what runs
        ("#none", None, None),
        ("/about/newsList.do", None, None),
        (None, None, None),
    ],
)
def test_page_from_link(href: str | None, onclick: str | None, expected: int | None) -> None:
    assert site.page_from_link(href, onclick) == expected


# Pieces a download link is made of, and characters IGNORECASE folds to ASCII.
_LINK_PIECES = st.sampled_from(
    ["href", "HREF", "onclick", "OnClick", "=", " ", '"', "'", "/file", "down", "DOWN",
     "atchFile", "atchf", "ile", ".pdf", ".PDF", ".hwpx", ".docx", ".xl", ".xls", ".pptx", ".zip",
     "x", "\u0130",
     "\u0131", "\u017f", "\u212a", "a\u0307", "\ub2e4\uc6b4"]
)  # fmt: skip


@given(st.lists(_LINK_PIECES, max_size=12).map("".join))
def test_mentions_download_link_is_the_regex_search(text: str) -> None:
    assert site.mentions_download_link(text) == (site.DOWNLOAD_LINK_RE.search(text) is not None)


@pytest.mark.parametrize(
    "text",
    ['<a href="/cmm/fms/FileDown.do?atchFileId=1">', "<a onclick=\"fn_egov_downFile('1')\">",
     '<a href="/x/report.PDF">', '<a href="/x/report.xl\u017f">'],
)  # fmt: skip
def test_mentions_download_link_finds_links(text: str) -> None:
    assert site.mentions_download_link(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Views 1,234", "1,234"),
        ("hit 7", "7"),
        ("조회수 1,204", "1,204"),
        ("조회 12 작성일 2020.09.23", "12"),
        ("Hits 12 2020-09-23", "12"),
        ("Views 12 | Date 2020.09.23", "12"),
        # A part of a number written some other way is no counter: none beats a wrong one.
        ("Views 12K", None),
        ("Views 1.2k", None),
        ("조회 2만", None),
        ("조회 3천", None),
        ("Views 999+", None),
        ("Views 2 104", None),
    ],
)
def test_a_labelled_counter_is_a_whole_number(text: str, expected: str | None) -> None:
    found = site.HIT_LABELLED_RE.search(text)
    assert (found.group(1) if found else None) == expected
