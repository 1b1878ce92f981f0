"""Line height set in a style attribute can be raised by users.

`line-height: 1em !important` in a `style` attribute wins over every style sheet, so a
reader who needs more space between lines cannot get it. Such a declaration is fine when it
already gives at least 1.5 times the font size. Only text long enough to run onto a second
line is concerned; where it breaks is estimated from the widths CSS sets (WCAG 1.4.12;
W3C ACT rule 78fd32).

Fails:

    <p style="line-height: 1.2 !important">Stretch your calf before bed, and again in the morning…</p>

Passes:

    <p style="line-height: 1.5 !important">Stretch your calf before bed, and again in the morning…</p>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.spacing import line_height_px, targets, wraps

IMPACT = "serious"
WCAG = ("1.4.12",)
ACT = ("78fd32",)
MINIMUM = 1.5


def check(page: Page) -> Iterator[Result]:
    """Fail for each element with wrapping text whose important inline line-height is below 1.5."""
    for element, value, relative_to in targets(page, "line-height"):
        font_size = page.rendering.font_size(element)
        if not wraps(page, element, font_size):
            continue
        height = line_height_px(value, relative_to, page.rendering.root_font_size(element))
        if height is None:
            yield page.cant_tell(element, f"line-height: {value} !important depends on the layout: check that "
                                          "it is at least 1.5 times the font size")
        elif height >= MINIMUM * font_size - 1e-6:
            yield page.passed(element)
        else:
            yield page.failed(element, f"line-height: {value} !important in the style attribute stops users "
                                       "spacing lines further apart: remove !important, or make it at least 1.5")
