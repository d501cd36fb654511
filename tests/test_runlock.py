"""The one-run-per-database lock."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kitacrawl.runlock import LockedError, RunLock

HOLD = (
    "import sys; from kitacrawl.runlock import RunLock; RunLock.acquire(sys.argv[1]);"
    " print('held', flush=True); sys.stdin.readline()"
)


def test_a_second_process_is_refused_and_a_dead_holder_frees_the_lock(tmp_path: Path) -> None:
    db = tmp_path / "kita.db"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(LockedError, match=r"pid \d+"):
            RunLock.acquire(db)
    finally:
        holder.kill()  # like kill -9: the kernel releases the flock
        holder.wait()
        for stream in (holder.stdin, holder.stdout):
            if stream is not None:
                stream.close()
    lock = RunLock.acquire(db)
    assert lock.held
    lock.release()
    assert not lock.held


def test_the_lock_is_not_reentrant(tmp_path: Path) -> None:
    # One holder per process and database (kitacrawl.session): a second
    # acquire in the same process is a bug, and flock says so.
    db = tmp_path / "kita.db"
    lock = RunLock.acquire(db)
    try:
        with pytest.raises(LockedError):
            RunLock.acquire(db)
    finally:
        lock.release()
    RunLock.acquire(db).release()


def test_an_in_memory_database_needs_no_lock() -> None:
    lock = RunLock.acquire(":memory:")
    assert not lock.held
    lock.release()
