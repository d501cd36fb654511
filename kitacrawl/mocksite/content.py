"""The content of the offline KITA news board: posts, their markup and the ground truth.

``build_board`` makes a deterministic board that imitates the English news board
of www.kita.org (``/about/newsList.do``, ``/about/newsView.do?no=N``), with the
markup variations and bad pages the site contract describes. ``Board`` renders
the list and article pages as the site would send them (bytes in the page's own
encoding) and states what a correct crawler extracts from them
(``Board.ground_truth``). Markup and truth are produced from the same data, so
they cannot disagree. HTTP concerns (faults, one-shot errors, caching) belong to
``server.py``.
"""

from __future__ import annotations

import html
import random
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import pairwise
from typing import Any, TypeVar
from urllib.parse import urlsplit

T = TypeVar("T")

BOARD_NAME = "news"
LIST_PATH = "/about/newsList.do"
VIEW_PATH = "/about/newsView.do"
FILE_PATH = "/cmm/fms/FileDown.do"
PAGE_SIZE = 10
KITA_HOSTS = frozenset({"www.kita.org", "kita.org", "global.kita.net"})

# -- the real article the contract quotes (seed-2530), copied as data -------
SEED_NO = 2530
SEED_DATE = date(2020, 9, 23)
SEED_HITS = 2104
# No generated post is dated later than this (a fixed day, so boards stay deterministic).
LAST_DATE = date(2025, 12, 31)
SEED_TITLE = "KITA Held 'Korea-Russia Business Dialogue'"
SEED_SUBTITLE = (
    "To celebrate 30th anniversary of Korea-Russia Diplomatic Relation... Discussed cooperation"
    " measures in manufacturing, information and communication technology (ICT), biotechnology"
    " areas"
)
SEED_PARAGRAPHS = (
    "The Korea International Trade Association (Chairman: Kim Young-ju) held ‘The 12th"
    " Korea-Russia Business Dialogue Celebrating the 30th Anniversary of Korea-Russia Diplomatic"
    " Relation’ online on September 22nd in cooperation with the Russian Chamber of Commerce and"
    " Industry and RosCongress.",
    "The event was co-hosted by Chairman Kim Young-ju of the Korea International Trade Assocition"
    " and President Sergey Katyrin of the Russian Chamber of Commerce and Industry. Related"
    " personnel including Deputy Minister Park Ki-young of the Ministry of Trade, Industry and"
    " Energy and Deputy Minister Alexander Morozov of the Ministry of Industry and Trade of the"
    " Russian Federation along with officials from SK Bio Science, KT, Hyundai Motors, United"
    " Shipbuilding Corporation (USC), Yandex, Russian Direct Investment Fund (RDIF), and Far East"
    " Federation University participated in the event.",
    "Chairman Kim Young-ju said, “Economic cooperation between the two countries has been closely"
    " promoted, centering on the manufacturing and infrastructure industries, with the Korean"
    " government's New Northern Policy and Russia's New Eastern Policy,” and added, “Since both"
    " countries have advanced technologies in the IT and biotechnology areas, they will be able to"
    " build shared growth through cooperation in new fields amid the changing global market order"
    " in the post-pandemic era.”",
    "President Sergey Katyrin stated, “Korea is one of the most important partner countries in"
    " Asia,” and added, “Although there are many physical limitations due to the pandemic, we will"
    " continue to make our efforts to support exchanges between companies and discover new"
    " cooperative projects through the Korea-Russia business dialogue.”",
    "Deputy Minister Park Ki-young of the Ministry of Trade, Industry and Energy, said, “After the"
    " outbreak of COVID-19, the global value chain map has changed rapidly and the"
    " non-face-to-face innovation industry and the digital economy have emerged. The potential for"
    " cooperation between the two countries in new industries such as future vehicles, bio,"
    " materials, parts, and equipment is infinate,” and added, “The government will also support"
    " the expansion of government and private cooperation channels, and will spare no effort to"
    " expand face-to-face exchanges such as support for businessmen leaving the country in line"
    " with the improvement of the COVID-19 situation.”",
    "On the day, participants shared the achievements of economic cooperation between the two"
    " countries for 30 years after the diplomatic relations, and discussed plans for cooperation in"
    " manufacturing industries, including automobiles and shipbuilding, establishment of a"
    " quarantine response system utilizing information and communication technology (ICT), and new"
    " industry cooperation measures such as cooperation in development and production of COVID-19"
    " vaccines.",
    "Cho Hak-hee, head of International Affairs Group at the Korea International Trade"
    " Association, said, “It is difficult to move physically due to the spred of COVID-19, but we"
    " will try to make the Korea-Russia business dialogue continue to fulfill its role as a channel"
    " for private economic cooperation between the two countries by holding video conferences,"
    " etc. depending on the changing environment.”",
)
# The seed page names its two neighbours without saying which is which; here the
# first one shown is the older post.
SEED_PREV_TITLE = "KITA-Lawmaker Jung Tae-ho Held Meeting for Ventures and Startups"
SEED_NEXT_TITLE = "KITA Held Webinar on 'Stabilization of Global Distribution in Post-COVID-19 Era'"

# -- kinds of posts -----------------------------------------------------------
GOOD = "good"
FLAKY = "flaky"  # a good article whose first request answers 503
MISSING = "missing"  # listed, but its page answers 404
DELETED = "deleted"  # 200 page that is only an alert script
TRUNCATED = "truncated"  # page cut in the middle of the body
BROKEN = "broken"  # 500 every time
UNTITLED = "untitled"  # normal chrome, empty title element
EMPTY_BODY = "empty_body"  # normal chrome, empty body container

PROBLEM_KINDS: dict[str, str] = {
    MISSING: "http_404",
    DELETED: "deleted",
    TRUNCATED: "truncated",
    BROKEN: "http_500",
    UNTITLED: "unparsable",
    EMPTY_BODY: "unparsable",
}
ARTICLE_KINDS = frozenset({GOOD, FLAKY})
# Deleted and missing posts are gone from the database, so neighbour links skip them.
STORED_KINDS = frozenset({GOOD, FLAKY, TRUNCATED, BROKEN, UNTITLED, EMPTY_BODY})

# Bad pages repeat in every run of BAD_BLOCK posts, at these fractions of the run.
BAD_BLOCK = 200
BAD_PLACES: tuple[tuple[str, float], ...] = (
    (MISSING, 0.12),
    (DELETED, 0.22),
    (TRUNCATED, 0.32),
    (BROKEN, 0.42),
    (UNTITLED, 0.62),
    (EMPTY_BODY, 0.72),
    (FLAKY, 0.82),
)
MIN_POSTS_FOR_BAD_PAGES = 12

# Every label Board.variations() can report that a board of >= 40 posts must show.
ALL_VARIATIONS: tuple[str, ...] = (
    "layout:new", "layout:older", "layout:nodate",
    "bullet:char", "bullet:css",
    "date:dash", "date:dot",
    "hit:lower", "hit:labelled_sep", "hit:bare",
    "info:split", "info:line",
    "title:curly", "title:straight", "title:middot", "title:amp", "title:trailing",
    "title:lost_char", "title:typo", "title:korean",
    "repeat:plain", "repeat:noquote", "repeat:longer", "repeat:strong",
    "subtitle:none", "subtitle:nbsp", "subtitle:plain", "subtitle:tight", "subtitle:wide",
    "subtitle:lead",
    "body:p", "body:div", "body:br",
    "debris:span", "debris:font", "debris:o_p", "debris:nbsp", "debris:entities",
    "debris:srcwrap", "debris:table", "debris:footnote", "debris:nospace", "debris:korean",
    "link:body", "image:relative", "image:absolute", "image:alt", "image:noalt", "image:own",
    "image:inline",
    "attach:0", "attach:1", "attach:2", "attach:korean_name",
    "attach_href:plain", "attach_href:session", "attach_href:www", "attach_href:bare",
    "attach_href:global",
    "neighbour:plain", "neighbour:session", "neighbour:javascript", "neighbour:onclick",
    "neighbour:single",
    "encoding:utf-8", "encoding:euc-kr",
)  # fmt: skip

