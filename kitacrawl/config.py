"""kitacrawl's own settings: every ``KITACRAWL_*`` name, its default, and how it is read.

One rule for all of them: a value given explicitly (``-s NAME=value``, a
``kitacrawl`` flag, or a script's ``CrawlerProcess`` settings) wins, then the
environment variable of the same name, then the default below. ``settings.py``
deliberately defines none of them: a value there would hide the environment.
The README's settings table is generated from ``OPTIONS`` (``make docs``, cog):
each ``doc`` is a cell of that Markdown table, one line with no ``|``.
:func:`check` reads every one of them before a crawl touches a database or
starts Scrapy, so that a value that cannot be used is one line (a usage
error), never a failed run.
"""

from __future__ import annotations

import ipaddress
import logging
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from kitacrawl import site

logger = logging.getLogger(__name__)

PREFIX = "KITACRAWL_"


@dataclass(frozen=True, slots=True)
class Option:
    name: str
    default: Any
    kind: type
    doc: str
    # The smallest and largest usable value of a number (None: no bound).
    minimum: float | None = None
    maximum: float | None = None


class BadSetting(ValueError):
    """A ``KITACRAWL_*`` value that cannot be used; the message names it and says why."""

    def __init__(self, message: str, name: str = "") -> None:
        super().__init__(message)
        self.name = name


OPTIONS: tuple[Option, ...] = (
    Option(
        "KITACRAWL_BASE_URL",
        site.DEFAULT_BASE_URL,
        str,
        "the site; `http://127.0.0.1:PORT` crawls an imitation the same way",
    ),
    Option("KITACRAWL_DB", "output/kita.db", str, "the SQLite file"),
    Option(
        "KITACRAWL_REVISIT_DAYS",
        14,
        int,
        "incremental runs re-fetch articles published this recently, to catch edits…",
        minimum=0,
    ),
    Option(
        "KITACRAWL_REVISIT_AFTER_HOURS", 20.0, float, "…but not more often than this…", minimum=0
    ),
    Option("KITACRAWL_REVISIT_MAX", 50, int, "…and at most this many a run", minimum=0),
    Option(
        "KITACRAWL_RETRY_AFTER_HOURS",
        1.0,
        float,
        "an article that failed for a passing reason (5xx, timeout, connection) is retried"
        " after this long, the wait doubling with every failure…",
        minimum=0,
    ),
    Option(
        "KITACRAWL_RETRY_MAX_DAYS", 7.0, float, "…up to this long between two tries…", minimum=0
    ),
    Option(
        "KITACRAWL_GIVE_UP_DAYS",
        30.0,
        float,
        "…until it has failed this long (and at least 5 times): then a `gave_up` problem"
        " is recorded and it is re-checked like a final page",
        minimum=0,
    ),
    Option(
        "KITACRAWL_RECHECK_DAYS",
        7.0,
        float,
        "pages judged final (`deleted`, `unparsable`, `http_404`, `gave_up`, ...) are fetched"
        " again this often, so that a transient error page or a parser gap heals",
        minimum=0,
    ),
    Option(
        "KITACRAWL_RETRY_MAX",
        100,
        int,
        "at most this many retries and re-checks a run, the most overdue first",
        minimum=0,
    ),
    Option(
        "KITACRAWL_FAILED_SHARE",
        0.5,
        float,
        "a run in which more than this share of its article fetches failed for a passing reason"
        " ends `failed` (exit 3)",
        minimum=0,
        maximum=1,
    ),
    Option(
        "KITACRAWL_ARCHIVE",
        True,
        bool,
        "keep every fetched page (compressed, each distinct body once) for `kitacrawl reparse`,"
        " WARC export and offline replay; `0` turns it off",
    ),
    Option(
        "KITACRAWL_ARCHIVE_DB",
        "",
        str,
        "the database whose archive `kitacrawl crawl --offline` replays (empty: `KITACRAWL_DB`"
        " itself)",
    ),
    Option(
        "KITACRAWL_MAX_LIST_PAGES",
        5000,
        int,
        "a hard stop for paging, whatever the site answers",
        minimum=1,
    ),
    Option(
        "KITACRAWL_QUEUE_LOW_WATER",
        64,
        int,
        "article requests queued before the next list page is asked for (memory stays flat)",
        minimum=0,
    ),
    Option(
        "KITACRAWL_RETRY_AFTER_MAX",
        30.0,
        float,
        "the longest pause, in seconds, that a `Retry-After` header may impose",
        minimum=0,
    ),
)


