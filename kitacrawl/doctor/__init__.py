"""First contact with a site: would a crawl work, and if not, why?

One package, three parts: :mod:`~kitacrawl.doctor.spider` fetches robots.txt,
list page 1 and the newest article (politely, robots.txt read by the crawl's
own parser); :mod:`~kitacrawl.doctor.diagnosis` (pure code) says what they
show, with a verdict and the exit code of a crawl that would meet the same
pages; :func:`examine` ties them together and saves the pages (under
``output/doctor/`` by default) so that they can become golden fixtures.
``kitacrawl doctor`` and ``scrapy doctor`` are thin layers over
:func:`doctor_command`.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from scrapy.crawler import CrawlerProcess, CrawlerRunner
from scrapy.settings import Settings
from twisted.internet import defer

from kitacrawl import config
from kitacrawl.doctor.diagnosis import Fetch, Report, diagnose, save
from kitacrawl.doctor.spider import DoctorSpider


def examine(
    runner: CrawlerRunner, board: str, folder: Path | None = None
) -> defer.Deferred[Report]:
    """Fetch the board's first pages on ``runner`` and diagnose them; save them in ``folder``."""
    crawler = runner.create_crawler(DoctorSpider)

    def diagnosed(_: object) -> Report:
        spider = crawler.spider
        assert isinstance(spider, DoctorSpider)
        fetches = spider.fetches
        report = diagnose(
            config.board_urls(runner.settings, board),
            board,
            robots=fetches.get("robots.txt"),
            listing=fetches.get("list page 1"),
            article=fetches.get("article"),
            home=fetches.get("home page"),
            robots_rules=spider.robots,
            user_agent=spider.robots_agent,
        )
        if folder is not None:
            save(report, list(fetches.values()), folder)
        return report

    done: defer.Deferred[None] = runner.crawl(crawler, board=board)
    return done.addCallback(diagnosed)


def examine_and_wait(settings: Settings, board: str, folder: Path | None = None) -> Report:
    """:func:`examine` in a ``CrawlerProcess`` of its own: returns when the pages are read."""
    process = CrawlerProcess(settings)
    reports: list[Report] = []
    examine(process, board, folder).addCallback(reports.append)
    process.start()
    return reports[0]


def default_folder() -> Path:
    return Path("output") / "doctor" / datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def doctor_command(
    settings: Settings, board: str, output: str | None, *, as_json: bool = False
) -> int:
    """The doctor as both command lines run it: the report on stdout; its exit code."""
    report = examine_and_wait(settings, board, Path(output) if output else default_folder())
    if as_json:
        import json  # noqa: PLC0415 - only for --format json

        json.dump(report.to_json(), sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        print(report.render())
    return int(report.exit_code)


__all__ = [
    "DoctorSpider",
    "Fetch",
    "Report",
    "default_folder",
    "diagnose",
    "doctor_command",
    "examine",
    "examine_and_wait",
]