INLINE_DEBRIS = ("span", "font", "o_p", "nbsp", "entities", "srcwrap")
BLOCK_DEBRIS = ("table", "footnote", "nospace", "korean")
SUBTITLE_FORMS: dict[str, str] = {
    "nbsp": "-&nbsp; {s}&nbsp; -",
    "plain": "- {s} -",
    "tight": "-&nbsp;{s}&nbsp;-",
    "wide": "-&nbsp;&nbsp; {s} &nbsp;&nbsp;-",
    "lead": "&nbsp;-&nbsp; {s}&nbsp; -&nbsp;",
}
LAYOUTS = ("new", "older", "nodate")
HIT_FORMS = ("lower", "labelled", "bare")
BODY_FORMS = ("p", "div", "br")
IMAGE_FORMS = (
    ("relative", "alt", "own"),
    ("absolute", "noalt", "inline"),
    ("relative", "noalt", "inline"),
    ("absolute", "alt", "own"),
)
ATTACH_FORMS = ("plain", "session", "www", "bare", "global")
NEIGHBOUR_FORMS = ("plain", "session", "javascript", "onclick")
LIST_LINK_MODES = ("mixed", "href", "onclick")
PAST_END_MODES = ("empty", "last", "first")
PAGING_STYLES = ("last", "blocks")

# -- word pools for generated posts -------------------------------------------
COUNTRIES = (
    "Russia", "India", "Vietnam", "Indonesia", "Uzbekistan", "Mexico", "Poland", "Germany",
    "Japan", "China", "Australia", "Chile", "Kazakhstan", "Turkey", "Egypt", "Canada", "Brazil",
    "Singapore", "Thailand", "Mongolia", "Peru", "Hungary", "Saudi Arabia", "Israel", "Malaysia",
    "Colombia", "Kenya",
)  # fmt: skip
CITIES = (
    "Seoul", "Busan", "Incheon", "Daegu", "Gwangju", "Jeju", "Ho Chi Minh City", "Jakarta",
    "Tashkent", "Warsaw", "Frankfurt", "Tokyo", "Shanghai", "Sydney", "Santiago", "Almaty",
    "Istanbul", "Toronto", "Bangkok", "Ulaanbaatar", "Budapest", "Riyadh", "Kuala Lumpur",
)  # fmt: skip
EVENTS = (
    "Business Dialogue", "Trade Mission", "Export Consultation Meeting", "Investment Forum",
    "Business Roundtable", "Startup Pitching Day", "Online Export Fair", "Trade Policy Seminar",
    "Buyer Matching Event", "Economic Cooperation Council",
)  # fmt: skip
TOPICS = (
    "Supply Chain Cooperation", "Digital Trade", "E-commerce Exports", "Green Energy Projects",
    "Export Support for SMEs", "Logistics Cooperation", "Startup Exchanges", "Bio-health Industry",
)  # fmt: skip
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip

TITLE_TEMPLATES: dict[str, tuple[str, ...]] = {
    "plain": (
        "KITA Chairman Meets {country} Ambassador to Discuss {topic}",
        "KITA Holds {year} {country} {event} in {city}",
        "Korean SMEs Join {event} with {country} Buyers",
        "KITA Releases Report on {topic} with {country}",
        "KITA Signs MOU with {country} Chamber of Commerce",
    ),
    "curly": (
        "KITA Held ‘Korea-{country} {event}’",
        "KITA Hosts “{country} Week” to Promote {topic}",
    ),
    "straight": (
        "KITA Held 'Korea-{country} {event}'",
        'KITA Launches "{country} Desk" for {topic}',
        # The site drops opening quote marks and keeps the closing ones.
        "KITA Held Korea-{country} {event}'",
    ),
    "middot": (
        "Korea·{country} {event} Opens in {city}",
        "KITA·KOTRA Joint {event} for {country} Market",
    ),
    "amp": (
        "KITA Holds Trade & Investment Forum with {country}",
        "{country} Business & Culture Night Hosted by KITA",
    ),
    "lost_char": (
        "KITA?s {event} with {country} Draws Record Turnout",
        "Korea?{country} {event} Held Online",
    ),
    "typo": (
        "Korea International Trade Assocition Holds {event} with {country}",
        "KITA Hosts {country} {event} for Excutives",
    ),
    "korean": (
        "KITA Holds {country} {event} (한국무역협회 주최)",
        "KITA Opens 수출 상담회 with {country} Buyers",
    ),
}
TITLE_QUIRKS = ("curly", "straight", "middot", "amp", "trailing", "lost_char", "typo", "korean")

LEAD_TEMPLATE = (
    "The Korea International Trade Association (Chairman: {chair}) held the ‘{year} Korea-{country}"
    " {event}’ in {city} on {month} {day}, with {n1} Korean companies and {n2} buyers from"
    " {country} taking part."
)
BODY_TEMPLATES = (
    "The event was co-hosted by KITA and the {country} Chamber of Commerce and Industry, and"
    " officials from the Ministry of Trade, Industry and Energy attended the opening session.",
    "Chairman {chair} said, “{country} is one of the most promising markets for Korean small and"
    " medium-sized enterprises,” and added, “KITA will continue to support exporters so that they"
    " can find new buyers despite the difficult conditions.”",
    "According to KITA, Korea's exports to {country} reached US$ {b1}.{b2} billion last year, up"
    " {p1}.{p2}% from a year earlier, led by semiconductors, automobiles and petrochemical"
    " products.",
    "Participants discussed R&D cooperation in {topic_l}, and agreed to hold the next meeting in"
    " {city2} next year.",
    "A total of {n3} one-on-one consultations took place during the {days}-day program, and"
    " contracts worth about US$ {m1} million are expected to be signed.",
    "KITA plans to hold similar events for the {country2} and {country3} markets in the second"
    " half of the year.",
    "Meanwhile, KITA has operated its {country} Desk since {year0} to provide market information,"
    " buyer lists and legal advice to member companies.",
    'An official from the {country} embassy said, "We hope the event will lead to long-term'
    ' partnerships between companies of the two countries."',
    "Participating companies included makers of cosmetics, processed food, auto parts and medical"
    " devices, many of which are entering the {country} market for the first time.",
)
SUBTITLE_TEMPLATES = (
    "Some {n1} Korean firms met {n2} buyers from {country}... Contracts worth US$ {m1} million"
    " expected",
    "To promote {topic_l} with {country}... KITA to hold follow-up meetings in {city2}",
    "{days}-day program in {city}... Focus on {topic_l} and market entry of SMEs",
)
FOOTNOTE_MARK_TEMPLATE = (
    "Exports of consumer goods to {country} grew {p3}.{p4}%* in the first half, the fastest pace"
    " among major markets."
)
FOOTNOTE = "* Based on preliminary figures of the Korea Customs Service."
NOSPACE_TEMPLATE = (
    "The first session on supply chains ended.Next, the participants toured the {city} Free"
    " Economic Zone and met local logistics firms."
)
KOREAN_PARAGRAPHS = (
    "※ 문의: 한국무역협회 국제협력실 (02-6000-{tel})",
    "The program was organised with KITA's Trade Academy (무역아카데미) and local partners.",
)
BODY_LINK_PARTS = (
    ("Registration and details are available on the ", "event website", "."),
    ("The full report can be downloaded from ", "KITA's research page", " (in English)."),
)
FILE_NAMES = ("Press release.pdf", "Program_{country}.pdf", "KITA {event} {year}.docx")
KOREAN_FILE_NAMES = ("보도자료_한국무역협회.hwp", "붙임1. 행사 개요.pdf")


