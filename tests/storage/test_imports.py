"""Storage is a plain module over sqlite-utils: importing it brings in no crawler.

Run in a fresh interpreter, so that what other tests imported cannot hide an import.
"""

from __future__ import annotations

import json
import subprocess
import sys

CRAWLER_PACKAGES = ("scrapy", "twisted", "parsel", "itemadapter", "w3lib")


def imported_by(statement: str) -> list[str]:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            f"{statement}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return list(json.loads(done.stdout))


def crawler_modules(modules: list[str]) -> list[str]:
    return [name for name in modules if name.split(".")[0] in CRAWLER_PACKAGES]


def test_importing_storage_imports_no_scrapy_or_twisted() -> None:
    modules = imported_by("import kitacrawl.storage")
    assert "kitacrawl.storage.db" in modules  # the import itself happened
    assert crawler_modules(modules) == []


def test_the_problem_kinds_and_retry_rules_import_no_scrapy() -> None:
    modules = imported_by("import kitacrawl.problems, kitacrawl.retry")
    assert crawler_modules(modules) == []


def test_the_check_sees_scrapy_when_it_is_imported() -> None:
    # The test above could pass by looking at the wrong names: here it must find them.
    modules = imported_by("import kitacrawl.failures")
    assert {"scrapy", "twisted"} <= {name.split(".")[0] for name in crawler_modules(modules)}
