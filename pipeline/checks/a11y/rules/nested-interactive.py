"""Controls whose content is presentational hold nothing that takes focus.

A button, checkbox, tab or image is announced as one thing: screen readers do not see
inside it. A link or another control inside it can still be reached with Tab, and is then
announced as nothing, or not at all (W3C ACT rule 307n5z).

Fails:

    <button>Save <span role="button" tabindex="0">▼</span></button>

Passes:

    <button>Save</button> <button aria-label="Save options">▼</button>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.aria import PRESENTATIONAL_CHILDREN_ROLES

IMPACT = "serious"
WCAG = ("4.1.2",)
ACT = ("307n5z",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each element whose role makes its children presentational and that holds a tab stop."""
    for element in page.elements:
        role = page.role(element)
        if role not in PRESENTATIONAL_CHILDREN_ROLES or page.is_mathml(element):
            continue
        inside = [e for e in element.iterdescendants() if isinstance(e.tag, str) and page.in_tab_order(e)]
        if inside:
            yield page.failed(element, f"this {role} holds a <{inside[0].tag}> that takes focus, which screen "
                                       f"readers cannot announce inside a {role}: move it out")
        else:
            yield page.passed(element)
