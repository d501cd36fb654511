"""One run per database: an exclusive ``flock`` on ``<database>.lock``.

The kernel drops the lock when the process dies, ``kill -9`` included, so a
crashed run never leaves a stale lock behind. The lock is re-entrant within
one process, so the crawl command and the storage pipeline can both ask.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

_held: dict[str, tuple[int, int]] = {}  # lock path -> (fd, holders)


class LockedError(Exception):
    """Another process holds the database."""


def lock_path(db_path: str | os.PathLike[str]) -> Path:
    return Path(f"{os.path.abspath(db_path)}.lock")


def acquire(db_path: str | os.PathLike[str]) -> None:
    """Take the lock or raise :class:`LockedError` at once (never waits)."""
    if str(db_path) == ":memory:":
        return
    path = lock_path(db_path)
    key = str(path)
    if key in _held:
        fd, holders = _held[key]
        _held[key] = (fd, holders + 1)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        try:
            holder = os.pread(fd, 64, 0).decode(errors="replace").strip()
        finally:
            os.close(fd)
        raise LockedError(
            f"{db_path} is locked by another kitacrawl run (pid {holder or 'unknown'})"
        ) from None
    # The pid is for the operator reading the file; the flock is the real lock.
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
    _held[key] = (fd, 1)


def release(db_path: str | os.PathLike[str]) -> None:
    if str(db_path) == ":memory:":
        return
    key = str(lock_path(db_path))
    if key not in _held:
        return
    fd, holders = _held[key]
    if holders > 1:
        _held[key] = (fd, holders - 1)
        return
    del _held[key]
    fcntl.flock(fd, fcntl.LOCK_UN)
    os.close(fd)
