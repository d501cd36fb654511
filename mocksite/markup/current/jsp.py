"""How the framework's JSP engine lays out its output, from template source in the project's style.

The site's pages are indented with tabs and full of whitespace-only lines
(every JSP tag that writes nothing leaves one). The templates here are
written with four-space indents instead, and mark those lines with a lone
``.``; ``jsp`` turns the one into the other. It is applied to template
source only, before any of the site's text is put in.
"""

from __future__ import annotations

INDENT = "    "
BLANK_MARK = "."


def jsp(source: str) -> str:
    """`source` as the JSP engine writes it: four-space indents as tabs, ``.`` lines as blanks.

    A line holding only ``.`` (after its indent) becomes a line of as many
    tabs as its indent has levels.
    """
    out = []
    for line in source.split("\n"):
        text = line.lstrip(" ")
        levels, rest = divmod(len(line) - len(text), len(INDENT))
        if text == BLANK_MARK:
            out.append("\t" * levels)
        else:
            out.append("\t" * levels + " " * rest + text)
    return "\n".join(out)
