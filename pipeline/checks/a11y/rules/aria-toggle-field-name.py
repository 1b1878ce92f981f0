"""ARIA toggles have a name.

An element made a checkbox, radio button, switch, option or checkable menu item by its
`role` is announced as "checkbox" and nothing more when it has no name. Its name comes from
its text, `aria-label`, `aria-labelledby` or `title`; a field whose `<label>` is not in its
name is left to a person (cantTell). Native checkboxes and radio buttons are label's
(axe-core's `aria-toggle-field-name`; one part of W3C ACT rule e086e5).

Fails:

    <div role="checkbox" aria-checked="false" tabindex="0"></div>

Passes:

    <div role="checkbox" aria-checked="false" tabindex="0">Remind me tomorrow</div>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.naming import FIELD_MISSING_NAME, TOGGLE_FIELD_ROLES, aria_widgets, name_outcomes

IMPACT = "serious"
WCAG = ("4.1.2",)
ACT = ("e086e5",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each ARIA toggle (not a native control) in the accessibility tree with no name."""
    fields = aria_widgets(page, TOGGLE_FIELD_ROLES)
    for outcome, element, message in name_outcomes(page, fields, FIELD_MISSING_NAME, label_must_name=True):
        yield page.result(outcome, element, message)
