"""ARIA attributes are used as their role's conditions allow.

Some attributes a role supports only under a condition, as axe-core checks them: on a native
checkbox `aria-checked` must say what the checkbox's own state says (a screen reader may
announce "checked" for an unticked box), and a row takes `aria-posinset`, `aria-setsize`,
`aria-expanded` and `aria-level` only in a treegrid, not in a table or grid, where they mean
nothing. The rule looks at elements carrying one of these attributes; attributes a role
does not support at all are aria-allowed-attr's.

Fails:

    <input type="checkbox" aria-checked="true"> <label>I have read the leaflet</label>

Passes:

    <input type="checkbox" checked> <label>I have read the leaflet</label>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.document import Element

IMPACT = "serious"
WCAG = ("4.1.2",)
#: What a row supports only inside a treegrid.
TREEGRID_ROW_ATTRIBUTES = ("aria-posinset", "aria-setsize", "aria-expanded", "aria-level")


def checkbox_fault(element: Element) -> str:
    """What is wrong with a native checkbox's aria-checked, "" when it agrees with the checkbox's state."""
    if element.tag != "input" or (element.get("type") or "").strip().lower() != "checkbox":
        return ""
    stated = (element.get("aria-checked") or "").lower()
    if not stated:
        return ""
    stated = stated if stated in ("true", "mixed") else "false"
    state = "true" if element.get("checked") is not None else "false"
    if stated == state:
        return ""
    return (f"aria-checked=\"{stated}\" contradicts the checkbox's own state ({state}): remove aria-checked, "
            "the browser tells the state itself")


def row_fault(page: Page, element: Element) -> str:
    """Which treegrid-only attributes a row outside a treegrid carries, "" when none."""
    found = [name for name in TREEGRID_ROW_ATTRIBUTES if element.get(name) is not None]
    if not found:
        return ""
    for ancestor in element.iterancestors():
        tokens = (ancestor.get("role") or "").split()
        if (ancestor.tag == "table" and ancestor.get("role") is None) or {"treegrid", "table", "grid"} & set(tokens):
            owner = page.role(ancestor)
            if owner is None or owner == "treegrid":
                return ""
            return f"{', '.join(found)} only mean something on a row of a treegrid, not of a {owner}: remove them"
    return ""


def check(page: Page) -> Iterator[Result]:
    """Fail for each checkbox or row in the accessibility tree whose ARIA attributes break their role's conditions."""
    for element in page.elements_with("aria-checked", *TREEGRID_ROW_ATTRIBUTES):
        if page.is_hidden(element):
            continue
        role = page.role(element)
        fault = checkbox_fault(element) if role == "checkbox" else row_fault(page, element) if role == "row" else ""
        yield page.failed(element, fault) if fault else page.passed(element)
