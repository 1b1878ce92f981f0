"""Elements with the img role have a text alternative.

A `<div>` or `<span>` given `role="img"` (an icon font, a CSS background, a group of
images shown as one) is announced as "image" and nothing more unless `aria-label`,
`aria-labelledby` or `title` names it: its content is not read. `<img>`, `<area>`,
`<input>` and `<object>` have rules of their own (`image-alt`, `area-alt`,
`input-image-alt`, `object-alt`), SVG has `svg-img-alt` (W3C ACT rule 23a2a8, shared with
`image-alt`).

Fails:

    <span class="icon-warning" role="img"></span>

Passes:

    <span class="icon-warning" role="img" aria-label="Warning"></span>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result

IMPACT = "serious"
WCAG = ("1.1.1",)
ACT = ("23a2a8",)

OWN_RULES = frozenset({"img", "area", "input", "object"})


def check(page: Page) -> Iterator[Result]:
    """Fail for each HTML element (not `img`, `area`, `input`, `object`) with role img in the tree that has no name."""
    for element in page.elements:
        if element.tag in OWN_RULES or not element.get("role") or page.role(element) != "img":
            continue
        if page.is_svg(element) or page.is_mathml(element) or page.is_hidden(element):
            continue
        if page.name(element):
            yield page.passed(element)
        else:
            yield page.failed(element, "this element with role=\"img\" has no name: give it aria-label or "
                                       "aria-labelledby that says what it shows")