def norm(text: str) -> str:
    """Whitespace-normalise as the ground truth does: nbsp is a space, runs collapse."""
    return " ".join(text.split())


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def article_url(base_url: str, no: int) -> str:
    return f"{base_url.rstrip('/')}{VIEW_PATH}?no={no}"


def _chairman(year: int) -> str:
    if year < 2018:
        return "Kim In-ho"
    return "Kim Young-ju" if year < 2021 else "Koo Ja-yeol"


def _is_hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def _opening_quote_at(text: str) -> int:
    """Index of the first opening quote mark (one at the start of a word), else -1."""
    for i, ch in enumerate(text):
        if ch in "'\"‘“" and (i == 0 or text[i - 1].isspace()):
            return i
    return -1


# -- data model ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BodyLink:
    """A link inside the body: an ``<a href>`` ('body') or an ``<img src>`` ('image')."""

    rel: str
    href: str  # as written in the markup (unescaped)
    text: str | None

    def truth_url(self, base_url: str) -> str:
        if self.rel == "body":
            return self.href
        parts = urlsplit(self.href)
        if not parts.scheme:
            return base_url.rstrip("/") + self.href
        if parts.hostname in KITA_HOSTS:
            query = f"?{parts.query}" if parts.query else ""
            return f"{base_url.rstrip('/')}{parts.path}{query}"
        return self.href


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the article body and the paragraph texts a crawler reads from it."""

    kind: str  # "text" | "image" | "table"
    html: str  # inline markup ("text", "image"); unused for tables
    texts: tuple[str, ...]  # normalised; empty for an image on its own
    links: tuple[BodyLink, ...] = ()
    cells: tuple[str, ...] = ()  # table: inline markup of each cell's paragraph


@dataclass(frozen=True, slots=True)
class Attachment:
    file_id: str
    name: str
    form: str  # one of ATTACH_FORMS: how the href is written

    def href(self, session: str) -> str:
        path = FILE_PATH
        if self.form == "session":
            path += f";JSESSIONID_ORG={session}.Hyper"
        prefix = {
            "www": "https://www.kita.org",
            "bare": "http://kita.org",
            "global": "http://global.kita.net",
        }.get(self.form, "")
        return f"{prefix}{path}?atchFileId={self.file_id}&fileSn=0"

    def truth_url(self, base_url: str) -> str:
        return f"{base_url.rstrip('/')}{FILE_PATH}?atchFileId={self.file_id}&fileSn=0"


@dataclass(slots=True)
class Variant:
    """Which of the site's markup variations a post's page uses."""

    layout: str = "new"  # new | older (2017-18, no bullet, no date/hit) | nodate (2018 bullet)
    bullet: str = "char"  # char | css | none
    date_fmt: str = "dash"  # dash 2020-09-23 | dot 2020.09.23
    hit_fmt: str = "lower"  # lower "hit 2104" | labelled "Hit : 2,104" | bare "2104"
    info_form: str = "split"  # split <li class=date/hit> | line: one <li> with both
    title_quirk: str = "plain"
    repeat: str = "plain"  # plain | noquote | longer
    repeat_strong: bool = False
    subtitle_form: str | None = None  # key of SUBTITLE_FORMS; None: no subtitle
    body_form: str = "p"  # p | div | br
    debris: frozenset[str] = frozenset()
    image: tuple[str, str, str] | None = None  # (relative|absolute, alt|noalt, own|inline)
    body_link: bool = False
    attachments: tuple[str, ...] = ()  # href form of each attachment
    neighbour_form: str = "plain"
    encoding: str = "utf-8"


@dataclass(slots=True, eq=False)
class Post:
    """One row of the board as the site's database holds it."""

    no: int
    posted: date
    hits: int
    kind: str = GOOD
    title: str = ""  # the title field verbatim (trailing spaces included)
    subtitle: str | None = None
    blocks: list[Block] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    variant: Variant = field(default_factory=Variant)
    session: str = "0" * 32
    render_seed: int = 0

    @property
    def has_info(self) -> bool:
        return self.variant.layout == "new"

    @property
    def repeat_text(self) -> str:
        title = norm(self.title)
        if self.variant.repeat == "noquote":
            at = _opening_quote_at(title)
            if at >= 0:
                return title[:at] + title[at + 1 :]
        if self.variant.repeat == "longer":
            return f"{title} in Seoul"
        return title

    @property
    def body_texts(self) -> list[str]:
        return [text for block in self.blocks for text in block.texts if text]


@dataclass(frozen=True, slots=True)
class Page:
    """One HTTP answer of the site: status, content type, body bytes, extra headers."""

    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class ListOptions:
    """How the list pages are written (see MockSite for the meaning of each)."""

    past_end: str = "empty"
    list_links: str = "mixed"
    paging: str = "last"
    columns: bool = True
    pinned: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class _Names:
    """Class names of the markup; drift renames them all."""

    board_view: str
    view_top: str
    view_tit: str
    view_info: str
    date: str
    hit: str
    view_cont: str
    view_file: str
    view_move: str
    board_list: str


NAMES = _Names(
    "board_view", "view_top", "view_tit", "view_info", "date", "hit", "view_cont", "view_file",
    "view_move", "board_list",
)  # fmt: skip
DRIFT_NAMES = _Names(
    "article_view", "article_head", "subject_title", "meta", "reg_date", "view_cnt",
    "article_body", "attach", "post_nav", "tbl_list",
)  # fmt: skip


# -- building the board --------------------------------------------------------


def _days_in_month(year: int, month: int) -> int:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - date(year, month, 1)).days


def _dates(rng: random.Random, n: int, start: date) -> list[date]:
    """Posting dates, oldest first, about 7-14 a month."""
    out: list[date] = []
    year, month, first_day = start.year, start.month, start.day
    while len(out) < n:
        last_day = _days_in_month(year, month)
        count = rng.randint(7, 14)
        days = sorted(rng.randint(min(first_day, last_day), last_day) for _ in range(count))
        out.extend(date(year, month, d) for d in days)
        first_day = 1
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out[:n]


def _fit_timeline(dates: list[date], start: date, seed_at: int | None) -> list[date]:
    """Stretch or squeeze the time line, keeping its order.

    The seed article lands on its real date when it has its real id, and no post
    is dated after LAST_DATE (a large board would otherwise run into the future).
    """
    anchors = [(start, start)]
    if seed_at and dates[seed_at] > start and start < SEED_DATE:
        anchors.append((dates[seed_at], SEED_DATE))
    orig, target = anchors[-1]
    if dates[-1] + (target - orig) > LAST_DATE and dates[-1] > orig and target < LAST_DATE:
        anchors.append((dates[-1], LAST_DATE))

    def remap(day: date) -> date:
        for (o0, t0), (o1, t1) in pairwise(anchors):
            if day <= o1:
                scale = (t1 - t0).days / max((o1 - o0).days, 1)
                return t0 + timedelta(days=round((day - o0).days * scale))
        last_orig, last_target = anchors[-1]
        return day + (last_target - last_orig)

    return [remap(day) for day in dates]


def _slots(rng: random.Random, posted: date) -> dict[str, Any]:
    countries = rng.sample(COUNTRIES, 3)
    cities = rng.sample(CITIES, 2)
    topic = rng.choice(TOPICS)
    return {
        "country": countries[0],
        "country2": countries[1],
        "country3": countries[2],
        "city": cities[0],
        "city2": cities[1],
        "event": rng.choice(EVENTS),
        "topic": topic,
        "topic_l": topic.lower().replace("smes", "SMEs"),
        "year": posted.year,
        "year0": posted.year - rng.randint(2, 9),
        "month": MONTHS[posted.month - 1],
        "day": max(1, posted.day - rng.randint(0, 3)),
        "n1": rng.randint(12, 80),
        "n2": rng.randint(8, 60),
        "n3": rng.randint(40, 320),
        "b1": rng.randint(1, 48),
        "b2": rng.randint(0, 9),
        "p1": rng.randint(1, 24),
        "p2": rng.randint(0, 9),
        "p3": rng.randint(25, 40),
        "p4": rng.randint(0, 9),
        "m1": rng.randint(2, 95),
        "days": rng.randint(2, 5),
        "chair": _chairman(posted.year),
        "tel": rng.randint(5000, 5999),
    }


