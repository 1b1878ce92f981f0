"""Image-map areas that are links have a text alternative.

Each clickable region of an image map is a link; without `alt` (or `aria-label`,
`aria-labelledby`, `title`) a screen reader announces it as its address, or not at all,
and the user cannot tell the regions of the picture apart (W3C ACT rule c487ae, shared with
`link-name`, which checks the other links).

Fails:

    <map name="body"><area shape="circle" coords="120,80,30" href="knee/"></map>

Passes:

    <map name="body"><area shape="circle" coords="120,80,30" href="knee/" alt="Knee pain"></map>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result

IMPACT = "critical"
WCAG = ("2.4.4", "4.1.2")
ACT = ("c487ae",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each `<area href>` of a `<map>` in the tree whose accessible name is empty."""
    for area in page.elements_by_tag("area"):
        if area.get("href") is None or next(area.iterancestors("map"), None) is None or page.is_hidden(area):
            continue
        if page.name(area):
            yield page.passed(area)
        else:
            target = (area.get("href") or "")[:60]
            yield page.failed(area, f"the image-map area linking to {target!r} has no text: give it alt that says "
                                    "where it goes")