def _board_options(board: str, paths: site.BoardPaths) -> tuple[Option, ...]:
    stem = f"{PREFIX}{board.upper()}"
    return (
        Option(
            f"{stem}_LIST_PATH",
            ",".join(paths.list_paths),
            str,
            f"the {board} board's list path (several, comma-separated: the first is read, the"
            " next where the board is not there)",
        ),
        Option(
            f"{stem}_DETAIL_PATH",
            ",".join(paths.detail_paths),
            str,
            f"the {board} board's article path (several, comma-separated: "
            + (
                "in pairs with the list paths, the one beside the list path the board answers"
                " at makes the canonical URL `<base><path>?<id param>=N`"
                if paths.paired
                else "the first makes the canonical URL `<base><path>?<id param>=N`"
            )
            + "; every one is recognised in links, and the next is tried where an article"
            " answers 404 or 410)",
        ),
        Option(
            f"{stem}_ID_PARAM", paths.id_param, str, f"the {board} board's article id parameter"
        ),
    )


OPTIONS += tuple(
    option for board, paths in site.BOARD_PATHS.items() for option in _board_options(board, paths)
)
BY_NAME: dict[str, Option] = {option.name: option for option in OPTIONS}
DEFAULTS: dict[str, Any] = {option.name: option.default for option in OPTIONS}

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _convert(option: Option, value: Any) -> Any:
    if option.kind is bool:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in _TRUE | _FALSE:
            return text in _TRUE
        raise BadSetting(f"{option.name} must be a yes/no value (1/0), not {value!r}", option.name)
    try:
        converted = option.kind(value)
    except (TypeError, ValueError):
        raise BadSetting(
            f"{option.name} must be {_KIND_WORDS.get(option.kind, option.kind.__name__)},"
            f" not {value!r}",
            option.name,
        ) from None
    if option.kind in (int, float):
        _check_range(option, converted)
    return converted


_KIND_WORDS = {int: "a whole number", float: "a number", str: "text"}


def _check_range(option: Option, value: float) -> None:
    why = None
    if not math.isfinite(value):
        why = "must be a finite number"
    elif option.minimum is not None and value < option.minimum:
        why = f"must be at least {option.minimum:g}"
    elif option.maximum is not None and value > option.maximum:
        why = f"must be at most {option.maximum:g}"
    if why:
        raise BadSetting(f"{option.name} {why}, not {value!r}", option.name)


def get(settings: Any, name: str, environ: Mapping[str, str] | None = None) -> Any:
    """The value of a kitacrawl setting: explicit setting, then environment, then default.

    ``settings`` is a Scrapy ``Settings`` (priorities tell an explicit value from
    none) or any mapping of explicit values.
    """
    option = BY_NAME[name]
    env = os.environ if environ is None else environ
    explicit = _explicit(settings, name)
    if explicit is not None:
        return _convert(option, explicit)
    if env.get(name, "") != "":
        return _convert(option, env[name])
    return option.default


def is_given(settings: Any, name: str, environ: Mapping[str, str] | None = None) -> bool:
    """Was ``name`` given (explicitly or in the environment), rather than left at its default?"""
    env = os.environ if environ is None else environ
    return _explicit(settings, name) is not None or env.get(name, "") != ""


def _explicit(settings: Any, name: str) -> Any:
    if settings is None:
        return None
    getpriority = getattr(settings, "getpriority", None)
    if getpriority is not None:
        # Scrapy's own defaults sit at priority 0; kitacrawl defines none there.
        priority = getpriority(name)
        return settings.get(name) if priority is not None and priority > 0 else None
    value = settings.get(name)
    return None if value in (None, "") else value


