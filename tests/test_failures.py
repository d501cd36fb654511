"""A failed Scrapy request as a problem kind (``kitacrawl.failures``), one failure each."""

from __future__ import annotations

import pytest
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectionRefusedError, DNSLookupError, TCPTimedOutError
from twisted.python.failure import Failure

from kitacrawl import problems
from kitacrawl.failures import classify_failure
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
