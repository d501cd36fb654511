"""The class names and ids of the current template, and the drifted copy that renames them.

A crawler finds the rows, the total, the paging, the title, the badges, the
body, the files and the neighbour slots by these names; ``DRIFT_NAMES`` is
the same template after a redesign that kept the structure and changed every
name (and stopped wrapping the body in the editor's own document).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Names:
    """Class names and ids of the markup; drift renames them all."""

    list_form: str  # id of the list's POST form
    summary: str  # the "Total N" line
    board_list: str  # the list of rows
    subject: str  # the title cell of a row
    pagination: str
    title_id: str  # id of the title paragraph of an article page
    badge_write: str  # date badge
    badge_view: str  # view counter badge
    board_detail: str
    detail_body: str
    detail_footer: str
    attach_list: str
    board_btns: str
    dext: bool  # the body is wrapped in the DEXT editor's own document


NAMES = Names(
    "listForm", "bbs-summary", "board-list", "subject", "pagination", "subTopTitle",
    "badge write", "badge view", "board-detail", "detail-body", "detail-footer",
    "attachfile-list", "board-btns", True,
)  # fmt: skip
DRIFT_NAMES = Names(
    "searchForm", "total-count", "bbs-rows", "tit", "paging-wrap", "pageTitle",
    "info-date", "info-hit", "view-wrap", "view-cont", "view-foot",
    "file-rows", "view-nav", False,
)  # fmt: skip
