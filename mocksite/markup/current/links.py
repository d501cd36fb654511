"""How the current template links to an article: ``goDetailPage`` calls on dead links.

List rows and the neighbour slots of an article page never carry a real
href; the article id (and the site id) are the arguments of a JavaScript
call, written in one of a few forms.
"""

from __future__ import annotations

from mocksite.urls import SITE_ID

CALL_FORMS = ("call", "call_semicolon", "javascript", "id_only", "return_false")


def detail_link(no: int, form: str) -> str:
    """The attributes of an ``<a>`` that opens article `no`, written in call form `form`."""
    full = f"goDetailPage('{no}', '{SITE_ID}')"
    if form == "javascript":
        return f'href="javascript:{full};"'
    onclick = {
        "call": full,
        "call_semicolon": f"{full};",
        "id_only": f"goDetailPage('{no}');",
        "return_false": f"{full}; return false;",
    }[form]
    return f'href="javascript:void(0);" onclick="{onclick}"'
