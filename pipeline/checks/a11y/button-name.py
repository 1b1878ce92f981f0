"""Buttons have a name that says what they do.

An icon-only button is announced as "button" and nothing more. The name comes from the
button's text, `aria-label`, `aria-labelledby`, a `<label>` or `title`.

Fails:

    <button type="button"><svg aria-hidden="true"></svg></button>

Passes:

    <button type="button" aria-label="Print this page"><svg aria-hidden="true"></svg></button>
"""

from __future__ import annotations

from collections.abc import Iterator

from .aria import PRESENTATIONAL_ROLES, ROLES, explicit_role, is_focusable
from .page import Page, Result

IMPACT = "critical"
WCAG = ("4.1.2",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each visible `<button>` whose accessible name is empty."""
    for button in page.elements_by_tag("button"):
        if page.is_hidden(button):
            continue
        role = explicit_role(button)
        if role is not None and role not in PRESENTATIONAL_ROLES and not (
            ROLES[role].name_required or is_focusable(button)
        ):
            continue
        if page.name(button) or page.role(button) in PRESENTATIONAL_ROLES:
            yield page.passed(button)
        else:
            yield page.failed(button, "the button has no text: give it words (or aria-label) that say what it does")
