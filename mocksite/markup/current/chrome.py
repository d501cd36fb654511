"""The chrome of the current template: head, header and mega-menu, inline scripts, footer.

``document`` wraps a page's content in it. The real pages are about 235 kB,
most of it the menu (three times over) and inline JavaScript; the imitation
writes the same parts in the same order at under a quarter of that size
(``PAGE_WEIGHT``, about 55 kB an article page), enough that a crawler meets
pages mostly made of chrome without slowing the test suite. The real pages'
malformations are kept: a second ``</head>`` after a script that sits
between head and body, a ``<link ...></script>``, ``<option value="10"
selected ">``, unquoted ``src=`` attributes and, on article pages, a form
that is never closed.
"""

from __future__ import annotations

from functools import lru_cache

from mocksite.markup.current.jsp import jsp
from mocksite.markup.current.menu import GAP, menus
from mocksite.markup.current.sessions import SID, url
from mocksite.text import attr, esc
from mocksite.urls import CURRENT_HOST, ServedPaths

# About what an article page of the imitation weighs, in bytes (the real ones: ~235 kB).
PAGE_WEIGHT = 55_000
SITE_NAME = "Korea International Trade Association"
DESCRIPTION = "News and reports of the Korea International Trade Association (KITA)"

_STYLES = (
    "animate.min.css", "jquery-ui.css", "swiper-bundle.min.css", "bootstrap.css",
    "jquery.mCustomScrollbar.min.css", "yearpicker.css", "style.css?v=", "modal-ai.css",
)  # fmt: skip
_SCRIPTS = (
    "customForm.js?v=", "jquery-3.4.1.min.js", "jquery.rwdImageMaps.min.js", "jquery-ui.js",
    "jquery.form.js", "jquery.mCustomScrollbar.concat.min.js", "swiper.min.js",
    "bootstrap.bundle.min.js", "yearpicker.js", "ui.js?v=", "global.js?v=", "fileviewer.js",
    "nCloudApi.js?v=",
)  # fmt: skip
_CHARTS = (
    "js/rMateChartH5/rMateChartH5License.js", "js/rMateChartH5/JS/rMateChartH5.js",
    "js/custom/rMate/draw/drawCharts.js", "js/custom/armChart/draw/drawCharts.js",
    "js/armChart/core.js", "js/armChart/maps.js", "js/armChart/geodata/worldHigh.js",
    "js/armChart/themes/animated.js", "js/armChart/plugins/forceDirected.js", "js/cia_util.js",
)  # fmt: skip


