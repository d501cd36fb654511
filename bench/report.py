"""The printed report: the machine and settings above, the Markdown table, the headline."""

from __future__ import annotations

from typing import Any

from bench.config import Config
from bench.crawls import COMMON_SETTINGS, mirrored_settings


def verdict(ok: bool | None) -> str:
    return "" if ok is None else ("met" if ok else "**missed**")


def table(results: dict[str, Any]) -> list[str]:
    rows: list[tuple[str, str, str, str, str]] = []
    crawl = results.get("crawl")
    if crawl:
        n = len(crawl["pairs"])
        rows.append(
            (
                "1",
                f"bare Scrapy crawl, {crawl['articles']} articles",
                f"{crawl['bare_pages_per_s']:.0f} pages/s, "
                f"{crawl['bare_cpu_ms']:.2f} ms CPU a page "
                f"({crawl['bare_responses']:.0f} pages, peak RSS {crawl['bare_rss_mb']:.0f} MB)",
                "baseline",
                f"median of {n}",
            )
        )
        if crawl.get("pairs") and "bare_default" in crawl["pairs"][0]:
            rows.append(
                (
                    "1b",
                    "bare Scrapy crawl, Scrapy's defaults for "
                    + ", ".join(results.get("mirrored_settings", {})),
                    f"{crawl['bare_default_pages_per_s']:.0f} pages/s, "
                    f"{crawl['bare_default_cpu_ms']:.2f} ms CPU a page; the full crawl's pace is "
                    f"{crawl['ratio_default']:.2f}x this",
                    "",
                    f"median of {n}",
                )
            )
        rows.append(
            (
                "2",
                "full crawl: `news`, all pipelines, SQLite + FTS",
                f"{crawl['real_pages_per_s']:.0f} pages/s = {crawl['ratio']:.2f}x bare, "
                f"{crawl['real_cpu_ms']:.2f} ms CPU a page "
                f"({crawl['real_responses']:.0f} pages; {crawl['stored_exact']}/"
                f"{crawl['expected']} articles stored exactly)",
                "",
                f"median of {n} pairs",
            )
        )
        rows.append(
            (
                "2b",
                "same, by process wall time (start-up included)",
                f"{crawl['ratio_wall']:.2f}x bare",
                "",
                f"median of {n} pairs",
            )
        )
        rows.append(
            (
                "2c",
                "full crawl, CPU seconds a page (user + sys, threads and reaped children) against"
                " the bare crawl on Scrapy's defaults / with the same tuning",
                f"**{crawl['cpu_ratio_default']:.2f}x** / **{crawl['cpu_ratio']:.2f}x**",
                f"≤ 0.9x {verdict(crawl['cpu_ratio_default'] <= 0.9)} / ≤ 1.3x "
                f"{verdict(crawl['cpu_ratio'] <= 1.3)}",
                f"median of {n} pairs (ratio per pair)",
            )
        )
        if crawl.get("archive_kb_per_article_page") is not None:
            rows.append(
                (
                    "2d",
                    "archive: stored size of an article page "
                    f"({crawl['article_page_kb']:.1f} kB as served)",
                    f"{crawl['archive_kb_per_article_page']:.2f} kB",
                    f"≤ 8 kB {verdict(crawl['archive_kb_per_article_page'] <= 8)}",
                    "the last pair's database",
                )
            )
    extract = results.get("extract")
    if extract:
        traf = extract.get("trafilatura")
        others = [extract[key] for key in ("current", "inferred") if extract.get(key)]
        exact_ok = (
            extract["exact"] == extract["pages"]
            and extract["golden_exact"] == extract["golden"]
            and all(more["exact"] == more["pages"] for more in others)
        )
        rows.append(
            (
                "3",
                "extraction alone (`read_article`, bytes → item)",
                f"{extract['ours_us']:.0f} µs/page over {extract['pages']} pages",
                f"≤ 200 µs {verdict(extract['ours_us'] <= 200)}",
                f"median of {len(extract['ours_rounds_us'])} rounds",
            )
        )
        if isinstance(traf, dict):
            rows.append(
                (
                    "3b",
                    "trafilatura `extract` on the same pages",
                    f"{traf['trafilatura_us']:.0f} µs/page; ours "
                    f"{traf['ours_us']:.0f} µs = **{traf['speedup']:.1f}x faster**",
                    f"≥ 8x {verdict(traf['speedup'] >= 8)}",
                    f"{traf['pages']} pages, median of {config_rounds(results, 'trafilatura')}",
                )
            )
        else:
            rows.append(("3b", "trafilatura `extract`", str(traf), "≥ 8x", ""))
        for key, number, label, target in (
            ("current", "3d", "extraction alone, the current template's pages", "≤ 200 µs"),
            (
                "inferred",
                "3e",
                "extraction alone, pages in made-up markups (read by structure)",
                "",
            ),
        ):
            more = extract.get(key)
            if not more:
                continue
            read_as = ", ".join(f"{n} {how}" for how, n in sorted(more["read_as"].items()))
            rows.append(
                (
                    number,
                    label,
                    f"{more['us']:.0f} µs/page over {more['pages']} pages "
                    f"({more['exact']}/{more['pages']} exact; read as: {read_as})",
                    f"{target} {verdict(more['us'] <= 200)}" if target else "reported",
                    f"median of {len(more['rounds_us'])} rounds",
                )
            )
        rows.append(
            (
                "3c",
                "extraction exact",
                f"{extract['exact']}/{extract['pages']} imitation pages, "
                + "".join(
                    f"{more['exact']}/{more['pages']} (3{n}), "
                    for n, more in zip("de", others, strict=False)
                )
                + f"{extract['golden_exact']}/{extract['golden']} golden fixtures",
                f"all {verdict(exact_ok)}",
                "",
            )
        )
    inc = results.get("incremental")
    if inc:
        same, new, first = inc["unchanged"], inc["new"], inc["first"]
        rows.append(
            (
                "4",
                f"incremental run, unchanged board ({inc['board']} articles)",
                f"{same['requests']:.0f} requests ({kinds_text(same['kinds'])}), "
                f"{same['elapsed']:.2f} s after start-up ({same['wall']:.2f} s with start-up)",
                f"≤ 3 requests, < 2 s {verdict(same['requests'] <= 3 and same['elapsed'] < 2)}",
                f"median of {same['runs']}",
            )
        )
        rows.append(
            (
                "4b",
                f"incremental run after {inc['new_articles']} new articles",
                f"{new['requests']:.0f} requests ({kinds_text(new['kinds'])}), "
                f"{new['articles_new']:.0f} new stored, {new['elapsed']:.2f} s after start-up "
                f"({new['wall']:.2f} s with start-up)",
                "",
                f"median of {new['runs']}",
            )
        )
        rows.append(
            (
                "4c",
                "first incremental run right after a full crawl",
                f"{first['requests']:.0f} requests ({kinds_text(first['kinds'])})"
                + (
                    ": articles that failed for a passing reason are retried"
                    if first["kinds"]["article"]
                    else ""
                )
                + f", {first['elapsed']:.2f} s after start-up",
                "",
                "1 run",
            )
        )
    rss = results.get("rss")
    if rss:
        sizes = sorted(rss, key=int)
        values = [rss[s]["max_rss_mb"] for s in sizes]
        growth = values[-1] / values[0] - 1 if len(values) > 1 else 0.0
        runs = ", ".join(str(rss[s]["runs"]) for s in sizes)
        rows.append(
            (
                "5",
                "peak RSS of a full crawl, " + " / ".join(f"{int(s):,}" for s in sizes),
                " / ".join(f"{v:.0f}" for v in values)
                + f" MB (+{growth:.0%} from smallest to largest)",
                f"≤ 150 MB, < 10% {verdict(values[-1] <= 150 and growth < 0.10)}",
                f"median of {runs} runs",
            )
        )
    storage = results.get("storage")
    if storage:
        rows.append(
            (
                "6",
                f"storage in the crawl's path: `Storage.save_article` in batches of "
                f"{storage['batch']} (FTS on)",
                f"{storage['new_per_s']:.0f} new articles/s without their pages, "
                f"{storage['new_with_archive_per_s']:.0f}/s with the archive; "
                f"{storage['unchanged_per_s']:.0f} unchanged/s"
                + (
                    f"; CPU {storage['new_cpu_us']:.0f} / {storage['new_with_archive_cpu_us']:.0f}"
                    " µs an article without / with (every thread)"
                    if "new_cpu_us" in storage
                    else ""
                ),
                # The crawl keeps every page: the figure with the archive is the one that counts.
                f"without the archive ≥ 10,000/s {verdict(storage['new_per_s'] >= 10_000)},"
                f" with it ≥ 8,000/s {verdict(storage['new_with_archive_per_s'] >= 8_000)}",
                f"{storage['articles']} articles, median of {results['config']['storage_rounds']}",
            )
        )
    rows += codec_rows(results.get("codecs"))
    rows += _reparse_rows(results)
    rows += _tradenews_rows(results)
    lines = [
        "| # | figure | measured | target | runs |",
        "| --- | --- | --- | --- | --- |",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _reparse_rows(results: dict[str, Any]) -> list[tuple[str, str, str, str, str]]:
    rows: list[tuple[str, str, str, str, str]] = []
    reparse = results.get("reparse")
    if reparse:
        rows.append(
            (
                "7",
                f"`kitacrawl reparse`: {reparse['pages']} archived pages of a "
                f"{reparse['articles']}-article board, every core, no request",
                f"{reparse['pages_per_s']:.0f} pages/s ({reparse['wall']:.1f} s with start-up);"
                f" nothing changed: {reparse['unchanged_pages_per_s']:.0f} pages/s",
                f"≥ 1,500 pages/s {verdict(reparse['pages_per_s'] >= 1500)}",
                f"median of {reparse['rounds']}",
            )
        )
    return rows


def _tradenews_rows(results: dict[str, Any]) -> list[tuple[str, str, str, str, str]]:
    rows: list[tuple[str, str, str, str, str]] = []
    trade = results.get("tradenews")
    if trade:
        sizes = sorted(trade["sizes"], key=int)
        values = [trade["sizes"][s]["max_rss_mb"] for s in sizes]
        growth = values[-1] / values[0] - 1 if len(values) > 1 else 0.0
        rows.append(
            (
                "8",
                "`tradenews` full crawl, peak RSS, " + " / ".join(f"{int(s):,}" for s in sizes),
                " / ".join(f"{v:.0f}" for v in values)
                + f" MB (+{growth:.0%} from smallest to largest)",
                f"≤ 150 MB, flat {verdict(values[-1] <= 150 and growth < 0.10)}",
                "1 run each",
            )
        )
        big = trade["sizes"][sizes[-1]]
        if "cpu_ratio" in big:
            rows.append(
                (
                    "8b",
                    f"`tradenews` full crawl of {int(sizes[-1]):,}: CPU a page against the bare"
                    " spider on the same board",
                    f"{big['cpu_ms']:.2f} ms against {big['bare_cpu_ms']:.2f} ms ="
                    f" **{big['cpu_ratio']:.2f}x**; {big['pages_per_s']:.0f} pages/s"
                    f" ({big['responses']:,} pages); {big['exact']}/{big['expected']} articles"
                    f" exact, {big['problems_right']}/{big['problems']} bad pages as problems",
                    "",
                    "1 run each",
                )
            )
            parts = big["bytes_per_article"]
            rows.append(
                (
                    "8c",
                    "database size per stored article (archive on)",
                    f"{big['file_bytes_per_article'] / 1024:.1f} kB: "
                    + ", ".join(f"{name} {size / 1024:.1f} kB" for name, size in parts.items()),
                    "",
                    f"{int(sizes[-1]):,} articles",
                )
            )
        inc = trade.get("incremental")
        if inc:
            # The new rows and the first row stored before: the list pages they fill.
            pages = -(-(inc["new"] + 1) // 10)
            cheap = inc["kinds"].get("list") == pages and inc["kinds"].get("article") == inc["new"]
            rows.append(
                (
                    "8d",
                    f"`tradenews` incremental run after {inc['new']} new articles",
                    f"{inc['requests']} requests ({kinds_text(inc['kinds'])}),"
                    f" {inc['articles_new']} new stored",
                    f"the {pages} list pages they are on + the new articles {verdict(cheap)}",
                    "1 run",
                )
            )
        resume = trade.get("resume")
        if resume:
            # The second run reads page 1, the page it lands on (one early), the pages the
            # first did not read, and the empty page past the end.
            rest = resume["list_pages"] - resume["stopped_after"] + 3
            again = resume["second"].get("list", 0) <= rest
            rows.append(
                (
                    "8e",
                    f"backfill of {resume['articles']:,} stopped after {resume['stopped_after']}"
                    f" of {resume['list_pages']} list pages, then run again",
                    f"first {kinds_text(resume['first'])}; second {kinds_text(resume['second'])};"
                    f" {resume['fetched_twice']} articles fetched twice;"
                    f" {resume['exact']}/{resume['expected']} exact",
                    f"none twice {verdict(resume['fetched_twice'] == 0)}, no list page read again"
                    f" {verdict(again)}",
                    "1 run",
                )
            )
    search = results.get("search")
    if search:
        words = search["words"]
        rows.append(
            (
                "9",
                f"Korean search at {search['articles']:,} stored articles (`kitacrawl search`,"
                " 20 hits, snippets): "
                + ", ".join(f"{w['word']} ({label})" for label, w in words.items()),
                "; ".join(
                    f"{w['word']}: {w['ms']:.1f} ms, {w['cpu_ms']:.1f} ms CPU"
                    f" ({w['articles_holding']:,} articles hold it); one board"
                    f" {w['board_ms']:.1f} ms, {w['board_cpu_ms']:.1f} ms CPU"
                    for w in words.values()
                ),
                f"≤ 50 ms each {verdict(all(w['ms'] <= 50 for w in words.values()))}",
                f"median of {search['rounds']}",
            )
        )
        uses = all(w["uses_index"] for w in words.values())
        per = search["bytes_per_article"]
        rows.append(
            (
                "9b",
                "its query plan; the indexes' size per article",
                f"{'; '.join(next(iter(words.values()))['plan'])}"
                f" ({'the index, no scan' if uses else 'a scan'}); bigram index"
                f" {per.get('bigram index', 0) / 1024:.1f} kB, words index"
                f" {per.get('words index', 0) / 1024:.1f} kB, articles"
                f" {per.get('articles', 0) / 1024:.1f} kB",
                f"the index {verdict(uses)}",
                "",
            )
        )
    return rows


def codec_rows(codecs: dict[str, Any] | None) -> list[tuple[str, str, str, str, str]]:
    """Rows 6b, one a codec: CPU µs to pack / unpack and bytes a page, in both markups."""
    if not codecs:
        return []
    pages, kb = codecs["pages"], codecs["page_kb"]
    runs = (
        f"{pages['older']} + {pages['current']} pages, median of {codecs['rounds']};"
        f" trained on {codecs['train_pages']}"
    )
    rows = []
    for name, by_markup in codecs["codecs"].items():
        cells = []
        for markup, m in by_markup.items():
            trained = codecs["trained_bytes"][markup].get(name.rsplit(" ", 1)[0])
            got = f" (got {trained / 1024:.0f} kB)" if trained is not None else ""
            cells.append(
                f"{markup} {kb[markup]:.0f} kB{got}: {m['pack_us']:.0f} / {m['unpack_us']:.0f} µs,"
                f" {m['bytes']:.0f} B"
            )
        rows.append(("6b", f"archive codec: {name}", "; ".join(cells), "", runs))
    return rows


def kinds_text(kinds: dict[str, int]) -> str:
    names = {"robots": "robots.txt", "list": "list", "article": "article", "other": "other"}
    return ", ".join(f"{n} {names[k]}" for k, n in kinds.items() if n)


def config_rounds(results: dict[str, Any], name: str) -> int:
    return int(results["config"][f"{name}_rounds"])


def headline(results: dict[str, Any]) -> str:
    crawl = results.get("crawl")
    if not crawl:
        return "headline: full crawl not measured (section 'crawl' not run)"
    return (
        f"headline: full crawl CPU a page = {crawl['cpu_ratio_default']:.2f}x a bare Scrapy crawl"
        f" on its defaults, {crawl['cpu_ratio']:.2f}x a bare crawl with the same tuning"
        f" (median of {len(crawl['pairs'])} pairs)"
    )


# -- main -------------------------------------------------------------------------------------


def print_header(config: Config, results: dict[str, Any]) -> None:
    """The machine, the versions, the board and the settings, above the table."""
    crawl = results.get("crawl")
    print(f"kitacrawl benchmark — {results['machine']}")
    print(", ".join(f"{k} {v}" for k, v in results["versions"].items()))
    if crawl:
        print(
            f"board: {crawl['articles']} articles, article pages "
            f"{crawl['article_page_kb']:.1f} KB, "
            f"served from 127.0.0.1 by the imitation (its CPU: "
            f"{crawl['server_cpu_share']:.0%} of a core; crawler: bare "
            f"{crawl['bare_cpu_share']:.0%}, real {crawl['real_cpu_share']:.0%})"
        )
    print("crawl settings, both: " + " ".join(f"{k}={v}" for k, v in COMMON_SETTINGS.items()))
    for label, extra in (
        ("both, --set", config.set_both),
        ("real only, --real-set", config.set_real),
    ):
        if extra:
            print(f"crawl settings, {label}: " + " ".join(f"{k}={v}" for k, v in extra.items()))
    mirrored = mirrored_settings()
    if mirrored:
        print(
            "bare also gets kitacrawl's Scrapy tuning: "
            + " ".join(f"{k}={v}" for k, v in mirrored.items())
        )
