"""The licence, as pyproject.toml declares it and a user's clone holds it."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def test_the_licence_is_a_file_and_an_spdx_expression() -> None:
    pyproject = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))
    project = pyproject["project"]
    # PEP 639: a string, not the table setuptools warns about at every install.
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    assert (PROJECT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
    # setuptools reads both from 77.0 on (older ones refuse the string).
    requires = " ".join(pyproject["build-system"]["requires"])
    floor = re.search(r"setuptools>=(\d+)", requires)
    assert floor is not None
    assert int(floor.group(1)) >= 77
