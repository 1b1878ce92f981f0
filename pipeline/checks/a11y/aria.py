"""WAI-ARIA and HTML-AAM as rules use them: roles, what they allow, and the role of each HTML element.

The data itself (roles, states and properties) is in `ariadata.py`; this module answers
questions about it (what a role inherits, allows, requires or prohibits) and gives HTML
elements their implicit roles (HTML-AAM, ARIA in HTML) and focusability.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from lxml import etree

from .ariadata import ATTRIBUTES, GLOBAL_ARIA, GLOBAL_ARIA_12, NATIVE_STATES, ROLES, Role

if TYPE_CHECKING:
    from .page import Page

Element = etree._Element

__all__ = ["ATTRIBUTES", "GLOBAL_ARIA", "ROLES", "Role"]

#: Roles a `role` attribute may name: every role that is not abstract.
CONCRETE_ROLES = frozenset(name for name, role in ROLES.items() if not role.abstract)
ABSTRACT_ROLES = frozenset(name for name, role in ROLES.items() if role.abstract)
PRESENTATIONAL_ROLES = frozenset({"none", "presentation"})
#: Global states and properties (ARIA 1.2): any of them on role="none" makes the browser ignore the role.
GLOBAL_ARIA_ATTRIBUTES = GLOBAL_ARIA_12


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

#: Elements whose default display is block: their text is set apart by spaces in a name.
BLOCK_ELEMENTS = frozenset(
    "address article aside blockquote br caption dd details dialog div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hgroup hr legend li main menu nav ol p pre search section summary table "
    "tbody td tfoot th thead tr ul".split()
)

#: What axe-core calls visual content: elements that show something other than text.
VISUAL_ELEMENTS = frozenset(
    "audio button canvas iframe img math meter object progress select svg textarea video".split()
)
VISUAL_ROLES = frozenset("checkbox img meter progressbar radio scrollbar slider spinbutton textbox".split())

SECTIONING_ELEMENTS = frozenset({"article", "aside", "main", "nav", "section"})
SECTIONING_ROLES = frozenset({"article", "complementary", "main", "navigation", "region"})
HEADING_LEVEL = {f"h{n}": n for n in range(1, 7)}

_INTEGER = re.compile(r"^[ \t\n\f\r]*([+-]?\d+)")


def native_states(element: Element) -> frozenset[str]:
    """The ARIA states the element's HTML state provides (HTML-AAM), such as a checkbox's aria-checked."""
    if element.tag == "input":
        return NATIVE_STATES.get(f"input {(element.get('type') or 'text').strip().lower()}", frozenset())
    return NATIVE_STATES.get(element.tag, frozenset()) if isinstance(element.tag, str) else frozenset()


def integer_attribute(element: Element, name: str) -> int | None:
    """An attribute read as an integer (tabindex, size, aria-level), or None when absent or not one."""
    value = element.get(name)
    match = _INTEGER.match(value) if value is not None else None
    return int(match.group(1)) if match else None


def tabindex_of(element: Element) -> int | None:
    """The element's tabindex as an integer, or None when absent or not a number."""
    return integer_attribute(element, "tabindex")


def is_focusable(element: Element) -> bool:
    """Whether the element can take focus (by keyboard or script), ignoring CSS hiding."""
    tag = element.tag
    if tabindex_of(element) is not None:
        return True
    if tag in ("a", "area"):
        return element.get("href") is not None
    if tag in ("button", "select", "textarea"):
        return element.get("disabled") is None
    if tag == "input":
        return element.get("disabled") is None and (element.get("type") or "").lower() != "hidden"
    if tag in ("iframe", "embed"):
        return True
    if tag in ("audio", "video"):
        return element.get("controls") is not None
    if tag == "summary":
        parent = element.getparent()
        return parent is not None and parent.tag == "details" and parent.find("summary") is element
    return (element.get("contenteditable") or "").lower() in ("", "true") and element.get("contenteditable") is not None


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


def _closest_sectioning(page: Page, element: Element, include_self: bool) -> bool:
    node = element if include_self else element.getparent()
    while node is not None:
        role = explicit_role(node)
        if (role is None and node.tag in SECTIONING_ELEMENTS) or role in SECTIONING_ROLES:
            return True
        node = node.getparent()
    return False


