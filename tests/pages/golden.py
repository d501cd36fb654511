"""Reading the golden fixtures under ``tests/golden/<kind>/<name>/``.

Shared by the article and list golden tests: each fixture folder holds
``input.html`` (bytes as served), ``meta.json`` and ``expected.json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scrapy.http import HtmlResponse

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

    def response(self, name: str) -> HtmlResponse:
        """The stored bytes as the spider would get them: no charset in the header."""
        return HtmlResponse(
            url=self.meta(name)["url"],
            body=self.input_bytes(name),
            headers={"Content-Type": "text/html"},
        )
