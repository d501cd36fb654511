"""Scrapy settings for kitacrawl: polite by default for the live site.

Everything here can be overridden with ``-s NAME=value``. kitacrawl's own
``KITACRAWL_*`` settings are deliberately not set here: :mod:`kitacrawl.config`
holds their defaults and reads the environment, which a value here would hide.
"""

from kitacrawl import __version__

BOT_NAME = "kitacrawl"
SPIDER_MODULES = ["kitacrawl.spiders"]
NEWSPIDER_MODULE = "kitacrawl.spiders"
# Our `crawl` replaces Scrapy's: same arguments, plus the run lock and exit codes.
COMMANDS_MODULE = "kitacrawl.commands"

USER_AGENT = (
    f"kitacrawl/{__version__} (+https://github.com/kitacrawl/kitacrawl; "
    "news archive crawler; contact: see README)"
)
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 2 * 1024 * 1024
DOWNLOAD_WARNSIZE = 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
REDIRECT_MAX_TIMES = 5
COOKIES_ENABLED = False
# No debugging consoles in an unattended crawler: the telnet console, and Scrapy
# 2.19's RemoteControl extension (an HTTP server on localhost that runs Python
# code sent to it, its token in a job file in the user's profile). Enabled by
# default in Scrapy's settings (EXTENSIONS_BASE), it reads this setting and stays
# off; older Scrapy versions have neither and ignore the name. To debug a running
# crawl: -s REMOTE_CONTROL_ENABLED=1 (README, "Debugging").
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
# Every non-2xx answer reaches the spider's errback and becomes a `problems` row.
HTTPERROR_ALLOWED_CODES: list[int] = []

DOWNLOADER_MIDDLEWARES = {
    "kitacrawl.middlewares.KitaOnlyMiddleware": 50,
    "kitacrawl.middlewares.RetryAfterMiddleware": 560,
}
# The run's life (ledger, incremental state, outcome, exit code) in one component.
EXTENSIONS = {"kitacrawl.boardrun.BoardRun": 0}
# Page code makes whole items: the pipeline only stores them.
ITEM_PIPELINES = {"kitacrawl.pipelines.StorePipeline": 300}

# Developers: `-s HTTPCACHE_ENABLED=1` replays pages from .scrapy/httpcache.
HTTPCACHE_ENABLED = False
HTTPCACHE_DIR = "httpcache"
HTTPCACHE_EXPIRATION_SECS = 0

# Each callback yields one article or a handful of requests, and the pipelines
# are synchronous: Scrapy's default of 100 starts 100 asyncio tasks for every
# response, which cost more than parsing the page.
CONCURRENT_ITEMS = 1
# The check parses the source of generator callbacks again and again; ours
# never return a value.
WARN_ON_GENERATOR_RETURN_VALUE = False

LOG_FORMATTER = "kitacrawl.logformat.QuietLogFormatter"

FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
