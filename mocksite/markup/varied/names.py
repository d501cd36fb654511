"""The class names and ids of a markup: made up from a seed, never the ones a crawler knows.

Each role (the row container, a row's date, the article's body, ...) gets a
name built from a few word pools (``bbs_ttl``, ``nwBody02``, ``post-day``),
in one of the naming styles real templates use (snake, kebab, camel, with
a number). Names are unique within a markup, and none is a class or id of
the two known generations (``KNOWN``), save where a markup means to show one
(the ``detail_body_older`` trap, the ``cards`` gallery).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

# Class names and ids of the older and current templates (and their drifted copies), which a
# made-up markup must not reuse: a crawler may know them.
KNOWN = frozenset(
    {
        "board_list", "subject", "num", "date", "hit", "paging", "total", "board_view",
        "view_top", "view_tit", "view_info", "view_cont", "view_file", "view_move", "prev",
        "next", "sub_tit", "family_site", "familysite", "board-list", "bbs-summary",
        "pagination", "subTopTitle", "badge", "write", "view", "board-detail", "detail-body",
        "detail-footer", "attachfile-list", "board-btns", "gallery_list", "btn_list", "notice",
        "no_data", "no-data", "contents", "footer", "location", "article_view", "article_head",
        "subject_title", "meta", "reg_date", "view_cnt", "article_body", "attach", "post_nav",
        "tbl_list", "searchForm", "total-count", "bbs-rows", "tit", "paging-wrap", "pageTitle",
        "info-date", "info-hit", "view-wrap", "view-cont", "view-foot", "file-rows", "view-nav",
        "listForm", "detailForm", "gallery", "photo_area", "caption", "img_box", "thumb", "first",
        "last", "on", "active", "disabled", "wrap", "container", "header", "ft",
    }
)  # fmt: skip
PREFIXES = ("bbs", "brd", "nw", "news", "post", "art", "kn", "en", "gl", "sub", "b", "cms", "kita")
# Role -> words that could name it in some template.
WORDS: dict[str, tuple[str, ...]] = {
    "board_heading": ("ttl", "heading", "pagetit", "hgroup", "sect_tit", "title_area"),
    "list_wrap": ("board", "bbs_wrap", "lst_area", "listArea", "box", "section"),
    "list": ("lst", "list", "rows", "items", "tbl", "grid", "feed", "entries"),
    "row": ("item", "entry", "line", "unit", "card", "row_item"),
    "head_row": ("thead", "hd", "caption_row", "labels", "colhead"),
    "num": ("no", "idx", "seq", "order", "number"),
    "subject": ("sbj", "ttl", "headline", "name", "tt", "link"),
    "date": ("day", "reg", "dt", "ymd", "posted", "when", "regdate"),
    "count": ("cnt", "views", "readcnt", "rd", "inq", "counter"),
    "pinned": ("fix", "top", "pin", "sticky", "important", "imp"),
    "notice_label": ("flag", "mark", "label", "tag", "ico"),
    "paging": ("pager", "pg", "page_nav", "pages", "paginate", "pnum"),
    "page_on": ("cur", "current", "sel", "now", "here"),
    "arrow": ("arr", "btn_pg", "go", "step", "move"),
    "total": ("count_all", "sum", "cnt_total", "allnum", "tot"),
    "no_rows": ("empty", "nodata", "none", "blank"),
    "view": ("read", "detail", "article", "post_view", "cont_wrap", "reader"),
    "head": ("hd", "top_area", "info_area", "summary", "headline_box", "subj_area"),
    "title": ("ttl", "headline", "sbj", "tt", "title_txt", "post_title"),
    "meta": ("info", "stat", "data", "props", "details", "writer_info"),
    "meta_date": ("day", "regdt", "ymd", "when", "date_txt", "posted"),
    "meta_count": ("cnt", "readnum", "views", "rd", "inq", "count_txt"),
    "subtitle": ("sub_ttl", "lead", "deck", "summary_txt", "sub_head"),
    "body": ("txt", "content", "story", "cont_body", "read_txt", "editor", "article_txt"),
    "files": ("file", "down", "files_area", "attach_box", "upload", "dl_files"),
    "nav": ("prevnext", "other_post", "move_post", "pn", "nearby", "sibling"),
    "nav_older": ("before", "older", "pv", "down_post", "lower"),
    "nav_newer": ("after", "newer", "nx", "up_post", "upper"),
    "buttons": ("btns", "btn_area", "actions", "tools", "util"),
    "list_button": ("btn_lst", "to_list", "golist", "back", "btnList"),
    "footer": ("foot", "bottom", "site_info", "copyright_area", "ftr"),
    "family": ("fam", "related", "links_site", "sister", "site_sel"),
    "form": ("frm", "frmList", "boardFrm", "srchFrm", "dataForm", "moveForm"),
    "gallery_list": ("photo_lst", "gal", "img_list", "pic_grid", "album"),
    "gallery_item": ("pic", "photo", "img_item", "shot", "frame"),
}
ROLES = tuple(WORDS)


@dataclass(frozen=True, slots=True)
class Names:
    """Role -> class name (or id) of one markup."""

    by_role: tuple[tuple[str, str], ...]

    def __getitem__(self, role: str) -> str:
        return dict(self.by_role)[role]


def _style(rng: random.Random, prefix: str, word: str) -> str:
    parts = [prefix, *word.replace("-", "_").split("_")]
    style = rng.choice(("snake", "kebab", "camel", "plain"))
    if style == "snake":
        name = "_".join(parts)
    elif style == "kebab":
        name = "-".join(parts)
    elif style == "camel":
        name = parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:])
    else:
        name = "_".join(parts[1:])
    if rng.random() < 0.25:
        name += rng.choice(("01", "02", "2", "_v2", "Type1"))
    return name


def draw_names(seed: int, chosen: dict[str, str]) -> Names:
    """Names for every role, from seed `seed` (`chosen`: the markup's options)."""
    rng = random.Random(f"names/{seed}")
    prefix = rng.choice(PREFIXES)
    used: set[str] = set()
    out = []
    for role in ROLES:
        name = _style(rng, prefix, rng.choice(WORDS[role]))
        while name in KNOWN or name in used:
            name += str(rng.randint(1, 9))
        used.add(name)
        out.append((role, name))
    return Names(tuple(out))
