"""Links in a block of text are told apart from the text by more than colour alone.

A link inside a sentence that differs from the words around it only by a colour close to
theirs is invisible to many readers with low vision or colour blindness. As in axe-core, a
link passes when its style sets it apart (an underline or other text decoration, a border
or outline, a background image, another font, weight, style or size), or when its colour
has a contrast of 3:1 with the text's (or its background with the text's background).
Links alone in their block (a menu, a list of links) are not in a text block. Colours,
fonts and decorations come from the cascade; where the backgrounds can only be known
from layout, a link that colour alone might set apart is `cantTell`, and so is one with generated
content (`::before`, `::after`: an icon or a line drawn beside it, which only drawing shows). A
link with no text of its own (an image alone) has nothing to tell apart from the text.

Fails:

    <style>a { text-decoration: none; color: #2a2a8a }</style>
    <p>Cramps are common. <a href="/cramps">Read about cramps</a> in our guide.</p>

Passes:

    <p>Cramps are common. <a href="/cramps">Read about cramps</a> in our guide.</p>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.aria import explicit_role
from ..semantics.colour import contrast_ratio
from ..semantics.document import Element
from ..semantics.labels import visible_text
from ..semantics.painting import Painting
from ..semantics.textblocks import is_distinct, text_block_of

IMPACT = "serious"
WCAG = ("1.4.1",)

REQUIRED_CONTRAST = 3.0


def check(page: Page) -> Iterator[Result]:
    """Fail for each link in a block of text set apart from the text by a colour of less than 3:1 contrast alone."""
    for link in page.elements_by_tag("a") + [e for e in page.elements if e.tag != "a" and "link" in (e.get("role") or "")]:
        role = explicit_role(link)
        if not (link.tag == "a" and link.get("href") is not None or role == "link") or role not in (None, "link"):
            continue
        if not page.is_visible(link) or not visible_text(page, link):  # no text (an image alone), no <style>
            continue
        block = text_block_of(page, link)
        if block is None or page.is_svg(link):
            continue
        painting = page.painting
        if is_distinct(page, painting, link, block):
            yield page.passed(link)
            continue
        yield _by_colour(page, painting, link, block)


def _by_colour(page: Page, painting: Painting, link: Element, block: Element) -> Result:
    """axe-core's colour check: 3:1 between the texts, or between their backgrounds."""
    ours, theirs = painting.colour(link), painting.colour(block)
    link_layers = painting.layers(link, ours) if ours is not None else "its colour is not converted"
    block_layers = painting.layers(block, theirs) if theirs is not None else "its colour is not converted"
    if isinstance(link_layers, str) or isinstance(block_layers, str):
        why = link_layers if isinstance(link_layers, str) else block_layers
        return page.cant_tell(link, f"this link is set apart from the text around it by colour alone, and {why}")
    text = _floor(contrast_ratio(link_layers[0], block_layers[0]))
    background = _floor(contrast_ratio(link_layers[1], block_layers[1]))
    if text >= REQUIRED_CONTRAST or background >= REQUIRED_CONTRAST or (text == 1 and background == 1):
        return page.passed(link)
    if page.styles.has_generated_content(link):
        return page.cant_tell(link, f"this link differs from the text around it by colour at {text:.2f}:1 (3:1 "
                                    "needed), unless what its ::before or ::after draws sets it apart: check it")
    return page.failed(link, f"this link differs from the text around it only by colour, at {text:.2f}:1 (3:1 "
                             "needed): underline it, or make its colour contrast 3:1 with the text")


def _floor(ratio: float) -> float:
    return int(ratio * 100) / 100
