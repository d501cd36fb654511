"""The version of the page code: which code read an article, so that stale rows can be found.

Not a number someone must remember to bump: a short hash of the source of the
modules that decide what a page says (the page objects, the site's selectors
and patterns, the text cleaning). Any change to them is a new version, and
``kitacrawl reparse`` can say how many stored articles an older one produced.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources

# What a page says is decided by these, and nothing else (the spider only routes).
_SOURCES = ("site.py", "clean.py", "pages")


@cache
def code_version() -> str:
    root = resources.files("kitacrawl")
    digest = hashlib.sha256()
    for name in _SOURCES:
        entry = root / name
        files = (
            sorted((f for f in entry.iterdir() if f.name.endswith(".py")), key=lambda f: f.name)
            if entry.is_dir()
            else [entry]
        )
        for item in files:
            digest.update(item.name.encode())
            digest.update(item.read_bytes())
    return digest.hexdigest()[:12]
