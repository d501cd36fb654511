"""The posts of KITA Insights and the Photo Gallery, as the site's database holds them.

Both are ``Post``s (``model.py``): a title field shown verbatim, a date, a hit
counter, body blocks, a ``Variant`` of the older template's markup. What each
board adds:

- ``InsightsItem``: the title field carries its section as a prefix
  (``[KITA News] ...``); the item keeps the section and the rest apart, so
  the truth never has to parse the title it wrote. Items posted before the
  board moved to the current framework (late 2022) are of the ``older`` era.
- ``PhotoItem``: its ``Photo``s, each with the file name the page shows for
  it, and the form in which the page shows them (``PHOTO_FORMS``).
"""

from __future__ import annotations

from dataclasses import dataclass

from mocksite.model import BodyLink, Post

# How an Insights title field writes its section: "[KITA News] Title", "[KITA News]Title".
PREFIX_FORMS = ("space", "tight")
ERAS = ("older", "newer")


@dataclass(slots=True, eq=False)
class InsightsItem(Post):
    """A KITA Insights newsletter item; ``title`` is the title field, prefix included."""

    category: str | None = None  # the section in the prefix; None: the title has none
    headline: str = ""  # the title field without its prefix
    prefix_form: str = "space"  # one of PREFIX_FORMS
    # The older path's body starts with the title field again (the news board's habit).
    repeat: bool = False
    era: str = "older"  # one of ERAS: posted before or after the move to the newer path

    def set_title(self, category: str | None, headline: str, prefix_form: str) -> None:
        """Write the title field from its section and headline."""
        self.category, self.headline, self.prefix_form = category, headline, prefix_form
        gap = " " if prefix_form == "space" else ""
        self.title = headline if category is None else f"[{category}]{gap}{headline}"


@dataclass(frozen=True, slots=True)
class Photo:
    """One image of a photo item: its src as written, and the file name the page shows."""

    src: str  # unescaped; percent-encoded where it is the file name itself
    name: str  # the uploaded file's name, Korean ones included

    def link(self) -> BodyLink:
        """The image as a body link: its URL, named by its file name."""
        return BodyLink("image", self.src, self.name)


# How a photo page shows its images and their file names (SITE.md: "each image
# with its file name as alt text or caption, the images inside the body
# container or a gallery block before it"):
PHOTO_FORMS = (
    "alt",  # in the body, the name only as alt text
    "caption",  # in the body, a caption paragraph under each image (and the alt)
    "figure",  # in the body, <figure> with a <figcaption>, empty alt
    "line",  # in the body, the name as a line of text after the image, no alt
    "gallery",  # a gallery list before the body, a caption span per image (and the alt)
    "gallery_dl",  # a gallery of <dl>s before the body: image in <dt>, name in <dd>
)
# The forms whose images are in a block before the body container.
GALLERY_FORMS = frozenset({"gallery", "gallery_dl"})
# The forms whose src is the file name itself (percent-encoded): no other name on the image.
NAMED_SRC_FORMS = frozenset({"line", "gallery_dl"})


@dataclass(slots=True, eq=False)
class PhotoItem(Post):
    """A Photo Gallery item; ``title`` is the title field as the site cut it."""

    photos: tuple[Photo, ...] = ()
    photo_form: str = "alt"  # one of PHOTO_FORMS
    full_title: str = ""  # the title before the site cut it ("" when it was not cut)
