"""Writes a post's words from its variant: title, subtitle, body blocks, attachments.

Each post draws its words from the pools in ``words.py`` with a random
generator seeded by the board's seed and the post's id, so a post reads the
same however the board around it was built.
"""

from __future__ import annotations

import random
from typing import Any

from mocksite.editor import image_markup, text_block
from mocksite.model import Attachment, Block, Post, Variant
from mocksite.text import opening_quote_at
from mocksite.words import (
    BODY_LINK_PARTS,
    BODY_TEMPLATES,
    FILE_NAMES,
    FOOTNOTE,
    FOOTNOTE_MARK_TEMPLATE,
    KOREAN_FILE_NAMES,
    KOREAN_PARAGRAPHS,
    LEAD_TEMPLATE,
    NOSPACE_TEMPLATE,
    SUBTITLE_TEMPLATES,
    TITLE_TEMPLATES,
    draw_slots,
)


def fill_post(post: Post, seed: int) -> None:
    """Write the post's title, subtitle, body and attachments from its variant."""
    rng = random.Random(seed * 7919 + post.no * 31 + 1)
    v = post.variant
    slots = draw_slots(rng, post.posted)
    post.session = f"{rng.getrandbits(128):032X}"
    post.render_seed = seed * 1_000_003 + post.no
    post.title = _title(rng, v, slots)
    post.subtitle = (
        rng.choice(SUBTITLE_TEMPLATES).format(**slots) if v.subtitle_form is not None else None
    )
    post.blocks = _blocks(rng, post, slots)
    files: list[Attachment] = []
    for k, form in enumerate(v.attachments):
        korean = k == 1 or rng.random() < 0.1
        name = rng.choice(KOREAN_FILE_NAMES if korean else FILE_NAMES).format(**slots)
        files.append(Attachment(f"FILE_{10000 + post.no * 2 + k:015d}", name, form))
    post.attachments = files


def _title(rng: random.Random, v: Variant, slots: dict[str, Any]) -> str:
    if v.title_quirk == "trailing":
        title = rng.choice(TITLE_TEMPLATES["plain"]).format(**slots)
        return title + rng.choice(("  ", " ", "   ", " \u00a0"))
    templates = TITLE_TEMPLATES[v.title_quirk]
    if v.repeat == "noquote":
        # The repeat drops an opening quote, so the title must have one.
        templates = tuple(t for t in templates if opening_quote_at(t) >= 0) or templates
    return rng.choice(templates).format(**slots)


def _blocks(rng: random.Random, post: Post, slots: dict[str, Any]) -> list[Block]:
    v = post.variant
    debris = v.debris
    texts = [LEAD_TEMPLATE.format(**slots)]
    texts += [t.format(**slots) for t in rng.sample(BODY_TEMPLATES, rng.randint(2, 5))]
    if "nospace" in debris:
        texts.insert(rng.randint(1, len(texts)), NOSPACE_TEMPLATE.format(**slots))
    if "footnote" in debris:
        texts.insert(rng.randint(1, len(texts)), FOOTNOTE_MARK_TEMPLATE.format(**slots))
    blocks = [text_block(t, debris) for t in texts]
    if v.body_link:
        before, label, after = rng.choice(BODY_LINK_PARTS)
        href = f"https://example.com/kita/{'events' if 'event' in label else 'reports'}/{post.no}"
        blocks.append(text_block("", debris, (before, label, after, href)))
    if "korean" in debris:
        blocks.append(text_block(rng.choice(KOREAN_PARAGRAPHS).format(**slots), debris))
    if "footnote" in debris:
        blocks.append(text_block(FOOTNOTE, debris))
    if "table" in debris and len(blocks) >= 3:
        # An editor layout table around the second and third paragraphs.
        pair = blocks[1:3]
        table = Block(
            "table",
            "",
            tuple(t for b in pair for t in b.texts),
            tuple(link for b in pair for link in b.links),
            tuple(b.html for b in pair),
        )
        blocks[1:3] = [table]
    if v.image is not None:
        tag, link = image_markup(post, 1)
        if v.image[2] == "own":
            blocks.insert(1, Block("image", tag, (), (link,)))
        else:
            # Inline at the start of the lead paragraph: the image comes first in the document.
            lead = blocks[0]
            blocks[0] = Block("text", tag + lead.html, lead.texts, (link, *lead.links))
    return blocks
