"""kitacrawl's own settings: names, defaults and how they are read.

Each can be set in ``settings.py``, with ``-s NAME=value`` or with an
environment variable of the same name (``-s`` wins over the environment).
"""

from __future__ import annotations

import os
from typing import Any

from kitacrawl import site

BASE_URL = "KITACRAWL_BASE_URL"
DB = "KITACRAWL_DB"
DEFAULT_DB = "output/kita.db"

DEFAULTS: dict[str, Any] = {
    BASE_URL: site.DEFAULT_BASE_URL,
    DB: DEFAULT_DB,
    # Incremental runs re-fetch articles published this recently to catch edits...
    "KITACRAWL_REVISIT_DAYS": 14,
    # ...but not more often than this, so an hourly cron stays cheap.
    "KITACRAWL_REVISIT_AFTER_HOURS": 20,
    "KITACRAWL_REVISIT_MAX": 50,
    # Articles that failed for a passing reason are retried by this many later runs,
    # each at least this long after the last try (a server error rarely clears in minutes).
    "KITACRAWL_RETRY_RUNS": 3,
    "KITACRAWL_RETRY_AFTER_HOURS": 1,
    # A hard stop for paging, whatever the server answers.
    "KITACRAWL_MAX_LIST_PAGES": 5000,
    # Article requests queued before the next list page is asked for.
    "KITACRAWL_QUEUE_LOW_WATER": 64,
}


def from_env(name: str) -> Any:
    """The environment's value for a kitacrawl setting, else its default."""
    return os.environ.get(name) or DEFAULTS[name]


def base_url_from(settings: Any) -> str:
    return site.normalise_base(str(settings.get(BASE_URL) or from_env(BASE_URL)))


def db_path_from(settings: Any) -> str:
    return str(settings.get(DB) or from_env(DB))


def get_int(settings: Any, name: str) -> int:
    return settings.getint(name, DEFAULTS[name])


def get_float(settings: Any, name: str) -> float:
    return settings.getfloat(name, DEFAULTS[name])
