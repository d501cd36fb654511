"""The doctor's diagnosis (pure code) on answers built by hand: robots.txt as a crawl reads it."""

from __future__ import annotations

from scrapy.robotstxt import ProtegoRobotParser

from kitacrawl import site
from kitacrawl.doctor import Fetch, diagnose
from kitacrawl.outcome import ExitCode

URLS = site.NEWS_URLS
AGENT = "kitacrawl/0.1 (+https://github.com/kitacrawl/kitacrawl)"


def robots_lines(rules: bytes) -> dict[str, object]:
    robots = Fetch("robots.txt", f"{URLS.base_url}/robots.txt", status=200, body=rules)
    report = diagnose(
        URLS, "news", robots=robots, listing=None, article=None,
        robots_rules=ProtegoRobotParser(rules, None), user_agent=AGENT,
    )  # fmt: skip
    section = next(s for s in report.sections if s.title == "robots.txt")
    return {line.label: line.value for line in section.lines} | {"verdict": report.verdict}


def test_robots_txt_is_read_as_scrapy_reads_it() -> None:
    # A wildcard rule: Scrapy's parser (Protego) honours it, as Google does; Python's
    # urllib.robotparser, which the doctor used before, read it as allowing everything.
    lines = robots_lines(b"User-agent: *\nDisallow: /about/*View.do\n")
    assert lines["list page allowed"] is True
    assert lines["article page allowed"] is False
    assert "robots.txt forbids the article page" in str(lines["verdict"])


def test_rules_for_another_agent_forbid_nothing() -> None:
    lines = robots_lines(b"User-agent: SomeOtherBot\nDisallow: /\n")
    assert lines["list page allowed"] is True
    assert lines["article page allowed"] is True


def test_no_robots_txt_forbids_nothing_and_a_silent_site_fails() -> None:
    missing = Fetch("robots.txt", f"{URLS.base_url}/robots.txt", status=404, body=b"gone")
    report = diagnose(URLS, "news", robots=missing, listing=None, article=None)
    robots = next(s for s in report.sections if s.title == "robots.txt")
    assert [(line.label, line.value) for line in robots.lines] == [
        ("status", 404), ("rules", "none (everything allowed)"),
    ]  # fmt: skip
    assert report.exit_code == ExitCode.FAILED
    assert "list page 1 did not answer (not asked)" in report.verdict
