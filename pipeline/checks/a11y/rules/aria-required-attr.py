"""Elements with a role have the states and properties the role requires.

A `role="checkbox"` without `aria-checked`, or a `role="heading"` without `aria-level`,
leaves screen readers to guess, and WAI-ARIA 1.2 no longer lets them assume a default.
Elements whose own role is the one they declare (`<input type="checkbox" role="checkbox">`)
are exempt, and a state that the element's HTML state provides is set: the checkedness of
`<input type="checkbox" role="switch">` is its `aria-checked` (W3C ACT rule 4e8ab6, HTML-AAM).

Fails:

    <div role="checkbox" tabindex="0">Remind me</div>

Passes:

    <div role="checkbox" tabindex="0" aria-checked="false">Remind me</div>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.aria import ROLES, explicit_role, native_states, required_attributes
from ..semantics.document import Element
from ..semantics.focus import is_focusable
from ..semantics.roles import implicit_role

IMPACT = "critical"
WCAG = ("4.1.2",)
ACT = ("4e8ab6",)


def missing_attributes(element: Element, role: str) -> list[str]:
    """The states and properties the role requires that the element leaves unset or empty."""
    required = set(required_attributes(role))
    if role == "separator" and is_focusable(element):
        required.add("aria-valuenow")  # a focusable separator is a widget
    if role == "combobox" and (element.get("aria-expanded") or "").strip().lower() == "true":
        required.add("aria-controls")  # an expanded combobox must say what pops up
    provided = set(ROLES[role].implicit) | native_states(element)
    return sorted(name for name in required if not (element.get(name) or "").strip() and name not in provided)


def check(page: Page) -> Iterator[Result]:
    """Fail for each element in the accessibility tree whose explicit role lacks a required state or property."""
    for element in page.elements:
        role = explicit_role(element)
        if role is None or page.role(element) != role or page.is_hidden(element) or page.is_mathml(element):
            continue
        if implicit_role(page, element) == role:
            continue
        missing = missing_attributes(element, role)
        if missing:
            yield page.failed(element, f"role=\"{role}\" needs {', '.join(missing)}: set it, so assistive "
                                       "technology knows the state")
        else:
            yield page.passed(element)
