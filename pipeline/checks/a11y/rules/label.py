"""Form fields have a label.

A text field or checkbox without a name is announced as "edit text" or "checkbox" and
nothing else: the user cannot tell what to type or choose. This rule checks `<input>` and
`<textarea>`; the name comes from a `<label>`, `aria-label`, `aria-labelledby`, `title` or
a placeholder. Disabled fields need one too: screen readers list them. A `<select>` is
select-name's, an ARIA widget aria-input-field-name's or aria-toggle-field-name's, and input
buttons input-button-name's (axe-core's `label`; W3C ACT rule e086e5 is these four together).

Fails:

    <p>Last name</p> <input>

Passes:

    <label>Last name <input></label>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.naming import FIELD_MISSING_NAME, labelled_fields, name_outcomes

IMPACT = "critical"
WCAG = ("4.1.2",)
ACT = ("e086e5",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each `<input>` field or `<textarea>` in the accessibility tree whose accessible name is empty."""
    for outcome, element, message in name_outcomes(page, labelled_fields(page), FIELD_MISSING_NAME):
        yield page.result(outcome, element, message)
