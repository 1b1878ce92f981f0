"""Form fields have a name.

A text field, checkbox or drop-down without a name is announced as "edit text" or
"checkbox" and nothing else: the user cannot tell what to type or choose. The name comes
from a `<label>`, `aria-label`, `aria-labelledby`, `title` or a placeholder. Disabled
fields need one too: screen readers list them (W3C ACT rule e086e5).

Fails:

    <p>Last name</p> <input>

Passes:

    <label>Last name <input></label>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result

IMPACT = "critical"
WCAG = ("4.1.2",)
ACT = ("e086e5",)

FIELD_ROLES = frozenset(
    "checkbox combobox listbox menuitemcheckbox menuitemradio radio searchbox slider spinbutton switch "
    "textbox".split()
)


def check(page: Page) -> Iterator[Result]:
    """Fail for each form field in the accessibility tree whose accessible name is empty."""
    for element in page.elements:
        role = page.role(element)
        if role not in FIELD_ROLES or page.is_hidden(element) or page.is_mathml(element):
            continue
        if page.name(element):
            yield page.passed(element)
        else:
            yield page.failed(element, f"this {role} has no name: label it with <label>, aria-label or "
                                       "aria-labelledby")
