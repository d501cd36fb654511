"""Log formatting: only what the reader of a crawl's log needs.

Scrapy formats the DEBUG "Scraped from" record for every item (the whole
item, repr'd) and only then lets the handler drop it at INFO; on a full crawl
that is a measurable share of the time: :class:`QuietLogFormatter` skips the
record unless it will be shown. Scrapy's robots.txt middleware logs a failed
download of robots.txt with its traceback (sixty lines of Twisted for a
refused connection, in every cron log): the one line that names the failure
is kept, the traceback dropped (:class:`NoDownloadTraceback`).
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.logformatter import LogFormatter

from kitacrawl.failures import is_download_failure

_scraper_logger = logging.getLogger("scrapy.core.scraper")
# Loggers whose tracebacks are those of a download that failed: its message says why.
_DOWNLOAD_LOGGERS = ("scrapy.downloadermiddlewares.robotstxt",)


class NoDownloadTraceback(logging.Filter):
    """Keeps the record, without the traceback of a failed download it reports.

    A traceback of anything else (a bug) is kept.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if exc is not None and is_download_failure(exc):
            record.exc_info = None
            record.exc_text = None
        return True


def _quiet_download_tracebacks() -> None:
    for name in _DOWNLOAD_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, NoDownloadTraceback) for f in logger.filters):
            logger.addFilter(NoDownloadTraceback())


class QuietLogFormatter(LogFormatter):
    @classmethod
    def from_crawler(cls, crawler: Any) -> QuietLogFormatter:
        # Built once per crawler, before anything is downloaded.
        _quiet_download_tracebacks()
        return cls()

    def scraped(self, item: Any, response: Any, spider: Any) -> Any:
        if not _scraper_logger.isEnabledFor(logging.DEBUG):
            return None
        return super().scraped(item, response, spider)
