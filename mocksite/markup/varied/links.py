"""Where a made-up markup's links lead: articles, list pages, files, and the handlers for them.

A ``Place`` is the board as the site serves it: its list and detail paths
and id parameter (a ``ServedPaths``: the older template's ``/about/...`` or
the current one's), and how its files are fetched (``files``: the older
``FileDown.do?atchFileId=...&fileSn=0`` or the current
``fileDownload.do?fileSeq=...&fileDtlSeq=...``), so that a markup at either
place leads to the URLs the ground truth states. ``Links`` writes a page's
links to articles and list pages (hrefs with list state in the markup's
order and its session ids, or handler calls) and carries the handlers whose
definitions the page must hold.
"""

from __future__ import annotations

from dataclasses import dataclass

from mocksite.markup.varied.catalogue import Markup
from mocksite.markup.varied.chrome import session_path
from mocksite.markup.varied.scripts import (
    Download,
    Handler,
    download_handler,
    paging_handler,
    view_handler,
)
from mocksite.model import Attachment
from mocksite.text import attr, script_attr
from mocksite.urls import FILE_PATH, ServedPaths

FILE_FORMS = ("older", "current")
# The list state an article href carries beside the id, in the ``href_params`` orders.
HREF_QUERIES = {
    "id_first": "{key}={no}&pageIndex={page}&searchWrd=",
    "id_middle": "id=&{key}={no}&searchWrd=&pageIndex={page}",
    "id_last": "searchCnd=0&searchWrd=&pageIndex={page}&{key}={no}",
    "id_only": "{key}={no}",
}


@dataclass(frozen=True, slots=True)
class Place:
    """The board's paths and id parameter, and how its files are fetched."""

    paths: ServedPaths
    files: str = "older"  # one of FILE_FORMS

    def file_query(self, file: Attachment) -> tuple[str, tuple[tuple[str, str], ...]]:
        """The path and the (name, value) parameters of `file`'s download, in the truth's order."""
        if self.files == "current":
            return self.paths.file_path, (("fileSeq", file.seq), ("fileDtlSeq", file.dtl_seq))
        return FILE_PATH, (("atchFileId", file.file_id), ("fileSn", "0"))


class Links:
    """The links of one page of `markup` at `place`, session `session` where hrefs carry one."""

    def __init__(self, markup: Markup, place: Place, session: str) -> None:
        self.markup = markup
        self.place = place
        self.session = session
        paths = place.paths
        self.handler: Handler = view_handler(
            markup["handler"], markup["handler_body"], markup.seed, paths.id_param
        )
        paging = markup["paging"]
        self.paging: Handler | None = (
            None if paging == "pageIndex_href" else paging_handler(paging, markup["handler_body"])
        )
        self.download: Download = download_handler(markup.seed, 2)

    # -- articles ---------------------------------------------------------------------

    def article_href(self, no: int, page: int = 1) -> str:
        """An href to article `no` (HTML-escaped), list state as the markup orders it."""
        paths = self.place.paths
        form = self.markup["href_params"] or "id_middle"
        query = HREF_QUERIES[form].format(key=paths.id_param, no=no, page=page)
        path = session_path(paths.detail_path, self.markup, self.session)
        return attr(f"{path}?{query}")

    def article_attrs(self, no: int, *, how: str) -> str:
        """The attributes of an ``<a>`` to article `no`: `how` "href", "onclick" or "javascript"."""
        if how == "href":
            return f'href="{self.article_href(no)}"'
        call = script_attr(self.handler.call(no))
        if how == "javascript":
            return f'href="javascript:{call};"'
        dead = "#none" if self.markup.seed % 2 else "javascript:void(0);"
        return f'href="{dead}" onclick="{call}; return false;"'

    # -- list pages -------------------------------------------------------------------

    def list_href(self, page: int = 1) -> str:
        """An href to list page `page` (HTML-escaped)."""
        path = session_path(self.place.paths.list_path, self.markup, self.session)
        return attr(f"{path}?searchWrd=&pageIndex={page}")

    def page_attrs(self, page: int) -> str:
        """The attributes of a paging link to list page `page`."""
        if self.paging is None:
            return f'href="{self.list_href(page)}"'
        return f'href="#none" onclick="{script_attr(self.paging.call(page))}; return false;"'

    # -- files ------------------------------------------------------------------------

    def file_attrs(self, file: Attachment, *, handler: bool) -> str:
        """The attributes of a link to `file`: its download path, or the download handler."""
        path, query = self.place.file_query(file)
        if handler:
            call = self.download.call(tuple(value for _, value in query))
            return f'href="#none" onclick="{script_attr(call)}; return false;"'
        if self.place.files == "older":
            href = file.href(self.session)
        else:
            joined = "&".join(f"{name}={value}" for name, value in query)
            href = f"{session_path(path, self.markup, self.session)}?{joined}"
        return f'href="{attr(href)}"'

    def download_definition(self) -> str:
        path, query = self.place.file_query(Attachment("FILE_0", "", "plain"))
        return self.download.definition(path, tuple(name for name, _ in query))

    # -- what a posting handler fills in --------------------------------------------

    def form(self, *, view: bool, paging: bool) -> str:
        """The form the posting bodies fill in (its hidden inputs), when a handler posts."""
        body = self.markup["handler_body"]
        if body not in ("form_post", "jquery_post"):
            return ""
        inputs = ""
        seen: set[str] = set()
        for handler in (self.handler if view else None, self.paging if paging else None):
            if handler is None:
                continue
            for url, _ in handler.args:
                if url not in seen:
                    seen.add(url)
                    inputs += f'<input type="hidden" id="{url}" name="{url}" value="">'
        if not inputs:
            return ""
        name = self.markup.names["form"]
        return f'<form name="{name}" id="{name}" method="post">{inputs}</form>\n'

    def definitions(self, *, view: bool, paging: bool) -> list[str]:
        """The handlers' definitions a page must hold, for the calls it makes."""
        paths = self.place.paths
        form = self.markup.names["form"]
        out = []
        if view:
            urls = {url for url, _ in self.handler.args}
            # Some definitions end their URL in list state of their own.
            tail = "&searchWrd=&pageIndex=1" if self.markup.seed % 3 == 1 else ""
            tail = "" if "pageIndex" in urls else tail
            out.append(self.handler.definition(paths.detail_path, form, tail=tail))
        if paging and self.paging is not None:
            out.append(self.paging.definition(paths.list_path, form))
        return out