def _head(title: str, og_path: str) -> str:
    """``<head>`` up to its first ``</head>``: metas, styles, scripts, the analytics tag."""
    t = attr(title)
    og_url = f"{CURRENT_HOST}{og_path}"
    lines = [
        "<!DOCTYPE HTML>",
        '<html xml:lang="en" lang="en">',
        "<head>",
        f"<title>{esc(title)}</title>",
        "",
        '<meta charset="utf-8" />',
        '<meta name="viewport" content="user-scalable=no, initial-scale=1.0, maximum-scale=1.0,'
        ' minimum-scale=1.0, width=device-width" />',
        '<meta http-equiv="X-UA-Compatible" content="IE=edge" />',
        '<meta name="mobile-web-app-capable" content="yes" />',
        '<meta name="apple-mobile-web-app-status-bar-style" content="black-translucent" />',
        '<meta name="format-detection" content="telephone=no" />',
        "",
        f'<meta name="description" content="{DESCRIPTION}" />',
        f'<meta property="og:title" content="{t}"  />',
        f'<meta property="og:site_name" content="{SITE_NAME}" />',
        f'<meta property="og:description" content="{DESCRIPTION}" />',
        '<meta property="og:type" content="website" />',
        f'<meta property="og:image" content="{CURRENT_HOST}/imgs/common/kita_logo_mid.png" />',
        # og:url never carries the query: it names the board, not the article.
        f'<meta property="og:url" content="{og_url}" />',
        "",
        '<meta name="twitter:card" content="photo" />',
        f'<meta name="twitter:url" content= "{og_url}" />',
        f'<meta name="twitter:title" content="{t}"  />',
        f'<meta name="twitter:description" content="{DESCRIPTION}" />',
        "",
        f'<link rel="shortcut icon" href="{url("/imgs/favicon.png")}" />',
        f'<link rel="icon" sizes="any" href="{url("/imgs/favicon.png")}" />',
        "",
    ]
    lines += [
        f'<link rel="stylesheet" type="text/css" href="{url("/css/" + name)}" />'
        for name in _STYLES
    ]
    lines.append("")
    lines += [
        f'<script type="text/javascript" src="{url("/js/" + name)}"></script>' for name in _SCRIPTS
    ]
    lines += [
        "",
        "<!-- 차트 라이브러리 -->",
        '<link rel="stylesheet" type="text/css"'
        f' href="{url("/aiBigData/js/rMateChartH5/Assets/Css/rMateChartH5.css")}"></script>',
    ]
    lines += [f'<script src="{url("/aiBigData/" + name)}"></script>' for name in _CHARTS]
    lines += [
        "",
        "<!-- nLogger 추가 -->",
        '<script type="text/javascript" src="/js/nlogger.js" ></script>',
        '<script type="text/javascript" src="/js/nloggerCommon.js" ></script>',
        "<!-- //nLogger 추가 -->",
        "<!-- Google tag (gtag.js) -->",
        "",
        "<script async src=https://www.googletagmanager.com/gtag/js?id=G-K1T40RG2EN></script>",
        "<script>",
        "",
        "  window.dataLayer = window.dataLayer || [];",
        "",
        "  function gtag(){dataLayer.push(arguments);}",
        "",
        "  gtag('js', new Date());",
        "",
        "  gtag('config', 'G-K1T40RG2EN');",
        "",
        "</script>",
        "",
        "",
        "<!-- SmartEditor2 -->",
        '<script type="text/javascript"'
        f' src="{url("/lib/smarteditor2/js/HuskyEZCreator.js")}" charset="utf-8"></script>',
        "</head>",
    ]
    return "\n".join(lines) + "\n"


GLOBALS_SCRIPT = jsp(f"""<script type="text/javascript">
    // 스크립트에서 사용하기 위한 글로벌 변수 세팅
    var globalVariable = {{}};
    globalVariable.activeProfile = 'prod';
    globalVariable.loginUrl = 'https://ssl.kita.net';
    globalVariable.serverName = '{CURRENT_HOST}';

    $(document).ready(function(){{
        $(".btnModify").removeClass("hidden");
        $(".btnDelete").removeClass("hidden");

        // 리스트 화면에서 넘어온 조회조건 파라미터 세팅
        var _listSearchParams = "";
        if (!!_listSearchParams) {{
            $('form').each(function(idx){{
                $(this).find("input[name='_listSearchParams']").remove();
                $(this).append($('<input/>', {{ type: 'hidden', name: '_listSearchParams',
                    value: _listSearchParams }}));
            }});
        }}

        // 반응형 이미지맵 처리
        if( $('img[usemap]').length != 0) {{
            $('img[usemap]').rwdImageMaps();
        }}

        // nLogger
        nLoggerAddPageParam();
        nLogger.log();
    }});

    $(window).bind("pageshow", function (event) {{
        loading.close();
    }});

</script>
</head>
<body>




<input type="hidden" id="applCd" name="applCd" value="" />
<input type="hidden" id="userSeq" name="userSeq" value="" />
<!-- viewSummary 처리를 위한 메뉴 아이디와 Section 등록 -->
""")


