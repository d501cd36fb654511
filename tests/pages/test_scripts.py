"""Unit tests of kitacrawl.pages.scripts: what a page's own handlers mean, one script at a time."""

from __future__ import annotations

import pytest

from kitacrawl import site
from kitacrawl.pages.scripts import ArticleCall, PageScripts, calls, find_definition

URLS = site.BoardUrls("http://www.kita.org")
PAGE_URL = "http://www.kita.org/about/newsView.do?no=2530"


def scripts(*definitions: str) -> PageScripts:
    return PageScripts("<script>\n" + "\n".join(definitions) + "\n</script>", URLS)


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("fn_view('2705')", [("fn_view", ("2705",))]),
        ("javascript:goView('2', \"2530\"); return false;", [("goView", ("2", "2530"))]),
        ("global.goList('/a/newsList.do');", [("goList", ("/a/newsList.do",))]),
        ("fnDetail(2530, this)", [("fnDetail", ("2530", None))]),
        ("if (confirm('x')) fn_del(3)", [("confirm", ("x",)), ("fn_del", ("3",))]),
        ("void(0)", []),
        ("goDetailPage('a,b', '2')", [("goDetailPage", ("a,b", "2"))]),
        ("", []),
        (None, []),
    ],
)
def test_calls(script: str | None, expected: list[tuple[str, tuple[str | None, ...]]]) -> None:
    assert [(call.name, call.arguments) for call in calls(script)] == expected


@pytest.mark.parametrize(
    ("page", "params"),
    [
        ("function goView(siteId, no) { location.href = 'x' + no; }", ("siteId", "no")),
        ("var goView = function (a, b) { go(b); };", ("a", "b")),
        ("obj = { goView: function(a) { go(a); } }", ("a",)),
        ("const goView = (a, b) => { go(b); };", ("a", "b")),
        ("function goView(a = 1, b) { if (a) { go(b); } }", ("a", "b")),
        # A later definition wins, as in a browser.
        ("function goView(a) {}\nfunction goView(x, y) { go(y); }", ("x", "y")),
    ],
)
def test_find_definition(page: str, params: tuple[str, ...]) -> None:
    found = find_definition(page, "goView")
    assert found is not None
    assert found.params == params


def test_find_definition_matches_braces_and_strings() -> None:
    page = "function goView(no) { if (no) { var s = '}'; } location.href = '/v.do?no=' + no; }"
    found = find_definition(page, "goView")
    assert found is not None
    assert found.body.strip().endswith("'/v.do?no=' + no;")


@pytest.mark.parametrize("page", ["goView('2')", "function goViewer(no) {}", "x.goView = 3;", ""])
def test_no_definition(page: str) -> None:
    assert find_definition(page, "goView") is None


@pytest.mark.parametrize(
    ("definition", "call", "expected"),
    [
        # The id is the argument the definition puts into the detail URL or form.
        (
            "function goView(siteId, no) { location.href = '/about/newsView.do?no=' + no; }",
            "goView('2','2530')",
            ArticleCall(2530),
        ),
        (
            "function fnDetail(n) { var f = document.viewForm; f.no.value = n;"
            " f.action = '/about/newsView.do'; f.submit(); }",
            "fnDetail(2531)",
            ArticleCall(2531),
        ),
        (
            "const openIt = (a, b) => { window.location.href = `/about/newsView.do?no=${b}`; };",
            "openIt('x', '2532')",
            ArticleCall(2532),
        ),
        (
            "function goDetailPage(no, siteId) { $('#no').val(no); $('#siteId').val(siteId || '2');"
            " $('#listForm').attr('action', \"/about/newsView.do\"); $('#listForm')[0].submit(); }",
            "goDetailPage('101130', '6')",
            ArticleCall(101130, {"siteId": "6"}),
        ),
        (
            "function read(seq) { $(\"input[name='no']\").val(seq);"
            " $('form').attr('action', '/about/newsView.do').submit(); }",
            "read('7')",
            ArticleCall(7),
        ),
        # A definition that goes to another board's page is no article of this one.
        (
            "function fnOpen(no) { location.href = '/board/other/otherView.do?no=' + no; }",
            "fnOpen('7')",
            None,
        ),
        # A definition that cannot be read is not guessed at.
        ("function fnOpen(no) { helper.open(no); }", "fnOpen('7')", None),
        # Handlers seen on KITA's pages are understood by name without a definition...
        ("", "fn_view('2705')", ArticleCall(2705)),
        ("", "goDetailPage('101130', '2')", ArticleCall(101130, {"siteId": "2"})),
        # ... but only in the shapes seen: two ids to an unknown handler are not guessed at.
        ("", "goView('2','2530')", None),
        ("", "fnOpen('2530')", None),
        ("", "fn_view('0')", None),
        ("", "fn_view('x')", None),
    ],
)
def test_article(definition: str, call: str, expected: ArticleCall | None) -> None:
    assert scripts(definition).article(call) == expected


