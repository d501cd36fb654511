"""How the older template links to an article: the forms of a link to ``newsView.do``.

List rows and the neighbour links of an article page use the same forms: a
plain href, an href with the session id in its path, a ``javascript:`` URL,
or an ``onclick`` handler on a dead href.
"""

from __future__ import annotations

from kitacrawl.mocksite.urls import VIEW_PATH


def _view_href(no: int, page_index: int = 1, session: str | None = None) -> str:
    path = VIEW_PATH if session is None else f"{VIEW_PATH};JSESSIONID_ORG={session}.Hyper"
    return f"{path}?id=&amp;no={no}&amp;searchWrd=&amp;pageIndex={page_index}"


def link_attrs(form: str, no: int, session: str, page_index: int = 1) -> str:
    """The attributes of an ``<a>`` to article `no`, written in link form `form`."""
    if form == "session":
        return f'href="{_view_href(no, page_index, session)}"'
    if form == "javascript":
        return f"href=\"javascript:fn_view('{no}')\""
    if form == "onclick":
        return f'href="#none" onclick="fn_view(\'{no}\'); return false;"'
    return f'href="{_view_href(no, page_index)}"'
