"""The doctor's diagnosis: what the pages it fetched say about a crawl (pure code).

The doctor fetches robots.txt, list page 1 of a board and the newest article
it lists (politely: :class:`kitacrawl.doctor.spider.DoctorSpider`), then this
module says what it found: which markup generation each page is,
every field read or missing with its value, the session-id form of the URLs,
whether paging was understood, the board paths the site's menu offers, and a
verdict with the exit code of a crawl that would meet the same pages. The
pages are saved (under ``output/doctor/`` by default) so that they can become
golden fixtures.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrapy.http import HtmlResponse
from scrapy.robotstxt import RobotParser

from kitacrawl import boards, site
from kitacrawl.items import Article, ListPage, ParseError
from kitacrawl.outcome import ExitCode
from kitacrawl.pages import board_paths, generation_of, read_article, read_list
from kitacrawl.pages.text import response_text

_SESSION_FORMS = re.compile(rb";(jsessionid[_a-z]*)=", re.I)


@dataclass(slots=True)
class Fetch:
    """One answer the doctor got (or the reason it got none)."""

    name: str  # robots.txt, list page 1, article N, home page
    url: str
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    final_url: str | None = None
    error: str | None = None

    def response(self) -> HtmlResponse:
        return HtmlResponse(
            url=self.final_url or self.url,
            status=self.status or 200,
            body=self.body,
            headers={"Content-Type": self.headers.get("Content-Type", "text/html")},
        )


@dataclass(slots=True)
class Line:
    label: str
    value: Any
    ok: bool = True


@dataclass(slots=True)
class Section:
    title: str
    lines: list[Line] = field(default_factory=list)

    def add(self, label: str, value: Any, ok: bool = True) -> None:
        self.lines.append(Line(label, value, ok))


@dataclass(slots=True)
class Report:
    base_url: str
    board: str
    sections: list[Section] = field(default_factory=list)
    verdict: str = ""
    exit_code: ExitCode = ExitCode.OK
    saved_to: str | None = None

    @property
    def ok(self) -> bool:
        return self.exit_code == ExitCode.OK

    def render(self) -> str:
        out = [f"kitacrawl doctor: the {self.board} board of {self.base_url}", ""]
        for section in self.sections:
            out.append(section.title)
            for line in section.lines:
                mark = "ok  " if line.ok else "MISS"
                out.append(f"  [{mark}] {line.label}: {_show(line.value)}")
            out.append("")
        if self.saved_to:
            out.append(f"pages saved in {self.saved_to}")
        out.append(f"verdict: {self.verdict} (exit {int(self.exit_code)})")
        return "\n".join(out)

    def to_json(self) -> dict[str, Any]:
        return {
            "base_url": self.base_url,
            "board": self.board,
            "verdict": self.verdict,
            "exit_code": int(self.exit_code),
            "ok": self.ok,
            "saved_to": self.saved_to,
            "sections": [
                {
                    "title": s.title,
                    "lines": [{"label": x.label, "value": x.value, "ok": x.ok} for x in s.lines],
                }
                for s in self.sections
            ],
        }


def _show(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    text = " ".join(text.split())
    return text if len(text) <= 140 else text[:139] + "…"


def _read_as(generation: str) -> str:
    return {
        "older": "older: the 2017-2022 layout's known selectors",
        "current": "current: the current template's known selectors",
        "inferred": "inferred: by its structure (markup kitacrawl has not seen): check the"
        " fields below",
    }.get(generation, generation)


def _clip(text: str, width: int = 100) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def newest_article(page: ListPage) -> int | None:
    regular = [row.no for row in page.rows if not row.pinned]
    return max(regular) if regular else None


def session_forms(*bodies: bytes) -> list[str]:
    found: dict[str, None] = {}
    for body in bodies:
        for match in _SESSION_FORMS.finditer(body):
            found.setdefault(match.group(1).decode().upper(), None)
    return list(found)


def diagnose(
    urls: site.BoardUrls,
    board: str,
    *,
    robots: Fetch | None,
    listing: Fetch | None,
    article: Fetch | None,
    home: Fetch | None = None,
    robots_rules: RobotParser | None = None,
    user_agent: str = "kitacrawl",
) -> Report:
    """The report for what was fetched (``None``: never asked).

    ``robots_rules`` is robots.txt as the crawl's own parser read it (Scrapy's
    ``ROBOTSTXT_PARSER``), asked for ``user_agent``: the doctor and a crawl
    cannot disagree on what is allowed.
    """
    report = Report(base_url=urls.base_url, board=board)
    problems: list[tuple[ExitCode, str]] = []
    _robots(report, urls, robots, problems, rules=robots_rules, user_agent=user_agent)
    page = _listing(report, urls, listing, home, problems)
    if page is not None:
        _article(report, urls, board, article, page, problems=problems)
    bodies = [f.body for f in (listing, article) if f is not None]
    forms = session_forms(*bodies)
    report.sections.append(
        Section(
            "session ids",
            [
                Line(
                    "form in the pages' URLs",
                    ", ".join(forms) if forms else "none (cookie or none)",
                )
            ],
        )
    )
    if problems:
        worst = max(problems, key=lambda item: int(item[0]))
        report.exit_code = worst[0]
        report.verdict = "a crawl would NOT work: " + "; ".join(msg for _, msg in problems)
    else:
        report.verdict = "a crawl would work"
    return report


def _robots(
    report: Report,
    urls: site.BoardUrls,
    robots: Fetch | None,
    problems: list[Any],
    *,
    rules: RobotParser | None,
    user_agent: str,
) -> None:
    section = Section("robots.txt")
    report.sections.append(section)
    if robots is None or robots.status is None:
        section.add("answer", robots.error if robots else "not asked", ok=True)
        return
    section.add("status", robots.status, ok=robots.status < 500)
    if robots.status != 200 or rules is None:
        section.add("rules", "none (everything allowed)")
        return
    for label, url in (("list page", urls.list_url(1)), ("article page", urls.article_url(1))):
        allowed = rules.allowed(url, user_agent)
        section.add(f"{label} allowed", allowed, ok=allowed)
        if not allowed:
            problems.append((ExitCode.FAILED, f"robots.txt forbids the {label} ({url})"))


def _listing(
    report: Report,
    urls: site.BoardUrls,
    listing: Fetch | None,
    home: Fetch | None,
    problems: list[Any],
) -> ListPage | None:
    section = Section("list page 1")
    report.sections.append(section)
    if listing is None or listing.status is None:
        why = listing.error if listing else "not asked"
        section.add("answer", why, ok=False)
        problems.append((ExitCode.FAILED, f"list page 1 did not answer ({why})"))
        return None
    section.add("url", listing.url)
    section.add("status", listing.status, ok=listing.status == 200)
    moved = listing.final_url and not site.strip_session(listing.final_url).split("?")[0].endswith(
        urls.paths.list_paths
    )
    if moved:
        section.add("redirected to", listing.final_url, ok=False)
    page: ListPage | None = None
    if listing.status == 200 and not moved:
        response = listing.response()
        section.add("markup generation", generation_of(response))
        page = read_list(response, urls=urls)
        section.add("read as", _read_as(page.generation))
        regular = [row for row in page.rows if not row.pinned]
        section.add("rows", len(regular), ok=bool(regular))
        section.add("pinned rows", sum(row.pinned for row in page.rows))
        section.add("total", page.total, ok=page.total is not None)
        section.add("current page", page.current_page, ok=page.current_page is not None)
        pages = [n for n in page.page_numbers if n > 1]
        section.add(
            "paging understood",
            bool(pages) or len(regular) < 10,
            ok=bool(pages) or len(regular) < 10,
        )
        section.add("next pages linked", pages[:12])
        if regular:
            first = regular[0]
            shown = {"no": first.no, "title": first.title, "published": first.published}
            section.add("first row", {**shown, "hits": first.hits})
            section.add(
                "row dates", any(r.published for r in regular), ok=any(r.published for r in regular)
            )
            section.add("row counters", any(r.hits is not None for r in regular))
    menu_source = listing if listing.body and listing.status == 200 else home
    menu = (
        board_paths(menu_source.body.decode("utf-8", "replace"), base_url=urls.base_url)
        if menu_source
        else []
    )
    report.sections.append(Section("the site's menu", [Line("board lists", menu or "none found")]))
    if page is None or not [r for r in page.rows if not r.pinned]:
        where = (
            f"HTTP {listing.status}"
            if listing.status != 200
            else (f"a redirect to {listing.final_url}" if moved else "no article rows on the page")
        )
        offers = f"; the site's menu offers {', '.join(menu)}" if menu else ""
        problems.append(
            (ExitCode.FAILED, f"list page 1 ({listing.url}) is not the board: {where}{offers}")
        )
        return None
    return page


def _article(
    report: Report,
    urls: site.BoardUrls,
    board: str,
    article: Fetch | None,
    page: ListPage,
    *,
    problems: list[Any],
) -> None:
    no = newest_article(page)
    section = Section(f"newest article ({no})")
    report.sections.append(section)
    if article is None or article.status is None:
        why = article.error if article else "not asked"
        section.add("answer", why, ok=False)
        problems.append((ExitCode.FAILED, f"the newest article did not answer ({why})"))
        return
    section.add("url", article.url)
    section.add("status", article.status, ok=article.status == 200)
    if article.status != 200:
        problems.append((ExitCode.FAILED, f"the newest article answered HTTP {article.status}"))
        return
    response = article.response()
    section.add("markup generation", generation_of(response))
    try:
        item: Article = read_article(response, urls=urls, no=no, board=board)
    except ParseError as exc:
        section.add("page code", f"{exc.kind}: {exc.detail}", ok=False)
        problems.append(
            (ExitCode.DRIFT, f"the page code cannot read the newest article ({exc.kind})")
        )
        return
    section.add("read as", _read_as(item.generation))
    if item.generation == "inferred":
        # What the structural reading found, and from what: an operator judges it here.
        structure = boards.board(board).inferred_page(
            response_text(response), response.url, urls=urls.serving(response.url), no=no,
            board=board,
        )  # fmt: skip
        for label, value in structure.describe().items():
            section.add(f"structure: {label}", value)
    for name in ("title", "published", "hits", "subtitle", "category"):
        value = getattr(item, name)
        section.add(name, value, ok=value is not None or name in ("subtitle", "category"))
    paragraphs = item.body.split("\n\n")
    section.add("body", f"{len(item.body)} characters, {len(paragraphs)} paragraphs")
    # Its first and last lines: where a reading of the body began and ended.
    section.add("body starts", _clip(paragraphs[0]))
    section.add("body ends", _clip(paragraphs[-1]))
    rels = {
        rel: [link for link in item.links if link.rel == rel]
        for rel in ("prev", "next", "attachment", "image", "body")
    }
    for rel, links in rels.items():
        section.add(f"{rel} links", [link.url for link in links][:3] or "none")
    for name in ("published", "hits"):
        if getattr(item, name) is None:
            section.lines.append(
                Line("note", f"no {name} on the article page: stored as NULL", ok=False)
            )


def save(report: Report, fetches: list[Fetch], folder: Path) -> None:
    """Keep the pages (and the report) where a developer can turn them into fixtures."""
    folder.mkdir(parents=True, exist_ok=True)
    for fetch in fetches:
        if not fetch.body:
            continue
        stem = re.sub(r"[^a-z0-9]+", "-", fetch.name.lower()).strip("-")
        suffix = ".txt" if fetch.name == "robots.txt" else ".html"
        (folder / f"{stem}{suffix}").write_bytes(fetch.body)
        meta = {
            "url": fetch.final_url or fetch.url,
            "status": fetch.status,
            "headers": fetch.headers,
        }
        (folder / f"{stem}.meta.json").write_text(
            json.dumps(meta, ensure_ascii=False, indent=2) + "\n"
        )
    report.saved_to = str(folder)
    (folder / "report.txt").write_text(report.render() + "\n", encoding="utf-8")
    (folder / "report.json").write_text(
        json.dumps(report.to_json(), ensure_ascii=False, indent=2, default=str) + "\n",
        encoding="utf-8",
    )
