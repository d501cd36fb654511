"""What the figures were measured on: the machine and the versions of what ran."""

from __future__ import annotations

import contextlib
import os
import platform
import sqlite3
from importlib import metadata
from pathlib import Path


def versions() -> dict[str, str]:
    found = {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version}
    for name in ("scrapy", "twisted", "lxml", "parsel", "sqlite-utils", "trafilatura"):
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


def machine() -> str:
    model = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{os.cpu_count()} cores ({model}), {platform.system()} {platform.release()}"
