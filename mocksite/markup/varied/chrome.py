"""The chrome around a made-up markup's content: head, header and menu, heading, footer.

``document`` writes a whole page: the ``<title>`` and og:title the article
page chose, the scripts the page defines, a header whose menu links to the
site's boards (never to an article), the board's heading, the content, and
a footer whose family-site selector says ``Family Site`` (a ``<div>`` with a
button, or a ``<footer>`` with a ``<select>``). Every class name comes from
the markup's ``Names``; none is one a crawler knows.
"""

from __future__ import annotations

from mocksite.markup.varied.catalogue import Markup
from mocksite.text import attr, esc

SITE_NAME = "Korea International Trade Association"
MENU = (
    ("About KITA", "/about/introduce.do"),
    ("KITA News", "/about/newsList.do"),
    ("Photo Gallery", "/about/photoList.do"),
    ("KITA Insights", "/kitaInsights/kitaInsightsList.do"),
    ("Membership", "/membership/membershipInfo.do"),
    ("Trade Info", "/tradeInfo/tradeStatistics.do"),
)
FAMILY = (
    ("http://www.kita.net", "KITA.net (Korean)"),
    ("http://www.tradekorea.com", "tradeKorea"),
    ("http://www.tradeacademy.or.kr", "Trade Academy"),
)


def session_path(path: str, markup: Markup, session: str) -> str:
    """`path` with a session id, as the container writes it when the markup's links carry one."""
    return f"{path};JSESSIONID_ORG={session}.Hyper" if markup["sessions"] == "in_links" else path


def _footer(markup: Markup) -> str:
    names = markup.names
    address = (
        "<address>Trade Tower, 511 Yeongdong-daero, Gangnam-gu, Seoul 06164, Korea"
        " / TEL 82-2-6000-5114</address>\n"
        f"<p>Copyright &copy; {SITE_NAME}. All Rights Reserved.</p>"
    )
    if markup["footer"] == "footer_select":
        options = "".join(f'<option value="{url}">{label}</option>' for url, label in FAMILY)
        return (
            f'<footer class="{names["footer"]}">\n{address}\n'
            f'<select class="{names["family"]}" title="Family Site"'
            ' onchange="if (this.value) window.open(this.value);">'
            f'<option value="">Family Site</option>{options}</select>\n</footer>'
        )
    links = "".join(
        f'<li><a href="{url}" target="_blank">{label}</a></li>' for url, label in FAMILY
    )
    return (
        f'<div class="{names["footer"]}">\n{address}\n<div class="{names["family"]}">'
        f'<button type="button">Family Site</button><ul>{links}</ul></div>\n</div>'
    )


def document(
    markup: Markup,
    content: str,
    *,
    title: str,
    heading: str,
    og_title: str | None = None,
    scripts: str = "",
    head_extra: str = "",
    encoding: str = "utf-8",
) -> str:
    """A whole page of the board `heading` holding `content`, `title` in its ``<title>``.

    `og_title`: an og:title meta tag's content (None: no such tag); `scripts`:
    the page's own inline JavaScript (its handlers' definitions).
    """
    names = markup.names
    if encoding == "utf-8":
        charset = '<meta charset="utf-8">'
    else:
        charset = f'<meta http-equiv="Content-Type" content="text/html; charset={encoding}">'
    og = f'<meta property="og:title" content="{attr(og_title)}">\n' if og_title is not None else ""
    menu = "".join(f'<li><a href="{path}">{label}</a></li>' for label, path in MENU)
    script = f"<script>\n{scripts}\n</script>\n" if scripts else ""
    return (
        f'<!DOCTYPE html>\n<html lang="en">\n<head>\n{charset}\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n{og}"
        f'<meta property="og:site_name" content="{SITE_NAME}">\n'
        '<link rel="stylesheet" href="/css/common.css">\n'
        '<script src="/js/jquery-3.4.1.min.js"></script>\n'
        f"{head_extra}{script}</head>\n<body>\n"
        f'<div class="{names["list_wrap"]}_page">\n'
        '<header><h1><a href="/index.do"><img src="/images/common/logo.png"'
        f' alt="KITA {SITE_NAME}"></a></h1>\n'
        f"<nav><ul>{menu}</ul></nav>\n"
        '<a href="http://www.kita.net" target="_blank" title="new window">Korean</a>\n</header>\n'
        f'<main>\n<p><a href="/index.do">Home</a> &gt; About KITA &gt; {esc(heading)}</p>\n'
        f'<h2 class="{names["board_heading"]}">{esc(heading)}</h2>\n{content}\n</main>\n'
        f"{_footer(markup)}\n</div>\n</body>\n</html>\n"
    )