def _input_role(page: Page, element: Element) -> str:
    kind = (element.get("type") or "text").strip().lower()
    if kind in ("button", "image", "reset", "submit"):
        return "button"
    fixed = {"checkbox": "checkbox", "number": "spinbutton", "radio": "radio", "range": "slider"}
    if kind in fixed:
        return fixed[kind]
    listed = element.get("list")
    has_suggestions = bool(listed) and any(e.tag == "datalist" for e in page.elements_by_id(listed or ""))
    if kind in ("search", "text", "tel", "url", "email", ""):
        return "combobox" if has_suggestions else ("searchbox" if kind == "search" else "textbox")
    return "textbox"


def _img_role(page: Page, element: Element) -> str:
    alt = element.get("alt")
    decorative = alt == "" and not has_global_aria(element) and not is_focusable(element)
    return "presentation" if decorative else "img"


def _td_role(page: Page, element: Element) -> str:
    for ancestor in element.iterancestors("table"):
        return "gridcell" if explicit_role(ancestor) in ("grid", "treegrid") else "cell"
    return "cell"


def _th_role(page: Page, element: Element) -> str:
    """A header cell is a column or a row header as its scope, or HTML's table model, says."""
    table = next(element.iterancestors("table"), None)
    if table is not None:
        grid = page.table(table)
        cell = grid.cell_of(element)
        if cell is not None and not grid.is_column_header(cell) and grid.is_row_header(cell):
            return "rowheader"
    return "columnheader"


#: HTML element -> its implicit ARIA role: a role name, or a function of the element in its page.
IMPLICIT_ROLES: dict[str, str | Callable[[Page, Element], str | None]] = {
    "a": lambda page, el: "link" if el.get("href") is not None else "generic",
    "area": lambda page, el: "link" if el.get("href") is not None else None,
    "article": "article",
    "aside": lambda page, el: (
        "complementary" if not _closest_sectioning(page, el, False) or page.has_author_name(el) else None
    ),
    "b": "generic", "bdi": "generic", "bdo": "generic", "blockquote": "blockquote", "body": "document",
    "button": "button", "caption": "caption", "code": "code", "data": "generic", "datalist": "listbox",
    "dd": "definition", "del": "deletion", "details": "group", "dfn": "term", "dialog": "dialog",
    "div": "generic", "dt": "term", "em": "emphasis", "fieldset": "group", "figure": "figure",
    "footer": lambda page, el: None if _closest_sectioning(page, el, True) else "contentinfo",
    "form": lambda page, el: "form" if page.has_author_name(el) else None,
    **{tag: "heading" for tag in HEADING_LEVEL},
    "header": lambda page, el: None if _closest_sectioning(page, el, True) else "banner",
    "hgroup": "group", "hr": "separator", "html": "document", "i": "generic", "img": _img_role,
    "input": _input_role, "ins": "insertion", "li": "listitem", "main": "main", "math": "math",
    "menu": "list", "meter": "meter", "nav": "navigation", "ol": "list", "optgroup": "group",
    "option": "option", "output": "status", "p": "paragraph", "pre": "generic", "progress": "progressbar",
    "q": "generic", "s": "deletion", "samp": "generic", "search": "search",
    "section": lambda page, el: "region" if page.has_author_name(el) else None,
    "select": lambda page, el: (
        "listbox" if el.get("multiple") is not None or (integer_attribute(el, "size") or 0) > 1 else "combobox"
    ),
    "small": "generic", "span": "generic", "strong": "strong", "sub": "subscript", "summary": "button",
    "sup": "superscript", "svg": "graphics-document", "table": "table", "tbody": "rowgroup", "td": _td_role,
    "textarea": "textbox", "tfoot": "rowgroup", "th": _th_role, "thead": "rowgroup", "time": "time",
    "tr": "row", "u": "generic", "ul": "list",
}


def implicit_role(page: Page, element: Element) -> str | None:
    """The role HTML gives the element when it has no valid `role` attribute."""
    role = IMPLICIT_ROLES.get(element.tag)
    return role(page, element) if callable(role) else role


def heading_level(element: Element, role: str | None) -> int | None:
    """A heading's level as assistive technology reads it (aria-level wins over h1-h6)."""
    if role != "heading":
        return None
    native = HEADING_LEVEL.get(element.tag)
    aria_level = integer_attribute(element, "aria-level")
    if aria_level is not None and aria_level >= 1:
        return aria_level
    return native if native is not None else 2
