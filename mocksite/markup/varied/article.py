"""The article page of a made-up markup: head (title, date, counter), body, files, neighbours.

``article_html`` writes a post's whole page in the markup's choices, in the
order the site contract promises: the title once outside the body (and in
``<title>``/og:title as the markup says), the date and counter beside it,
an optional ``- subtitle -`` of its own, the body (the title repeated first
when the markup repeats it, the subtitle first when it sits in the body,
then the post's blocks, perhaps inside the editor's nested document), the
attachments (download paths or a download handler defined on the page),
the neighbours (labelled or not, hrefs or the list's handler), a button
back to the list, and the footer. It returns the page and where its body
starts and ends, so that ``truncate`` can cut a page in the middle of its
body.

The layouts (``frame``): nested ``<div>``s; an eGov table whose labelled
cells hold title, date, counter and body; ``<article>`` with ``<header>``
and ``<nav>``; and an older-style page (the older template's chrome, its
``<title>`` naming only the board) whose body sits in
``div.board-detail > div.detail-body``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from mocksite.editor import body_html, subtitle_html
from mocksite.kinds import EMPTY_BODY, UNTITLED
from mocksite.markup.current.dext import CLOSE, OPEN
from mocksite.markup.older.chrome import document as older_document
from mocksite.markup.varied.catalogue import Markup
from mocksite.markup.varied.chrome import SITE_NAME, document
from mocksite.markup.varied.links import Links, Place
from mocksite.markup.varied.listing import format_date
from mocksite.markup.varied.scripts import list_handler
from mocksite.model import Neighbours, Post
from mocksite.text import esc

HEADING = "KITA News"
ENGLISH_LABELS = (
    ("Date", "Hit"), ("Date", "Views"), ("Posted", "Hits"), ("Date", "Hits"),
    ("Registered", "Views"),
)  # fmt: skip
KOREAN_LABELS = (("등록일", "조회"), ("작성일", "조회수"), ("작성", "조회"))
SLOT_WORDS = {
    "dl_labels": (("Prev", "Next"), ("There is no previous post.", "There is no next post.")),
    "previous_next": (("Previous", "Next"), ("No previous post", "No next post")),
    "korean": (("이전글", "다음글"), ("이전글이 없습니다.", "다음글이 없습니다.")),
    # Down the newest-first list is the older post, up the newer one.
    "arrows": (("▼", "▲"), ("No post", "No post")),
}
CSS_BULLET = '<style>.{cls}:before {{ content: "\\2022\\00a0"; }}</style>\n'


@dataclass(frozen=True, slots=True)
class Written:
    """An article page as written, and the span of its body container's content."""

    text: str
    body_start: int
    body_end: int


