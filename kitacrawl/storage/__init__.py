"""Storage: the schema (``schema``), the crawl's writes (``db``), people's reads (``queries``)."""

from kitacrawl.storage import queries
from kitacrawl.storage.db import Storage, StorageError

__all__ = ["Storage", "StorageError", "queries"]
