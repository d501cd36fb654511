"""The one-run-per-database lock."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kitacrawl import runlock

HOLD = (
    "import sys, time; from kitacrawl import runlock; runlock.acquire(sys.argv[1]);"
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
        with pytest.raises(runlock.LockedError, match=r"pid \d+"):
            runlock.acquire(db)
    finally:
        holder.kill()  # like kill -9: the kernel releases the flock
        holder.wait()
        for stream in (holder.stdin, holder.stdout):
            if stream is not None:
                stream.close()
    runlock.acquire(db)
    runlock.release(db)


def test_the_lock_is_reentrant_in_one_process(tmp_path: Path) -> None:
    db = tmp_path / "kita.db"
    runlock.acquire(db)
    runlock.acquire(db)
    runlock.release(db)
    assert str(runlock.lock_path(db)) in runlock._held
    runlock.release(db)
    assert str(runlock.lock_path(db)) not in runlock._held
