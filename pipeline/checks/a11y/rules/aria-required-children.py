"""Elements with a role that needs particular children have only those.

A `role="list"` must hold list items, a `role="menu"` menu items, a table rows: screen
readers count and announce these children, and anything else in between (a stray `<span>`
of text, a `group` inside a `list`) breaks the count and the navigation. Elements marked
`aria-busy="true"` are being filled in and are not checked; one that holds nothing at all
(nothing shown, or only hidden items) is empty until a script fills it, or broken, which only a
person can tell (cantTell, as axe-core asks; W3C ACT rule bc4a75 has no case of an empty one). HTML lists (`<ul>`, `<ol>`,
`<menu>` without a role) are the `list` rule's (W3C ACT rule bc4a75, with `list`).

WAI-ARIA's own Authoring Practices build menus with separators between the items and each
submenu beside the item that opens it (`<li role="none"><a role="menuitem">`, then
`<ul role="menu">`), so a menu or menubar, and a group in one, may hold a separator or a menu too.
A `role="generic"` element is a `<div>` to the browser: it passes its children on as one does.

Fails:

    <div role="list"><span>Drink water</span></div>

Passes:

    <div role="list"><span role="listitem">Drink water</span></div>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.aria import ROLES
from ..semantics.ariadata import ARIA_12_ROLES
from ..semantics.document import Element

IMPACT = "critical"
WCAG = ("1.3.1",)
ACT = ("bc4a75",)

#: HTML lists: the `list` rule checks their items, with messages about <li>.
NATIVE_LISTS = frozenset({"ul", "ol", "menu"})
#: Roles that may appear among a container's children besides its required owned elements: a table's
#: caption (WAI-ARIA 1.2: caption's context), a menu's separators and submenus (ARIA Authoring Practices).
EXTRAS: dict[str, frozenset[str]] = {
    "table": frozenset({"caption"}), "grid": frozenset({"caption"}), "treegrid": frozenset({"caption"}),
    "menu": frozenset({"separator", "menu"}), "menubar": frozenset({"separator", "menu"}),
}
#: What a group inside one of these containers may hold besides the container's items.
GROUP_EXTRAS: dict[str, frozenset[str]] = {"menu": frozenset({"separator"}), "menubar": frozenset({"separator"})}


def allowed_children(role: str) -> dict[str, frozenset[str]]:
    """Child role -> the roles its own children must have ("group>menuitem"), or none to check."""
    allowed: dict[str, set[str]] = {}
    for entry in ROLES[role].owned:
        parent, _, child = entry.partition(">")
        allowed.setdefault(parent, set())
        if child:
            allowed[parent].add(child)
    if "group" in allowed:
        allowed["group"] |= GROUP_EXTRAS.get(role, frozenset())
    for extra in EXTRAS.get(role, ()):
        allowed.setdefault(extra, set())
    return {parent: frozenset(children) for parent, children in allowed.items()}


def wrong_children(page: Page, element: Element, allowed: dict[str, frozenset[str]]) -> list[str]:
    """What the element owns that it may not: roles, or "text"."""
    wrong = []
    for child in page.tree.children(element):
        if isinstance(child, str):
            wrong.append("text")
            continue
        role = page.role(child) or child.tag
        if role not in allowed:
            wrong.append(role)
        elif allowed[role]:
            inner = {r: frozenset() for r in allowed[role]}
            if role == "group":
                inner["group"] = allowed[role]  # groups may nest, holding the same items
            wrong.extend(wrong_children(page, child, inner))
    return wrong


def busy_elements(page: Page) -> set[Element]:
    """The elements marked `aria-busy="true"` and everything inside them (parents come first in the page)."""
    busy: set[Element] = set()
    for element in page.elements:
        if element.getparent() in busy or (element.get("aria-busy") or "").strip().lower() == "true":
            busy.add(element)
    return busy


def check(page: Page) -> Iterator[Result]:
    """Fail for each element in the accessibility tree that owns elements its role does not allow."""
    busy = busy_elements(page) if page.elements_with("aria-busy") else set()
    for element in page.elements:
        role = page.role(element)
        if role not in ARIA_12_ROLES or not ROLES[role].owned or page.is_hidden(element) or page.is_svg(element):
            continue
        if (element.tag in NATIVE_LISTS and element.get("role") is None) or element in busy:
            continue
        expected = ", ".join(ROLES[role].owned).replace(">", " holding ")
        if next(page.tree.children(element), None) is None:
            yield page.cant_tell(element, f"this {role} holds nothing in the accessibility tree: if a script "
                                          f"fills it, check that it adds only {expected}; if not, remove it")
            continue
        wrong = wrong_children(page, element, allowed_children(role))
        if wrong:
            yield page.failed(element, f"this {role} holds {', '.join(sorted(set(wrong)))}: a {role} may only "
                                       f"hold {expected}")
        else:
            yield page.passed(element)
