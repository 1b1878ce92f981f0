"""Elements marked as decorative are really hidden from assistive technology.

`role="none"`, `role="presentation"` or `alt=""` on an image say "skip this". But when
the element can take focus, or carries an ARIA attribute such as `aria-label`, browsers
expose it after all, with its own role: the intention is lost, and users meet an unnamed
image or a landmark they were not meant to see (W3C ACT rule 46ca7f).

Fails:

    <img src="divider.png" alt="" aria-label="divider">

Passes:

    <img src="divider.png" alt="">
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.aria import PRESENTATIONAL_ROLES, explicit_role
from ..semantics.document import Element

IMPACT = "minor"
WCAG = ("1.1.1",)
BEST_PRACTICE = True
ACT = ("46ca7f",)


def is_marked_decorative(element: Element) -> bool:
    """role="none" or "presentation", or an `<img alt="">` without a role."""
    role = explicit_role(element)
    if role in PRESENTATIONAL_ROLES:
        return True
    return element.tag == "img" and element.get("alt") == "" and role is None


def check(page: Page) -> Iterator[Result]:
    """Fail for each element marked decorative that assistive technology exposes all the same."""
    for element in page.elements:
        if not is_marked_decorative(element):
            continue
        role = page.role(element)
        if page.is_hidden(element) or role in PRESENTATIONAL_ROLES:
            yield page.passed(element)
        else:
            yield page.failed(element, f"this element is marked decorative, but is exposed as {role} because it "
                                       "can take focus or has ARIA attributes: remove them, or the decorative marking")
