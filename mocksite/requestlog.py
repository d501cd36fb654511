"""The record of the requests a ``MockSite`` answered, for tests to read while it serves."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator


class RequestLog:
    """Thread-safe record of the request targets (path and query, as sent), in order."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: list[str] = []

    def append(self, target: str) -> None:
        with self._lock:
            self._items.append(target)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def snapshot(self) -> list[str]:
        with self._lock:
            return list(self._items)

    def counts(self) -> Counter[str]:
        return Counter(self.snapshot())

    def count(self, target: str) -> int:
        return self.snapshot().count(target)

    def matching(self, fragment: str) -> list[str]:
        """The targets that contain `fragment`, in order."""
        return [t for t in self.snapshot() if fragment in t]

    def __iter__(self) -> Iterator[str]:
        return iter(self.snapshot())

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    def __getitem__(self, index: int) -> str:
        with self._lock:
            return self._items[index]

    def __contains__(self, target: object) -> bool:
        with self._lock:
            return target in self._items

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RequestLog):
            return self.snapshot() == other.snapshot()
        if isinstance(other, list):
            return self.snapshot() == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable: unhashable, as list is

    def __repr__(self) -> str:
        return f"RequestLog({self.snapshot()!r})"
