"""The chrome of the older template: scripts, header, all-menu, side menu, footer.

``document`` wraps a page's content in it; the scripts, the side menu and
the location bar are those of the board's ``Section``. Real pages carry
about 20 kB of chrome around 3-8 kB of news; the imitation carries as much,
so that benchmarks time pages of the real size.
"""

from __future__ import annotations

from mocksite.markup.older.section import NEWS, Section


def _scripts(section: Section) -> str:
    """jQuery and the board's two link handlers."""
    return (
        '<script src="/js/jquery-1.11.3.min.js"></script>\n<script>\n'
        f"function fn_view(no) {{\n  {section.view_script}\n}}\n"
        f"function fn_egov_link_page(pageNo) {{\n  {section.list_script}\n}}\n</script>"
    )


HEADER = """<div id="skip"><a href="#contents">Skip to content</a></div>
<div id="header">
<div class="inner">
<h1 class="logo"><a href="/index.do">
<img src="/images/common/logo.png" alt="KITA Korea International Trade Association">
</a></h1>
<ul id="gnb">
<li><a href="/about/introduce.do">About KITA</a>
<ul>
<li><a href="/about/introduce.do">Introduction</a></li>
<li><a href="/about/newsList.do">KITA News</a></li>
<li><a href="/about/photoList.do">Photo Gallery</a></li>
</ul></li>
<li><a href="/kitaInsights/kitaInsightsList.do">KITA Insights</a></li>
<li><a href="/membership/membershipInfo.do">Membership</a></li>
<li><a href="/tradeInfo/tradeStatistics.do">Trade Info</a></li>
</ul>
<div class="util"><a href="http://www.kita.net" target="_blank" title="new window">Korean</a></div>
</div>
</div>"""
# Real pages carry a site-wide "all menu" and inline scripts around the
# article, about 20 kB of chrome for 3-8 kB of news: without it, benchmarks
# would time pages a fifth of the real size.
_MENU_SECTIONS = (
    (
        "About KITA",
        "about",
        (
            "Greetings",
            "History",
            "Vision",
            "Organization",
            "Board of Directors",
            "Global Network",
            "KITA News",
            "Photo Gallery",
            "Location",
        ),
    ),
    (
        "Trade Info",
        "tradeInfo",
        (
            "Trade Statistics",
            "Export by Country",
            "Import by Country",
            "Export by Item",
            "Import by Item",
            "Trade Forecast",
            "Trade Briefs",
            "Market Reports",
            "Tariff Information",
            "FTA Guide",
        ),
    ),
    (
        "KITA Insights",
        "kitaInsights",
        ("Newsletter", "Research Papers", "Trade Focus", "Global Trade Issues", "Industry Outlook"),
    ),
    (
        "Membership",
        "membership",
        (
            "Membership Information",
            "Benefits",
            "Apply",
            "Member Companies",
            "Member Services",
            "FAQ",
        ),
    ),
    (
        "Trade Services",
        "service",
        (
            "Trade Missions",
            "Exhibitions",
            "Buyer Matching",
            "Trade Academy",
            "Certification",
            "Logistics Support",
            "Trade Remedies",
            "Consulting Desk",
        ),
    ),
    (
        "Business Partners",
        "partner",
        ("tradeKorea", "Trade Tower", "COEX", "Korea World Trade Center", "Seoul Trade Exhibition"),
    ),
)


def _all_menu() -> str:
    rows = ['<div id="allMenu" class="all_menu" style="display:none">', "<h2>All Menu</h2>"]
    for title, folder, items in _MENU_SECTIONS:
        rows.append(f'<div class="menu_box"><h3><a href="/{folder}/index.do">{title}</a></h3><ul>')
        for k, item in enumerate(items):
            slug = "".join(word.capitalize() for word in item.split())
            rows.append(
                f'<li><a href="/{folder}/{slug[0].lower()}{slug[1:]}.do?menuNo={k + 1:03d}"'
                f' title="{item} - {title}">{item}</a><ul class="depth3">'
                f'<li><a href="/{folder}/{slug[0].lower()}{slug[1:]}List.do">{item} list</a></li>'
                f'<li><a href="/{folder}/{slug[0].lower()}{slug[1:]}Guide.do">Guide</a></li>'
                "</ul></li>"
            )
        rows.append("</ul></div>")
    rows.append("</div>")
    rows.append("<script>")
    for k in range(40):
        rows.append(
            f"function fn_menu{k:02d}(e) {{ var t = document.getElementById('allMenu');"
            f" if (t) {{ t.style.display = (t.style.display == 'none') ? 'block' : 'none'; }}"
            f" return false; }}"
        )
    rows.append("</script>")
    return "\n".join(rows)


HEADER = HEADER + "\n" + _all_menu()


def _lnb(section: Section) -> str:
    """The side menu of the board's part of the site, the board's own entry marked ``on``."""
    on = ' class="on"'
    items = "".join(
        f'<li{on if path == section.list_path else ""}><a href="{path}">{label}</a></li>\n'
        for label, path in section.lnb
    )
    return f'<div id="lnb">\n<h2>{section.lnb_title}</h2>\n<ul>\n{items}</ul>\n</div>'


FOOTER = """<div id="footer">
<div class="inner">
<ul class="foot_menu">
<li><a href="/etc/privacy.do">Privacy Policy</a></li>
<li><a href="/etc/emailRefusal.do">Email Collection Refusal</a></li>
<li><a href="/etc/sitemap.do">Sitemap</a></li>
</ul>
<address>Trade Tower, 511 Yeongdong-daero, Gangnam-gu, Seoul 06164, Korea
/ TEL 82-2-6000-5114</address>
<p class="copy">Copyright &copy; Korea International Trade Association. All Rights Reserved.</p>
<div class="family_site">
<button type="button">Family Site</button>
<ul>
<li><a href="http://www.kita.net" target="_blank">KITA.net (Korean)</a></li>
<li><a href="http://www.tradekorea.com" target="_blank">tradeKorea</a></li>
<li><a href="http://www.tradeacademy.or.kr" target="_blank">Trade Academy</a></li>
</ul>
</div>
</div>
</div>"""


def document(
    content: str,
    *,
    heading: str,
    encoding: str = "utf-8",
    head_extra: str = "",
    section: Section = NEWS,
) -> str:
    """A page of `section`'s board: `content` under the `heading`, inside the site's chrome."""
    if encoding == "utf-8":
        charset = '<meta charset="utf-8">'
    else:
        charset = f'<meta http-equiv="Content-Type" content="text/html; charset={encoding}">'
    return (
        f'<!DOCTYPE html>\n<html lang="en">\n<head>\n{charset}\n'
        '<meta http-equiv="X-UA-Compatible" content="IE=edge">\n'
        f"<title>{section.title} | Korea International Trade Association</title>\n"
        '<link rel="stylesheet" type="text/css" href="/css/common.css">\n'
        f'{head_extra}\n{_scripts(section)}\n</head>\n<body>\n<div id="wrap">\n{HEADER}\n'
        f'<div id="container">\n{_lnb(section)}\n<div id="contents">\n'
        f'<div class="location"><a href="/index.do">Home</a> &gt; {section.crumb} &gt; '
        f"<strong>{section.title}</strong></div>\n"
        f'<div class="sub_tit"><h3>{heading}</h3></div>\n{content}\n</div>\n</div>\n'
        f"{FOOTER}\n</div>\n</body>\n</html>\n"
    )
