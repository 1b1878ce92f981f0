"""Elements of role="text" hold nothing focusable.

`role="text"` (a WebKit role, not in WAI-ARIA) makes VoiceOver read an element's content as
one piece of text; a link or button inside it can then be reached by Tab but is not
announced as one. A best practice in axe-core: focusable widgets inside fail, and so do
those taken out of the Tab order with a negative tabindex, which a click still focuses.

Fails:

    <p role="text">Call <a href="tel:111">111</a> at any time</p>

Passes:

    <p role="text">Call 111 at any time</p>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.aria import WIDGET_ROLES
from ..semantics.document import Element
from ..semantics.focus import is_focusable

IMPACT = "serious"
WCAG = ()
BEST_PRACTICE = True


def focusable_widgets(page: Page, element: Element) -> Iterator[Element]:
    """The focusable, rendered widgets inside the element, not looking inside a widget once found."""
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if page.role(child) in WIDGET_ROLES and is_focusable(child) and not page.is_css_hidden(child):
            yield child
        else:
            yield from focusable_widgets(page, child)


def check(page: Page) -> Iterator[Result]:
    """Fail for each element of role="text" in the accessibility tree with a focusable widget inside."""
    for element in page.elements_with("role"):
        if element.get("role") != "text" or page.is_hidden(element):
            continue
        inside = list(focusable_widgets(page, element))
        if inside:
            yield page.failed(element, "a focusable control inside role=\"text\" is not announced as one: take "
                                       "the role off, or the control out", [page.location(e) for e in inside])
        else:
            yield page.passed(element)
