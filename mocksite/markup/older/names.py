"""The class names of the older template, and the drifted copy that renames them all.

A crawler finds the title, date line, body, attachments and neighbours by
these names; ``DRIFT_NAMES`` is the same template after a redesign that kept
the structure and changed every name (the layout-drift tests serve it).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Names:
    """Class names of the markup; drift renames them all."""

    board_view: str
    view_top: str
    view_tit: str
    view_info: str
    date: str
    hit: str
    view_cont: str
    view_file: str
    view_move: str
    board_list: str


NAMES = Names(
    "board_view", "view_top", "view_tit", "view_info", "date", "hit", "view_cont", "view_file",
    "view_move", "board_list",
)  # fmt: skip
DRIFT_NAMES = Names(
    "article_view", "article_head", "subject_title", "meta", "reg_date", "view_cnt",
    "article_body", "attach", "post_nav", "tbl_list",
)  # fmt: skip
