"""Korean search on stock SQLite (``kitacrawl.storage.ngrams``): the text's and the query's forms,
the index kept in step with the articles, the search the analysts run."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kitacrawl.items import Article
from kitacrawl.storage import Storage, ngrams, queries

SEP = ngrams.SEPARATOR


def test_hangul_runs_become_their_bigrams_after_a_separator() -> None:
    assert (
        ngrams.search_form("시스템반도체를 수출")
        == f" {SEP} 시스 스템 템반 반도 도체 체를   {SEP} 수출 "
    )
    assert ngrams.search_form("K-반도체, 2026년") == f"K- {SEP} 반도 도체 , 2026 {SEP} 년 "
    assert ngrams.search_form("Supply chain") == "Supply chain"
    assert ngrams.search_form(None) is None
    # Decomposed jamo (as some editors save them) are read as the syllables they make.
    assert ngrams.search_form("\u1100\u116a\u11ab\u1109\u1166") == f" {SEP} 관세 "


def test_a_query_turns_korean_terms_into_phrases_and_leaves_the_rest() -> None:
    assert ngrams.match_query("supply chain") is None
    assert ngrams.match_query("반도체") == '"반도 도체"'
    assert ngrams.match_query("관세") == '"관세"'
    assert ngrams.match_query("반도체* OR trade") == '"반도 도체" OR trade'
    assert ngrams.match_query('"수출 규제" NOT 관세') == f'"수출 {SEP} 규제" NOT "관세"'
    assert ngrams.match_query("title:반도체") == 'title : "반도 도체"'
    assert ngrams.quoted_query('반도체 AND "supply chain') == '"반도 도체" "AND" "supply chain"'


SYLLABLES = "반도체관세가"


@given(
    st.lists(st.text(alphabet=SYLLABLES + " .", max_size=14), min_size=1, max_size=8),
    st.text(alphabet=SYLLABLES, min_size=1, max_size=4),
)
def test_a_word_is_found_exactly_where_the_text_holds_it(docs: list[str], word: str) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body, content='')")
    conn.executemany(
        "INSERT INTO t (rowid, body) VALUES (?, ?)",
        [(i, ngrams.search_form(doc)) for i, doc in enumerate(docs, 1)],
    )
    query = ngrams.match_query(word)
    assert query is not None
    found = {row for (row,) in conn.execute("SELECT rowid FROM t WHERE t MATCH ?", [query])}
    holding = {i for i, doc in enumerate(docs, 1) if word in doc.split()}
    if len(word) > 1:
        # Two syllables or more: anywhere inside a word, never across two.
        holding = {i for i, doc in enumerate(docs, 1) if word in doc}
    else:
        # One syllable is only found as a word of its own (documented).
        holding = {i for i, doc in enumerate(docs, 1) if word in doc.replace(".", " ").split()}
    assert found == holding


def test_snippets_mark_the_terms_where_the_text_holds_them() -> None:
    body = "가" * 100 + " 시스템반도체를 수출한다 " + "나" * 100
    found = ngrams.snippet((body, None, "제목"), ["반도체"], width=40)
    assert found.startswith("…")
    assert found.endswith("…")
    assert "시스템[반도체]를" in found
    assert ngrams.snippet((None, None, "관세 인상"), ["관세"]) == "[관세] 인상"


@pytest.fixture
def stored() -> Iterator[Storage]:
    storage = Storage.memory()
    texts = {
        ("tradenews", 1): ("반도체 수출", "시스템반도체를 수출한다", "2026-04-01"),
        ("tradenews", 2): ("관세 인상", "보복관세가 부과됐다", "2026-04-02"),
        ("tradenews", 3): ("한반도 체제", "연구기관 세미나가 열렸다", "2026-04-03"),
        ("news", 4): ("Semiconductor exports", "반도체 exports rose", "2026-04-04"),
    }
    for (board, no), (title, body, day) in texts.items():
        storage.save_article(
            Article(board=board, no=no, url=f"u{no}", title=title, body=body, published=_day(day))
        )
    yield storage
    storage.close()


def _day(text: str) -> object:
    from datetime import date  # noqa: PLC0415 - one use

    return date.fromisoformat(text)


def _search(storage: Storage, query: str, **filters: object) -> list[int]:
    return [row["no"] for row in queries.search(storage.db, query, **filters)]  # type: ignore[arg-type]  # filters are the search's keywords


def test_search_by_board_and_date_and_english_unchanged(stored: Storage) -> None:
    assert sorted(_search(stored, "반도체")) == [1, 4]
    assert _search(stored, "반도체", board="tradenews") == [1]
    assert _search(stored, "관세", since="2026-04-02") == [2]
    assert _search(stored, "관세", until="2026-04-01") == []
    assert _search(stored, "반도체 exports") == [4]
    assert _search(stored, "semiconductor") == [4]  # the words' index, as before
    hit = queries.search(stored.db, "관세")[0]
    assert list(hit) == [
        "board",
        "no",
        "title",
        "category",
        "published",
        "hits",
        "url",
        "snippet",
        "rank",
    ]
    assert hit["snippet"] == "보복[관세]가 부과됐다"


def test_the_index_follows_edits_by_kitacrawl_and_by_plain_sql(stored: Storage) -> None:
    stored.save_article(
        Article(board="tradenews", no=3, url="u3", title="관세청 발표", body="없음")
    )
    assert sorted(_search(stored, "관세")) == [2, 3]
    assert _search(stored, "한반도") == []
    # Plain SQL: the next kitacrawl write finds what it left and builds the index again.
    stored.db.execute("UPDATE articles SET body = '반도체 관세' WHERE no = 1")
    stored.db.execute("DELETE FROM articles WHERE no = 2")
    stored.db.conn.commit()
    stored.save_article(Article(board="tradenews", no=5, url="u5", title="새 기사", body="관세율"))
    assert sorted(_search(stored, "관세")) == [1, 3, 5]
    pending = stored.db.execute(f"SELECT count(*) FROM {ngrams.PENDING}").fetchone()[0]
    assert pending == 0
