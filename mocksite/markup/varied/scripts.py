"""The JavaScript handlers of a markup: the calls its links make and their inline definitions.

The site contract: handlers "are defined on the page itself ... the
definition says which argument is the id". A ``Handler`` is one such
function: its name, its parameters, which of them is the article id (or the
page number), what the other arguments are and which URL parameter each
becomes. ``call`` writes a call of it for an article, ``definition`` its
``function ...(...) { ... }`` in one of four bodies (``handler_body``):
``location.href = '...' + a``, ``window.location.href = "..." + a``, a
form's hidden inputs set and the form posted, or the same through jQuery.
Whatever the body, the URL it leads to names the id parameter, so that a
reader of the definition learns which argument is the id.

The download handler (``download_handler``) builds the file URL the ground
truth states, its arguments in any order; the list button's handler
(``list_handler``) leads to the list path.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

# The article id stands in a call as this, until ``call`` puts the number in.
ID = "{id}"
# What a handler's other arguments may be: (URL parameter, argument as written, JS names).
EXTRAS = (
    ("siteId", "'2'", ("siteId", "site", "sid")),
    ("pageIndex", "1", ("page", "pageIndex", "pg")),
    ("menuNo", "'300012'", ("menuNo", "menu", "mno")),
    ("boardId", "'news'", ("boardId", "bbsId", "board")),
    ("searchCnd", "'0'", ("cnd", "searchCnd", "opt")),
)
ID_NAMES = ("no", "idx", "seq", "articleNo", "nttId", "id", "key", "num")
VERBS = ("go", "fn_", "open", "view", "move", "show", "fnGo", "do")
NOUNS = ("Detail", "View", "Article", "Post", "Read", "Content", "News", "Item")
DOWNLOAD_NAMES = ("fn_download", "fnFileDown", "downFile", "doDownload", "fileDown", "goDownload")
LIST_NAMES = ("fn_list", "goList", "fnList", "moveList", "listGo", "doList")


@dataclass(frozen=True, slots=True)
class Handler:
    """A function a link calls: `name`(`params`), the id (or page) the `key_at`-th argument."""

    name: str
    params: tuple[str, ...]  # the JS parameter names
    key_at: int  # which parameter is the article id (or the page number)
    # (URL parameter, argument as written) of each parameter, the key's argument as ``ID``.
    args: tuple[tuple[str, str], ...]
    quoted: bool  # the key is written as a string literal: fn_view('2530'), not fnDetail(2530)
    body: str  # one of the ``handler_body`` options
    url_order: tuple[int, ...]  # the parameters in the order the URL names them

    def call(self, key: int | str) -> str:
        """A call of the handler for article (or page) `key`, as an attribute writes it."""
        value = f"'{key}'" if self.quoted else str(key)
        return f"{self.name}({', '.join(value if a == ID else a for _, a in self.args)})"

    def definition(self, path: str, form: str, *, tail: str = "") -> str:
        """The function's inline definition: it leads to `path` with the URL parameters;
        `form`: the name (and id) of the form a posting body fills in; `tail`: a fixed
        query the URL ends in (list state)."""
        params = ", ".join(self.params)
        names = [(self.args[i][0], self.params[i]) for i in self.url_order]
        if self.body in ("form_post", "jquery_post"):
            if self.body == "form_post":
                lines = [f"var f = document.forms['{form}'];"]
                lines += [f"f.{url}.value = {js};" for url, js in names]
                lines += [f"f.action = '{path}';", "f.submit();"]
            else:
                lines = [f"$('#{url}').val({js});" for url, js in names]
                lines.append(f"$('#{form}').attr('action', '{path}').submit();")
            inner = "\n\t".join(lines)
            return f"function {self.name}({params}) {{\n\t{inner}\n}}"
        quote = '"' if self.body == "window_location" else "'"
        expr = f"{quote}{path}?"
        for k, (url, js) in enumerate(names):
            sep = "&" if k else ""
            expr += f"{sep}{url}={quote} + {js} + {quote}"
        expr += f"{tail}{quote}"
        expr = expr.removesuffix(f" + {quote}{quote}")
        target = "window.location.href" if self.body == "window_location" else "location.href"
        return f"function {self.name}({params}) {{\n\t{target} = {expr};\n}}"


def view_handler(kind: str, body: str, seed: int, id_param: str) -> Handler:
    """The handler that opens an article, of ``handler`` option `kind` and body `body`."""
    rng = random.Random(f"handler/{seed}")
    if kind == "fn_view":
        return _simple("fn_view", ("no",), body, id_param)
    if kind == "goDetailPage":
        return _simple("goDetailPage", ("no",), body, id_param)
    if kind == "fnDetail_int":
        return Handler("fnDetail", ("idx",), 0, ((id_param, ID),), False, body, (0,))
    if kind == "goDetailPage_site":
        args = ((id_param, ID), ("siteId", "'2'"))
        return Handler("goDetailPage", ("no", "siteId"), 0, args, True, body, (0, 1))
    if kind == "goView_site_first":
        # The trap: the site code first, the id second, as ``function goView(siteId, no)``.
        args = (("siteId", "'2'"), (id_param, ID))
        return Handler("goView", ("siteId", "no"), 1, args, True, body, (0, 1))
    if kind != "named":
        raise ValueError(f"unknown handler {kind!r}")
    name = rng.choice(VERBS) + rng.choice(NOUNS)
    extras = rng.sample(EXTRAS, rng.randint(1, 2))
    key_at = rng.randrange(len(extras) + 1)
    id_name = rng.choice(ID_NAMES)
    params = [rng.choice(js) for _, _, js in extras]
    written = [(url, value) for url, value, _ in extras]
    params.insert(key_at, id_name)
    written.insert(key_at, (id_param, ID))
    order = list(range(len(written)))
    rng.shuffle(order)
    quoted = rng.random() < 0.8
    return Handler(name, tuple(params), key_at, tuple(written), quoted, body, tuple(order))


def _simple(name: str, params: tuple[str, ...], body: str, id_param: str) -> Handler:
    return Handler(name, params, 0, ((id_param, ID),), True, body, (0,))


def paging_handler(name: str, body: str) -> Handler:
    """``fn_egov_link_page(n)``, ``goPage(n)`` or ``linkPage(n)``: the page number its argument."""
    return Handler(name, ("pageNo",), 0, (("pageIndex", ID),), False, body, (0,))


@dataclass(frozen=True, slots=True)
class Download:
    """A download handler: `name`(`params`) leads to the file path with `query` in its order."""

    name: str
    order: tuple[int, ...]  # which of the file's query values each argument is

    def call(self, values: tuple[str, ...]) -> str:
        return f"{self.name}({', '.join(repr(values[i]) for i in self.order)})"

    def definition(self, path: str, query: tuple[str, ...]) -> str:
        """`path` and the file's parameters `query` (their names), in the truth's order."""
        params = [f"a{i}" for i in range(len(self.order))]
        expr = f"'{path}?"
        for k, name in enumerate(query):
            arg = params[self.order.index(k)]
            expr += f"{'&' if k else ''}{name}=' + {arg} + '"
        expr = expr.removesuffix(" + '")
        return f"function {self.name}({', '.join(params)}) {{\n\tlocation.href = {expr};\n}}"


def download_handler(seed: int, arity: int) -> Download:
    rng = random.Random(f"download/{seed}")
    order = list(range(arity))
    rng.shuffle(order)
    return Download(rng.choice(DOWNLOAD_NAMES), tuple(order))


def list_handler(seed: int, path: str) -> tuple[str, str]:
    """The list button's handler: its call, and its definition leading to `path`."""
    name = random.Random(f"list/{seed}").choice(LIST_NAMES)
    return f"{name}();", f"function {name}() {{\n\tlocation.href = '{path}';\n}}"
