"""Korean full-text search on stock SQLite: syllable bigrams, indexed beside the words.

FTS5's ``unicode61`` tokenizer splits text at spaces and punctuation, so a
Korean word with its particle (``반도체가``) or a compound (``시스템반도체를``)
is one token, and a search for ``반도체`` misses both; the ``trigram``
tokenizer finds them but never matches a query of two syllables (``관세``,
``수출``: most Korean nouns). No tokenizer of stock SQLite does both, and a
custom one needs a compiled extension.

So the text is rewritten before it is indexed (:func:`search_form`): every
run of Hangul syllables becomes its overlapping bigrams (``시스템반도체를`` ->
``시스 스템 템반 반도 도체 체를``; a single syllable stays as it is), after a
separator token (:data:`SEPARATOR`, a private-use character that
``unicode61`` keeps as a token of its own and nobody types), so that no
phrase runs from one word into the next; everything else (English, digits)
stays as it is. A query is rewritten the same way (:func:`match_query`): a
Korean term becomes the phrase of its bigrams, which occurs exactly where
the term occurs inside a word (``"반도 도체"`` in ``시스템반도체를``, never in
``한반도 체제``); a term of two syllables is one bigram, a single token.

The index (``articles_search``, :mod:`kitacrawl.storage.schema`) is an FTS5
table without content of its own (``content=''``): it holds the index only,
and :class:`kitacrawl.storage.Storage` keeps it in step with ``articles``;
its rows' rowids are those of ``articles``. Snippets are cut from the
article's own text (:func:`snippet`). Changing :func:`search_form` changes
every indexed row: it needs a migration that rebuilds the index
(:func:`rebuild`).
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from operator import add

# A run of Hangul syllables (U+AC00 to U+D7A3, the precomposed ones every Korean
# page uses once in NFC).
HANGUL_RUN = re.compile("[\uac00-\ud7a3]+")
# Before every Hangul run: a token of its own (unicode61 counts private-use
# characters as token characters), which no query phrase of a single word holds.
SEPARATOR = "\ue000"
# The index and the table that holds the texts of rows changed or deleted by plain SQL
# until kitacrawl takes them out of it (see Storage.reconcile_search).
TABLE = "articles_search"
PENDING = "articles_search_pending"
# The article's text, and its board as one token (a search of one board is one index).
COLUMNS = ("title", "subtitle", "body", "board")
# In front of a board's name in the index: a token no word of any text is.
BOARD_MARK = "\ue001"
# How a match ranks: bm25, an occurrence in the title counting five times one in the body
# (the board's token, which every article of a board holds, nothing).
RANK = f"bm25({TABLE}, 5.0, 2.0, 1.0, 0.0)"


def has_hangul(text: str) -> bool:
    return HANGUL_RUN.search(unicodedata.normalize("NFC", text)) is not None


def _grams(run: str) -> str:
    if len(run) == 1:
        return run
    # Each syllable with the next: the pairs of the run and the run shifted by one.
    return " ".join(map(add, run, run[1:]))


def search_form(text: str | None) -> str | None:
    """The text as the index holds it: each Hangul run as its bigrams after a separator."""
    if text is None:
        return None
    text = unicodedata.normalize("NFC", text)
    if not HANGUL_RUN.search(text):
        return text
    return HANGUL_RUN.sub(lambda match: f" {SEPARATOR} {_grams(match.group(0))} ", text)


def _phrase(text: str) -> str:
    """A query term (or a quoted phrase's text) as one FTS5 phrase of the search form."""
    form = " ".join((search_form(text) or "").split())
    # The separator in front of the first run would tie the term to a word's start.
    form = form.removeprefix(SEPARATOR).strip()
    return '"' + form.replace('"', '""') + '"'


# An FTS5 query's parts: a quoted string, an operator character, or a bare word.
_PART_RE = re.compile(r'"(?:[^"]|"")*"?|[()+^:]|[^\s()"+^:]+')
_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})


def match_query(query: str) -> str | None:
    """The query for the search index, or None when it holds no Korean (the words' index
    answers it, unchanged).

    FTS5 syntax stays (``AND``, ``OR``, ``NOT``, parentheses, ``NEAR``, column
    filters such as ``title:``); every quoted string and bare word holding
    Hangul becomes the phrase of its search form; a ``*`` after a Korean term is
    dropped (a bigram phrase already matches inside words). Words without
    Hangul are left as they are: they match the same tokens as in the words' index.
    """
    query = unicodedata.normalize("NFC", query)
    if not HANGUL_RUN.search(query):
        return None
    out: list[str] = []
    for part in _PART_RE.findall(query):
        if part.startswith('"'):
            inner = part[1:-1] if len(part) > 1 and part.endswith('"') else part[1:]
            inner = inner.replace('""', '"')
            out.append(_phrase(inner) if HANGUL_RUN.search(inner) else f'"{_escape(inner)}"')
        elif part in _OPERATORS or not HANGUL_RUN.search(part):
            out.append(part)
        else:
            out.append(_phrase(part.rstrip("*")))
    return " ".join(out)


