"""Buttons have a name that says what they do.

An icon-only `<button>` is announced as "button" and nothing more. The name comes from the
button's text, `aria-label`, `aria-labelledby`, a `<label>` or `title`. A button given a
role that needs no name, and that cannot take focus, is not checked, and one with a link role
is link-name's (W3C ACT rule c487ae; axe-core checks it here). `<input>` buttons are
input-button-name's, elements with `role="button"` aria-command-name's, image buttons
input-image-alt's and `<summary>` summary-name's (axe-core's `button-name`; W3C ACT rules
97a4e1 and, for `<button role="menuitem">`, m6b1q3).

Fails:

    <button type="button"><svg aria-hidden="true"></svg></button>

Passes:

    <button type="button" aria-label="Print this page"><svg aria-hidden="true"></svg></button>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.naming import BUTTON_MISSING_NAME, buttons, name_outcomes

IMPACT = "critical"
WCAG = ("4.1.2",)
ACT = ("97a4e1", "m6b1q3")


def check(page: Page) -> Iterator[Result]:
    """Fail for each `<button>` in the accessibility tree whose accessible name is empty."""
    for outcome, element, message in name_outcomes(page, buttons(page), BUTTON_MISSING_NAME):
        yield page.result(outcome, element, message)
