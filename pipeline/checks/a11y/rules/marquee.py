"""Scrolling text elements are not used.

`<marquee>` scrolls its text across the page with no way to pause or stop it: people
with attention or reading difficulties cannot read it, and moving content distracts from
the rest of the page (WCAG 2.2.2). Hidden ones do not move, and pass.

Fails:

    <marquee>New: free flu jabs</marquee>

Passes:

    <p><strong>New:</strong> free flu jabs</p>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result

IMPACT = "serious"
WCAG = ("2.2.2",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each `<marquee>` that is drawn on the page."""
    for element in page.elements_by_tag("marquee"):
        if not page.is_visible(element):
            yield page.passed(element)
        else:
            yield page.failed(element, "this <marquee> moves with no way to stop it: show the text still")
