"""One run per database: an exclusive ``flock`` on ``<database>.lock``.

The kernel drops the lock when the process dies, ``kill -9`` included, so a
crashed run never leaves a stale lock behind. :func:`kitacrawl.session.open_session`
is the only holder: it takes the lock once per process and database.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path


class LockedError(Exception):
    """Another process holds the database."""


def lock_path(db_path: str | os.PathLike[str]) -> Path:
    return Path(f"{os.path.abspath(db_path)}.lock")


class RunLock:
    """The held lock of one database (release it, or let the process end)."""

    def __init__(self, path: Path, fd: int | None) -> None:
        self.path = path
        self._fd = fd

    @classmethod
    def acquire(cls, db_path: str | os.PathLike[str]) -> RunLock:
        """Take the lock or raise :class:`LockedError` at once (never waits).

        An in-memory database has no file to guard: its lock is a no-op.
        """
        if str(db_path) == ":memory:":
            return cls(Path(":memory:"), None)
        path = lock_path(db_path)
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
        return cls(path, fd)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)
