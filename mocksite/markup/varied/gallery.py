"""The Photo Gallery's list as a grid of cards, the ``gallery`` dimension's two made-up forms.

- ``cards``: ``<ul class="gallery_list"><li><a ...>`` with a thumbnail, the
  title and the date; every other card opens its item through
  ``fn_view('N')`` (defined on the page), the others through a plain href;
  the paging bar calls ``fn_egov_link_page(n)``, defined on the page too. No
  class a crawler of the older grid knows (``board_list``) is on it.
- ``div_cards``: ``<div>`` cards with the markup's made-up classes, each
  leading to its item as the markup's list rows do (href, the markup's own
  handler on the link or in a ``javascript:`` href, or on the card), paging
  as the markup's.

Either leads to the detail path of its own generation (``paths``): the
older ``/about/photoView.do`` from the older list, the newer
``/photoGallery/photoGalleryDetail.do`` from the newer one.
"""

from __future__ import annotations

from mocksite.boards.items import PhotoItem
from mocksite.markup.older.photo import NO_THUMBNAIL
from mocksite.markup.varied.catalogue import Markup
from mocksite.markup.varied.chrome import SITE_NAME, document
from mocksite.markup.varied.links import Links, Place
from mocksite.markup.varied.listing import paging_html
from mocksite.model import ListView, Post
from mocksite.text import attr, esc, script_attr
from mocksite.urls import ServedPaths

GALLERY_FORMS = ("board_grid", "cards", "div_cards")
HEADING = "Photo Gallery"


def _thumbnail(post: Post) -> str:
    photos = post.photos if isinstance(post, PhotoItem) else ()
    return photos[0].src if photos else NO_THUMBNAIL


def _cards(view: ListView, paths: ServedPaths) -> tuple[str, str, str]:
    """The ``cards`` grid, its paging bar and its script."""
    key = paths.id_param
    items = []
    shown = view.shown
    for _, post in view.rows:
        if post.no % 2:
            link = f'href="#none" onclick="fn_view(\'{post.no}\'); return false;"'
        else:
            href = f"{paths.detail_path}?{key}={post.no}&searchWrd=&pageIndex={shown}"
            link = f'href="{attr(href)}"'
        items.append(
            f'<li><a {link}><span class="img"><img src="{attr(_thumbnail(post))}" alt=""></span>'
            f'<strong class="tit">{esc(post.title)}</strong></a>'
            f'<span class="day">{post.posted.isoformat()}</span></li>'
        )
    if shown is None:
        items.append('<li class="empty">No posts.</li>')
    grid = '<ul class="gallery_list">\n' + "\n".join(items) + "\n</ul>"
    current = shown if shown is not None else view.page
    numbers = []
    if shown is not None:
        start = (current - 1) // 10 * 10 + 1
        for page in range(start, min(start + 9, view.last) + 1):
            numbers.append(
                f"<strong>{page}</strong>"
                if page == current
                else f'<a href="#none" onclick="fn_egov_link_page({page}); return false;">'
                f"{page}</a>"
            )
        if start + 10 <= view.last:
            numbers.append(
                f'<a href="#none" class="next" onclick="fn_egov_link_page({start + 10});'
                ' return false;">Next</a>'
            )
    paging = '<div class="page_nav">\n' + "\n".join(numbers) + "\n</div>"
    script = (
        f"function fn_view(id) {{\n\tlocation.href = '{paths.detail_path}?{key}=' + id;\n}}\n"
        "function fn_egov_link_page(pageNo) {\n"
        f"\tlocation.href = '{paths.list_path}?pageIndex=' + pageNo;\n}}"
    )
    return grid, paging, script


def _div_cards(view: ListView, markup: Markup, paths: ServedPaths) -> tuple[str, str, str]:
    """The ``div_cards`` grid, its paging bar and its script, in `markup`'s forms."""
    links = Links(markup, Place(paths), view.session)
    n = markup.names
    how = markup["row_link"]
    cards = []
    for _, post in view.rows:
        title = esc(post.title)
        card_attrs = ""
        if how == "row_onclick":
            call = script_attr(links.handler.call(post.no))
            card_attrs = f' onclick="{call};"'
            link = f'<a href="#none">{title}</a>'
        else:
            link = f"<a {links.article_attrs(post.no, how=how)}>{title}</a>"
        cards.append(
            f'<div class="{n["gallery_item"]}"{card_attrs}>'
            f'<img src="{attr(_thumbnail(post))}" alt="">'
            f'<p class="{n["subject"]}">{link}</p><p class="{n["date"]}">'
            f"{post.posted.strftime('%Y.%m.%d')}</p></div>"
        )
    if view.shown is None:
        cards.append(f'<div class="{n["no_rows"]}">No posts.</div>')
    grid = f'<div class="{n["gallery_list"]}">\n' + "\n".join(cards) + "\n</div>"
    current = view.shown if view.shown is not None else view.page
    paging = paging_html(markup, links, current, view.last, view.shown is not None)
    uses_handler = how != "href"
    script = "\n".join(links.definitions(view=uses_handler, paging=links.paging is not None))
    form = links.form(view=uses_handler, paging=links.paging is not None)
    return form + grid, paging, script


def gallery_html(view: ListView, form: str, markup: Markup, paths: ServedPaths) -> str:
    """The Photo Gallery list page showing `view` as `form` ("cards" or "div_cards") cards,
    leading to items at `paths`; `markup` gives the chrome (and, for "div_cards", the forms)."""
    if form == "cards":
        grid, paging, script = _cards(view, paths)
    elif form == "div_cards":
        grid, paging, script = _div_cards(view, markup, paths)
    else:
        raise ValueError(f"gallery form must be 'cards' or 'div_cards', not {form!r}")
    content = (
        f'<p class="{markup.names["total"]}">Total <strong>{view.total:,}</strong></p>\n'
        f"{grid}\n{paging}"
    )
    return document(
        markup, content, title=f"{HEADING} | {SITE_NAME}", heading=HEADING, scripts=script
    )
