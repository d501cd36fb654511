"""The fence around the crawler, and the Retry-After parser."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from scrapy import Request

from kitacrawl.config import is_loopback
from kitacrawl.middlewares import KitaOnlyMiddleware, OffsiteRequest, retry_after_seconds


@pytest.fixture
def fence() -> KitaOnlyMiddleware:
    return KitaOnlyMiddleware("http://127.0.0.1:8931")


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8931/about/newsView.do?no=1",
        "http://www.kita.org/about/newsView.do?no=1",
        "https://kita.org/robots.txt",
        "http://global.kita.net/about/newsList.do?pageIndex=2",
    ],
)
def test_kita_and_the_base_are_allowed(fence: KitaOnlyMiddleware, url: str) -> None:
    assert fence.process_request(Request(url)) is None


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/",
        "http://127.0.0.1:8932/about/newsView.do?no=1",  # same host, another port
        "http://10.0.0.1/admin",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://www.kita.org.evil.example/",
        "http://evilkita.org/",
        "ftp://www.kita.org/file",
    ],
)
def test_anything_else_is_refused(fence: KitaOnlyMiddleware, url: str) -> None:
    with pytest.raises(OffsiteRequest):
        fence.process_request(Request(url))


@pytest.mark.parametrize("url", ["file:///etc/passwd", "data:text/html,hi"])
def test_non_http_schemes_are_refused(fence: KitaOnlyMiddleware, url: str) -> None:
    assert not fence.allowed(url)


def test_javascript_links_never_become_requests() -> None:
    with pytest.raises(ValueError, match="scheme"):
        Request("javascript:fn_view('2705')")


@pytest.mark.parametrize(
    ("header", "seconds"),
    [(b"3", 3.0), ("120", 120.0), (None, None), (b"soon", None), (b"", None)],
)
def test_retry_after_values(header: bytes | str | None, seconds: float | None) -> None:
    assert retry_after_seconds(header) == seconds


def test_retry_after_as_a_date() -> None:
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    value = retry_after_seconds(when)
    assert value is not None
    assert 25 <= value <= 31


@pytest.mark.parametrize(
    ("host", "local"),
    [
        ("127.0.0.1", True),
        ("127.0.0.2", True),
        ("::1", True),
        ("localhost", True),
        ("www.kita.org", False),
        ("10.0.0.1", False),
        ("", False),
    ],
)
def test_only_loopback_hosts_get_local_speed(host: str, local: bool) -> None:
    assert is_loopback(host) is local
