"""The faults a reliability test can switch on, and which articles they hit.

Each fault of ``FAULTS`` hits a few fixed article ids of the news board
(``Faults.targets``): spread over the board, the same whichever faults are
on, never a pinned notice. ``Faults.answer`` says what the server does for a
request of a target instead of (or before) its page: drop the connection,
stall, answer 429 once, redirect off the site or to itself, pad the page to
an oversized answer, or send binary data. ``Once`` remembers which one-shot
answers (a 429, a flaky post's 503) were already given, until ``rearm``.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Iterable

from mocksite.model import Page
from mocksite.serving import Request

# Fault name -> problem kind a correct crawler records (None: it recovers the article).
FAULTS: dict[str, str | None] = {
    "slow": "timeout",
    "reset": "connection",
    "429": None,
    "offsite_redirect": "offsite_redirect",
    "redirect_loop": "redirect_loop",
    "oversize": "too_large",
    "content_type": "not_html",
}
OFFSITE_URL = "http://example.invalid/"
OVERSIZE_BYTES = 3 * 1024 * 1024
# Marks "the fault lets this request through" (a 429 target after its first answer).
SERVE_NORMALLY = Page(0, "", b"")


class Once:
    """Which one-shot answers were given already, by (what, article id); thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._given: set[tuple[str, int]] = set()

    def first(self, what: str, no: int) -> bool:
        """True the first time (`what`, `no`) is asked about, False after."""
        with self._lock:
            if (what, no) in self._given:
                return False
            self._given.add((what, no))
            return True

    def clear(self) -> None:
        with self._lock:
            self._given.clear()


class Faults:
    """The enabled faults, their targets among `candidates`, and their answers.

    `candidates`: quiet article ids, ascending (see ``NewsBoard.quiet_nos``);
    `board_size`: how many posts the board lists (more targets on large
    boards); `slow_seconds`: how long a "slow" target stalls; `stopping`: set
    when the server stops, which ends a stall at once.
    """

    def __init__(
        self,
        enabled: Iterable[str],
        candidates: list[int],
        *,
        board_size: int,
        slow_seconds: float,
        stopping: threading.Event,
        once: Once,
    ) -> None:
        self.enabled = frozenset(enabled)
        unknown = self.enabled - set(FAULTS)
        if unknown:
            raise ValueError(f"unknown faults {sorted(unknown)}; known: {sorted(FAULTS)}")
        self.slow_seconds = slow_seconds
        self._stopping = stopping
        self._once = once
        self._all = _choose_targets(candidates, board_size)
        self._fault_of = {
            no: name for name, nos in self._all.items() if name in self.enabled for no in nos
        }

    def targets(self) -> dict[str, list[int]]:
        """Article ids each enabled fault applies to."""
        return {name: list(nos) for name, nos in self._all.items() if name in self.enabled}

    def of(self, no: int) -> str | None:
        """The enabled fault that hits article `no`, if any."""
        return self._fault_of.get(no)

    def problems(self) -> dict[int, str]:
        """Article id -> the problem kind a correct crawler records for its fault."""
        return {no: kind for no, name in self._fault_of.items() if (kind := FAULTS[name])}

    def answer(
        self,
        fault: str,
        no: int,
        request: Request,
        *,
        base_url: str,
        cached: Callable[[str, Callable[[], Page]], Page],
        render: Callable[[], Page],
    ) -> Page | None:
        """What a request of article `no`, target of `fault`, gets.

        None: no answer (the connection was reset, or the server stopped during
        a stall); ``SERVE_NORMALLY``: the page itself. `cached(name, make)`
        keeps a faulty answer as the site's cache keeps pages; `render` makes
        the article's own page.
        """
        if fault == "reset":
            request.reset()
            return None
        if fault == "slow":
            return None if self._stopping.wait(self.slow_seconds) else SERVE_NORMALLY
        if fault == "429":
            if self._once.first("429", no):
                return Page(429, "text/html", b"Too Many Requests\n", (("Retry-After", "1"),))
            return SERVE_NORMALLY
        answers: dict[str, Callable[[], Page]] = {
            "offsite_redirect": lambda: Page(302, "text/html", b"", (("Location", OFFSITE_URL),)),
            "redirect_loop": lambda: Page(
                302, "text/html", b"", (("Location", base_url + request.target),)
            ),
            "oversize": lambda: cached("oversize", lambda: _oversize(render())),
            "content_type": lambda: cached("binary", lambda: _binary(no)),
        }
        return answers[fault]()


def _choose_targets(candidates: list[int], board_size: int) -> dict[str, list[int]]:
    """A few ids per fault, spread over the board; the same whichever faults are on."""
    per_fault = min(3, 1 + board_size // 500)
    wanted = min(len(FAULTS) * per_fault, len(candidates))
    picks = [candidates[int((j + 0.5) * len(candidates) / wanted)] for j in range(wanted)]
    targets: dict[str, list[int]] = {name: [] for name in FAULTS}
    for j, no in enumerate(picks):
        targets[list(FAULTS)[j % len(FAULTS)]].append(no)
    return targets


def _oversize(page: Page) -> Page:
    """The page padded with a comment to OVERSIZE_BYTES."""
    filler = OVERSIZE_BYTES - len(page.body)
    padding = b"<!-- " + b"x" * max(filler, 0) + b" -->\n"
    body = page.body.replace(b"</body>", padding + b"</body>", 1)
    return Page(page.status, page.content_type, body, page.headers)


def _binary(no: int) -> Page:
    noise = random.Random(no).randbytes(4096)
    return Page(200, "application/octet-stream", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise)
