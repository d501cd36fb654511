"""A failed Scrapy request as a problem kind and in words (``kitacrawl.failures``)."""

from __future__ import annotations

import pytest
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectionRefusedError, DNSLookupError, TCPTimedOutError
from twisted.python.failure import Failure

from kitacrawl import problems
from kitacrawl.failures import classify_failure, describe
from kitacrawl.middlewares import OffsiteRequest


def http_error(status: int) -> HttpError:
    url = "http://www.kita.org/about/newsView.do?no=1"
    response = Response(url, status=status, request=Request(url))
    return HttpError(response, "Ignoring non-200 response")


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (http_error(404), "http_404"),
        (http_error(503), "http_503"),
        (OffsiteRequest("not a KITA URL: http://example.invalid/"), problems.OFFSITE_REDIRECT),
        (IgnoreRequest("max redirections reached"), problems.REDIRECT_LOOP),
        (IgnoreRequest("Forbidden by robots.txt"), problems.ROBOTS_FORBIDDEN),
        (IgnoreRequest("something else"), problems.IGNORED),
        (TCPTimedOutError(), problems.TIMEOUT),
        (DNSLookupError(), problems.DNS),
        (ConnectionRefusedError(), problems.CONNECTION),
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, Exception) else value,
)
def test_each_failure_has_its_kind(error: Exception, kind: str) -> None:
    found, detail = classify_failure(Failure(error))
    assert found == kind
    assert detail.startswith(type(error).__name__)


def test_the_final_kinds_are_final_and_the_passing_ones_not() -> None:
    assert problems.is_final(problems.http(404))
    assert problems.is_final(problems.OFFSITE_REDIRECT)
    assert not problems.is_final(problems.http(500))
    assert not problems.is_final(problems.TIMEOUT)


URL = "http://127.0.0.1:8000/about/newsList.do;jsessionid=ABC?pageIndex=1"


@pytest.mark.parametrize(
    ("error", "cause"),
    [
        (ConnectionRefusedError(), "connection refused (127.0.0.1:8000)"),
        (DNSLookupError(), "DNS failure (127.0.0.1)"),
        (TCPTimedOutError(), "timeout (127.0.0.1:8000)"),
        (
            http_error(404),
            "HTTP 404 at http://www.kita.org/about/newsView.do?no=1",
        ),
        (
            IgnoreRequest("Forbidden by robots.txt"),
            "robots.txt forbids http://127.0.0.1:8000/about/newsList.do?pageIndex=1",
        ),
        (
            IgnoreRequest("Ignored request not in cache: <GET http://127.0.0.1:8000/...>"),
            "not in the archive: http://127.0.0.1:8000/about/newsList.do?pageIndex=1",
        ),
        (
            IgnoreRequest("max redirections reached"),
            "too many redirects from http://127.0.0.1:8000/about/newsList.do?pageIndex=1",
        ),
        (OSError("network is down"), "connection failed (127.0.0.1:8000): network is down"),
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, Exception) else "",
)
def test_each_failure_names_its_cause_and_where(error: Exception, cause: str) -> None:
    # The session id is no part of where: the URL is said as the archive keeps it.
    assert describe(Failure(error), URL) == cause


def test_scrapy_2_19_refused_connections_are_named_too() -> None:
    # Scrapy 2.19 wraps Twisted's error in its own class; older versions have none.
    refused = type("DownloadConnectionRefusedError", (Exception,), {})
    assert describe(Failure(refused("111")), "https://www.kita.org/") == (
        "connection refused (www.kita.org:443)"
    )
