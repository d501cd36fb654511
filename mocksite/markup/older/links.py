"""How the older template links to an article: the forms of a link to its view page.

List rows and the neighbour links of an article page use the same forms: a
plain href, an href with the session id in its path, a ``javascript:`` URL,
or an ``onclick`` handler on a dead href.
"""

from __future__ import annotations

from mocksite.markup.older.section import NEWS, Section


def link_attrs(
    form: str, no: int, session: str, page_index: int = 1, section: Section = NEWS
) -> str:
    """The attributes of an ``<a>`` to article `no` of `section`, written in link form `form`."""
    if form == "session":
        return f'href="{section.view_href(no, page_index, session)}"'
    if form == "javascript":
        return f"href=\"javascript:fn_view('{no}')\""
    if form == "onclick":
        return f'href="#none" onclick="fn_view(\'{no}\'); return false;"'
    return f'href="{section.view_href(no, page_index)}"'
