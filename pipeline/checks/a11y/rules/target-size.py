"""Controls are at least 24 by 24 CSS pixels, or have room around them (off unless asked for, as in axe-core).

A small button or link outside a sentence is hard to hit for people with tremors or large
fingers. WCAG 2.5.8 asks for 24 by 24 CSS px, or a 24 px circle around the target's centre that
touches no other target; links inside a sentence are exempt. Sizes and spacing need layout: a
control passes when its CSS gives it at least 24 px each way (`width`/`min-width` and `height`/
`min-height` on a box that takes them) and is `cantTell` otherwise, with why — never failed
without layout. axe-core 4.14 ships this rule switched off; so does this checker
(`--rule target-size`).

Fails:

    <p><a href="/es/" class="flag" style="display: inline-block; width: 16px; height: 16px">ES</a>
       <a href="/de/" class="flag" style="display: inline-block; width: 16px; height: 16px">DE</a></p>

Passes:

    <button type="button" style="min-width: 44px; min-height: 44px">Print</button>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.aria import WIDGET_ROLES
from ..semantics.document import Element
from ..semantics.focus import is_focusable
from ..semantics.textblocks import display, text_block_of

IMPACT = "serious"
WCAG = ("2.5.8",)
ENABLED = False

MINIMUM = 24.0
#: Controls the browser draws as boxes that take a width and height whatever their `display`.
BOX_CONTROLS = frozenset({"button", "input", "select", "textarea", "img", "iframe", "video", "canvas"})


def check(page: Page) -> Iterator[Result]:
    """Pass each control outside a line of text that CSS makes 24 px each way; ask about the others."""
    for element in page.elements:
        if not _is_target(page, element):
            continue
        width, height = _least(page, element, "width"), _least(page, element, "height")
        if width is not None and height is not None and width >= MINIMUM and height >= MINIMUM:
            yield page.passed(element)
        elif (width is not None and width < MINIMUM) or (height is not None and height < MINIMUM):
            yield page.cant_tell(element, f"this control is {_size(width)} by {_size(height)} px, under 24: it "
                                          "passes only if no other target lies within 24 px of its centre, which "
                                          "needs layout: make it at least 24 by 24 CSS px")
        else:
            yield page.cant_tell(element, "how large this control is, and how far from the next, needs layout: "
                                          "check it is at least 24 by 24 CSS px, or has 24 px free around its "
                                          "centre (WCAG 2.5.8)")


def _is_target(page: Page, element: Element) -> bool:
    """A control that takes focus, is not inside another one in the tab order, and is not in a line of text."""
    if element.tag == "area" or page.is_svg(element) or page.role(element) not in WIDGET_ROLES:
        return False
    if not is_focusable(element) or page.is_hidden(element):
        return False
    if not page.in_tab_order(element) and any(
        page.role(a) in WIDGET_ROLES and page.in_tab_order(a) for a in element.iterancestors()
    ):
        return False
    return text_block_of(page, element, any_text=True, include_inline_block=True) is None


def _least(page: Page, element: Element, axis: str) -> float | None:
    """The least size CSS gives the element on an axis (`width` or `height`, or their `min-`), or None."""
    if element.tag not in BOX_CONTROLS and display(page, element) in ("inline", "contents"):
        return None  # an inline box takes no width or height
    sizes = [size for name in (axis, f"min-{axis}") if (size := page.rendering.box_length(element, name)) is not None]
    return max(sizes) if sizes else None


def _size(value: float | None) -> str:
    return "?" if value is None else f"{value:g}"
