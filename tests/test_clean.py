"""Unit tests of kitacrawl.clean: one line of the site's text in, one value out."""

from __future__ import annotations

import re
import sys
from datetime import date

import pytest

from kitacrawl.clean import (
    clean_title,
    is_repeated_title,
    normalise_space,
    parse_count,
    parse_date,
    parse_hits,
    parse_hits_after_date,
    parse_labelled_count,
    parse_subtitle,
    plausible_date,
    split_heading,
    strip_bullet,
)

# The real article 2530 (facts copied from the site contract's seed page).
SEED_TITLE = "KITA Held 'Korea-Russia Business Dialogue'"
SEED_LEDE = (
    "The Korea International Trade Association (Chairman: Kim Young-ju) held ‘The 12th "
    "Korea-Russia Business Dialogue Celebrating the 30th Anniversary of Korea-Russia Diplomatic "
    "Relation’ online on September 22nd in cooperation with the Russian Chamber of Commerce and "
    "Industry and RosCongress."
)
SEED_SUBTITLE_LINE = (
    "-\u00a0 To celebrate 30th anniversary of Korea-Russia Diplomatic Relation... Discussed "
    "cooperation measures in manufacturing, information and communication technology (ICT), "
    "biotechnology areas\u00a0 -"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, ""),
        ("", ""),
        ("   ", ""),
        ("  KITA   Held  ", "KITA Held"),
        ("KITA\u00a0Held", "KITA Held"),
        ("\u00a0\u00a0KITA \u00a0 Held\u00a0", "KITA Held"),
        ("KITA\tHeld\r\n'Dialogue'", "KITA Held 'Dialogue'"),
        ("Trade\u3000Tower", "Trade Tower"),  # ideographic space
        ("Trade\u202fTower", "Trade Tower"),  # narrow no-break space
        ("expand\u200b\u00a0supply chain", "expand supply chain"),
        ("COVID\u200b-19", "COVID-19"),  # a zero-width space is no visible space
        ("\ufeffKITA News", "KITA News"),  # a stray byte-order mark
        ("\u200b", ""),
        ("Assocition  ‘spred’", "Assocition ‘spred’"),  # typos and quotes untouched
    ],
)
def test_normalise_space(text: str | None, expected: str) -> None:
    assert normalise_space(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("• KITA Held 'Korea-Russia Business Dialogue'", SEED_TITLE),
        ("\u00a0•\u00a0KITA Held", "KITA Held"),
        ("•KITA Held", "KITA Held"),
        ("● KITA Held", "KITA Held"),
        ("▪ KITA Held", "KITA Held"),
        ("■ KITA Held", "KITA Held"),
        ("・KITA Held", "KITA Held"),
        ("KITA Held", "KITA Held"),
        ("KITA·KOTRA Hold Meeting", "KITA·KOTRA Hold Meeting"),  # a dot inside stays
        ("KITA • News", "KITA • News"),
        ("• ", ""),
    ],
)
def test_strip_bullet(text: str, expected: str) -> None:
    assert strip_bullet(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  •\u00a0KITA Held  'Korea-Russia Business Dialogue'  ", SEED_TITLE),
        (
            "• KITA·KOTRA Hold Meeting & Launch Team \u00a0 ",
            "KITA·KOTRA Hold Meeting & Launch Team",
        ),
        ("Korea?s Exports Hit Record High", "Korea?s Exports Hit Record High"),
        ("•\u00a0", ""),
        (None, ""),
    ],
)
def test_clean_title(text: str | None, expected: str) -> None:
    assert clean_title(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020-09-23", date(2020, 9, 23)),
        ("2020.09.23", date(2020, 9, 23)),
        ("2020/09/23", date(2020, 9, 23)),
        ("2020. 09. 23", date(2020, 9, 23)),
        ("2020-9-3", date(2020, 9, 3)),
        ("2020-09-23 hit 2104", date(2020, 9, 23)),
        ("Date : 2022.06.07", date(2022, 6, 7)),
        ("2020-02-30 2020-03-01", date(2020, 3, 1)),  # the first valid date
        ("2020-13-01", None),
        ("2020-02-30", None),
        ("2020-00-10", None),
        ("12020-09-23", None),
        ("2020-09-234", None),
        ("20200923", None),
        ("hit 2104", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_date(text: str | None, expected: date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2020, 9, 23), date(2020, 9, 23)),
        (date(1990, 1, 1), date(1990, 1, 1)),
        (date(2027, 12, 31), date(2027, 12, 31)),  # next year: a scheduled post
        (date(1989, 12, 31), None),
        (date(1901, 1, 1), None),
        (date(2028, 1, 1), None),
        (None, None),
    ],
)
def test_plausible_date(value: date | None, expected: date | None) -> None:
    assert plausible_date(value, today=date(2026, 12, 1)) == expected


