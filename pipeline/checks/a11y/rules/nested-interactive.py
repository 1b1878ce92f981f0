"""Controls whose content is presentational hold nothing that takes focus.

A button, checkbox, tab or image is announced as one thing: screen readers do not see
inside it. A link or another control inside it can still be reached with Tab, and is then
announced as nothing, or not at all (W3C ACT rule 307n5z).

Fails:

    <button>Save <span role="button" tabindex="0">▼</span></button>

Passes:

    <button>Save</button> <button aria-label="Save options">▼</button>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.document import Element
from ..semantics.aria import PRESENTATIONAL_CHILDREN_ROLES

IMPACT = "serious"
WCAG = ("4.1.2",)
ACT = ("307n5z",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each element whose role makes its children presentational and that holds a tab stop."""
    controls = {e: page.role(e) for e in page.elements
                if page.role(e) in PRESENTATIONAL_CHILDREN_ROLES and not page.is_mathml(e)}
    first_stop = _first_tab_stops(page, list(controls))
    for element, role in controls.items():
        inside = first_stop.get(element)
        if inside is not None:
            yield page.failed(element, f"this {role} holds a <{inside.tag}> that takes focus, which screen "
                                       f"readers cannot announce inside a {role}: move it out")
        else:
            yield page.passed(element)


def _first_tab_stops(page: Page, controls: list[Element]) -> dict[Element, Element]:
    """The first element Tab reaches inside each control's subtree (and its descendants'), in one pass each.

    Walking each subtree from its end, an element's first tab stop is that of its first child
    that is one or holds one: linear in the subtrees, where asking every control about every
    descendant is quadratic in nested controls.
    """
    first: dict[Element, Element] = {}
    done: set[Element] = set()
    for control in controls:
        if control in done:
            continue  # inside a control whose subtree was walked
        subtree = list(control.iter())
        done.update(subtree)
        for node in reversed(subtree):
            for child in node:
                found = child if page.in_tab_order(child) else first.get(child)
                if found is not None:
                    first[node] = found
                    break
    return first
