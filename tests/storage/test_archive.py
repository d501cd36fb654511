"""The archive's packing: zstd with a dictionary per board and kind, batches written at
their commit, older codecs read forever."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import zlib
from dataclasses import replace
from pathlib import Path

import pytest
import zstandard

from kitacrawl.items import Article, FetchedPage
from kitacrawl.storage import Storage, StorageError, archive
from mocksite import build_board

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "kita-caddc3d.db"
BOARD = build_board(60)
NOS = [post.no for post in BOARD.articles]


def page(no: int, body: bytes, *, status: int = 200, kind: str = "article") -> FetchedPage:
    return FetchedPage(
        url=f"http://www.kita.org/about/newsView.do?no={no}",
        status=status,
        headers={"Content-Type": "text/html;charset=UTF-8"},
        body=body,
        fetched_at="2026-12-01T00:00:00Z",
        base_url="http://www.kita.org",
        kind=kind,  # type: ignore[arg-type]  # the three kinds, as strings here
        board="news",
        no=no,
    )


def older(i: int) -> FetchedPage:
    return page(NOS[i], BOARD.view_page(NOS[i]).body)


def current(i: int) -> FetchedPage:
    return page(NOS[i], BOARD.current_view_page(NOS[i]).body)


def save(storage: Storage, source: FetchedPage, crawl_id: int = 1) -> None:
    """Store an article with the page it was read from (the one place that says how)."""
    assert source.no is not None
    item = Article(
        board="news", no=source.no, url=source.url, title=f"Article {source.no}", body="Text."
    )
    storage.save_article(item, crawl_id, page=source)


def bodies(storage: Storage) -> list[tuple[str, str, int, int, str | None]]:
    return storage.db.execute(
        "SELECT hash, codec, size, stored, dict_hash FROM archive_bodies ORDER BY rowid"
    ).fetchall()


def dictionaries(storage: Storage) -> list[bytes]:
    return [row[0] for row in storage.db.execute("SELECT body FROM archive_dicts ORDER BY rowid")]


def read_back(conn: sqlite3.Connection) -> list[bytes]:
    return [fetched.body for fetched in archive.pages(conn)]


@pytest.fixture
def storage() -> Storage:
    return Storage.memory()


def test_a_board_s_first_page_is_the_dictionary_of_the_pages_after_it(storage: Storage) -> None:
    pages = [older(i) for i in range(6)]
    for fetched in pages:
        save(storage, fetched)
    assert dictionaries(storage) == [pages[0].body]
    rows = bodies(storage)
    assert {codec for _, codec, _, _, _ in rows} == {archive.ZSTD_DICT}
    assert all(stored * 10 < size for _, _, size, stored, _ in rows)
    assert read_back(storage.db.conn) == [fetched.body for fetched in pages]
    assert [digest for digest, *_ in rows] == [archive.digest(p.body) for p in pages]


def test_a_batch_writes_its_pages_when_it_commits(storage: Storage) -> None:
    pages = [older(i) for i in range(4)]
    storage.begin_batch()
    for fetched in pages:
        save(storage, fetched)
    # The same page again (a redirect brought it twice): one more fetch, no second body.
    save(storage, pages[0])
    assert storage.db.execute("SELECT count(*) FROM archive").fetchone()[0] == 0
    storage.commit_batch()
    fetches = storage.db.execute("SELECT id, url FROM archive ORDER BY id").fetchall()
    assert [url for _, url in fetches] == [p.url for p in [*pages, pages[0]]]
    assert len(bodies(storage)) == 4
    # Every article names the page it was read from, committed with it.
    for fetched in pages:
        row = storage.article("news", fetched.no or 0)
        assert row is not None
        stored = archive.get(storage.db.conn, row["archive_id"])
        assert stored is not None
        assert (stored.url, stored.body) == (fetched.url, fetched.body)


def test_a_batch_rolled_back_leaves_no_page_and_the_next_one_is_whole(
    storage: Storage, monkeypatch: pytest.MonkeyPatch
) -> None:
    storage.begin_batch()
    save(storage, older(0))

    def fail(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    with monkeypatch.context() as patched:
        patched.setattr(storage, "_replace_links", fail)
        with pytest.raises(StorageError):
            save(storage, older(1))
    # The batch is gone, the pages waiting for its commit with it.
    assert storage.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0

    storage.begin_batch()
    save(storage, older(2))
    with monkeypatch.context() as patched:
        patched.setattr(storage, "_index_new_articles", fail)
        with pytest.raises(StorageError):
            storage.commit_batch()
    for table in ("articles", "archive", "archive_bodies"):
        assert storage.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table

    # A page that cannot be packed (zstd out of memory) fails the batch the same way.
    storage.begin_batch()
    save(storage, older(2))

    class Broken:
        def compress(self, body: bytes) -> bytes:
            raise zstandard.ZstdError("cannot allocate")

    real = archive._pack
    with monkeypatch.context() as patched:
        patched.setattr(archive, "_pack", lambda packer, body: real(Broken(), body))
        with pytest.raises(StorageError, match="cannot pack"):
            save(storage, older(3))
    assert not storage.in_batch
    for table in ("articles", "archive", "archive_bodies"):
        assert storage.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table

    storage.begin_batch()
    save(storage, older(3))
    storage.commit_batch()
    row = storage.article("news", NOS[3])
    assert row is not None
    kept = archive.get(storage.db.conn, row["archive_id"])
    assert kept is not None
    assert kept.body == older(3).body
    # The dictionary made in the rolled-back batch is there for the bodies that need it.
    assert dictionaries(storage) == [older(0).body]


def test_pages_before_a_dictionary_are_packed_plainly(storage: Storage) -> None:
    error = page(1, b"<html><body>Not found</body></html>", status=404)
    tiny = page(2, b"<html>" + b"x" * 100 + b"</html>")
    save(storage, tiny)
    save(storage, error)
    assert dictionaries(storage) == []
    good = older(0)
    save(storage, good)
    assert dictionaries(storage) == [good.body]
    assert [codec for _, codec, *_ in bodies(storage)] == [
        archive.ZSTD,
        archive.ZSTD,
        archive.ZSTD_DICT,
    ]
    assert read_back(storage.db.conn) == [tiny.body, error.body, good.body]


def test_a_dictionary_is_at_most_dict_max(storage: Storage) -> None:
    big = older(0)
    big = replace(big, body=big.body * (archive.DICT_MAX // len(big.body) + 2))
    save(storage, big)
    assert dictionaries(storage) == [big.body[: archive.DICT_MAX]]
    assert read_back(storage.db.conn) == [big.body]


def test_a_new_markup_gets_a_dictionary_of_its_own(storage: Storage) -> None:
    for i in range(3):
        save(storage, older(i))
    # The site moves to its current markup: pages pack badly with the old dictionary.
    newer = [current(i) for i in range(3, 3 + archive.POOR_PAGES + 8)]
    storage.begin_batch()
    for fetched in newer:
        save(storage, fetched)
    storage.commit_batch()
    # The batch's pages were packed with the old one; from the next batch on, the new
    # markup packs as well as the old one did, with the page that showed it was needed.
    later = [current(i) for i in range(40, 44)]
    storage.begin_batch()
    for fetched in later:
        save(storage, fetched)
    storage.commit_batch()
    made = dictionaries(storage)
    assert made == [older(0).body, newer[archive.POOR_PAGES - 1].body]
    rows = bodies(storage)[-len(later) :]
    assert all(stored * 16 < size for _, _, size, stored, _ in rows)
    assert {dict_hash for *_, dict_hash in rows} == {archive.digest(made[1])}
    assert read_back(storage.db.conn) == [
        *(older(i).body for i in range(3)),
        *(fetched.body for fetched in newer),
        *(fetched.body for fetched in later),
    ]


def test_pages_that_pack_badly_with_any_dictionary_make_no_new_one(storage: Storage) -> None:
    # Bytes that no dictionary helps with: a new one is tried, found no better, and dropped.
    noise = [
        page(i, hashlib.shake_256(str(i).encode()).digest(8192))
        for i in range(3 * archive.POOR_PAGES)
    ]
    for fetched in noise:
        save(storage, fetched)
    assert dictionaries(storage) == [noise[0].body]
    assert read_back(storage.db.conn) == [fetched.body for fetched in noise]


def test_every_older_codec_stays_readable(storage: Storage) -> None:
    conn = storage.db.conn
    body = older(0).body
    dictionary = older(1).body[:32768]
    packer = zlib.compressobj(3, zdict=dictionary)
    packed = {
        "zlib": (zlib.compress(body, 3), None),
        "zlib+dict": (
            packer.compress(body) + packer.flush(),
            hashlib.sha256(dictionary).hexdigest(),
        ),
        "identity": (body, None),
    }
    conn.execute(
        "INSERT INTO archive_dicts (hash, board, kind, body) VALUES (?, 'news', 'article', ?)",
        (packed["zlib+dict"][1], dictionary),
    )
    for n, (codec, (data, dict_hash)) in enumerate(packed.items()):
        # Bodies keyed as they were; three rows of the same page, one per codec.
        conn.execute(
            "INSERT INTO archive_bodies (hash, codec, size, stored, body, dict_hash)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (f"h{n}", codec, len(body), len(data), data, dict_hash),
        )
        conn.execute(
            "INSERT INTO archive (kind, url, status, fetched_at, body_hash)"
            " VALUES ('article', ?, 200, '2020-01-01T00:00:00Z', ?)",
            (f"http://www.kita.org/{codec}", f"h{n}"),
        )
    assert read_back(conn) == [body, body, body]
    # New pages of that board pack with zstd and the dictionary it has (a prefix of a page).
    save(storage, older(2))
    _, codec, _, stored, dict_hash = bodies(storage)[-1]
    assert (codec, dict_hash) == (archive.ZSTD_DICT, packed["zlib+dict"][1])
    assert stored * 10 < len(older(2).body)
    assert read_back(conn)[-1] == older(2).body


def test_an_archive_of_zlib_dictionaries_reads_and_grows(tmp_path: Path) -> None:
    copy = tmp_path / "kita.db"
    shutil.copyfile(FIXTURE, copy)
    storage = Storage.open(copy)
    try:
        conn = storage.db.conn
        codecs = {codec for (codec,) in conn.execute("SELECT codec FROM archive_bodies")}
        assert codecs == {archive.ZLIB_DICT}
        old = list(archive.pages(conn))
        assert old
        assert all(archive.digest(p.body) == p_hash for p, (p_hash,) in zip(
            old, conn.execute("SELECT body_hash FROM archive ORDER BY id"), strict=True
        ))  # fmt: skip
        fetched = older(5)
        storage.begin_batch()
        save(storage, fetched, 9)
        storage.commit_batch()
        assert read_back(conn)[-1] == fetched.body
        assert read_back(conn)[: len(old)] == [p.body for p in old]
    finally:
        storage.close()


def test_the_warc_import_path_writes_at_once(storage: Storage) -> None:
    conn = storage.db.conn
    with storage.db.atomic():
        assert archive.import_page(conn, older(0), storage.archive_writer)
        assert not archive.import_page(conn, older(0), storage.archive_writer)
        assert archive.import_page(conn, older(1), storage.archive_writer)
    assert read_back(conn) == [older(0).body, older(1).body]


def test_an_unknown_codec_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown archive codec 'brotli'"):
        archive.decompress("brotli", b"")
