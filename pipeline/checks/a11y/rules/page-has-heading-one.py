"""The page has a level-one heading.

Screen reader users jump to the `<h1>` to reach the start of the content; a page
without one makes them search for it.

Fails:

    <main><h2>Leg cramps at night</h2> …</main>

Passes:

    <main><h1>Leg cramps at night</h1> …</main>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.document import Element

IMPACT = "moderate"
WCAG = ("1.3.1", "2.4.6")
BEST_PRACTICE = True


def check(page: Page) -> Iterator[Result]:
    """Fail when no visible element is a level-one heading."""
    if not page.is_document:
        return  # an SVG image has no landmarks or headings to ask for
    if any(_is_level_one(e) and not page.is_hidden(e) for e in page.elements):
        yield page.passed(page.root)
    else:
        yield page.failed(page.root, "the page has no level-one heading: start its content with an <h1>")


def _is_level_one(element: Element) -> bool:
    """h1 without role or aria-level; h1-h6 with aria-level="1"; or role="heading" aria-level="1"."""
    role, level = element.get("role"), element.get("aria-level")
    if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6") and role is None:
        return level == "1" or (element.tag == "h1" and level is None)
    return role == "heading" and level == "1"
