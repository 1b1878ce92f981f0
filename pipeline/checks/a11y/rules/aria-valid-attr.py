"""ARIA attributes are ones WAI-ARIA defines.

Browsers and screen readers ignore an `aria-` attribute they do not know, so a misspelt
one (`aria-labeledby`, `aria-not-checked`) silently leaves out what the author meant to
say (W3C ACT rule 5f99a7).

Fails:

    <span id="label">Birthday:</span> <input aria-labelled="label">

Passes:

    <span id="label">Birthday:</span> <input aria-labelledby="label">
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.ariadata import ATTRIBUTES

IMPACT = "critical"
WCAG = ("4.1.2",)
ACT = ("5f99a7",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each element with an `aria-` attribute WAI-ARIA does not define."""
    for element in page.elements:
        names = [name for name in element.attrib if name.startswith("aria-")]
        if not names:
            continue
        unknown = [name for name in names if name not in ATTRIBUTES]
        if unknown:
            yield page.failed(element, f"{', '.join(unknown)} is not an ARIA attribute: check the spelling "
                                       "against WAI-ARIA")
        else:
            yield page.passed(element)
