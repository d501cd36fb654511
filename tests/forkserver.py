"""What the tests' fork server imports once, so that each crawl it forks starts at once.

:func:`tests.crawls.start` forks ``scrapy crawl`` processes from a server (the
standard library's ``forkserver``) that imported this module: Scrapy's command
line, kitacrawl, and every component class the project's settings name
(middlewares, extensions, pipelines, download handlers, the spiders), which a
crawl would otherwise import in its first second. No reactor is installed
here: each forked crawl installs the one its settings ask for.
"""

from __future__ import annotations

import sys

import scrapy.cmdline  # noqa: F401 - imported for the forked processes
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.misc import load_object

from kitacrawl.crawl import project_settings

_SETTINGS = project_settings()
for _name in ("DOWNLOADER_MIDDLEWARES", "SPIDER_MIDDLEWARES", "EXTENSIONS", "ITEM_PIPELINES"):
    for _path in _SETTINGS.getwithbase(_name):
        load_object(_path)
# The handlers of the site's schemes only: Scrapy 2.13's FTP handler installs a reactor.
_HANDLERS = _SETTINGS.getwithbase("DOWNLOAD_HANDLERS")
for _scheme in ("http", "https"):
    load_object(_HANDLERS[_scheme])
for _path in ("SCHEDULER", "STATS_CLASS", "DUPEFILTER_CLASS", "LOG_FORMATTER"):
    load_object(_SETTINGS[_path])
SpiderLoader.from_settings(_SETTINGS.frozencopy())

assert "twisted.internet.reactor" not in sys.modules, "a preload installed a reactor"
