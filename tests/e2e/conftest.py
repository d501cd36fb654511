"""Fixtures for crawls of the offline imitation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mocksite import MockSite, build_board


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "kita.db"


@pytest.fixture
def site() -> Iterator[MockSite]:
    with MockSite(build_board(60)) as server:
        yield server
