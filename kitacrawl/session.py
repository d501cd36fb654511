"""This process's hold on one database: the run lock and the storage, opened in one place.

:func:`open_session` is the only way a crawl, a re-extraction or an archive
command takes a database: the lock first (``flock``, :mod:`kitacrawl.runlock`),
then the storage. A crawl refused by the lock is recorded here too: a
``skipped`` row in the ledger (or, while the running crawl keeps the file busy,
a line in ``<database>.refused`` that the run holding the lock writes for it).

The code that starts crawls (:func:`kitacrawl.crawl.crawl_boards`) opens one
session and lends it to each crawler it creates (:meth:`DatabaseSession.lend_to`):
``crawl all`` runs every board under one lock. A crawler nobody lent a session
to (a script that runs a spider with Scrapy's own ``CrawlerProcess``) opens its
own when its run begins (:class:`kitacrawl.boardrun.BoardRun`).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from kitacrawl.outcome import ExitCode
from kitacrawl.runlock import LockedError, RunLock
from kitacrawl.storage import Storage, StorageError
from kitacrawl.storage.db import utcnow

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

# A Scrapy signal of kitacrawl's own, sent by a crawler's BoardRun when its run begins:
# "does the code that created this crawler hold a session for it?" A session lent to
# the crawler answers with itself.
session_wanted = object()


class DatabaseSession:
    """The lock (taken once) and the storage of one database, until :meth:`close`."""

    def __init__(self, db_path: str, lock: RunLock, storage: Storage) -> None:
        self.db_path = db_path
        self.lock = lock
        self.storage = storage

    def lend_to(self, crawler: Crawler) -> None:
        """Let ``crawler``'s run write through this session (the lender closes it)."""
        # Scrapy holds receivers weakly: the lender keeps the session alive meanwhile.
        crawler.signals.connect(self._answer, signal=session_wanted)

    def _answer(self) -> DatabaseSession:
        return self

    def close(self) -> None:
        try:
            self.storage.close()
        finally:
            self.lock.release()

    def __enter__(self) -> DatabaseSession:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def lent_session(crawler: Crawler) -> DatabaseSession | None:
    """The session the code that created ``crawler`` lent it, if any."""
    for _, answer in crawler.signals.send_catch_log(signal=session_wanted):
        if isinstance(answer, DatabaseSession):
            return answer
    return None


def open_session(db_path: str, refused: Iterable[str] = (), mode: str = "") -> DatabaseSession:
    """Take the lock of ``db_path`` and open its storage.

    Raises :class:`LockedError` when another process holds the database, after
    recording a ``skipped`` run for each board in ``refused`` (a crawl's boards;
    none for the commands that are no crawl), and :class:`StorageError` when
    the database cannot be opened or created.
    """
    try:
        lock = RunLock.acquire(db_path)
    except LockedError as exc:
        for board in refused:
            record_refusal(db_path, board, mode, str(exc))
        raise
    except OSError as exc:
        raise StorageError(f"cannot create the lock for {db_path}: {exc}") from exc
    try:
        storage = Storage.open(db_path)
    except StorageError:
        lock.release()
        raise
    return DatabaseSession(db_path, lock, storage)


def refusals_path(db_path: str) -> Path:
    return Path(f"{os.path.abspath(db_path)}.refused")


def record_refusal(db_path: str, board: str, mode: str, message: str) -> None:
    """A ``skipped`` ledger row for a run refused by the lock.

    The refused process does not hold the lock: it tries one small write
    (SQLite's own locking keeps it safe beside the running crawl), and when the
    crawl keeps the file busy it leaves the row in ``<database>.refused``
    instead, for the run that holds the lock to write (:func:`import_refusals`).
    """
    row = {
        "spider": board,
        "board": board,
        "mode": mode,
        "message": message,
        "at": utcnow(),
        "pid": os.getpid(),
    }
    try:
        storage = Storage.open(db_path, busy_timeout_ms=300)
        try:
            storage.record_skipped(board, board, mode, message, int(ExitCode.LOCKED))
            return
        finally:
            storage.close()
    except StorageError:
        pass
    try:
        # One short line, appended: whole even beside another refused run.
        with refusals_path(db_path).open("a", encoding="utf-8") as sidecar:
            sidecar.write(json.dumps(row, ensure_ascii=False) + "\n")
    except OSError:
        logger.warning("could not record the refused run anywhere")


def import_refusals(storage: Storage, db_path: str) -> int:
    """Write the refused runs left in ``<database>.refused`` (the caller holds the lock)."""
    path = refusals_path(db_path)
    if not path.exists():
        return 0
    taken = path.with_name(f"{path.name}.{os.getpid()}")
    try:
        path.replace(taken)  # later refusals start a new file
        lines = taken.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 0
    count = 0
    for line in lines:
        try:
            row = json.loads(line)
        except ValueError:
            continue  # a line cut by a crash: the refusal is lost, nothing else
        storage.record_skipped(
            row["spider"], row["board"], row["mode"], row["message"], int(ExitCode.LOCKED),
            at=row["at"], pid=row["pid"],
        )  # fmt: skip
        count += 1
    taken.unlink(missing_ok=True)
    return count


__all__ = [
    "DatabaseSession",
    "LockedError",
    "StorageError",
    "import_refusals",
    "lent_session",
    "open_session",
    "record_refusal",
]
