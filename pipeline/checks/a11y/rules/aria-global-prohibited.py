"""Global ARIA properties are not used where the role prohibits them.

Some roles cannot be named: an `aria-label` on a `<div>`, a `<span>` or a `<p>` is ignored
by most screen readers (or, worse, read by some and not by others), so what it says never
reliably reaches the listener. Give the element a role that takes a name, or put the text
in the content (W3C ACT rule kb1m8s).

Fails:

    <div aria-label="Previously 100, now 1 euro"><s>€100</s> / <b>€1</b></div>

Passes:

    <a href="/offer" aria-label="Previously 100, now 1 euro"><s>€100</s> / <b>€1</b></a>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.aria import prohibited_attributes
from ..semantics.ariadata import GLOBAL_ARIA

IMPACT = "serious"
WCAG = ("1.3.1", "4.1.2")
ACT = ("kb1m8s",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each element in the accessibility tree carrying a global property its role prohibits."""
    for element in page.elements:
        names = [name for name in element.attrib if name in GLOBAL_ARIA]
        if not names or page.is_hidden(element) or page.is_mathml(element):
            continue
        role = page.role(element)
        prohibited = [name for name in names if role is not None and name in prohibited_attributes(role)]
        if prohibited:
            yield page.failed(element, f"{', '.join(prohibited)} is prohibited on role {role}: give the element "
                                       "a role that can be named, or put the words in its content")
        else:
            yield page.passed(element)