@pytest.mark.parametrize(
    ("definition", "call", "expected"),
    [
        ("function movePage(p) { $('#pageIndex').val(p); getList(); }", "movePage(3)", 3),
        ("function pg(n) { document.frm.pageIndex.value = n; }", "pg('4')", 4),
        ("function pg(n) { location.href = '?searchWrd=&pageIndex=' + n; }", "pg(5)", 5),
        # Handing the number on to a known paging handler.
        ("function pg(n) { fn_egov_link_page(n); }", "pg(6)", 6),
        ("", "goPage(2); return false;", 2),
        ("", "fn_egov_link_page(7)", 7),
        ("", "linkPage(8)", 8),
        ("", "goPage(0)", None),
        ("", "global.goPage('/')", None),
        ("function pg(n) { go(n); }", "pg(9)", None),
    ],
)
def test_page(definition: str, call: str, expected: int | None) -> None:
    assert scripts(definition).page(call) == expected


@pytest.mark.parametrize(
    ("definition", "call", "expected"),
    [
        (
            "function fileDn(a, b) { window.location.href = '/common/fileDown.do?id=' + a"
            " + '&sn=' + b; }",
            "fileDn('F 1', '2')",
            "http://www.kita.org/common/fileDown.do?id=F%201&sn=2",
        ),
        (
            "function doDownloadFile(fileSeq, fileDtlSeq) { window.location.href ="
            " '/board/x/fileDownload.do;JSESSIONID_ORG=AB12.Hyper?fileSeq=' + fileSeq"
            " + '&fileDtlSeq=' + fileDtlSeq; }",
            "doDownloadFile('58447', '5A75')",
            "http://www.kita.org/board/x/fileDownload.do?fileSeq=58447&fileDtlSeq=5A75",
        ),
        (
            "",
            "fn_egov_downFile('FILE_000000000081234','0')",
            "http://www.kita.org/cmm/fms/FileDown.do?atchFileId=FILE_000000000081234&fileSn=0",
        ),
        (
            "",
            "doDownloadFile('58447', '5A75')",
            "http://www.kita.org/about/fileDownload.do?fileSeq=58447&fileDtlSeq=5A75",
        ),
        ("function fileDn(a) { helper(a); }", "fileDn('F1')", None),
        ("", "fileDn('F1')", None),
    ],
)
def test_download(definition: str, call: str, expected: str | None) -> None:
    assert scripts(definition).download(call, PAGE_URL) == expected


def test_a_download_handler_not_understood_is_still_a_download() -> None:
    page = scripts("function fnFileDown(a) { helper(a); }")
    assert page.is_download_call("fnFileDown('F1')")
    assert page.download("fnFileDown('F1')", PAGE_URL) is None
    assert not page.is_download_call("fnOpen('F1')")


def test_a_handler_calling_itself_learns_nothing() -> None:
    page = scripts("function a(n) { b(n); }", "function b(n) { a(n); }")
    assert page.page("a(3)") is None
    assert page.article("a(3)") is None
