"""ARIA input fields have a name.

An element made a text box, combo box, list box, search box, slider or spin button by its
`role` is announced by that role alone when it has no name. Its name comes from
`aria-label`, `aria-labelledby` or `title`: a `<label>` does not name a `<div>`, so a field
whose label is not in its name is left to a person (cantTell). Native controls are label's
and select-name's; a combo box named by the input inside it, and the list box a combo box
opens, are named there (axe-core's `aria-input-field-name`; one part of W3C ACT rule e086e5).

Fails:

    <div role="spinbutton" aria-valuenow="2" tabindex="0"></div>

Passes:

    <div role="spinbutton" aria-valuenow="2" tabindex="0" aria-label="Tablets a day"></div>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.naming import FIELD_MISSING_NAME, INPUT_FIELD_ROLES, aria_widgets, name_outcomes

IMPACT = "serious"
WCAG = ("4.1.2",)
ACT = ("e086e5",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each ARIA input field (not a native control) in the accessibility tree with no name."""
    fields = aria_widgets(page, INPUT_FIELD_ROLES)
    for outcome, element, message in name_outcomes(page, fields, FIELD_MISSING_NAME, label_must_name=True):
        yield page.result(outcome, element, message)
