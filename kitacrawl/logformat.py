"""Log formatting: the per-item "Scraped from" record only when it will be shown.

Scrapy formats that DEBUG record for every item (the whole item, repr'd) and
only then lets the handler drop it at INFO; on a full crawl that is a
measurable share of the time. Returning None skips the record.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.logformatter import LogFormatter

_scraper_logger = logging.getLogger("scrapy.core.scraper")


class QuietLogFormatter(LogFormatter):
    def scraped(self, item: Any, response: Any, spider: Any) -> Any:
        if not _scraper_logger.isEnabledFor(logging.DEBUG):
            return None
        return super().scraped(item, response, spider)
