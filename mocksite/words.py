"""Word pools and text templates of the generated posts, and the words one post draws.

Titles, subtitles and body paragraphs are templates with ``{slot}`` names;
``draw_slots`` draws one post's values for them (countries, cities, figures, the
chairman of its year) from the pools below.
"""

from __future__ import annotations

import random
from datetime import date
from typing import Any

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


def _chairman(year: int) -> str:
    if year < 2018:
        return "Kim In-ho"
    return "Kim Young-ju" if year < 2021 else "Koo Ja-yeol"


def draw_slots(rng: random.Random, posted: date) -> dict[str, Any]:
    """The value of every template slot for one post dated `posted`."""
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
