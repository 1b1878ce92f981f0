"""Drop-down lists have a name.

A `<select>` without a name is announced as "combo box" or "list box" and nothing else: the
user cannot tell what to choose. The name comes from a `<label>`, `aria-label`,
`aria-labelledby` or `title` (axe-core's `select-name`; one part of W3C ACT rule e086e5,
with label, aria-input-field-name and aria-toggle-field-name).

Fails:

    <p>Country</p> <select><option>Spain</option></select>

Passes:

    <label>Country <select><option>Spain</option></select></label>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.naming import FIELD_MISSING_NAME, name_outcomes

IMPACT = "critical"
WCAG = ("4.1.2",)
ACT = ("e086e5",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each `<select>` in the accessibility tree whose accessible name is empty."""
    for outcome, element, message in name_outcomes(page, page.elements_by_tag("select"), FIELD_MISSING_NAME):
        yield page.result(outcome, element, message)
