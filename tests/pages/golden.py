"""Reading the golden fixtures under ``tests/golden/<kind>/<name>/``, and comparing with them.

Shared by the article and list golden tests of both markup generations: each
fixture folder holds ``input.html`` (bytes as served), ``meta.json`` and
``expected.json``. The difference helpers report one line per wrong
paragraph, link or row field, so a failure names what went wrong.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from scrapy.http import HtmlResponse

from kitacrawl import site
from kitacrawl.items import ListPage

GOLDEN_ROOT = Path(__file__).resolve().parent.parent / "golden"


class GoldenSet:
    """The fixtures of one kind of page (``article`` or ``list``)."""

    def __init__(self, kind: str) -> None:
        self.root = GOLDEN_ROOT / kind
        self.cases = sorted(folder.name for folder in self.root.iterdir() if folder.is_dir())

    def _read_json(self, name: str, filename: str) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((self.root / name / filename).read_text("utf-8"))
        return data

    def expected(self, name: str) -> dict[str, Any]:
        return self._read_json(name, "expected.json")

    def meta(self, name: str) -> dict[str, Any]:
        return self._read_json(name, "meta.json")

    def input_bytes(self, name: str) -> bytes:
        return (self.root / name / "input.html").read_bytes()

    def urls(self, name: str) -> site.BoardUrls:
        """The board URLs of the fixture: meta.json ``paths``, else the news board."""
        meta = self.meta(name)
        paths = meta.get("paths")
        if paths is None:
            return site.BoardUrls(meta["base_url"])
        board = site.BoardPaths(
            tuple(paths["list_paths"]), tuple(paths["detail_paths"]), paths["id_param"]
        )
        return site.BoardUrls(meta["base_url"], board)

    def response(self, name: str) -> HtmlResponse:
        """The stored bytes as the spider would get them: no charset in the header."""
        return HtmlResponse(
            url=self.meta(name)["url"],
            body=self.input_bytes(name),
            headers={"Content-Type": "text/html"},
        )


def list_to_json(page: ListPage) -> dict[str, Any]:
    """The JSON form of a ListPage, dates as ISO strings (as the golden files store it)."""
    data = dataclasses.asdict(page)
    for row, item in zip(data["rows"], page.rows, strict=True):
        row["published"] = item.published.isoformat() if item.published else None
    return data


def paragraph_differences(expected: str, actual: str) -> list[str]:
    want, got = expected.split("\n\n"), actual.split("\n\n")
    problems = [
        f"paragraph {index}: {g!r} (expected {w!r})"
        for index, (w, g) in enumerate(zip(want, got, strict=False))
        if w != g
    ]
    problems += [f"paragraph {i} missing: {w!r}" for i, w in enumerate(want) if i >= len(got)]
    problems += [f"paragraph {i} extra: {g!r}" for i, g in enumerate(got) if i >= len(want)]
    return problems


def link_differences(expected: list[dict[str, Any]], actual: list[dict[str, Any]]) -> list[str]:
    problems = []
    for index, (want, got) in enumerate(zip(expected, actual, strict=False)):
        problems += [
            f"links[{index}].{key}: {got.get(key)!r} (expected {want.get(key)!r})"
            for key in sorted(set(want) | set(got))
            if want.get(key) != got.get(key)
        ]
    problems += [f"links[{i}] missing: {w}" for i, w in enumerate(expected) if i >= len(actual)]
    problems += [f"links[{i}] extra: {g}" for i, g in enumerate(actual) if i >= len(expected)]
    return problems


def row_differences(expected: list[dict[str, Any]], actual: list[dict[str, Any]]) -> list[str]:
    problems = []
    for index, (want, got) in enumerate(zip(expected, actual, strict=False)):
        problems += [
            f"rows[{index}] (no {want.get('no')}).{key}: {got.get(key)!r} "
            f"(expected {want.get(key)!r})"
            for key in sorted(set(want) | set(got))
            if want.get(key) != got.get(key)
        ]
    problems += [f"rows[{i}] missing: {w}" for i, w in enumerate(expected) if i >= len(actual)]
    problems += [f"rows[{i}] extra: {g}" for i, g in enumerate(actual) if i >= len(expected)]
    return problems
