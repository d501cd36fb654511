"""The lowest versions `pyproject.toml` allows, as pins: what `make test-floor` installs.

Reads ``[project].dependencies`` (the single source of truth) and prints one
``name==floor`` line per dependency, the floor being its ``>=`` bound. A
dependency without a ``>=`` bound is an error: every dependency states the
oldest version the suite has passed on, and CI proves it.

    python tools/floors.py            # prints the pins (pip requirements format)
    python tools/floors.py --verify   # checks the running interpreter has exactly them

Standard library only: it runs before any virtual environment exists.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"

# name, optional [extras], the version specifiers, an optional "; marker".
_REQUIREMENT = re.compile(
    r"^\s*(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*(?P<extras>\[[^\]]*\])?"
    r"\s*(?P<specs>[^;]*?)\s*(?:;\s*(?P<marker>.+))?$"
)
_FLOOR = re.compile(r"^>=\s*(?P<version>[0-9]+(?:\.[0-9]+)*)$")


def floors(pyproject: Path = PYPROJECT) -> list[tuple[str, str, str]]:
    """(name, floor, requirement line pinning it) for each `[project].dependencies` entry."""
    dependencies = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    found = []
    for requirement in dependencies:
        match = _REQUIREMENT.match(requirement)
        if match is None:
            raise SystemExit(f"floors: cannot read the requirement {requirement!r}")
        specs = [s.strip() for s in match["specs"].split(",") if s.strip()]
        lows = [m["version"] for m in map(_FLOOR.match, specs) if m is not None]
        if len(lows) != 1:
            raise SystemExit(f"floors: {requirement!r} needs exactly one '>=' lower bound")
        name, low = match["name"], lows[0]
        line = f"{name}{match['extras'] or ''}=={low}"
        if match["marker"]:
            line += f" ; {match['marker']}"
        found.append((name, low, line))
    return found


def _release(version: str) -> tuple[int, ...]:
    """The release numbers, trailing zeros dropped: "4.0" and "4" are the same release."""
    match = re.match(r"\d+(?:\.\d+)*", version)
    parts = [int(p) for p in match[0].split(".")] if match else []
    while parts and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def verify(pins: list[tuple[str, str, str]]) -> int:
    """0 when every dependency is installed at exactly its floor; says what is installed."""
    wrong = 0
    for name, low, _ in pins:
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = "missing"
        ok = installed != "missing" and _release(installed) == _release(low)
        wrong += not ok
        print(f"floors: {name} {installed} ({'at' if ok else 'NOT at'} its floor {low})")
    return 1 if wrong else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--verify", action="store_true", help="check this interpreter has exactly the floors"
    )
    args = parser.parse_args(argv)
    pins = floors()
    if args.verify:
        return verify(pins)
    for _, _, line in pins:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