class _Article:
    """Writes the parts of one article page."""

    def __init__(self, post: Post, neighbours: Neighbours, markup: Markup, place: Place) -> None:
        self.post = post
        self.neighbours = neighbours
        self.m = markup
        self.n = markup.names
        self.links = Links(markup, place, post.session)
        rng = random.Random(f"article/{markup.seed}")
        self.labels = rng.choice(
            KOREAN_LABELS if markup["meta_labels"] == "korean" else ENGLISH_LABELS
        )
        self.heading_tag = rng.choice(("h3", "h4"))
        self.korean_words = markup["meta_labels"] == "korean"

    # -- head ---------------------------------------------------------------------------

    @property
    def title(self) -> str:
        return "" if self.post.kind == UNTITLED else self.post.title

    def page_title(self) -> str:
        """What the page's ``<title>`` says."""
        form = self.m["page_title"]
        title = self.title
        if form == "generic":
            return f"{HEADING} | {SITE_NAME}"
        if form == "board_suffix":
            return f"{title} | {HEADING} | {SITE_NAME}"
        if form == "bare":
            return title
        if form == "dash_kita":
            return f"{title} - KITA"
        return f"{title} | {SITE_NAME}"

    def title_element(self) -> str:
        form = self.m["title_element"]
        title, cls = esc(self.title), self.n["title"]
        if form == "bullet":
            return f'<p class="{cls}">{"• " + title if title else ""}</p>'
        if form == "css_bullet":
            return f'<p class="{cls}">{title}</p>'
        if form == "heading":
            return f'<{self.heading_tag} class="{cls}">{title}</{self.heading_tag}>'
        if form == "strong_div":
            return f'<div class="{cls}"><strong>{title}</strong></div>'
        return ""

    def day(self) -> str:
        return format_date(self.post.posted, self.m["meta_date"])

    def count(self) -> str:
        hits = self.post.hits
        return f"{hits:,}" if self.m["meta_counter"] == "separated" else str(hits)

    def meta(self) -> str:
        """The date and counter beside the title ("" for a post whose page shows neither)."""
        if not self.post.has_info:
            return ""
        write = {
            "line": self._line,
            "pipe": self._pipe,
            "dl": self._dl,
            "badges": self._badges,
            "list": self._list,
        }[self.m["meta"]]
        return write(self.m["meta_labels"] or "none", self.m.shows_counter)

    def _line(self, labels: str, counter: bool) -> str:
        """``2020-09-23 hit 2104`` in one element; unlabelled, the two numbers in spans."""
        cls, day, count = self.n["meta"], self.day(), self.count()
        if labels == "none":
            tail = f' <span class="{self.n["meta_count"]}">{count}</span>' if counter else ""
            return f'<p class="{cls}"><span class="{self.n["meta_date"]}">{day}</span>{tail}</p>'
        word = self.labels[1] if labels == "korean" else self.labels[1].lower()
        return f'<p class="{cls}">{day}{f" {word} {count}" if counter else ""}</p>'

    def _pipe(self, labels: str, counter: bool) -> str:
        """``Date : 2020.09.23 | Views : 2,104``; unlabelled, ``2020.09.23 | 2,104``."""
        day, count = self.day(), self.count()
        if labels == "none":
            text = f"{day} | {count}" if counter else day
        else:
            text = f"{self.labels[0]} : {day}"
            text += f" | {self.labels[1]} : {count}" if counter else ""
        return f'<div class="{self.n["meta"]}">{text}</div>'

    def _dl(self, labels: str, counter: bool) -> str:
        """``<dl><dt>Date</dt><dd>...</dd><dt>Hit</dt><dd>...</dd></dl>``; unlabelled, no dt."""
        day, count = self.day(), self.count()
        if labels == "none":
            items = f'<dd class="{self.n["meta_date"]}">{day}</dd>'
            items += f'<dd class="{self.n["meta_count"]}">{count}</dd>' if counter else ""
        else:
            items = f"<dt>{self.labels[0]}</dt><dd>{day}</dd>"
            items += f"<dt>{self.labels[1]}</dt><dd>{count}</dd>" if counter else ""
        return f'<dl class="{self.n["meta"]}">{items}</dl>'

    def _badges(self, labels: str, counter: bool) -> str:
        """Badge spans, each label an ``<i>`` (empty when unlabelled: an icon)."""
        date_i, count_i = ("", "") if labels == "none" else self.labels
        out = f'<span class="{self.n["meta_date"]}"><i class="ico">{date_i}</i> {self.day()}</span>'
        if counter:
            out += (
                f' <span class="{self.n["meta_count"]}"><i class="ico">{count_i}</i>'
                f" {self.count()}</span>"
            )
        return f'<div class="{self.n["meta"]}">{out}</div>'

    def _list(self, labels: str, counter: bool) -> str:
        """A ``<ul>`` of labelled items (unlabelled: the numbers alone)."""
        day, count = self.day(), self.count()
        if labels == "none":
            items = f"<li>{day}</li>" + (f"<li>{count}</li>" if counter else "")
        else:
            items = f"<li>{self.labels[0]} {day}</li>"
            items += f"<li>{self.labels[1]} {count}</li>" if counter else ""
        return f'<ul class="{self.n["meta"]}">{items}</ul>'

    def subtitle_outside(self) -> str:
        if self.m["subtitle"] != "outside":
            return ""
        markup = subtitle_html(self.post)
        return "" if markup is None else f'<p class="{self.n["subtitle"]}">{markup}</p>'

    # -- body -----------------------------------------------------------------------------

    def body(self) -> str:
        """What the body container holds."""
        if self.post.kind == EMPTY_BODY:
            return ""
        inner = body_html(
            self.post, repeat=self.m["repeat"] == "yes", subtitle=self.m["subtitle"] == "in_body"
        )
        if self.m["body_wrap"] == "dext":
            return OPEN + inner + CLOSE
        return inner

    # -- after the body -------------------------------------------------------------------

    def files(self) -> str:
        files = self.post.attachments
        if not files:
            return ""
        handler = self.m["attachments"] == "handler"
        label = "첨부파일" if self.korean_words else "Attachment"
        anchors = [
            f"<a {self.links.file_attrs(f, handler=handler)}>{esc(f.name)}</a>" for f in files
        ]
        if self.m["frame"] == "table_view":
            return f'<tr><th>{label}</th><td colspan="3">{"<br>".join(anchors)}</td></tr>'
        if self.m["attachments"] == "href_table":
            return (
                f'<table class="{self.n["files"]}"><tr><th>{label}</th>'
                f"<td>{'<br>'.join(anchors)}</td></tr></table>"
            )
        items = "".join(f"<li>{a}</li>" for a in anchors)
        return f'<div class="{self.n["files"]}"><strong>{label}</strong><ul>{items}</ul></div>'

    def neighbour_link(self, other: Post) -> str:
        how = "href" if self.m["neighbour_link"] == "href" else "onclick"
        return f"<a {self.links.article_attrs(other.no, how=how)}>{esc(other.title)}</a>"

    def nav(self) -> str:
        form = self.m["neighbours"]
        slots = list(zip(("nav_older", "nav_newer"), self.neighbours, (0, 1), strict=True))
        if self.m["neighbour_order"] == "newer_first":
            slots.reverse()
        cls = self.n["nav"]
        if form == "unlabelled":
            links = "".join(
                f'<p class="{self.n[role]}">{self.neighbour_link(other)}</p>'
                for role, other, _ in slots
                if other is not None
            )
            return f'<div class="{cls}">{links}</div>'
        (labels, missing) = SLOT_WORDS[form]
        parts = []
        for role, other, which in slots:
            label = labels[which]
            shown = missing[which] if other is None else self.neighbour_link(other)
            if form == "dl_labels":
                parts.append(f'<dl class="{self.n[role]}"><dt>{label}</dt><dd>{shown}</dd></dl>')
            elif form == "arrows":
                parts.append(f'<p class="{self.n[role]}"><span>{label}</span> {shown}</p>')
            else:
                tag = "strong" if form == "korean" else "span"
                parts.append(f'<li class="{self.n[role]}"><{tag}>{label}</{tag}> {shown}</li>')
        joined = "".join(parts)
        if form in ("previous_next", "korean"):
            return f'<ul class="{cls}">{joined}</ul>'
        return f'<div class="{cls}">{joined}</div>'

    def buttons(self) -> tuple[str, str]:
        """The list button, and the definition of its handler ("" for an href)."""
        label = "목록" if self.korean_words else "List"
        cls = self.n["list_button"]
        if self.m["list_button"] == "handler":
            call, definition = list_handler(self.m.seed, self.links.place.paths.list_path)
            button = f'<button type="button" class="{cls}" onclick="{call}">{label}</button>'
            return f'<div class="{self.n["buttons"]}">{button}</div>', definition
        link = f'<a href="{self.links.list_href()}" class="{cls}">{label}</a>'
        return f'<div class="{self.n["buttons"]}">{link}</div>', ""

    def scripts(self, list_definition: str) -> str:
        out = []
        if self.m["neighbour_link"] == "handler" and any(self.neighbours):
            out += self.links.definitions(view=True, paging=False)
        if self.post.attachments and self.m["attachments"] == "handler":
            out.append(self.links.download_definition())
        if list_definition:
            out.append(list_definition)
        return "\n".join(out)

    # -- the page -------------------------------------------------------------------------

    def content(self, body: str) -> tuple[str, str]:
        """The page's content around `body`, and the opening tag of the body container."""
        frame = self.m["frame"]
        n = self.n
        files, nav = self.files(), self.nav()
        buttons, _ = self.buttons()
        form = self.links.form(view=self.m["neighbour_link"] == "handler", paging=False)
        if frame == "table_view":
            return self._table(body, files, nav, buttons, form)
        head = "\n".join(
            x for x in (self.title_element(), self.meta(), self.subtitle_outside()) if x
        )
        if frame == "article_tag":
            opening = f'<section class="{n["body"]}">'
            content = (
                f'<article class="{n["view"]}">\n<header class="{n["head"]}">\n{head}\n</header>\n'
                f"{opening}{body}</section>\n{files}\n"
                f'<nav class="{n["nav"]}_wrap">{nav}</nav>\n</article>\n{buttons}\n{form}'
            )
            return content, opening
        if frame == "detail_body_older":
            opening = '<div class="detail-body">'
            content = (
                f'<div class="{n["view"]}">\n<div class="{n["head"]}">\n{head}\n</div>\n'
                f'<div class="board-detail">{opening}{body}</div></div>\n{files}\n{nav}\n'
                f"</div>\n{buttons}\n{form}"
            )
            return content, opening
        opening = f'<div class="{n["body"]}">'
        content = (
            f'<div class="{n["view"]}">\n<div class="{n["head"]}">\n{head}\n</div>\n'
            f"{opening}{body}</div>\n{files}\n{nav}\n</div>\n{buttons}\n{form}"
        )
        return content, opening

    def _table(self, body: str, files: str, nav: str, buttons: str, form: str) -> tuple[str, str]:
        n = self.n
        korean = self.korean_words
        title_label = "제목" if korean else "Title"
        date_label, count_label = self.labels
        rows = [
            f'<tr><th scope="row">{title_label}</th>'
            f'<td colspan="3" class="{n["title"]}">{esc(self.title)}</td></tr>'
        ]
        if self.post.has_info:
            count = ""
            if self.m.shows_counter:
                count = f'<th scope="row">{count_label}</th>'
                count += f'<td class="{n["meta_count"]}">{self.count()}</td>'

            rows.append(
                f'<tr><th scope="row">{date_label}</th>'
                f'<td class="{n["meta_date"]}">{self.day()}</td>{count}</tr>'
            )
        subtitle = self.subtitle_outside()
        if subtitle:
            rows.append(f'<tr><td colspan="4">{subtitle}</td></tr>')
        opening = f'<td colspan="4" class="{n["body"]}">'
        rows.append(f"<tr>{opening}{body}</td></tr>")
        if files:
            rows.append(files)
        table = (
            f'<table class="{n["view"]}">\n<caption>{HEADING}</caption>\n'
            '<colgroup><col style="width: 15%;"><col><col style="width: 15%;"><col></colgroup>\n'
            "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
        )
        return f"{table}\n{nav}\n{buttons}\n{form}", opening


