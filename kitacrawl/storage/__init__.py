"""Storage: the schema (``schema``) and the database API (``db``)."""

from kitacrawl.storage.db import Storage, StorageError

__all__ = ["Storage", "StorageError"]
