"""Pure text cleaning and metadata parsing: strings in, values out.

Nothing here knows about HTML documents or Scrapy; each function is tested
with one-line inputs. The site's own words are never "fixed": typos, quote
marks and punctuation stay exactly as published.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from kitacrawl import site
from kitacrawl.site import (
    CATEGORY_PREFIX_RE,
    COUNT_RE,
    DATE_RE,
    HIT_LABEL_AFTER_RE,
    HIT_LABELLED_RE,
    NUMBER_RE,
    SITE_NAME_RE,
    TITLE_SEPARATOR_RE,
    read_int,
)

# Zero-width spaces, word joiners and stray BOMs show nothing: dropped, not made a
# space, so that `COVID\u200b-19` stays `COVID-19` as the page shows it.
_ZERO_WIDTH_TABLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff"))
_BULLET_RE = re.compile(r"^[\s\u00a0]*[•·\u2022\u25cf\u25aa\u25a0\u30fb]+[\s\u00a0]*")
# `- text -` with any mix of spaces and dashes around it.
_SUBTITLE_RE = re.compile(r"^[\-\u2013\u2014]\s*(?P<text>.*?)\s*[\-\u2013\u2014]$", re.S)
_DASHES = "-\u2013\u2014"
_WORD_RE = re.compile(r"\w+")
_TITLE_SEPARATORS = " |:·-–—<>»"
_SITE_AT_START_RE = re.compile(
    rf"^(?:{SITE_NAME_RE.pattern})(?:{TITLE_SEPARATOR_RE.pattern})", re.I
)
_SITE_AT_END_RE = re.compile(rf"(?:{TITLE_SEPARATOR_RE.pattern})(?:{SITE_NAME_RE.pattern})$", re.I)


def normalise_space(text: str | None) -> str:
    """Collapse whitespace (non-breaking included) to one space; drop zero-width spaces."""
    if not text:
        return ""
    # str.split() splits on every character for which str.isspace() is true: \s,
    # NBSP, U+2000-U+200A, U+3000 (checked over all of Unicode in test_clean.py),
    # at a fraction of the cost of a regex.
    if "\u200b" in text or "\u2060" in text or "\ufeff" in text:
        # str.translate with a table is slow on non-ASCII text: only when needed.
        text = text.translate(_ZERO_WIDTH_TABLE)
    return " ".join(text.split())


def strip_bullet(text: str) -> str:
    """Drop the board's bullet in front of a title, and the spaces around it."""
    return _BULLET_RE.sub("", text, count=1).strip()


def clean_title(text: str | None) -> str:
    return strip_bullet(normalise_space(text))


def parse_date(text: str | None) -> date | None:
    """`2020-09-23` or `2020.09.23` anywhere in the text, else None."""
    if not text:
        return None
    for match in DATE_RE.finditer(text):
        try:
            return date(*(int(part) for part in match.groups()))
        except ValueError:
            continue
    return None


def plausible_date(value: date | None, *, today: date | None = None) -> date | None:
    """The date, unless no article of the site can have it (before 1990 or after next year):
    such a date is a misread, and no date is better than a wrong one."""
    if value is None:
        return None
    latest = (today or date.today()).year + 1
    return value if 1990 <= value.year <= latest else None


def parse_hits(text: str | None, *, bare: bool = False) -> int | None:
    """`hit 2104`, `Hit : 2,104`; with ``bare``, also a number standing alone."""
    if not text:
        return None
    text = normalise_space(text)
    labelled = parse_labelled_count(text)
    if labelled is not None or not bare:
        return labelled
    match = NUMBER_RE.match(text)
    return read_int(match.group(1).replace(",", "")) if match else None


def parse_labelled_count(text: str | None) -> int | None:
    """A counter with its label (`hit 2104`, `Views 1,234`, `조회 12`, `1,234 views`), else None."""
    if not text:
        return None
    match = HIT_LABELLED_RE.search(text) or HIT_LABEL_AFTER_RE.search(DATE_RE.sub(" ", text))
    return read_int(match.group(1).replace(",", "")) if match else None


def parse_hits_after_date(text: str) -> int | None:
    """A bare counter that follows the date on one line (`2020-09-23 2104`)."""
    text = normalise_space(text)
    match = DATE_RE.search(text)
    if not match:
        return None
    return parse_hits(text[match.end() :], bare=True)


