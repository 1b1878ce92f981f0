"""Input buttons have a name that says what they do.

`<input type="button">` without a `value` is announced as "button" and nothing more. Its
name comes from `value`, `aria-label`, `aria-labelledby`, `title` or a `<label>` (which
HTML-AAM leaves out, but browsers and axe-core take); submit and
reset buttons without `value` are named "Submit" and "Reset" by the browser, but an empty
`value=""` names them nothing (axe-core's `input-button-name`; one part of W3C ACT rule 97a4e1).

Fails:

    <input type="button" onclick="window.print()">

Passes:

    <input type="button" value="Print this page" onclick="window.print()">
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.naming import BUTTON_MISSING_NAME, button_inputs, name_outcomes

IMPACT = "critical"
WCAG = ("4.1.2",)
ACT = ("97a4e1",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each button `<input>` in the accessibility tree whose accessible name is empty."""
    for outcome, element, message in name_outcomes(page, button_inputs(page), BUTTON_MISSING_NAME, label_names=True):
        yield page.result(outcome, element, message)