def _text_html(text: str, debris: frozenset[str]) -> str:
    """Markup for plain text with the post's inline editor debris; reads back as `text`."""
    out = esc(text)
    if "entities" in debris:
        for char, entity in (
            ("“", "&#8220;"), ("”", "&#8221;"), ("‘", "&lsquo;"), ("’", "&rsquo;"),
            ('"', "&quot;"), ("'", "&#39;"),
        ):  # fmt: skip
            out = out.replace(char, entity)
    if "nbsp" in debris:
        # Word processors put two spaces after a full stop and glue commas with nbsp.
        out = out.replace(". ", ".&nbsp; ").replace(", ", ",&nbsp;", 1)
    if "srcwrap" in debris:
        # The editor wraps long lines in the page source.
        words = out.split(" ")
        out = (
            "".join(w + ("\r\n" if i % 9 == 8 else " ") for i, w in enumerate(words[:-1]))
            + words[-1]
        )
    return out


def _wrap_debris(inner: str, debris: frozenset[str]) -> str:
    if "font" in debris:
        inner = f'<font face="Arial" size="2">{inner}</font>'
    if "span" in debris:
        style = "font-family: &quot;Times New Roman&quot;; font-size: 11pt;"
        inner = f'<span style="{style}">{inner}</span>'
    if "o_p" in debris:
        inner += "<o:p></o:p>"
    return inner


def text_block(
    text: str, debris: frozenset[str], link: tuple[str, str, str, str] | None = None
) -> Block:
    """A paragraph block; `link` = (before, link text, after, href) puts an <a> inside it."""
    if link is None:
        return Block("text", _wrap_debris(_text_html(text, debris), debris), (norm(text),))
    before, label, after, href = link
    inner = (
        _text_html(before, debris)
        + f'<a href="{attr(href)}" target="_blank">{_text_html(label, debris)}</a>'
        + _text_html(after, debris)
    )
    return Block(
        "text",
        _wrap_debris(inner, debris),
        (norm(before + label + after),),
        (BodyLink("body", href, norm(label)),),
    )


def _image_markup(post: Post, k: int) -> tuple[str, BodyLink]:
    src_form, alt_form, _ = post.variant.image or IMAGE_FORMS[0]
    path = f"/upload/editor/{post.posted.year}/{post.posted.month:02d}/news_{post.no}_{k}.jpg"
    src = path if src_form == "relative" else f"http://www.kita.org{path}"
    alt = "Participants pose for a group photo" if alt_form == "alt" else None
    alt_attr = f' alt="{attr(alt)}"' if alt else ""
    tag = f'<img src="{attr(src)}"{alt_attr} width="640" height="427" style="border: 0;">'
    return tag, BodyLink("image", src, alt)


def _fill(post: Post, seed: int) -> None:
    """Write the post's title, subtitle, body and attachments from its variant."""
    rng = random.Random(seed * 7919 + post.no * 31 + 1)
    v = post.variant
    slots = _slots(rng, post.posted)
    post.session = f"{rng.getrandbits(128):032X}"
    post.render_seed = seed * 1_000_003 + post.no
    post.title = _title(rng, v, slots)
    post.subtitle = (
        rng.choice(SUBTITLE_TEMPLATES).format(**slots) if v.subtitle_form is not None else None
    )
    post.blocks = _blocks(rng, post, slots)
    files: list[Attachment] = []
    for k, form in enumerate(v.attachments):
        korean = k == 1 or rng.random() < 0.1
        name = rng.choice(KOREAN_FILE_NAMES if korean else FILE_NAMES).format(**slots)
        files.append(Attachment(f"FILE_{10000 + post.no * 2 + k:015d}", name, form))
    post.attachments = files


def _title(rng: random.Random, v: Variant, slots: dict[str, Any]) -> str:
    if v.title_quirk == "trailing":
        title = rng.choice(TITLE_TEMPLATES["plain"]).format(**slots)
        return title + rng.choice(("  ", " ", "   ", " \u00a0"))
    templates = TITLE_TEMPLATES[v.title_quirk]
    if v.repeat == "noquote":
        # The repeat drops an opening quote, so the title must have one.
        templates = tuple(t for t in templates if _opening_quote_at(t) >= 0) or templates
    return rng.choice(templates).format(**slots)


def _blocks(rng: random.Random, post: Post, slots: dict[str, Any]) -> list[Block]:
    v = post.variant
    debris = v.debris
    texts = [LEAD_TEMPLATE.format(**slots)]
    texts += [t.format(**slots) for t in rng.sample(BODY_TEMPLATES, rng.randint(2, 5))]
    if "nospace" in debris:
        texts.insert(rng.randint(1, len(texts)), NOSPACE_TEMPLATE.format(**slots))
    if "footnote" in debris:
        texts.insert(rng.randint(1, len(texts)), FOOTNOTE_MARK_TEMPLATE.format(**slots))
    blocks = [text_block(t, debris) for t in texts]
    if v.body_link:
        before, label, after = rng.choice(BODY_LINK_PARTS)
        href = f"https://example.com/kita/{'events' if 'event' in label else 'reports'}/{post.no}"
        blocks.append(text_block("", debris, (before, label, after, href)))
    if "korean" in debris:
        blocks.append(text_block(rng.choice(KOREAN_PARAGRAPHS).format(**slots), debris))
    if "footnote" in debris:
        blocks.append(text_block(FOOTNOTE, debris))
    if "table" in debris and len(blocks) >= 3:
        # An editor layout table around the second and third paragraphs.
        pair = blocks[1:3]
        table = Block(
            "table",
            "",
            tuple(t for b in pair for t in b.texts),
            tuple(link for b in pair for link in b.links),
            tuple(b.html for b in pair),
        )
        blocks[1:3] = [table]
    if v.image is not None:
        tag, link = _image_markup(post, 1)
        if v.image[2] == "own":
            blocks.insert(1, Block("image", tag, (), (link,)))
        else:
            # Inline at the start of the lead paragraph: the image comes first in the document.
            lead = blocks[0]
            blocks[0] = Block("text", tag + lead.html, lead.texts, (link, *lead.links))
    return blocks


def _seed_post(post: Post) -> None:
    post.title = SEED_TITLE
    post.subtitle = SEED_SUBTITLE
    post.hits = SEED_HITS
    post.blocks = [text_block(t, frozenset()) for t in SEED_PARAGRAPHS]
    post.attachments = []
    post.variant = Variant(repeat_strong=True, subtitle_form="nbsp")


def _bad_positions(n: int, reserved: set[int]) -> dict[int, str]:
    """Index (oldest first) -> kind of the bad pages: one of each kind per BAD_BLOCK posts."""
    kinds: dict[int, str] = {}
    for block_start in range(0, n, BAD_BLOCK):
        span = min(BAD_BLOCK, n - block_start)
        if span < MIN_POSTS_FOR_BAD_PAGES:
            continue
        for kind, frac in BAD_PLACES:
            i = block_start + int(frac * span)
            while i < n - 1 and (i in reserved or i in kinds):
                i += 1
            if i < n - 1:
                kinds[i] = kind
    return kinds


