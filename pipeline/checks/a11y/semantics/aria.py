"""WAI-ARIA as rules use it: what a role inherits, allows, requires or prohibits, and the role an author wrote.

The data itself (roles, states and properties) is in `ariadata.py`; the roles HTML gives its
elements are in `roles.py`, what takes focus in `focus.py`.
"""

from __future__ import annotations

import functools
import re

from .ariadata import ARIA_11_ONLY, ATTRIBUTES, BROWSER_ROLES, GLOBAL_ARIA, GLOBAL_ARIA_12, NATIVE_STATES, ROLES, Role
from .document import Element

__all__ = ["ATTRIBUTES", "GLOBAL_ARIA", "ROLES", "Role"]

#: Roles a `role` attribute may name: every role that is not abstract.
CONCRETE_ROLES = frozenset(name for name, role in ROLES.items() if not role.abstract)
ABSTRACT_ROLES = frozenset(name for name, role in ROLES.items() if role.abstract)
PRESENTATIONAL_ROLES = frozenset({"none", "presentation"})


@functools.cache
def lineage(role: str) -> frozenset[str]:
    """The role and every role it inherits from."""
    info = ROLES.get(role)
    if info is None:
        return frozenset()
    return frozenset({role}).union(*(lineage(parent) for parent in info.superclasses))


def is_a(role: str | None, base: str) -> bool:
    """Whether the role is `base` or inherits from it (`doc-biblioref` is a `link`)."""
    return role is not None and base in lineage(role)


@functools.cache
def allowed_attributes(role: str) -> frozenset[str]:
    """The states and properties a role supports: globals, its own and those it inherits."""
    return GLOBAL_ARIA.union(*(ROLES[r].supported for r in lineage(role)))


def required_attributes(role: str) -> frozenset[str]:
    """The states and properties the role requires (WAI-ARIA 1.2, 5.2.2)."""
    info = ROLES.get(role)
    return info.required if info else frozenset()


def prohibited_attributes(role: str) -> frozenset[str]:
    """The states and properties authors must not use on the role (WAI-ARIA 1.2, 5.2.5)."""
    info = ROLES.get(role)
    return info.prohibited if info else frozenset()


def name_from_content(role: str | None) -> bool:
    """Whether the role takes its accessible name from its content."""
    info = ROLES.get(role or "")
    return info is not None and "contents" in info.name_from


def name_required(role: str | None) -> bool:
    """Whether WAI-ARIA requires the role to have an accessible name."""
    info = ROLES.get(role or "")
    return info is not None and info.name_required


LANDMARK_ROLES = frozenset(r for r in CONCRETE_ROLES if is_a(r, "landmark"))
WIDGET_ROLES = frozenset(r for r in CONCRETE_ROLES if is_a(r, "widget"))
PRESENTATIONAL_CHILDREN_ROLES = frozenset(r for r in CONCRETE_ROLES if ROLES[r].presentational_children)

#: What axe-core calls visual content: elements that show something other than text.
VISUAL_ELEMENTS = frozenset(
    "audio button canvas iframe img math meter object progress select svg textarea video".split()
)
VISUAL_ROLES = frozenset("checkbox img meter progressbar radio scrollbar slider spinbutton textbox".split())

SECTIONING_ELEMENTS = frozenset({"article", "aside", "main", "nav", "section"})
SECTIONING_ROLES = frozenset({"article", "complementary", "main", "navigation", "region"})
HEADING_LEVEL = {f"h{n}": n for n in range(1, 7)}

_INTEGER = re.compile(r"^[ \t\n\f\r]*([+-]?\d+)")


def html_kind(element: Element) -> str:
    """The element's tag, or `input <type>` for an input (`input radio`), as ARIA in HTML tells them apart."""
    if element.tag == "input":
        return f"input {(element.get('type') or 'text').strip().lower()}"
    return element.tag if isinstance(element.tag, str) else ""


def native_states(element: Element) -> frozenset[str]:
    """The ARIA states the element's HTML state provides (HTML-AAM), such as a checkbox's aria-checked."""
    return NATIVE_STATES.get(html_kind(element), frozenset())


def allowed_by_aria_11_only(role: str) -> frozenset[str]:
    """The states and properties WAI-ARIA 1.1 allowed on the role (or a role it inherits) and 1.2 does not."""
    roles = lineage(role)
    return frozenset(name for name, bases in ARIA_11_ONLY.items() if roles & bases) - allowed_attributes(role)


def integer_attribute(element: Element, name: str) -> int | None:
    """An attribute read as an integer (tabindex, size, aria-level), or None when absent or not one."""
    value = element.get(name)
    match = _INTEGER.match(value) if value is not None else None
    return int(match.group(1)) if match else None


def is_visual_content(element: Element) -> bool:
    """Whether the element shows an image, media or a control rather than text."""
    role = explicit_role(element)
    if role is not None:
        return role in VISUAL_ROLES
    if element.tag == "input":
        return (element.get("type") or "").strip().lower() != "hidden"
    return element.tag in VISUAL_ELEMENTS


def has_global_aria(element: Element) -> bool:
    """Whether the element carries a global ARIA 1.2 state or property (which overrides role="none")."""
    return any(name in GLOBAL_ARIA_12 for name in element.attrib)


def explicit_role(element: Element) -> str | None:
    """The first concrete role named in the `role` attribute, as the browser picks it."""
    value = element.get("role")
    if not value:
        return None
    for token in value.lower().split():
        if token in CONCRETE_ROLES:
            return token
    return None


def valid_role_tokens(element: Element) -> list[str]:
    """The tokens of the `role` attribute that name a role: concrete WAI-ARIA roles, and WebKit's `text`."""
    return [token for token in (element.get("role") or "").lower().split()
            if token in CONCRETE_ROLES or token in BROWSER_ROLES]


def heading_level(element: Element, role: str | None) -> int | None:
    """A heading's level as assistive technology reads it (aria-level wins over h1-h6)."""
    if role != "heading":
        return None
    native = HEADING_LEVEL.get(element.tag)
    aria_level = integer_attribute(element, "aria-level")
    if aria_level is not None and aria_level >= 1:
        return aria_level
    return native if native is not None else 2
