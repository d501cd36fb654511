"""Unit tests of kitacrawl.pages.handlers: one handler or script in, one value out."""

from __future__ import annotations

import pytest

from kitacrawl.pages import handlers

SID = ";JSESSIONID_ORG=7C0E5A2B9D4F61E8A3B7C5D9E1F20A4B.Hyper"
# The definition as the real kita.net detail page writes it (its path made English).
DEFINITION = (
    "function doDownloadFile(fileSeq, fileDtlSeq) {\n"
    f"\twindow.location.href = '/board/kitaNews/fileDownload.do{SID}?fileSeq=' + fileSeq"
    " + '&fileDtlSeq=' + fileDtlSeq;\n}"
)


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("goDetailPage('202609008');", (202609008, None)),
        ("goDetailPage('101130', '2');", (101130, "2")),
        ('goDetailPage("3111", "2"); return false;', (3111, "2")),
        ("goDetailPage(3111)", (3111, None)),
        ("javascript:goDetailPage('3111', '2')", (3111, "2")),
        ("goDetailPage ( '3111' , '2' )", (3111, "2")),
        ("goDetailPage('0')", None),
        ("goDetailPage('x')", None),
        ("goDetailPage('" + "9" * 19 + "')", None),
        ("global.goList('/board/kitaNews/kitaNewsList.do');", None),
        ("fn_view('2705')", None),
        ("", None),
        (None, None),
    ],
)
def test_detail_target(script: str | None, expected: tuple[int, str | None] | None) -> None:
    assert handlers.detail_target(script) == expected


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("goPage(2); return false;", 2),
        ("goPage(11); return false;", 11),
        ("goPage('3')", 3),
        ("goPage(0); return false;", None),  # the disabled mobile "previous" of page 1
        ("global.goPage('/');", None),  # a navigation to a path, not a page number
        ("global.goPage('/board/kitaNews/kitaNewsList.do');", None),
        ("global.goPage(2)", None),
        ("javascript:void(0);", None),
        (None, None),
    ],
)
def test_page_number(script: str | None, expected: int | None) -> None:
    assert handlers.page_number(script) == expected


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (
            "doDownloadFile('58447', '5A75E58C173FEFBE919B6A746BC5EA6F');",
            ("58447", "5A75E58C173FEFBE919B6A746BC5EA6F"),
        ),
        ('doDownloadFile("1", "A")', ("1", "A")),
        ("doDownloadFile(61234, 'B')", ("61234", "B")),
        ("doDownloadFile()", None),
        ("doDownloadFile(getSeq(), 'B')", None),
        ("viewer.showFileContents('https://x/fileDownload.do?fileSeq=1', 'a.pdf')", None),
        (None, None),
    ],
)
def test_download_arguments(script: str | None, expected: tuple[str, ...] | None) -> None:
    assert handlers.download_arguments(script) == expected


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (
            "global.moveMenu('/board/photoNews/photoNewsList.do', '', '', 'Y', 'N', '_self');",
            "/board/photoNews/photoNewsList.do",
        ),
        (
            f"global.moveMenu('/board/kitaNews/kitaNewsList.do{SID}', '')",
            f"/board/kitaNews/kitaNewsList.do{SID}",
        ),
        ('global.moveMenu("https://stat.kita.net/", "")', "https://stat.kita.net/"),
        ("global.goPage('/board/notice/noticeList.do')", None),
        (None, None),
    ],
)
def test_menu_path(script: str | None, expected: str | None) -> None:
    assert handlers.menu_path(script) == expected


@pytest.mark.parametrize(
    ("source", "separator", "expected"),
    [
        ("'a', 'b'", ",", [("a", True), ("b", True)]),
        ("fileSeq, fileDtlSeq", ",", [("fileSeq", False), ("fileDtlSeq", False)]),
        (
            "'/x.do?a=' + a + '&b=' + b",
            "+",
            [("/x.do?a=", True), ("a", False), ("&b=", True), ("b", False)],
        ),
        ("'it\\'s'", ",", [("it's", True)]),
        ("", ",", []),
        ("a + f(b)", "+", None),
        ("'a' - 'b'", "+", None),
        ("`x${a}`", "+", None),
    ],
)
def test_js_tokens(source: str, separator: str, expected: list[tuple[str, bool]] | None) -> None:
    assert handlers.js_tokens(source, separator) == expected


def test_download_template_from_the_pages_own_definition() -> None:
    template = handlers.download_template(f"<script>var x = 1;\n{DEFINITION}\n</script>")
    assert template is not None
    assert template.url(("61234", "9F2C")) == (
        f"/board/kitaNews/fileDownload.do{SID}?fileSeq=61234&fileDtlSeq=9F2C"
    )


@pytest.mark.parametrize(
    ("definition", "arguments", "expected"),
    [
        # location.assign, double quotes, other parameter names
        (
            'function doDownloadFile(a, b) { location.assign("/f.do?s=" + a + "&d=" + b); }',
            ("1", "2"),
            "/f.do?s=1&d=2",
        ),
        # parameters used out of order
        (
            "function doDownloadFile(a, b) { location.href = '/f.do?d=' + b + '&s=' + a; }",
            ("1", "2"),
            "/f.do?d=2&s=1",
        ),
        # an argument that is not an id is percent-encoded, not spliced into the query
        (
            "function doDownloadFile(a) { location.href = '/f.do?s=' + a; }",
            ("1&x=2 y",),
            "/f.do?s=1%26x%3D2%20y",
        ),
        # a missing argument is empty
        (
            "function doDownloadFile(a, b) { location.href = '/f.do?s=' + a + '&d=' + b; }",
            ("1",),
            "/f.do?s=1&d=",
        ),
    ],
)
def test_download_template_variants(
    definition: str, arguments: tuple[str, ...], expected: str
) -> None:
    template = handlers.download_template(definition)
    assert template is not None
    assert template.url(arguments) == expected


@pytest.mark.parametrize(
    "page",
    [
        "",
        "<script>doDownloadFile('1', '2');</script>",  # a call, no definition
        "function doDownloadFile(a, b) { global.fileDownload(a, b); }",
        "function doDownloadFile(a, b) { location.href = BASE + '/f.do?s=' + a; }",
        "function doDownloadFile(a, b) { location.href = a + b; }",
        "function doDownloadFile('a') { location.href = '/f.do'; }",
    ],
)
def test_download_template_not_understood(page: str) -> None:
    assert handlers.download_template(page) is None


@pytest.mark.parametrize(
    ("detail_path", "arguments", "expected"),
    [
        (
            "/board/kitaNews/kitaNewsDetail.do",
            ("60871", "3E8D"),
            "/board/kitaNews/fileDownload.do?fileSeq=60871&fileDtlSeq=3E8D",
        ),
        (
            "/asocBiz/asocBiz/asocBizAlwaysDetail.do",
            ("58447", "5A75"),
            "/asocBiz/asocBiz/fileDownload.do?fileSeq=58447&fileDtlSeq=5A75",
        ),
        ("/about/newsView.do", ("1",), "/about/fileDownload.do?fileSeq=1"),
    ],
)
def test_default_download_url(detail_path: str, arguments: tuple[str, ...], expected: str) -> None:
    assert handlers.default_download_url(detail_path, arguments) == expected