@pytest.mark.parametrize(
    ("text", "bare", "expected"),
    [
        ("hit 2104", False, 2104),
        ("Hit : 2,104", False, 2104),
        ("HIT:12", False, 12),
        ("hits 12,045", False, 12045),
        ("Views 1,234", False, 1234),
        ("hit\u00a0760", False, 760),
        ("2020-09-23 hit 2104", False, 2104),
        ("hit 2104", True, 2104),
        ("2104", False, None),
        ("2104", True, 2104),
        ("2,104", True, 2104),
        ("\u00a0987 ", True, 987),
        ("12,34", True, None),
        ("hit", True, None),
        ("hit -", False, None),
        ("No counter", True, None),
        ("", True, None),
        (None, True, None),
    ],
)
def test_parse_hits(text: str | None, bare: bool, expected: int | None) -> None:
    assert parse_hits(text, bare=bare) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020-09-23 2104", 2104),
        ("2021.06.01\u00a0\u00a0\u00a02,011", 2011),
        ("2020-09-23 hit 2104", 2104),
        ("2020-09-23", None),
        ("2104", None),  # no date to follow
        ("", None),
    ],
)
def test_parse_hits_after_date(text: str, expected: int | None) -> None:
    assert parse_hits_after_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            SEED_SUBTITLE_LINE,
            "To celebrate 30th anniversary of Korea-Russia Diplomatic Relation... Discussed "
            "cooperation measures in manufacturing, information and communication technology "
            "(ICT), biotechnology areas",
        ),
        (
            "-\u00a0\u00a0 Korea\u00a0\u00a0and\u00a0Vietnam \u00a0-\u00a0",
            "Korea and Vietnam",
        ),
        ("-Center to help SMEs-", "Center to help SMEs"),
        ("– Tariffs on 95% of items removed –", "Tariffs on 95% of items removed"),  # en dash
        ("— Export outlook —", "Export outlook"),  # em dash
        ("- Korea-Russia talks - first round -", "Korea-Russia talks - first round"),
        ("- not closed", None),
        ("not opened -", None),
        ("Korea-Russia Business Dialogue", None),
        ("-30% in exports compared with last year", None),
        ("- -", None),
        ("-", None),
        ("", None),
    ],
)
def test_parse_subtitle(text: str, expected: str | None) -> None:
    assert parse_subtitle(text) == expected


@pytest.mark.parametrize(
    ("paragraph", "title", "expected"),
    [
        # the heading printed again, as it is
        (SEED_TITLE, SEED_TITLE, True),
        ("KITA Held ‘Korea-Russia Business Dialogue’", SEED_TITLE, True),
        ("kita held 'korea-russia business dialogue'", SEED_TITLE, True),
        # opening quote lost, closing kept
        ("KITA Held Korea-Russia Business Dialogue'", SEED_TITLE, True),
        (
            "KITA Hosts 2021 Digital Trade Week’ with Global E-commerce Platforms",
            "KITA Hosts ‘2021 Digital Trade Week’ with Global E-commerce Platforms",
            True,
        ),
        # a longer wording of the title
        (
            "KITA Held Export Strategy Meeting with Trading Companies for the Second Half of 2021",
            "KITA Held Export Strategy Meeting with Trading Companies",
            True,
        ),
        (
            "KITA Celebrated the 57th Trade Day (제57회 무역의 날)",
            "KITA Celebrated the 57th Trade Day (제57회 무역의 날)",
            True,
        ),
        # the lede trap: the seed's first body paragraph shares most title words
        (SEED_LEDE, SEED_TITLE, False),
        (SEED_SUBTITLE_LINE, SEED_TITLE, False),
        ("Vietnam is Korea's third largest export market.", SEED_TITLE, False),
        ("", SEED_TITLE, False),
        ("\u00a0", SEED_TITLE, False),
        (SEED_TITLE, "", False),
    ],
)
def test_is_repeated_title(paragraph: str, title: str, expected: bool) -> None:
    assert is_repeated_title(paragraph, title) is expected


