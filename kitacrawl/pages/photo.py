"""The Photo Gallery item: a page whose content is its images.

The same page code as an article (:class:`~kitacrawl.pages.article.ArticlePage`
for the older layout, :class:`~kitacrawl.pages.current_article.CurrentArticlePage`
for the current template), with two differences the gallery needs:

- every image of the gallery block and of the body is a link ``rel='image'``,
  its text the caption that names it or else its file name (Korean file names
  kept exactly as the site shows them); lines of the body that only name an
  image are the images' texts, not the caption;
- the caption text is the ``body``, and a photo item with no text is still an
  article: its images are its content. No title, or neither text nor image,
  stays ``unparsable``.
"""

from __future__ import annotations

import posixpath
from typing import Any
from urllib.parse import unquote, urlsplit

from parsel import Selector

from kitacrawl import site
from kitacrawl.clean import normalise_space
from kitacrawl.items import Link
from kitacrawl.pages.article import ArticlePage
from kitacrawl.pages.article_base import ArticleFields
from kitacrawl.pages.current_article import CurrentArticlePage
from kitacrawl.pages.inferred_article import InferredArticlePage
from kitacrawl.pages.text import attribute, css_all, excluded_roots, node_text, xpath_all


class PhotoImages(ArticleFields):
    """The image rules of a photo item, mixed into either generation's page object.

    Placed before :class:`ArticlePage` or :class:`CurrentArticlePage` in the
    bases: its ``super()`` calls reach that page class.
    """

    root: Selector

    def _photo_scopes(self) -> list[Selector]:
        # The whole item, in document order: a gallery block may have any class
        # name (SITE.md guesses some), so every image of the item counts but those
        # of its neighbours, files, buttons and navigation.
        return [self.root]

    def paragraphs(self) -> list[str]:
        return self._not_caption(super().paragraphs())

    def body_links(self) -> list[Link]:
        others = [link for link in super().body_links() if link.rel != "image"]
        return [*self.images(), *others]

    def missing_fields(self, title: str, body: str) -> list[str]:
        missing = [] if title else ["title"]
        if not body and not self.images():
            missing.append("body")
        return missing

    def images(self) -> list[Link]:
        found: list[Link] = []
        seen: set[str] = set()
        for scope in self._photo_scopes():
            excluded = excluded_roots(scope, site.PHOTO_EXCLUDE)
            for img in xpath_all(scope, ".//img[@src]"):
                if any(ancestor in excluded for ancestor in img.root.iterancestors()):
                    continue
                src = (attribute(img, "src") or "").strip()
                if not src or src.lower().startswith(("data:", "javascript:")):
                    continue
                url = self.urls.absolute(src, self.page_url)
                if url in seen:
                    continue
                seen.add(url)
                found.append(Link(rel="image", url=url, text=image_text(img, url)))
        return found

    def _not_caption(self, lines: list[str]) -> list[str]:
        names = {link.text for link in self.images() if link.text}
        return [line for line in lines if line not in names and not site.IMAGE_FILE_RE.match(line)]


def image_text(img: Selector, url: str) -> str | None:
    """What names an image: its caption, a meaningful alt or title, else its file name."""
    holder = img.root.getparent()
    # The caption lives beside the image: in its figure, its list item, its box.
    for _ in range(3):
        if holder is None:
            break
        box = Selector(root=holder, type="html")
        for caption in css_all(box, ", ".join(site.PHOTO_CAPTION)):
            if caption.root is img.root or img.root in caption.root.iterdescendants():
                continue  # a caption is beside its image, never a box around it
            text = normalise_space(node_text(caption.root))
            if text:
                return text
        if holder.tag in ("li", "figure", "dd", "td"):
            break
        holder = holder.getparent()
    for name in ("alt", "title"):
        text = normalise_space(attribute(img, name))
        if text.lower() not in site.GENERIC_ALT:
            return text
    base = posixpath.basename(unquote(urlsplit(url).path))
    return base or None


class InferredPhotoPage(PhotoImages, InferredArticlePage):
    """A Photo Gallery item in markup never seen: the images between its head and its end."""

    root: Any  # the lxml root of the whole page (PhotoImages' other bases hold a Selector)

    def images(self) -> list[Link]:
        start, end = self.body_range
        found: list[Link] = []
        seen: set[str] = set()
        for img in self.root.iter("img"):
            src = (img.get("src") or "").strip()
            if not src or src.lower().startswith(("data:", "javascript:")):
                continue
            if not start <= self.lines.span(img)[0] < end:
                continue
            url = self.urls.absolute(src, self.page_url)
            if url not in seen:
                seen.add(url)
                found.append(Link(rel="image", url=url, text=image_text(Selector(root=img), url)))
        return found


class PhotoPage(PhotoImages, ArticlePage):
    """A Photo Gallery item in the older layout."""


class CurrentPhotoPage(PhotoImages, CurrentArticlePage):
    """A Photo Gallery item on the current template."""


__all__ = ["CurrentPhotoPage", "InferredPhotoPage", "PhotoPage", "image_text"]
