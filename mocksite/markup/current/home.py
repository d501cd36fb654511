"""The home page ``/`` in the current template: the chrome, the latest news, the menu.

It carries the same mega-menu as every page, so it is where a crawler that
finds no list at the path it was given can read where the boards are.
"""

from __future__ import annotations

from mocksite.markup.current.chrome import SITE_NAME, document
from mocksite.markup.current.menu import NEWS_LABEL, Entry
from mocksite.markup.current.sessions import url
from mocksite.model import Post
from mocksite.text import esc
from mocksite.urls import SITE_ID, ServedPaths


def home_html(latest: list[Post], paths: ServedPaths) -> str:
    """The home page (session marks unfilled), showing the `latest` news posts."""
    items = "".join(
        f'\n\t\t\t\t<li><a href="javascript:void(0);" onclick="global.goPage('
        f"'{url(f'{paths.detail_path}?{paths.id_param}={post.no}&siteId={SITE_ID}')}');\">"
        f'{esc(post.title)}</a> <span class="date">{post.posted.strftime("%Y.%m.%d")}</span></li>'
        for post in latest
    )
    more = Entry(NEWS_LABEL, paths.list_path).handler()
    content = (
        '<div class="ct main">\n\t<section class="container main-news">\n'
        f'\t\t<h2 class="h2">{NEWS_LABEL}</h2>\n'
        f'\t\t<a href="javascript:void(0);" onclick="{more}" class="more">More</a>\n'
        f'\t\t<ul class="main-news-list">{items}\n\t\t</ul>\n\t</section>\n</div>\n'
    )
    return document(SITE_NAME, "/", paths, content, "")
