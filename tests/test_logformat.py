"""The log without the tracebacks of failed downloads (``kitacrawl.logformat``)."""

from __future__ import annotations

import logging
import sys

from twisted.internet.error import ConnectionRefusedError, DNSLookupError

from kitacrawl.logformat import NoDownloadTraceback


def record_of(error: Exception) -> logging.LogRecord:
    try:
        raise error
    except Exception:  # the record a logger.error(..., exc_info=True) makes
        exc_info = sys.exc_info()
    return logging.LogRecord(
        "scrapy.downloadermiddlewares.robotstxt", logging.ERROR, __file__, 1,
        "Error downloading %s", ("<GET http://x/robots.txt>",), exc_info,
    )  # fmt: skip


def test_a_failed_download_keeps_its_line_and_loses_its_traceback() -> None:
    for error in (ConnectionRefusedError(), DNSLookupError(), OSError("reset")):
        record = record_of(error)
        assert NoDownloadTraceback().filter(record)
        assert record.exc_info is None
        assert logging.Formatter().format(record) == "Error downloading <GET http://x/robots.txt>"


def test_a_bug_keeps_its_traceback() -> None:
    record = record_of(KeyError("robots"))
    assert NoDownloadTraceback().filter(record)
    assert "Traceback" in logging.Formatter().format(record)
