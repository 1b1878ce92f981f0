"""Elements with a role that belongs in a container are in that container.

A `role="listitem"` outside a list, a `role="tab"` outside a tablist or a `role="cell"`
outside a row is not announced as part of anything: users lose the count and the structure.
The container must be the element's parent in the accessibility tree: a `presentation`
element in between is transparent, an element with a role or a global ARIA attribute is
not (W3C ACT rule ff89c9).

Fails:

    <div role="listitem">Stretch your calf.</div>

Passes:

    <div role="list"><div role="listitem">Stretch your calf.</div></div>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.aria import ROLES, explicit_role
from ..semantics.ariadata import ARIA_12_ROLES
from ..semantics.roles import implicit_role

IMPACT = "critical"
WCAG = ("1.3.1",)
ACT = ("ff89c9",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each element whose explicit role needs a context its parent in the tree does not give."""
    for element in page.elements:
        role = explicit_role(element)
        if role not in ARIA_12_ROLES or not ROLES[role].context or page.role(element) != role:
            continue
        if page.is_hidden(element) or implicit_role(page, element) == role or page.is_svg(element):
            continue
        parent = page.tree.parent(element)
        parent_role = page.role(parent) if parent is not None else None
        if parent_role in ROLES[role].context:
            yield page.passed(element)
        else:
            where = f"in a {parent_role}" if parent_role else "outside any of them"
            yield page.failed(element, f"role=\"{role}\" belongs in {' or '.join(ROLES[role].context)}, but is {where}")