def _escape(text: str) -> str:
    return text.replace('"', '""')


def quoted_query(query: str) -> str:
    """Free text as a query of the search index: every word a phrase, all must match.

    What a search box sends (Datasette's ``escape_fts``, and a query FTS5
    rejects, searched again as plain words): no FTS5 syntax leaks in.
    """
    query = unicodedata.normalize("NFC", query)
    terms = _terms(query)
    return " ".join(
        _phrase(term) if HANGUL_RUN.search(term) else f'"{_escape(term)}"' for term in terms
    )


def _terms(query: str) -> list[str]:
    """The words and quoted phrases of free text (an unclosed quote runs to the end)."""
    terms: list[str] = []
    for part in re.findall(r'"[^"]*"?|[^\s"]+', query):
        text = part.strip('"').strip()
        if text:
            terms.append(text)
    return terms


def search_terms(query: str) -> list[str]:
    """The words and phrases of a query whose occurrences a snippet marks (operators left out)."""
    terms = [term.rstrip("*") for term in _terms(query) if term not in _OPERATORS]
    cleaned = [re.sub(r"^[\w]+:", "", term).strip("()^+") for term in terms]
    return [term for term in cleaned if term]


# -- snippets ------------------------------------------------------------------------


def snippet(
    texts: Sequence[str | None],
    terms: Iterable[str],
    *,
    marks: tuple[str, str] = ("[", "]"),
    ellipsis: str = "…",
    width: int = 72,
) -> str:
    """A part of the first text holding a term, about `width` characters, terms marked.

    The texts are tried in order (body before title: the title is shown beside
    it anyway); the window opens a little before the first occurrence. Without
    any occurrence, the start of the first non-empty text.
    """
    normal = (unicodedata.normalize("NFC", term) for term in terms if term.strip())
    wanted = sorted(normal, key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, wanted)), re.I) if wanted else None
    chosen, found = next(
        (
            (text, match)
            for text in texts
            if text and pattern and (match := pattern.search(unicodedata.normalize("NFC", text)))
        ),
        (next((text for text in texts if text), ""), None),
    )
    text = " ".join(unicodedata.normalize("NFC", chosen or "").split())
    if found is not None and pattern is not None:
        found = pattern.search(text) or found
    start = max(0, (found.start() if found else 0) - width // 4)
    end = min(len(text), start + width)
    piece = text[start:end]
    if pattern is not None:
        piece = pattern.sub(lambda match: f"{marks[0]}{match.group(0)}{marks[1]}", piece)
    return (ellipsis if start > 0 else "") + piece + (ellipsis if end < len(text) else "")


# -- the index ---------------------------------------------------------------------------


# A row of ``articles`` as the index reads it: (rowid, title, subtitle, body, board).
Row = tuple[int, str | None, str | None, str | None, str | None]
# What to select from ``articles`` (or the pending table) for a Row.
SELECTED = "rowid, title, subtitle, body, board"


def board_token(board: str) -> str:
    return f"{BOARD_MARK}{board}"


def board_filter(board: str) -> str:
    """The part of a query that keeps one board's articles."""
    return f'board : "{board_token(board)}"'


def rows_of(rows: Iterable[Row]) -> Iterator[Row]:
    """Rows of ``articles`` as the index takes them."""
    for rowid, title, subtitle, body, board in rows:
        mark = board_token(board) if board is not None else None
        yield rowid, search_form(title), search_form(subtitle), search_form(body), mark


def index_rows(conn: sqlite3.Connection, rows: Iterable[Row]) -> None:
    """Put these rows of ``articles`` into the index (one statement: one FTS5 segment)."""
    names = ", ".join(COLUMNS)
    conn.executemany(f"INSERT INTO {TABLE} (rowid, {names}) VALUES (?, ?, ?, ?, ?)", rows_of(rows))


def unindex_rows(conn: sqlite3.Connection, rows: Iterable[Row]) -> None:
    """Take these rows, with the texts they were indexed with, out of the index."""
    names = ", ".join(COLUMNS)
    conn.executemany(
        f"INSERT INTO {TABLE} ({TABLE}, rowid, {names}) VALUES ('delete', ?, ?, ?, ?, ?)",
        rows_of(rows),
    )


def rebuild(conn: sqlite3.Connection) -> None:
    """Index every row of ``articles`` afresh (the index emptied first)."""
    conn.execute(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('delete-all')")
    conn.execute(f"DELETE FROM {PENDING}")
    index_rows(conn, conn.execute(f"SELECT {SELECTED} FROM articles"))