def base_url(settings: Any) -> str:
    return site.normalise_base(str(get(settings, "KITACRAWL_BASE_URL")))


def check_base_url(value: str) -> str:
    """``value`` as a base URL (``http(s)://host[:port][/path]``), or :class:`BadSetting`."""
    text = value.strip()
    why = f"KITACRAWL_BASE_URL (--base-url) must be an http:// or https:// URL, not {value!r}"
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise BadSetting(why)
    if parts.query or parts.fragment or any(c.isspace() for c in text):
        raise BadSetting(f"{why}: no query, fragment or space")
    try:
        parts.port  # noqa: B018 - reading it checks it: urlsplit raises for a bad port
    except ValueError:
        raise BadSetting(f"{why}: its port is no port number") from None
    return site.normalise_base(text)


def check(settings: Any, environ: Mapping[str, str] | None = None) -> None:
    """Read every kitacrawl setting as a crawl will; :class:`BadSetting` for an unusable one.

    Called before a crawl opens a database or starts Scrapy. The message names
    the setting and, when the value came from there, the environment.
    """
    env = os.environ if environ is None else environ

    def where(name: str) -> str:
        from_env = _explicit(settings, name) is None and env.get(name)
        return " (from the environment)" if from_env else ""

    for option in OPTIONS:
        try:
            value = get(settings, option.name, env)
            if option.name == "KITACRAWL_BASE_URL":
                check_base_url(str(value))
            elif option.name == "KITACRAWL_DB" and not str(value).strip():
                raise BadSetting("KITACRAWL_DB (--db) names no file")
        except BadSetting as exc:
            raise BadSetting(f"{exc}{where(option.name)}", option.name) from None
    for board in site.BOARD_PATHS:
        try:
            board_paths(settings, board, env)
        except BadSetting as exc:
            raise BadSetting(f"{exc}{where(exc.name)}", exc.name) from None


def db_path(settings: Any) -> str:
    return str(get(settings, "KITACRAWL_DB"))


def unknown_names(settings: Any, environ: Mapping[str, str] | None = None) -> list[str]:
    """``KITACRAWL_*`` names given but not known: almost always a typo worth a warning."""
    env = os.environ if environ is None else environ
    given = {name for name in env if name.startswith(PREFIX)}
    if settings is not None:
        given |= {str(name) for name in settings if str(name).startswith(PREFIX)}
    return sorted(name for name in given if name not in BY_NAME)


def board_paths(
    settings: Any, board: str, environ: Mapping[str, str] | None = None
) -> site.BoardPaths:
    """A board's paths and id parameter, as the settings (or the site's defaults) say."""
    stem = f"{PREFIX}{board.upper()}"

    def paths(suffix: str) -> tuple[str, ...]:
        value = str(get(settings, f"{stem}_{suffix}", environ))
        found = tuple("/" + part.strip().lstrip("/") for part in value.split(",") if part.strip())
        if not found:
            raise BadSetting(f"{stem}_{suffix} names no path", f"{stem}_{suffix}")
        return found

    id_param = str(get(settings, f"{stem}_ID_PARAM", environ)).strip()
    if not id_param:
        raise BadSetting(f"{stem}_ID_PARAM is empty", f"{stem}_ID_PARAM")
    known = site.BOARD_PATHS.get(board)
    return site.BoardPaths(
        paths("LIST_PATH"), paths("DETAIL_PATH"), id_param, paired=bool(known and known.paired)
    )


def board_urls(settings: Any, board: str) -> site.BoardUrls:
    return site.BoardUrls(base_url(settings), board_paths(settings, board))


# Politeness protects a remote server; an imitation on this machine is crawled
# at full speed. Applied at "spider" priority, so anything given with -s wins.
LOCAL_SPEED: dict[str, Any] = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
}


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 or localhost: a server on this machine."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_local(settings: Any) -> bool:
    return is_loopback(urlsplit(base_url(settings)).hostname or "")