def parse_subtitle(paragraph: str) -> str | None:
    """The text of a `- subtitle -` paragraph without its dashes, else None."""
    paragraph = normalise_space(paragraph)
    if not paragraph or paragraph[0] not in _DASHES or paragraph[-1] not in _DASHES:
        return None  # the common case, without the regex's walk of a long paragraph
    match = _SUBTITLE_RE.match(paragraph)
    if not match:
        return None
    text = match.group("text").strip()
    return text or None


def _words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _WORD_RE.findall(folded)


def is_repeated_title(paragraph: str, title: str) -> bool:  # noqa: PLR0911 - one answer per kind of repeat
    """Is this body paragraph the title printed again as a heading?

    The repeat may lose its opening quote mark or use a longer wording, so the
    test is on words, not characters; the length bound keeps a lede sentence
    that shares the title's words from being mistaken for the heading.
    """
    para_words, title_words = _words(paragraph), _words(title)
    if not para_words or not title_words:
        return False
    if para_words == title_words:
        return True
    short = len(paragraph) <= 1.6 * len(title) + 30
    joined_para, joined_title = " ".join(para_words), " ".join(title_words)
    if joined_para in joined_title:
        # The title with words lost (an opening quote, a prefix), not a stray word.
        return len(para_words) >= max(2, len(title_words) // 2)
    if joined_title in joined_para:
        # A longer wording around the whole title: a heading, unless it reads
        # like a sentence of the article (long, and ending with a full stop).
        if short:
            return True
        return len(paragraph) <= 2.5 * len(title) + 40 and not paragraph.rstrip().endswith(".")
    if not short or paragraph.rstrip().endswith((".", "!", "?", "。")):
        # Another wording that ends like a sentence is the article's first sentence
        # telling the news again ("KITA opened an office in Jakarta on June 7."), not
        # the heading printed again.
        return False
    shared = len(set(title_words) & set(para_words))
    return shared / len(set(title_words)) >= 0.75


def split_heading(lines: list[str], title: str) -> tuple[str | None, list[str]]:
    """(subtitle, paragraphs) of a body: the title printed again and a `- subtitle -` taken off.

    The editors open a body with the title as a heading, then an optional
    subtitle between dashes; both are page furniture, not article text.
    """
    if lines and title and is_repeated_title(lines[0], title):
        lines = lines[1:]
    subtitle = parse_subtitle(lines[0]) if lines else None
    if subtitle is not None:
        lines = lines[1:]
    return subtitle, lines


def parse_count(text: str | None) -> int | None:
    """The last number in a labelled counter, whatever the label (`조회 193`, `Views 1,204`)."""
    if not text:
        return None
    found = COUNT_RE.findall(normalise_space(text))
    return read_int(found[-1].replace(",", "")) if found else None


def document_title(text: str | None) -> str:
    """A page's ``<title>`` without the site's and the board's names around it.

    ``Post title | KITA`` -> ``Post title``; ``KITA News | Korea International
    Trade Association`` names no post -> ``""``. A title with no site name in
    it is kept whole (KITA's current template titles a page with its post).
    """
    text = normalise_space(text).strip(_TITLE_SEPARATORS)
    while True:
        match = _SITE_AT_START_RE.match(text) or _SITE_AT_END_RE.search(text)
        if match is None:
            break
        # An untitled page's "- KITA" leaves a separator behind: it goes too.
        text = (text[: match.start()] + text[match.end() :]).strip(_TITLE_SEPARATORS)
    return "" if SITE_NAME_RE.fullmatch(text) else text


def split_category(title: str) -> tuple[str | None, str]:
    """``[KITA News] Title`` -> (``KITA News``, ``Title``); a title without one is kept."""
    match = CATEGORY_PREFIX_RE.match(title)
    if not match:
        return None, title
    return normalise_space(match.group(1)), normalise_space(match.group(2))


def reads_as_sentence(text: str) -> bool:
    """Is a line with a date, a counter or a label in it a sentence of an article?

    "Hit by high freight costs, exporters asked KITA for help.", "Seoul, 2018.03.02 —
    KITA held a meeting ...": what is left once its dates, counters, numbers and labels
    are taken off ends as a sentence does, or is more words than a line of details holds.
    """
    rest = site.DATE_RE.sub(" ", text)
    rest = site.HIT_LABELLED_RE.sub(" ", rest)
    rest = site.HIT_LABEL_AFTER_RE.sub(" ", rest)
    rest = site.INFO_LABEL_WORD_RE.sub(" ", rest)
    words = len(site.LETTER_WORD_RE.findall(rest))
    if words > site.INFO_MAX_WORDS:
        return True
    return words >= site.SENTENCE_MIN_WORDS and site.SENTENCE_END_RE.search(rest) is not None