@lru_cache(maxsize=16)
def _header(paths: ServedPaths) -> str:
    """The header with the mega-menu for a site serving the board at `paths`."""
    pc_menu, mobile_menu, site_map = menus(paths)
    tabs = "".join(
        f'\n\t\t\t\t\t\t<!-- [D] 현재 대메뉴 표시 <li class="on"> -->\n'
        f'\t\t\t\t\t\t<li class="{"on" if k == 2 else ""}"><a href="#menu{k}" data-gnb="menu"'
        f' data-target=".open-gnb-menu{k}">{label}</a></li>\n\t\t\t\t\t'
        for k, label in enumerate(
            ("About KITA", "News &amp; Media", "Trade Info", "Services"), start=1
        )
    )
    about = "".join(
        f"{GAP}\t\t\t\t\t\t\t\t\t<li>\n"
        f'\t\t\t\t\t\t\t\t\t\t<a href="javascript:void(0);" onclick="global.moveMenu('
        f"'{url(path)}', '', '', 'Y', 'N', '_self');\" >\n\t\t\t\t\t\t\t\t\t\t\t{label}\n"
        "\t\t\t\t\t\t\t\t\t\t</a>\n\t\t\t\t\t\t\t\t\t</li>"
        for label, path in (
            ("Home", "/info/index.do"),
            ("Greetings", "/info/about/ceoGreeting.do"),
            ("History", "/info/about/aboutHistory.do"),
            ("Organization", "/info/about/organization.do"),
            ("Ethics Management", "/info/about/ethicsCenter.do"),
            ("CI", "/info/about/ciLogo.do"),
            ("Careers", "/info/contactUs/employmentHumanResource.do"),
            ("Location", "/info/about/location.do"),
        )
    )
    return _HEADER.format(tabs=tabs, about=about, menus=pc_menu + mobile_menu, site_map=site_map)


_HEADER = jsp("""<header class="hd">
    <div class="hd-top">
        <div class="container">
            <h1 class="logo">
                <a href="javascript:void(0);" onclick="global.goPage('/');"><img\
 src="/imgs/logo.svg" alt="KITA Korea International Trade Association">KITA.ORG</a>
                <a href="#ct" class="sr-only">Skip to content</a>
            </h1>
            <div class="gnb">
                <!-- gnb depth1 -->
                <ul class="gnb-depth1">{tabs}
                </ul>
                <ul class="gnb-links">
                    <li><a href="https://membership.kita.net/" target="_blank"
                     rel="noopener noreferrer">Membership</a></li>
                    <li><a href="https://stat.kita.net/" target="_blank"
                     rel="noopener noreferrer">K-Stat</a></li>
                </ul>
            </div>
            <aside>
                <!-- PC 사이드메뉴  -->
                <div class="side-menu">
                     <div class="gnb-kita">
                        <button type="button" class="no-style" data-toggle="active"
                         data-target=".gnb-kita">
                            <i class="icon-hd-kita"></i><span >About KITA</span>
                        </button>
                        <ul class="aside-option">{about}
                        </ul>
                    </div>
                    <div class="gnb-ai-search">
                        <button type="button" class="no-style" data-open="ai-search"
                         data-target=".ai-search-frame">
                            <i class="icon-hd-search">Search</i><span>Search</span>
                        </button>
                    </div>
                    <div class="gnb-global">
                        <a href="https://www.kita.net/" target="_blank" rel="noopener noreferrer"
                        ><i class="icon-hd-ko">Korean</i><span>KOR</span></a>
                    </div>
                </div>
                <button type="button" class="bt-open-gnb" data-gnb="mo" data-target=".gnb-mo"
                ><i>Open menu</i></button>
            </aside>
        </div>
    </div>
{menus}
    <div class="ai-search-frame" id="_header_searchWrap">
        <form id="_header_aiSearchForm" name="_header_aiSearchForm" onsubmit="return false;">
            <input type="text" id="_header_aiSearchInput" class="inputbox"
             onkeydown="global.onEnter(_header.clickAiSearchBtn);" placeholder="Search KITA" />
            <select id="_header_aiSearchUnit" name="searchUnit" title="Results">
<option value="10" selected ">10</option><option value="20" ">20</option>
<option value="50" ">50</option>
            </select>
            <button type="button" onclick="_header.clickAiSearchBtn();" class="bt bt-dark"
            >Search</button>
            <ul id="_header_aiSearchRecentKeyword" style="display: none;"></ul>
            <p id="_header_aiSearchRecentKeywordNo" style="display: none;">No recent searches.</p>
        </form>
    </div>
</header>
{site_map}""")


