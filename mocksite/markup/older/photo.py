"""The Photo Gallery in the older template: an item's images, its text, the gallery list.

An item page is the older article page (``article.py``) given a gallery
block and a body of its own: the images, each named by its file name in the
item's ``photo_form`` (alt text, a caption, a figure caption, a line of text
after it, a gallery block before the body), then the caption text. The list
page is a grid of thumbnails (``ul.board_list`` of ``<li>``s) instead of the
news board's table, with the same paging bar.
"""

from __future__ import annotations

import random

from mocksite.boards.items import GALLERY_FORMS, Photo, PhotoItem
from mocksite.markup.older.chrome import document
from mocksite.markup.older.links import link_attrs
from mocksite.markup.older.listing import paging_html, row_form
from mocksite.markup.older.names import NAMES, Names
from mocksite.markup.older.section import PHOTOS, Section
from mocksite.model import ListOptions, ListView, Post
from mocksite.text import attr, esc

NO_THUMBNAIL = "/images/common/no_img.gif"
# A generic alt the site writes where the caption names the image.
GENERIC_ALT = "사진"


def _image_html(photo: Photo, form: str) -> str:
    src, name = attr(photo.src), esc(photo.name)
    if form == "alt":
        return f'<p style="text-align: center;"><img src="{src}" alt="{attr(photo.name)}"></p>'
    if form == "caption":
        return (
            f'<div class="img_box"><img src="{src}" alt="{attr(photo.name)}">'
            f'<p class="caption">{name}</p></div>'
        )
    if form == "figure":
        return f'<figure><img src="{src}" alt=""><figcaption>{name}</figcaption></figure>'
    if form == "line":
        return f'<p style="text-align: center;"><img src="{src}"><br>{name}</p>'
    if form == "gallery":
        return f'<li><img src="{src}" alt="{attr(photo.name)}"><span class="tit">{name}</span></li>'
    if form == "gallery_dl":
        return f'<dl><dt><img src="{src}" alt="{GENERIC_ALT}"></dt><dd>{name}</dd></dl>'
    raise ValueError(f"unknown photo form {form!r}")


def gallery_html(item: PhotoItem) -> str:
    """The gallery block before the body container ("" when the images are in the body)."""
    if item.photo_form not in GALLERY_FORMS or not item.photos:
        return ""
    images = "\n".join(_image_html(p, item.photo_form) for p in item.photos)
    if item.photo_form == "gallery":
        return f'<div class="gallery">\n<ul>\n{images}\n</ul>\n</div>'
    return f'<div class="photo_area">\n{images}\n</div>'


def body_html(item: PhotoItem) -> str:
    """What the body container holds: the images (unless in a gallery block), then the text."""
    tag = "div" if item.variant.body_form == "div" else "p"
    rng = random.Random(item.render_seed)
    units = []
    if item.photo_form not in GALLERY_FORMS:
        units += [_image_html(p, item.photo_form) for p in item.photos]
    units += [f"<{tag}>{block.html}</{tag}>" for block in item.blocks]
    out: list[str] = []
    for i, unit in enumerate(units):
        if i and rng.random() < 0.5:
            out.append(f"<{tag}>&nbsp;</{tag}>")
        out.append(unit)
    return "\n".join(out)


def _thumbnail(post: Post) -> str:
    photos = post.photos if isinstance(post, PhotoItem) else ()
    return photos[0].src if photos else NO_THUMBNAIL


def _item_html(post: Post, page_index: int, options: ListOptions, session: str) -> str:
    form = row_form(post, options)
    title = esc(post.title)
    inner = (
        f'<span class="thumb"><img src="{attr(_thumbnail(post))}" alt=""></span>'
        f'<strong class="subject">{title}</strong>'
    )
    li_attrs = ""
    if form == "tr_onclick":
        li_attrs = f' onclick="fn_view(\'{post.no}\');" style="cursor: pointer;"'
        link = f'<a href="#none">{inner}</a>'
    else:
        link = f"<a {link_attrs(form, post.no, session, page_index, PHOTOS)}>{inner}</a>"
    info = ""
    if options.columns:
        info = (
            f'<span class="date">{post.posted.isoformat()}</span>'
            f'<span class="hit">{post.hits}</span>'
        )
    return f"<li{li_attrs}>{link}{info}</li>"


def list_html(
    view: ListView, options: ListOptions, names: Names = NAMES, section: Section = PHOTOS
) -> str:
    """The gallery list page (chrome included) showing `view`: thumbnails, then the paging."""
    shown = view.shown
    if shown is None:
        items = '<li class="no_data">No posts.</li>'
    else:
        items = "\n".join(_item_html(post, shown, options, view.session) for _, post in view.rows)
    content = (
        '<div class="board_top">\n'
        f'<p class="total">Total <strong>{view.total:,}</strong></p>\n'
        f'<form name="searchForm" action="{section.list_path}" method="get">'
        '<input type="hidden" name="pageIndex" value="1">'
        '<input type="text" name="searchWrd" title="Search word" value="">'
        '<button type="submit" class="btn_search">Search</button></form>\n</div>\n'
        f'<ul class="{names.board_list} gallery_list">\n{items}\n</ul>\n'
        f"{paging_html(shown if shown is not None else view.page, view.last, options.paging)}"
    )
    return document(content, heading=section.heading, section=section)
