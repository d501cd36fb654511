"""kitacrawl: crawls KITA's English news into a documented SQLite database."""

__version__ = "0.1.0"
