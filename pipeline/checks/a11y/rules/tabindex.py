"""No element has a tabindex above zero.

A positive `tabindex` moves the element ahead of everything else in the Tab order: keyboard
users jump to it first, then back to the top of the page, in an order that no longer follows
what they see. `tabindex="0"` (in order) and `"-1"` (focusable by script only) are fine.

Fails:

    <a href="#dose" tabindex="3">Dose</a>

Passes:

    <a href="#dose">Dose</a> <main id="main" tabindex="-1">
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.focus import tabindex_of

IMPACT = "serious"
WCAG = ()
BEST_PRACTICE = True


def check(page: Page) -> Iterator[Result]:
    """Fail for each element in the tree whose tabindex is a number above zero."""
    for element in page.elements:
        if element.get("tabindex") is None or page.is_hidden(element):
            continue
        value = tabindex_of(element)
        if value is not None and value > 0:
            yield page.failed(element, f"tabindex=\"{element.get('tabindex')}\" takes this element out of the "
                                       "page's order: use 0, or -1, and place it where it belongs")
        else:
            yield page.passed(element)