HEADER_SCRIPT = (
    jsp("""<script type="text/javascript">
    var _header = {};

    $(document).ready(function(){
        _header.showRecentKeyword();
    });

    _header.showRecentKeyword = function(){
        var keywords = global.getSessionStorage();
        $("#_header_aiSearchRecentKeyword").empty();
        if (keywords && keywords.length) {
            for (var i = 0; i < keywords.length; i++) {
                var key = keywords[i];
                var $li = $("<li>");
                var $a = $("<a>").attr("href", "javascript:void(0);").text(key)
                                 .on("click", function () {
                                     _header.clickSearchKeyword($(this).text());
                                 });
                var $button = $("<button>").attr("type", "button")
                                             .addClass("no-style")
                                             .on("click", function () {
                                                 _header.deleteRecentKeyword(this, key);
                                             });
                $("<i>").addClass("icon-close").text("delete").appendTo($button);
                $li.append($a).append($button);
                $("#_header_aiSearchRecentKeyword").append($li);
            }
            $("#_header_aiSearchRecentKeyword").show();
        } else {
            $("#_header_aiSearchRecentKeywordNo").show();
        }
    }

    _header.deleteRecentKeyword = function(obj, sessionKey){
        global.deleteSessionStorage(sessionKey);
        $(obj).closest("li").remove();
        if($("#_header_aiSearchRecentKeyword").find("li").length == 0) {
            $("#_header_aiSearchRecentKeyword").hide();
            $("#_header_aiSearchRecentKeywordNo").show();
        }
    }

    _header.clickAiSearchBtn = function(){
        _header.doAiSearch($("#_header_aiSearchInput").val());
    }

    _header.clickSearchKeyword = function(keyword){
        $("#_header_aiSearchInput").val(keyword);
        _header.doAiSearch($("#_header_aiSearchInput").val());
    }

    _header.doAiSearch = function(keyword){
        if(global.isStringEmpty(keyword)){
            dlgAlert("Please enter a search term.");
            return;
        }
        $('#_header_searchWrap').removeClass('show');
        var aiSearchValueArr = global.setSessionStorage(keyword);
        var searchUrl = "/aiSearch/aiSearch/aiSearchResult.do?aiSearchValue=" + keyword
            + '&aiSearchValueArr=' + aiSearchValueArr;
        var options = ["searchMenuId", "searchStartDate", "searchAiKeyword", "chkService"];
        for (var i = 0; i < options.length; i++) {
            var $checked = $("#_header_aiSearchForm").find("input[name='" + options[i]
                + "']:checked");
            if ($checked.length) {
                searchUrl += "&" + options[i] + "=" + $checked.val();
            }
        }
        global.goPage(searchUrl);
    }

    _header.deleteAllRecentKeyword = function(){
        global.deleteSessionStorageAll();
        $("#_header_aiSearchRecentKeyword").empty();
        $("#_header_aiSearchRecentKeyword").hide();
        $("#_header_aiSearchRecentKeywordNo").show();
    }

    function _findSiteMapMenu(value){
        return;

        //개발중 중단

        //초기화
        _siteMapObjectDisplay($("#divSiteMap").find(".siteMapMenuItem"), true);
        if(value){
            //전체 메뉴 제거
            _siteMapObjectDisplay($("#divSiteMap").find(".siteMapMenuItem"), false);
            //검색에 해당하는 메뉴들만 show
            _siteMapObjectDisplay($("#divSiteMap").find("[data-path*='" + value + "']"), true);
        }

        //레벨1 메뉴 처리
        $("#divSiteMap").find("[data-level='1'][data-show='N']").each(function(){
            var menuId = $(this).data("menuid");
            if($("#divSiteMap").find("[data-level='2'][data-menuid='" + menuId
                + "'][data-show='Y']").length){
                _siteMapObjectDisplay($(this), true);
            } else {
                _siteMapObjectDisplay($(this), false);
            }
        });

        //섹션 처리
        $("#divSiteMap").find(".menu-sect-list").each(function(){
            if($(this).find("[data-level='2'][data-show='Y']").length){
                _siteMapObjectDisplay($(this), true);
            } else {
                _siteMapObjectDisplay($(this), false);
            }
        });
    }

    function _siteMapObjectDisplay($targetObj, isShow){
        if(isShow){
            $targetObj.show();
            $targetObj.data("show", "Y");
        } else {
            $targetObj.hide();
            $targetObj.data("show", "N");
        }
    }
</script>
""")
    + "\n" * 8
)


