"""ARIA roles suit the HTML element they are given to.

ARIA in HTML says which roles each element may take: a `<button role="heading">` or a
`<ul role="button">` keeps some of its HTML behaviour (focus, keyboard, list semantics) that
the new role contradicts, and some browsers and screen readers announce one, some the
other. Every valid role listed in `role` is tested; the element's own implicit role is
allowed. Elements hidden from assistive technology are left to a person (axe-core asks for
review): they may be shown later. A best practice in axe-core.

Fails:

    <ul role="button"><li>Book an appointment</li></ul>

Passes:

    <ul role="menu"><li role="menuitem">Book an appointment</li></ul>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.aria import valid_role_tokens
from ..semantics.roles import unallowed_roles

IMPACT = "minor"
WCAG = ()
BEST_PRACTICE = True


def check(page: Page) -> Iterator[Result]:
    """Fail for each HTML element whose role attribute gives a role ARIA in HTML does not allow on it."""
    for element in page.elements_with("role"):
        if not valid_role_tokens(element) or page.is_svg(element) or page.is_mathml(element):
            continue
        wrong = unallowed_roles(page, element)
        if not wrong:
            yield page.passed(element)
            continue
        message = f"role {', '.join(wrong)} is not allowed on <{element.tag}>: use an element made for that role"
        if page.is_hidden(element):
            yield page.cant_tell(element, f"{message} (the element is hidden now, and may be shown)")
        else:
            yield page.failed(element, message)