def _random_variant(rng: random.Random) -> Variant:
    """A new-layout variant, for posts published while the server runs."""
    hit_fmt = rng.choice(("lower", "lower", "labelled", "bare"))
    return Variant(
        bullet=rng.choice(("char", "char", "css")),
        date_fmt=rng.choice(("dash", "dash", "dot")),
        hit_fmt=hit_fmt,
        info_form="split" if hit_fmt == "bare" else rng.choice(("split", "split", "line")),
        title_quirk=rng.choice(("plain", "curly", "straight", "amp", "trailing")),
        repeat_strong=rng.random() < 0.3,
        subtitle_form=rng.choice((None, "nbsp", "plain")),
        body_form=rng.choice(("p", "p", "div", "br")),
        neighbour_form=rng.choice(NEIGHBOUR_FORMS),
    )


def build_board(
    n_articles: int = 60,
    *,
    seed: int = 2530,
    first_no: int = 2019,
    start_date: date = date(2017, 1, 5),
) -> Board:
    """A deterministic board of `n_articles` listed posts (good and bad), oldest id `first_no`.

    Ids grow with the date (7-14 posts a month, squeezed when a large board would
    run past LAST_DATE), with a few gaps: ids that never existed. The seed
    article gets id 2530 when that id is in range (and then its real date);
    otherwise it sits in the middle of the board, dated like its neighbours.
    """
    if n_articles < 1:
        raise ValueError("n_articles must be >= 1")
    rng = random.Random(seed)
    n = n_articles
    nos: list[int] = []
    no = first_no
    for _ in range(n):
        nos.append(no)
        step = 1 + (rng.randint(1, 2) if rng.random() < 0.05 else 0)
        if no < SEED_NO < no + step:
            step = SEED_NO - no
        no += step
    seed_at = nos.index(SEED_NO) if SEED_NO in nos else n // 2
    dates = _fit_timeline(
        _dates(rng, n, start_date), start_date, seed_at if nos[seed_at] == SEED_NO else None
    )
    posts = [
        Post(
            no=nos[i], posted=dates[i], hits=rng.randint(200, 1500) + int(rng.random() ** 2 * 3500)
        )
        for i in range(n)
    ]
    seed_group = {seed_at - 1, seed_at, seed_at + 1}
    for i, kind in _bad_positions(n, {0, n - 1} | seed_group).items():
        posts[i].kind = kind

    # Primary posts (good articles other than the seed and its neighbours) come first,
    # so that quotas land where the ground truth shows them.
    primary = [p for i, p in enumerate(posts) if p.kind in ARTICLE_KINDS and i not in seed_group]
    chosen = set(primary)
    secondary = [p for i, p in enumerate(posts) if p not in chosen and i != seed_at]
    pool = primary + secondary
    _assign_variants(rng, pool, len(primary))
    for post in pool:
        _fill(post, seed)
    seed_post = posts[seed_at]
    _fill(seed_post, seed)
    _seed_post(seed_post)
    if seed_at - 1 >= 0:
        posts[seed_at - 1].title = SEED_PREV_TITLE
    if seed_at + 1 < n:
        posts[seed_at + 1].title = SEED_NEXT_TITLE
    return Board(posts, seed=seed, seed_no=seed_post.no)


class _Assigner:
    """Hands out variation values: weighted at random, each quota value on a primary post.

    Primary posts are the good articles (other than the seed and its neighbours),
    so forced values are sure to reach the ground truth. The pool lists them
    first, and so does every sub-list filtered from it.
    """

    def __init__(self, rng: random.Random, pool: list[Post], primary: int) -> None:
        self.rng = rng
        self.pool = pool
        self.primary = set(pool[:primary])

    def values(
        self,
        posts: Sequence[Post],
        quota: Sequence[T],
        choices: Sequence[T],
        weights: Sequence[float],
    ) -> list[T]:
        values = self.rng.choices(list(choices), list(weights), k=len(posts))
        n_primary = sum(1 for p in posts if p in self.primary)
        order = self.rng.sample(range(n_primary), n_primary)
        for rank, idx in enumerate(order[: len(quota)]):
            values[idx] = quota[rank]
        return values

    def set(
        self,
        name: str,
        posts: Sequence[Post],
        quota: Sequence[Any],
        choices: Sequence[Any],
        weights: Sequence[float],
    ) -> None:
        for post, value in zip(posts, self.values(posts, quota, choices, weights), strict=True):
            setattr(post.variant, name, value)

    def where(self, test: Callable[[Variant], bool]) -> list[Post]:
        return [p for p in self.pool if test(p.variant)]


def _assign_variants(rng: random.Random, pool: list[Post], primary: int) -> None:
    """Give each post its markup variations, every variation on at least one primary post."""
    assigner = _Assigner(rng, pool, primary)
    _assign_head(assigner)
    _assign_body(assigner)
    _assign_links(assigner)


def _assign_head(a: _Assigner) -> None:
    """Layout, bullet, date and hit line, title quirks, encoding."""
    a.set("layout", a.pool, ("new", "new", "new", "older", "nodate"), LAYOUTS, (62, 23, 15))
    a.set(
        "bullet", a.where(lambda v: v.layout != "older"), ("char", "css"), ("char", "css"), (7, 3)
    )
    for post in a.where(lambda v: v.layout == "older"):
        post.variant.bullet = "none"
    new = a.where(lambda v: v.layout == "new")
    a.set("date_fmt", new, ("dash", "dot"), ("dash", "dot"), (3, 1))
    a.set("hit_fmt", new, HIT_FORMS, HIT_FORMS, (6, 2.5, 1.5))
    # The labelled form must show its thousands separator somewhere.
    labelled = [p for p in new if p.variant.hit_fmt == "labelled" and p in a.primary]
    if labelled and all(p.hits < 1000 for p in labelled):
        labelled[0].hits += 1000
    # A bare number next to the date would be unreadable, so it always has its own <li>.
    lineable = a.where(lambda v: v.layout == "new" and v.hit_fmt != "bare")
    a.set("info_form", lineable, ("split", "line"), ("split", "line"), (3, 1))
    a.set(
        "title_quirk", a.pool, TITLE_QUIRKS, ("plain", *TITLE_QUIRKS), (55, 8, 8, 6, 6, 6, 4, 4, 4)
    )
    a.set("encoding", a.pool, ("euc-kr",), ("utf-8", "euc-kr"), (95, 5))


def _assign_body(a: _Assigner) -> None:
    """Repeated title, subtitle, body form, editor debris."""
    a.set("repeat", a.pool, ("plain", "longer"), ("plain", "longer"), (8, 2))
    # Only a title with an opening quote can lose it; the post that carries the
    # "longer" quota keeps it.
    longer = {p for p in a.pool if p.variant.repeat == "longer"}
    quoted = [
        p for p in a.where(lambda v: v.title_quirk in ("curly", "straight")) if p not in longer
    ]
    for post, drop in zip(quoted, a.values(quoted, (True,), (True, False), (4, 6)), strict=True):
        if drop:
            post.variant.repeat = "noquote"
    a.set("repeat_strong", a.pool, (True, False), (True, False), (3, 7))
    forms = (*SUBTITLE_FORMS, None)
    a.set("subtitle_form", a.pool, forms, forms, (30, 8, 7, 8, 7, 40))
    a.set("body_form", a.pool, BODY_FORMS, BODY_FORMS, (6, 2, 2))
    flags: dict[Post, set[str]] = {p: set() for p in a.pool}
    for name in INLINE_DEBRIS + BLOCK_DEBRIS:
        # A layout table needs block markup around it.
        eligible = a.pool if name != "table" else a.where(lambda v: v.body_form != "br")
        for post, on in zip(
            eligible, a.values(eligible, (True,), (True, False), (12, 88)), strict=True
        ):
            if on:
                flags[post].add(name)
    for post in a.pool:
        if post.variant.encoding == "euc-kr":
            # An EUC-KR page is only worth serving with Korean text in it.
            flags[post].add("korean")
        post.variant.debris = frozenset(flags[post])