SUB_TOP_SCRIPT = jsp(f"""<script type="text/javascript">
    var subTop = {{}};

    const pageUrl = window.location.href;

    $(document).ready(function(){{
        subTop.showPlayButton();
    }});

    /**
     * 음성재생 버튼 처리
     */
    subTop.showPlayButton = function () {{
        if ($('#subTop_btnVoice').length && $('#aiDataContents').length) {{
            var playContent = $('#aiDataContents').val();

            if (nCloudApi.fn_validateLength(playContent)) {{
                $('#subTop_btnVoice').show();
            }} else {{
                $('#subTop_btnVoice').hide();
            }}
        }}
    }}

    /**
     * TTS(TEXT TO SPEECH) 팝업
     */
    subTop.showTtsPopup = function() {{
        global.openLayerPopup({{
            popupUrl : '{url("/common/popup/textToSpeechPopup.do")}'
        }});
    }}

    /**
     * 문장요약 팝업
     */
    subTop.showSummaryPopup = function() {{
        var playTitle = $('#aiDataTitle').val();
        var playContent = $('#aiDataContents').val();

        nCloudApi.summary.fn_getData(playTitle, playContent, function(playResult){{
            if (playResult) {{
                var contentsHtml = '';
                var resultArr = playResult.split('\\n');
                for (var i = 0; i < resultArr.length; i++) {{
                    contentsHtml += resultArr[i];
                }}

                global.openLayerPopup({{
                    popupUrl : '{url("/common/popup/contentSummaryPopup.do")}'
                    , params : {{
                        playTitle: playTitle
                        , playContents: contentsHtml
                    }}
                }});
            }}
        }});
    }}

    /**
     * 공유하기 팝업(SNS)
     */
    subTop.snsSharePopup = function(title) {{
        global.openLayerPopup({{
            popupUrl : '{url("/common/snsShare/snsShare.do")}'
            , params : {{
                subject : title
            }}
            , callbackFunction : function(resultObj){{
            }}
        }});
    }}
</script>
""")


def location(paths: ServedPaths, heading: str) -> str:
    """The breadcrumb of a news board page."""
    crumb = f"global.goPage('{url(paths.list_path)}');"
    return (
        '\t\t        \t<div class="location">\n'
        '\t<a href="javascript:void(0);" onclick="global.goPage(\'/\');" >'
        '<i class="icon-location-home">HOME</i></a>\n'
        f'\t<a href="javascript:void(0);" onclick="{crumb}">News &amp; Media</a>\n'
        f'\t\t\t\t\t\t<a href="javascript:void(0);" onclick="{crumb}">{esc(heading)}</a>\n'
        "\t\t\t\t\t\t</div>\n"
    )


def _family(title: str, links: tuple[tuple[str, str], ...]) -> str:
    items = "".join(
        f'\n\t\t\t\t\t\t<li><a href="{href}" target="_blank" rel="noopener noreferrer">'
        f"{label}</a></li>"
        for label, href in links
    )
    return (
        "\t\t\t<dl>\n"
        f'\t\t\t\t<dt role="button" onclick="$(this).parent().toggleClass(\'on\')">{title}</dt>\n'
        f'\t\t\t\t<dd>\n\t\t\t\t\t<ul class="scrollset">{items}\n\t\t\t\t\t</ul>\n'
        "\t\t\t\t</dd>\n\t\t\t</dl>\n"
    )


