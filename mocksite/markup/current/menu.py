"""The current template's mega-menu: every board path of the site, as ``global.moveMenu`` calls.

Real pages carry the site's whole menu three times (the PC drop-down, the
mobile menu and the site map), each entry a dead link whose ``onclick`` is
``global.moveMenu('/board/photoNews/photoNewsList.do', '', '', 'Y', 'N', '_self')``.
It is also the one place a page names where the boards are, so a crawler that
finds no list where it looks can read the board paths off it. The news
board's entry points at the list path the site is serving.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from mocksite.markup.current.sessions import url
from mocksite.text import esc
from mocksite.urls import ServedPaths

# JSP loops leave runs of blank, tab-indented lines between the entries they write.
GAP = "\n\t\t\t\t\n\t\t\t\t\n\t\t\t\t\t\n"


@dataclass(frozen=True, slots=True)
class Entry:
    """One menu entry: a path on the site (session-rewritten) or an outside URL."""

    label: str
    target: str
    window: str = "_self"

    @property
    def internal(self) -> bool:
        return self.target.startswith("/")

    def handler(self) -> str:
        where = url(self.target) if self.internal else self.target
        return f"global.moveMenu('{where}', '', '', 'Y', 'N', '{self.window}');"

    def anchor(self, indent: str = "") -> str:
        return (
            f'{indent}<a href="javascript:void(0);" onclick="{esc(self.handler())}">\n'
            f"{indent}\t{esc(self.label)}\n{indent}</a>"
        )


NEWS_LABEL = "KITA News"


def sections(paths: ServedPaths) -> tuple[tuple[str, tuple[Entry, ...]], ...]:
    """The menu's sections (title, entries), the news board at `paths`' list path."""
    return (
        (
            "About KITA",
            (
                Entry("Greetings", "/info/about/ceoGreeting.do"),
                Entry("History", "/info/about/aboutHistory.do"),
                Entry("Organization", "/info/about/organization.do"),
                Entry("Global Network", "/info/about/globalNetwork.do"),
                Entry("Location", "/info/about/location.do"),
            ),
        ),
        (
            "News & Media",
            (
                Entry(NEWS_LABEL, paths.list_path),
                Entry("Press Releases", "/board/pressData/pressDataList.do"),
                Entry("Photo Gallery", "/board/photoNews/photoNewsList.do"),
                Entry("Notices", "/board/notice/noticeList.do"),
                Entry("KITA Insights", "/kitaInsights/kitaInsightsList.do"),
            ),
        ),
        (
            "Trade Info",
            (
                Entry("Trade News", "/board/tradeNews/tradeNewsList.do"),
                Entry(
                    "Overseas Market News", "/board/overseasMarketNews/overseasMarketNewsList.do"
                ),
                Entry("Research Reports", "/researchTrade/report/reportMain/reportMainList.do"),
                Entry("Bid Announcements", "/board/bidAnnounce/bidAnnounceList.do"),
                Entry("Trade Statistics", "https://stat.kita.net/?utm_source=kita.org", "_blank"),
            ),
        ),
        (
            "Services",
            (
                Entry("Membership", "/membership/membershipInfo.do"),
                Entry("Business Programs", "/asocBiz/asocBiz/asocBizOngoingList.do"),
                Entry("Trade Academy", "https://newtradecampus.kita.net/", "_blank"),
                Entry("Contact Us", "/info/contactUs/contactUs.do"),
            ),
        ),
    )


def board_list_paths(paths: ServedPaths) -> list[str]:
    """The list paths of the boards the menu names (``.../xxxList.do``), in menu order."""
    return [
        entry.target
        for _, entries in sections(paths)
        for entry in entries
        if entry.internal and entry.target.endswith("List.do")
    ]


def _pc_menu(paths: ServedPaths) -> str:
    """The PC drop-down: one tab pane per section, popular links on top."""
    out = [
        '\t<!-- [D] pc 메뉴 -->\n\t<div class="gnb-nav gnb-menu">\n\t\t<div class="tab-content">'
    ]
    for k, (title, entries) in enumerate(sections(paths), start=1):
        best = "".join(
            f'\n\t\t\t\t\t\t\t\t\t\t<li>\n\t\t\t\t\t\t\t\t\t\t\t<a href="javascript:void(0);"'
            f' onclick="global.goPage(\'{url(e.target)}\');" class="badge radius">'
            f"{esc(e.label)}</a>\n\t\t\t\t\t\t\t\t\t\t</li>"
            for e in entries[:3]
            if e.internal
        )
        items = "".join(
            f'{GAP}\t\t\t\t\t\t\t\t\t\t\t<li class="">\n{e.anchor(chr(9) * 12)}\n'
            "\t\t\t\t\t\t\t\t\t\t\t</li>"
            for e in entries
        )
        out.append(
            f'{GAP}\t\t\t\t\t<div class="tab-pane open-gnb-menu{k}">\n'
            '\t\t\t\t\t\t<section class="container-xl">\n'
            '\t\t\t\t\t\t\t<div class="open-menu-hd">\n\t\t\t\t\t\t\t\t<div class="best-links">\n'
            f"\t\t\t\t\t\t\t\t\t<p>Popular</p>\n\t\t\t\t\t\t\t\t\t<ul>{best}\n"
            "\t\t\t\t\t\t\t\t\t</ul>\n\t\t\t\t\t\t\t\t</div>\n"
            '\t\t\t\t\t\t\t\t<button type="button" data-close="gnb" class="no-style">'
            '<i class="icon-modal-close">close menu</i></button>\n\t\t\t\t\t\t\t</div>\n'
            '\t\t\t\t\t\t\t<div class="open-menu-body">\n\t\t\t\t\t\t\t\t<div class="menu-sect">\n'
            f'{GAP}\t\t\t\t\t\t\t\t\t<div class="menu-sect-list">\n'
            f'\t\t\t\t\t\t\t\t\t\t<p class="st">\n{entries[0].anchor(chr(9) * 11)}\n'
            f"\t\t\t\t\t\t\t\t\t\t</p>\n\t\t\t\t\t\t\t\t\t\t<!-- {esc(title)} -->\n"
            f"\t\t\t\t\t\t\t\t\t\t<ul>{items}\n\t\t\t\t\t\t\t\t\t\t</ul>\n"
            "\t\t\t\t\t\t\t\t\t</div>\t<!-- menu-sect-list end -->\n"
            "\t\t\t\t\t\t\t\t</div>\n\t\t\t\t\t\t\t</div>\n\t\t\t\t\t\t</section>\n"
            "\t\t\t\t\t</div>"
        )
    out.append("\n\t\t</div>\n\t</div>\n")
    return "".join(out)


def _mobile_menu(paths: ServedPaths) -> str:
    """The mobile menu: an accordion of the same sections."""
    out = ['\t<!-- [D] mobile 메뉴 -->\n\t<div class="gnb-mo">\n\t\t<ul class="mo-depth1">']
    for k, (title, entries) in enumerate(sections(paths), start=1):
        items = "".join(
            f"{GAP}\t\t\t\t\t<li>\n{e.anchor(chr(9) * 6)}\n\t\t\t\t\t</li>" for e in entries
        )
        out.append(
            f'\n\t\t\t<li class="mo-menu{k}">\n'
            f'\t\t\t\t<button type="button" class="no-style" data-toggle="active">'
            f'{esc(title)}</button>\n\t\t\t\t<ul class="mo-depth2">{items}\n'
            "\t\t\t\t</ul>\n\t\t\t</li>"
        )
    out.append("\n\t\t</ul>\n\t</div>\n")
    return "".join(out)


def _site_map(paths: ServedPaths) -> str:
    """The site map layer: the same entries again, with their place in the menu as data."""
    out = ['<div id="divSiteMap" class="sitemap-frame" style="display: none;">']
    for k, (title, entries) in enumerate(sections(paths), start=1):
        out.append(
            f'\n\t<div class="menu-sect-list" data-level="1" data-menuid="menu{k}" data-show="Y">'
            f'\n\t\t<p class="st">{esc(title)}</p>\n\t\t<ul>'
        )
        for j, e in enumerate(entries, start=1):
            out.append(
                f'{GAP}\t\t\t<li class="siteMapMenuItem" data-level="2" data-pgmid="{k}{j:02d}"'
                f' data-path="{esc(title)} &gt; {esc(e.label)}" data-show="Y">\n'
                f"{e.anchor(chr(9) * 4)}\n\t\t\t</li>"
            )
        out.append("\n\t\t</ul>\n\t</div>")
    out.append("\n</div>\n")
    return "".join(out)


@lru_cache(maxsize=16)
def menus(paths: ServedPaths) -> tuple[str, str, str]:
    """The PC menu, the mobile menu and the site map for a site serving the board at `paths`."""
    return _pc_menu(paths), _mobile_menu(paths), _site_map(paths)