def _assign_links(a: _Assigner) -> None:
    """Images, body links, attachments and their hrefs, neighbour link forms."""
    with_image = a.values(a.pool, (True, True, True, True), (True, False), (12, 88))
    imaged = [p for p, on in zip(a.pool, with_image, strict=True) if on]
    a.set("image", imaged, IMAGE_FORMS, IMAGE_FORMS, (1, 1, 1, 1))
    a.set("body_link", a.pool, (True,), (True, False), (15, 85))
    counts = a.values(a.pool, (0, 1, 2), (0, 1, 2), (6, 3, 1))
    owners = [post for post, count in zip(a.pool, counts, strict=True) for _ in range(count)]
    forms = a.values(owners, ATTACH_FORMS, ATTACH_FORMS, (60, 15, 10, 10, 5))
    per_post: dict[Post, list[str]] = {}
    for post, form in zip(owners, forms, strict=True):
        per_post.setdefault(post, []).append(form)
    for post in a.pool:
        post.variant.attachments = tuple(per_post.get(post, ()))
    a.set("neighbour_form", a.pool, NEIGHBOUR_FORMS, NEIGHBOUR_FORMS, (55, 15, 15, 15))


# -- markup ---------------------------------------------------------------------

CSS_BULLET = '<style>.view_top .bul:before { content: "\\2022\\00a0"; }</style>'
DELETED_SCRIPT = "<script>alert('The post has been deleted.'); history.back();</script>"
SCRIPTS = """<script src="/js/jquery-1.11.3.min.js"></script>
<script>
function fn_view(no) {
  location.href = "/about/newsView.do?id=&no=" + no + "&searchWrd=&pageIndex=1";
}
function fn_egov_link_page(pageNo) {
  location.href = "/about/newsList.do?id=&searchWrd=&pageIndex=" + pageNo;
}
</script>"""
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
LNB = """<div id="lnb">
<h2>About KITA</h2>
<ul>
<li><a href="/about/introduce.do">Introduction</a></li>
<li class="on"><a href="/about/newsList.do">KITA News</a></li>
<li><a href="/about/photoList.do">Photo Gallery</a></li>
</ul>
</div>"""
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


def _document(content: str, *, heading: str, encoding: str = "utf-8", head_extra: str = "") -> str:
    if encoding == "utf-8":
        charset = '<meta charset="utf-8">'
    else:
        charset = f'<meta http-equiv="Content-Type" content="text/html; charset={encoding}">'
    return (
        f'<!DOCTYPE html>\n<html lang="en">\n<head>\n{charset}\n'
        '<meta http-equiv="X-UA-Compatible" content="IE=edge">\n'
        "<title>KITA News | Korea International Trade Association</title>\n"
        '<link rel="stylesheet" type="text/css" href="/css/common.css">\n'
        f'{head_extra}\n{SCRIPTS}\n</head>\n<body>\n<div id="wrap">\n{HEADER}\n'
        f'<div id="container">\n{LNB}\n<div id="contents">\n'
        '<div class="location"><a href="/index.do">Home</a> &gt; About KITA &gt; '
        f"<strong>KITA News</strong></div>\n"
        f'<div class="sub_tit"><h3>{heading}</h3></div>\n{content}\n</div>\n</div>\n'
        f"{FOOTER}\n</div>\n</body>\n</html>\n"
    )


def _html_page(text: str, encoding: str = "utf-8", status: int = 200) -> Page:
    # The site declares EUC-KR only in the page's meta tag, never in the header.
    ctype = "text/html;charset=UTF-8" if encoding == "utf-8" else "text/html"
    return Page(status, ctype, text.encode(encoding, "xmlcharrefreplace"))


def error_page(status: int) -> Page:
    """The server's own error page for `status` (404, 500, 503, ...)."""
    reason = {
        404: "Not Found",
        429: "Too Many Requests",
        500: "Internal Server Error",
        503: "Service Unavailable",
    }.get(status, "Error")
    text = (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{status} {reason}</title>'
        f"</head>\n<body><h1>{status} {reason}</h1><p>WebtoB</p></body></html>\n"
    )
    return _html_page(text, status=status)


def _view_href(no: int, page_index: int = 1, session: str | None = None) -> str:
    path = VIEW_PATH if session is None else f"{VIEW_PATH};JSESSIONID_ORG={session}.Hyper"
    return f"{path}?id=&amp;no={no}&amp;searchWrd=&amp;pageIndex={page_index}"


def _link_attrs(form: str, no: int, session: str, page_index: int = 1) -> str:
    if form == "session":
        return f'href="{_view_href(no, page_index, session)}"'
    if form == "javascript":
        return f"href=\"javascript:fn_view('{no}')\""
    if form == "onclick":
        return f'href="#none" onclick="fn_view(\'{no}\'); return false;"'
    return f'href="{_view_href(no, page_index)}"'


def _blank(tag: str, rng: random.Random, debris: frozenset[str]) -> str:
    if "o_p" in debris and tag == "p" and rng.random() < 0.5:
        return "<p><o:p>&nbsp;</o:p></p>"
    return rng.choices((f"<{tag}>&nbsp;</{tag}>", f"<{tag}><br></{tag}>"), (3, 1))[0]


def _unit_html(block: Block, tag: str) -> str:
    if block.kind == "image":
        return f'<{tag} style="text-align: center;">{block.html}</{tag}>'
    if block.kind == "table":
        rows = "".join(
            f'<tr><td style="padding: 4px;"><{tag}>{cell}</{tag}></td></tr>' for cell in block.cells
        )
        return (
            '<table border="0" cellpadding="0" cellspacing="0" width="100%"><tbody>'
            f"{rows}</tbody></table>"
        )
    return f"<{tag}>{block.html}</{tag}>"


def _body_html(post: Post) -> str:
    v = post.variant
    rng = random.Random(post.render_seed)
    repeat = _text_html(post.repeat_text, v.debris)
    if v.repeat_strong:
        repeat = f"<strong>{repeat}</strong>"
    units = [Block("text", repeat, ())]
    if post.subtitle is not None:
        form = SUBTITLE_FORMS[v.subtitle_form or "nbsp"]
        units.append(Block("text", form.format(s=_text_html(post.subtitle, v.debris)), ()))
    units += post.blocks
    newline = "\r\n" if "srcwrap" in v.debris else "\n"
    if v.body_form == "br":
        br = rng.choice(("<br>", "<br />", "<br/>"))
        out = []
        for i, unit in enumerate(units):
            if i:
                out.append(br * rng.randint(2, 3) + newline)
            # A table cannot live in running text: its cells become paragraphs of their own.
            out.append((br * 2).join(unit.cells) if unit.kind == "table" else unit.html)
        return "".join(out)
    out = []
    for i, unit in enumerate(units):
        if i:
            out.extend(_blank(v.body_form, rng, v.debris) for _ in range(rng.randint(1, 3)))
        out.append(_unit_html(unit, v.body_form))
    return newline.join(out)


