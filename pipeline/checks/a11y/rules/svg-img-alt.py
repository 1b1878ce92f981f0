"""SVG images that declare an image role have a name.

An `<svg role="img">` (or a shape with `role="graphics-symbol"`) tells screen readers it
is an image, and then reads its name: without a `<title>`, `aria-label` or
`aria-labelledby`, users hear "image" and nothing more. Text drawn inside the SVG does not
name it (W3C ACT rule 7d6734).

Fails:

    <svg role="img" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>

Passes:

    <svg role="img" viewBox="0 0 10 10"><title>One circle</title><circle cx="5" cy="5" r="4"/></svg>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.aria import explicit_role

IMPACT = "serious"
WCAG = ("1.1.1",)
ACT = ("7d6734",)

IMAGE_ROLES = frozenset({"img", "graphics-document", "graphics-symbol"})


def check(page: Page) -> Iterator[Result]:
    """Fail for each SVG element with an explicit image role in the accessibility tree and no name."""
    for element in page.elements:
        if explicit_role(element) not in IMAGE_ROLES or not page.is_svg(element) or page.is_hidden(element):
            continue
        if page.name(element):
            yield page.passed(element)
        else:
            yield page.failed(element, "this SVG image has no name: add a <title> as its first child, or aria-label")