def article_html(post: Post, neighbours: Neighbours, markup: Markup, place: Place) -> Written:
    """The page of `post`, whose older and newer stored posts are `neighbours`, in `markup`."""
    a = _Article(post, neighbours, markup, place)
    body = a.body()
    content, opening = a.content(body)
    _, list_definition = a.buttons()
    scripts = a.scripts(list_definition)
    encoding = post.variant.encoding
    if markup["frame"] == "detail_body_older":
        script = f"<script>\n{scripts}\n</script>" if scripts else ""
        text = older_document(
            content + script, heading=HEADING, encoding=encoding, head_extra=_css(a)
        )
    else:
        og = a.page_title() if markup["og_title"] == "yes" else None
        text = document(
            markup,
            content,
            title=a.page_title(),
            heading=HEADING,
            og_title=og,
            scripts=scripts,
            head_extra=_css(a),
            encoding=encoding,
        )
    start = text.index(opening) + len(opening)
    return Written(text, start, start + len(body))


def _css(a: _Article) -> str:
    if a.m["title_element"] == "css_bullet":
        return CSS_BULLET.format(cls=a.n["title"])
    return ""


def truncate(written: Written) -> str:
    """The page cut off half-way through its body."""
    return written.text[: written.body_start + (written.body_end - written.body_start) // 2]