def _truncate(text: str, body_class: str) -> str:
    """The page cut off half-way through the article body."""
    start = text.index(f'<div class="{body_class}">')
    # Body blocks never carry a class, so the next classed div is what follows the body.
    after = text.index('<div class="', start + 1)
    return text[: start + (after - start) // 2]


def _head_labels(post: Post) -> set[str]:
    v = post.variant
    out = {f"layout:{v.layout}", f"encoding:{v.encoding}"}
    if v.layout != "older":
        out.add(f"bullet:{v.bullet}")
    if post.has_info:
        out.add(f"date:{v.date_fmt}")
        out.add(f"info:{v.info_form}")
        if v.hit_fmt == "labelled":
            out.add("hit:labelled_sep" if post.hits >= 1000 else "hit:labelled")
        else:
            out.add(f"hit:{v.hit_fmt}")
    return out


def _body_labels(post: Post) -> set[str]:
    v = post.variant
    out = {
        f"body:{v.body_form}",
        f"subtitle:{v.subtitle_form}" if post.subtitle is not None else "subtitle:none",
    }
    title = norm(post.title)
    repeat = post.repeat_text
    if repeat == title:
        out.add("repeat:plain")
    else:
        out.add("repeat:longer" if repeat.startswith(title) else "repeat:noquote")
    if v.repeat_strong:
        out.add("repeat:strong")
    out.update(f"debris:{name}" for name in v.debris)
    if not any(b.kind == "table" for b in post.blocks):
        out.discard("debris:table")
    if v.image is not None:
        out.update(f"image:{part}" for part in v.image)
    if any(link.rel == "body" for b in post.blocks for link in b.links):
        out.add("link:body")
    return out


def _title_labels(post: Post) -> set[str]:
    title = post.title
    checks = {
        "curly": any(ch in title for ch in "‘’“”"),
        "straight": "'" in title or '"' in title,
        "middot": "·" in title,
        "amp": "&" in title,
        "trailing": title != title.rstrip(),
        "korean": _is_hangul(title),
        "lost_char": post.variant.title_quirk == "lost_char",
        "typo": post.variant.title_quirk == "typo",
    }
    return {f"title:{name}" for name, seen in checks.items() if seen}


class Board:
    """The news board: posts by id, rendering of its pages, and the ground truth."""

    def __init__(self, posts: Sequence[Post], *, seed: int, seed_no: int) -> None:
        self.seed = seed
        self.seed_no = seed_no
        self._posts: dict[int, Post] = {p.no: p for p in posts}
        self._reindex()

    def _reindex(self) -> None:
        self._nos = sorted(self._posts)
        self._stored = [no for no in self._nos if self._posts[no].kind in STORED_KINDS]

    # -- queries ----------------------------------------------------------------

    @property
    def posts(self) -> list[Post]:
        """Every listed post, newest first (the list's order)."""
        return [self._posts[no] for no in reversed(self._nos)]

    def post(self, no: int) -> Post | None:
        return self._posts.get(no)

    def __len__(self) -> int:
        return len(self._nos)

    @property
    def list_pages(self) -> int:
        return -(-len(self._nos) // PAGE_SIZE)

    @property
    def articles(self) -> list[Post]:
        """The posts a correct crawler stores as articles, newest first."""
        return [p for p in self.posts if p.kind in ARTICLE_KINDS]

    def nos_of(self, *kinds: str) -> list[int]:
        """Ids of the posts of these kinds, ascending."""
        return [no for no in self._nos if self._posts[no].kind in kinds]

    def neighbours(self, no: int) -> tuple[Post | None, Post | None]:
        """The nearest stored older and newer posts (deleted and missing ones skipped)."""
        stored = self._stored
        i = bisect_left(stored, no)
        j = i + 1 if i < len(stored) and stored[i] == no else i
        prev = self._posts[stored[i - 1]] if i > 0 else None
        nxt = self._posts[stored[j]] if j < len(stored) else None
        return prev, nxt

    def quiet_nos(self) -> list[int]:
        """Good articles with nothing special about them, ascending.

        Candidates for pinned notices and injected faults: not the seed article
        or its neighbours, not the oldest or newest post, not flaky.
        """
        avoid = {self._nos[0], self._nos[-1], self.seed_no}
        avoid.update(p.no for p in self.neighbours(self.seed_no) if p is not None)
        return [no for no in self.nos_of(GOOD) if no not in avoid]

    # -- ground truth ---------------------------------------------------------------

    def article_truth(self, post: Post, base_url: str) -> dict[str, Any]:
        base = base_url.rstrip("/")
        links: list[dict[str, Any]] = []
        for rel, other in zip(("prev", "next"), self.neighbours(post.no), strict=True):
            if other is not None:
                links.append(
                    {
                        "rel": rel,
                        "url": article_url(base, other.no),
                        "text": norm(other.title) or None,
                        "target_no": other.no,
                    }
                )
        for file in post.attachments:
            links.append(
                {
                    "rel": "attachment",
                    "url": file.truth_url(base),
                    "text": norm(file.name),
                    "target_no": None,
                }
            )
        for block in post.blocks:
            for link in block.links:
                links.append(
                    {
                        "rel": link.rel,
                        "url": link.truth_url(base),
                        "text": link.text,
                        "target_no": None,
                    }
                )
        return {
            "board": BOARD_NAME,
            "no": post.no,
            "url": article_url(base, post.no),
            "title": norm(post.title),
            "subtitle": norm(post.subtitle) if post.subtitle is not None else None,
            "published": post.posted.isoformat() if post.has_info else None,
            "hits": post.hits if post.has_info else None,
            "body": "\n\n".join(post.body_texts),
            "links": links,
        }

    def ground_truth(self, base_url: str) -> dict[str, Any]:
        """What a correct crawl of the whole board yields, for a server at `base_url`."""
        base = base_url.rstrip("/")
        articles = []
        problems = []
        for post in self.posts:
            if post.kind in ARTICLE_KINDS:
                articles.append(self.article_truth(post, base))
            else:
                problems.append(
                    {
                        "no": post.no,
                        "url": article_url(base, post.no),
                        "kind": PROBLEM_KINDS[post.kind],
                    }
                )
        return {"articles": articles, "problems": problems, "list_pages": self.list_pages}

    def labels(self, post: Post) -> set[str]:
        """The variation labels (see ALL_VARIATIONS) that `post`'s page shows."""
        out = _head_labels(post) | _title_labels(post) | _body_labels(post)
        for file in post.attachments:
            out.add(f"attach_href:{file.form}")
            if _is_hangul(file.name):
                out.add("attach:korean_name")
        out.add(f"attach:{len(post.attachments)}")
        out.add(f"neighbour:{post.variant.neighbour_form}")
        if None in self.neighbours(post.no):
            out.add("neighbour:single")
        return out

    def variations(self) -> Counter[str]:
        """How many good articles show each variation label."""
        counts: Counter[str] = Counter()
        for post in self.articles:
            counts.update(self.labels(post))
        return counts

    # -- pages ----------------------------------------------------------------------

    def view_page(self, no: int, *, drift: bool = False) -> Page:
        """The answer to /about/newsView.do?no=`no`."""
        post = self._posts.get(no)
        if post is None or post.kind == MISSING:
            return error_page(404)
        if post.kind == DELETED:
            return Page(200, "text/html;charset=UTF-8", DELETED_SCRIPT.encode())
        if post.kind == BROKEN:
            return error_page(500)
        names = DRIFT_NAMES if drift else NAMES
        text = self.article_html(post, names)
        if post.kind == TRUNCATED:
            text = _truncate(text, names.view_cont)
        return _html_page(text, post.variant.encoding)

    def article_html(self, post: Post, names: _Names = NAMES) -> str:
        v = post.variant
        drift = names is DRIFT_NAMES
        title = "" if post.kind == UNTITLED else esc(post.title)
        if title and v.bullet == "char":
            title = "• " + title
        cls = names.view_tit + (" bul" if v.bullet == "css" else "")
        tag = "h4" if v.layout == "older" else "p"
        title_el = f'<{tag} class="{cls}">{title}</{tag}>'
        info = self._info_html(post, names) if post.has_info else ""
        body = "" if post.kind == EMPTY_BODY else _body_html(post)
        cont = f'<div class="{names.view_cont}">\n{body}\n</div>'
        files = self._files_html(post, names)
        move = self._move_html(post, names)
        if drift:
            # The drifted template shows the date line under the body.
            parts = [f'<div class="{names.view_top}">\n{title_el}\n</div>', cont, info, files, move]
        else:
            top = "\n".join(x for x in (title_el, info) if x)
            parts = [f'<div class="{names.view_top}">\n{top}\n</div>', cont, files, move]
        view = f'<div class="{names.board_view}">\n' + "\n".join(x for x in parts if x) + "\n</div>"
        buttons = (
            '<div class="btn_area">\n'
            '<a href="/about/newsList.do?id=&amp;searchWrd=&amp;pageIndex=1" class="btn_list">'
            "List</a>\n"
            '<a href="#none" class="btn_print" onclick="window.print(); return false;">Print</a>\n'
            "</div>"
        )
        heading = "KITA News and Reports" if v.layout == "older" else "KITA News"
        return _document(
            f"{view}\n{buttons}",
            heading=heading,
            encoding=v.encoding,
            head_extra=CSS_BULLET if v.bullet == "css" else "",
        )

    @staticmethod
    def _info_html(post: Post, names: _Names) -> str:
        v = post.variant
        day = post.posted.isoformat() if v.date_fmt == "dash" else post.posted.strftime("%Y.%m.%d")
        hit = {
            "lower": f"hit {post.hits}",
            "labelled": f"Hit : {post.hits:,}",
            "bare": str(post.hits),
        }[v.hit_fmt]
        if v.info_form == "line":
            return f'<ul class="{names.view_info}"><li>{day} {hit}</li></ul>'
        return (
            f'<ul class="{names.view_info}"><li class="{names.date}">{day}</li>'
            f'<li class="{names.hit}">{hit}</li></ul>'
        )

    @staticmethod
    def _files_html(post: Post, names: _Names) -> str:
        if not post.attachments:
            return ""
        items = "\n".join(
            f'<li><a href="{attr(f.href(post.session))}">{esc(f.name)}</a></li>'
            for f in post.attachments
        )
        return (
            f'<div class="{names.view_file}">\n<dl><dt>Attachment</dt><dd><ul>\n{items}\n'
            "</ul></dd></dl>\n</div>"
        )

    def _move_html(self, post: Post, names: _Names) -> str:
        form = post.variant.neighbour_form
        slots = []
        for (cls, label, none_text), other in zip(
            (
                ("prev", "Prev", "There is no previous post."),
                ("next", "Next", "There is no next post."),
            ),
            self.neighbours(post.no),
            strict=True,
        ):
            if other is None:
                dd = none_text
            else:
                dd = f"<a {_link_attrs(form, other.no, post.session)}>{esc(other.title)}</a>"
            slots.append(f'<dl class="{cls}"><dt>{label}</dt><dd>{dd}</dd></dl>')
        return f'<div class="{names.view_move}">\n' + "\n".join(slots) + "\n</div>"

    def list_page(self, page: int, options: ListOptions, *, drift: bool = False) -> Page:
        """The answer to /about/newsList.do?pageIndex=`page`."""
        names = DRIFT_NAMES if drift else NAMES
        listed = self.posts
        total = len(listed)
        last = self.list_pages
        page = max(page, 1)
        shown: int | None = page
        if page > last:
            if options.past_end == "last" and last:
                shown = last
            elif options.past_end == "first" and last:
                shown = 1
            else:
                shown = None
        session = f"{random.Random(self.seed * 17 + (shown or 0)).getrandbits(128):032X}"
        columns = 4 if options.columns else 2
        rows: list[str] = []
        if shown is None:
            rows.append(f'<tr><td colspan="{columns}" class="no_data">No posts.</td></tr>')
        else:
            for no in options.pinned:
                pinned = self._posts.get(no)
                if pinned is not None:
                    rows.append(_row_html(pinned, "Notice", shown, options, session, pinned=True))
            start = (shown - 1) * PAGE_SIZE
            for i, post in enumerate(listed[start : start + PAGE_SIZE]):
                rows.append(_row_html(post, str(total - start - i), shown, options, session))
        head = '<th scope="col">No.</th><th scope="col">Title</th>'
        cols = '<col style="width: 10%;"><col>'
        if options.columns:
            head += '<th scope="col">Date</th><th scope="col">Hit</th>'
            cols += '<col style="width: 15%;"><col style="width: 10%;">'
        body = "\n".join(rows)
        content = (
            '<div class="board_top">\n'
            f'<p class="total">Total <strong>{total:,}</strong></p>\n'
            '<form name="searchForm" action="/about/newsList.do" method="get">'
            '<input type="hidden" name="pageIndex" value="1">'
            '<select name="searchCnd" title="Search by"><option value="0">Title</option></select>'
            '<input type="text" name="searchWrd" title="Search word" value="">'
            '<button type="submit" class="btn_search">Search</button></form>\n</div>\n'
            f'<table class="{names.board_list}" summary="KITA News: No., Title, Date, Hit">\n'
            f"<caption>KITA News list</caption>\n<colgroup>{cols}</colgroup>\n"
            f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n"
            f"{_paging_html(shown if shown is not None else page, last, options.paging)}"
        )
        return _html_page(_document(content, heading="KITA News"))

    # -- changes while the server runs -------------------------------------------

    def publish(self, k: int, *, today: date | None = None) -> list[int]:
        """Add `k` new articles on top (higher ids, dated today or later); return their ids."""
        newest = self._posts[self._nos[-1]]
        rng = random.Random(self.seed * 31 + newest.no)
        day = max(today or date.today(), newest.posted)
        no = newest.no
        added = []
        for _ in range(k):
            no += 1 + (rng.random() < 0.05)
            hits = rng.randint(100, 400)
            post = Post(no=no, posted=day, hits=hits, variant=_random_variant(rng))
            _fill(post, self.seed)
            self._posts[no] = post
            added.append(no)
        self._reindex()
        return added

    def bump_hits(self, delta: int | Callable[[int], int]) -> None:
        """Raise every hit counter by `delta`, or by `delta(no)` when it is a function."""
        for post in self._posts.values():
            post.hits += delta(post.no) if callable(delta) else delta

    def edit(
        self, no: int, *, new_body_paragraph: str | None = None, title: str | None = None
    ) -> None:
        """Change a post: append a body paragraph and/or replace its title."""
        post = self._posts[no]
        if new_body_paragraph is not None:
            post.blocks.append(text_block(new_body_paragraph, post.variant.debris))
        if title is not None:
            post.title = title


def _row_html(
    post: Post,
    counter: str,
    page_index: int,
    options: ListOptions,
    session: str,
    *,
    pinned: bool = False,
) -> str:
    mode = options.list_links
    if mode == "mixed":
        form = ("href", "session", "onclick", "tr_onclick")[post.no % 4]
    else:
        form = "href" if mode == "href" else "onclick"
    tr_attrs = ' class="notice"' if pinned else ""
    title = esc(post.title)
    if form == "tr_onclick":
        tr_attrs += f' onclick="fn_view(\'{post.no}\');" style="cursor: pointer;"'
        link = f'<a href="#none">{title}</a>'
    else:
        link = f"<a {_link_attrs(form, post.no, session, page_index)}>{title}</a>"
    cells = f'<td class="num">{counter}</td><td class="subject">{link}</td>'
    if options.columns:
        cells += f'<td class="date">{post.posted.isoformat()}</td><td class="hit">{post.hits}</td>'
    return f"<tr{tr_attrs}>{cells}</tr>"


def _paging_html(current: int, last: int, style: str) -> str:
    def link(page: int, label: str, cls: str = "") -> str:
        cls_attr = f' class="{cls}"' if cls else ""
        return (
            f'<a href="#none"{cls_attr} onclick="fn_egov_link_page({page}); return false;">'
            f"{label}</a>"
        )

    parts: list[str] = []
    if 1 <= current <= last:
        block_start = (current - 1) // 10 * 10 + 1
        block_end = min(block_start + 9, last)
        parts = [
            f"<strong>{p}</strong>" if p == current else link(p, str(p))
            for p in range(block_start, block_end + 1)
        ]
        if style == "blocks" and block_end < last:
            parts.append(link(block_end + 1, "&gt;", "next"))
    if style == "last" and last:
        parts = [link(1, "first", "first"), *parts, link(last, "last", "last")]
    return '<div class="paging">\n' + "\n".join(parts) + "\n</div>"