@pytest.mark.parametrize(
    ("paragraph", "title", "expected"),
    [
        # A longer wording that keeps the whole title is the heading...
        (
            "KITA Held Webinar on 'Stabilization of Global Distribution in Post-COVID-19 Era'",
            "KITA Held Webinar",
            True,
        ),
        # ...but a sentence that happens to contain the title words is body text.
        (
            "The Korea-Russia Business Dialogue was held online on September 22nd with officials.",
            "Korea-Russia Business Dialogue",
            False,
        ),
        # A stray word from the title is not the heading.
        ("Seoul", "KITA Holds Forum in Seoul", False),
    ],
)
def test_repeated_title_wordings(paragraph: str, title: str, expected: bool) -> None:
    assert is_repeated_title(paragraph, title) is expected


def test_normalise_space_treats_every_unicode_space_like_the_documented_class() -> None:
    # normalise_space relies on str.split(); this is the class it must match.
    spaces = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char in "\u200b\u2060\ufeff":
            assert normalise_space(f"a{char}b") == "ab"
        elif spaces.fullmatch(char):
            assert normalise_space(f"a{char}b") == "a b", hex(code)
        else:
            assert char.isspace() is False, hex(code)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("조회 193", 193),
        ("Views 1,204", 1204),
        ("Hits: 2,371", 2371),
        ("\n\t\tViews\u00a0\u00a012\n", 12),
        ("193", 193),
        ("Views", None),
        ("Views 1,2345", None),  # not a number with thousands separators
        ("Views 1,23", None),
        ("Views " + "9" * 19, None),  # longer than SQLite's INTEGER
        ("Views ²", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_count(text: str | None, expected: int | None) -> None:
    assert parse_count(text) == expected


@pytest.mark.parametrize(
    ("lines", "title", "expected"),
    [
        (
            [SEED_TITLE, SEED_SUBTITLE_LINE, SEED_LEDE],
            SEED_TITLE,
            (
                SEED_SUBTITLE_LINE[3:-3],
                [SEED_LEDE],
            ),
        ),
        ([SEED_LEDE], SEED_TITLE, (None, [SEED_LEDE])),
        # no title to compare with: only the subtitle form is taken off
        ([SEED_TITLE, SEED_LEDE], "", (None, [SEED_TITLE, SEED_LEDE])),
        (["- A subtitle -", SEED_LEDE], "", ("A subtitle", [SEED_LEDE])),
        ([], SEED_TITLE, (None, [])),
    ],
)
def test_split_heading(
    lines: list[str], title: str, expected: tuple[str | None, list[str]]
) -> None:
    assert split_heading(lines, title) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020. 09. 23", date(2020, 9, 23)),
        ("2020/09/23", date(2020, 9, 23)),
        ("Posted on 2020.9.3 by KITA", date(2020, 9, 3)),
        ("작성일 2026.01.16", date(2026, 1, 16)),
        ("2020-13-01", None),
        ("No. 2530", None),
    ],
)
def test_parse_date_in_any_format_seen(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hit 12", 12),
        ("Hits 1,234", 1234),
        ("Views 1,234", 1234),
        ("Views : 2,104", 2104),
        ("조회 1,234", 1234),
        ("조회수: 12", 12),
        ("조회수 12", 12),
        ("Date : 2020.09.23 | Views : 2,104", 2104),
        ("2020-09-23 hit 2104", 2104),
        ("1,234 views", 1234),
        # A day of a date is never a counter, whichever side the label is on.
        ("2020-09-23 Hits 1,234", 1234),
        ("2020. 09. 23 12 views", 12),
        ("2020-09-23 views", None),
        ("1,234", None),
        ("Views", None),
        ("overviews 3", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_labelled_count(text: str | None, expected: int | None) -> None:
    assert parse_labelled_count(text) == expected
