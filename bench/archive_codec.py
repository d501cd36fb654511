"""Figure 6b: the archive's codecs side by side, on the same pages, in the same run.

Article pages of the imitation in both markups (the older template's 23 kB
pages and the current one's 55 kB pages, each a board of its own) are packed
and unpacked by every codec the archive has used or was measured against:
zlib at level 3 (the first archives), zlib at level 3 with a preset dictionary
of the first 32 kB of the board's first page (issue 13's codec, ``zlib+dict``),
plain zstd, zstd with a dictionary trained by zstd's trainer on the first
pages (``zstandard.train_dictionary``), and zstd with the board's first page
as a raw-content dictionary (the archive's codec since issue 21,
``zstd+dict``). Each is used the way the archive uses it: compressors primed
with their dictionary once, one decompression context a dictionary.

Figures: CPU µs a page to pack and to unpack (this process's CPU time; median
of the rounds), bytes a page as stored. The pages the dictionaries were made
or trained from are left out of every codec's figures.
"""

from __future__ import annotations

import gc
import time
import zlib
from collections.abc import Callable, Sequence
from typing import Any

import zstandard

from bench.config import Config
from bench.measure import median, say
from kitacrawl.storage import archive
from mocksite import build_board

# At most this many pages of each markup are measured (the default run's board).
MAX_PAGES = 1000
# Pages a trained dictionary learns from (zstd's guide: about a hundred samples).
TRAIN_PAGES = 100

Pack = Callable[[bytes], bytes]


def _zlib(level: int) -> tuple[Pack, Pack]:
    return (lambda body: zlib.compress(body, level)), zlib.decompress


def _zlib_dict(level: int, dictionary: bytes) -> tuple[Pack, Pack]:
    primed = zlib.compressobj(level, zdict=dictionary)

    def pack(body: bytes) -> bytes:
        packer = primed.copy()
        return packer.compress(body) + packer.flush()

    def unpack(data: bytes) -> bytes:
        unpacker = zlib.decompressobj(zdict=dictionary)
        return unpacker.decompress(data) + unpacker.flush()

    return pack, unpack


def _zstd(level: int, dictionary: zstandard.ZstdCompressionDict | None = None) -> tuple[Pack, Pack]:
    if dictionary is None:
        return (
            zstandard.ZstdCompressor(level=level).compress,
            zstandard.ZstdDecompressor().decompress,
        )
    dictionary.precompute_compress(level=level)
    return (
        zstandard.ZstdCompressor(level=level, dict_data=dictionary).compress,
        zstandard.ZstdDecompressor(dict_data=dictionary).decompress,
    )


def _raw(body: bytes) -> zstandard.ZstdCompressionDict:
    return zstandard.ZstdCompressionDict(body, dict_type=zstandard.DICT_TYPE_RAWCONTENT)


def codecs(
    pages: Sequence[bytes], train: int, sizes: dict[str, int]
) -> tuple[dict[str, tuple[Pack, Pack]], float]:
    """Every codec measured, ready to use on this board's pages; ms spent training
    (``sizes`` gets the size of each trained dictionary)."""
    first = pages[0]
    found: dict[str, tuple[Pack, Pack]] = {
        "zlib L3": _zlib(3),
        "zlib+dict L3 (32 kB of the first page; issue 13)": _zlib_dict(3, first[:32768]),
        "zstd L1": _zstd(1),
        "zstd L3": _zstd(3),
    }
    started = time.perf_counter()
    trained = {
        size: zstandard.train_dictionary(size, list(pages[:train])).as_bytes()
        for size in (16 * 1024, 64 * 1024)
    }
    train_ms = (time.perf_counter() - started) * 1000
    for size, data in trained.items():
        for level in (1, 3):
            # zstd's trainer may give less than it was asked for: the size is in the figures.
            name = f"zstd+trained dict of {size // 1024} kB L{level}"
            found[name] = _zstd(level, zstandard.ZstdCompressionDict(data))
        sizes[name.rsplit(" ", 1)[0]] = len(data)
    for level in (1, 3):
        mark = " (the archive's)" if level == archive.LEVEL else ""
        found[f"zstd+dict L{level}: the first page, raw{mark}"] = _zstd(level, _raw(first))
    return found, train_ms


def measure(pack: Pack, unpack: Pack, pages: Sequence[bytes]) -> tuple[float, float, float]:
    """CPU µs a page to pack, to unpack; bytes a page."""
    gc.collect()
    started = time.process_time()
    packed = [pack(body) for body in pages]
    packing = time.process_time() - started
    started = time.process_time()
    for data in packed:
        unpack(data)
    unpacking = time.process_time() - started
    if unpack(packed[-1]) != pages[-1]:
        raise AssertionError("a codec did not give the page back")
    n = len(pages)
    return packing / n * 1e6, unpacking / n * 1e6, sum(map(len, packed)) / n


def bench_codecs(config: Config, results: dict[str, Any]) -> None:
    board = build_board(min(config.storage_articles, MAX_PAGES))
    markups = {
        "older": [board.view_page(post.no).body for post in board.articles],
        "current": [board.current_view_page(post.no).body for post in board.articles],
    }
    # Few pages (--quick): train on a third of them, measure the rest.
    train = min(TRAIN_PAGES, len(board.articles) // 3)
    trained: dict[str, dict[str, int]] = {markup: {} for markup in markups}
    ready = {markup: codecs(pages, train, trained[markup]) for markup, pages in markups.items()}
    runs: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
    for _ in range(config.storage_rounds):
        for markup, pages in markups.items():
            for name, (pack, unpack) in ready[markup][0].items():
                runs.setdefault((name, markup), []).append(measure(pack, unpack, pages[train:]))
    rows: dict[str, dict[str, Any]] = {}
    for (name, markup), measured in runs.items():
        rows.setdefault(name, {})[markup] = {
            "pack_us": median([m[0] for m in measured]),
            "unpack_us": median([m[1] for m in measured]),
            "bytes": median([m[2] for m in measured]),
        }
    results["codecs"] = {
        "pages": {markup: len(pages) - train for markup, pages in markups.items()},
        "page_kb": {
            markup: sum(map(len, pages)) / len(pages) / 1024 for markup, pages in markups.items()
        },
        "train_pages": train,
        "train_ms": {markup: ready[markup][1] for markup in markups},
        "trained_bytes": trained,
        "rounds": config.storage_rounds,
        "codecs": rows,
    }
    say(f"    codecs: {len(rows)} on {len(board.articles) - train} pages of each markup")