FOOTER = jsp(
    f"""

<!-- [D] include footer -->
<footer class="ft">
    <div class="ft-logo">
        <a href="javascript:void(0);" onclick="global.goPage('/{SID}');" >KITA.ORG</a>
        <img src=/imgs/common/ft_logo.png alt="KITA">
    </div>
    <div class="ft-kita">
        <ul>
            <li><a href="javascript:void(0);"
             onclick="global.goPage('{url("/policyAgree/policyService/policyService.do")}');"
             >Terms of Use</a></li>
            <li><a href="javascript:void(0);"
             onclick="global.goPage('{url("/policyAgree/privacyPolicy/privacyPolicy.do")}');"
             style="font-weight:bold;">Privacy Policy</a></li>
            <li><a href="javascript:void(0);"
             onclick="global.goPage('{url("/policyAgree/copyrightPolicy/copyrightPolicy.do")}');"
             >Copyright Policy</a></li>
            <li><a href="{url("/cvplSttemnt/main.do")}" target="_blank" >Sinmungo</a></li>
        </ul>
        <div>
            <span class="call-center">Trade Call Center <a href="tel:1566-5114">1566-5114</a>
            <p>
                <span>Trade Tower, 511 Yeongdong-daero, Gangnam-gu, Seoul 06164, Korea</span>
                <span>Copyright © KITA All rights reserved</span>
            </p>
            </span>
            <div class="snslinks">
                <a href="http://www.youtube.com/user/kita1946" target="_blank"
                 rel="noopener noreferrer"><i class="icon-footer-youtube">YouTube</i></a>
                <a href="http://www.facebook.com/KITA.fb" target="_blank"
                 rel="noopener noreferrer"><i class="icon-footer-fb">Facebook</i></a>
            </div>
        </div>
    </div>
    <div class="ft-links">
        <div class="familysite">
            <!-- [D] 신규 -->
"""
    + _family(
        "Business Sites",
        (
            ("tradeKorea", "http://www.tradekorea.com/"),
            ("KITA Membership", "https://membership.kita.net"),
            ("Trade Statistics", "https://stat.kita.net"),
            ("ABTC", "http://abtc.kita.net/"),
            ("Trade Academy", "https://newtradecampus.kita.net/"),
            ("KITA.net (Korean)", "https://www.kita.net/"),
        ),
    )
    + _family(
        "Family Site",
        (
            ("WTC Seoul", "http://www.wtcseoul.com"),
            ("COEX", "http://www.coex.co.kr"),
            ("KTNET", "https://www.ktnet.com"),
            ("COEX Mall", "https://www.starfield.co.kr/coexmall/main.do"),
        ),
    )
    + _family(
        "Trade Organizations",
        (
            ("Ministry of Trade, Industry and Energy", "https://www.motie.go.kr/"),
            ("Korea Customs Service", "http://www.customs.go.kr/"),
            ("KOTRA", "http://www.kotra.or.kr"),
            ("K-SURE", "http://www.ksure.or.kr"),
            ("Korea Eximbank", "http://www.koreaexim.go.kr"),
        ),
    )
    + """		</div>
    </div>
</footer>
</body>
</html>
"""
)


def document(title: str, og_path: str, paths: ServedPaths, content: str, script: str) -> str:
    """A whole page: `content` (the ``div.ct``) and the page's own `script`, inside the chrome.

    The header and the mega-menu come first, then the content, the page's
    script, and the footer last.
    """
    return (
        _head(title, og_path)
        + GLOBALS_SCRIPT
        + _header(paths)
        + HEADER_SCRIPT
        + content
        + script
        + FOOTER
    )
