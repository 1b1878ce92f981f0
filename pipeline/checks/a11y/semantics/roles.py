"""The role of each HTML element: explicit when valid, else the implicit one (HTML-AAM, ARIA in HTML)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from .aria import (
    HEADING_LEVEL,
    PRESENTATIONAL_ROLES,
    SECTIONING_ELEMENTS,
    SECTIONING_ROLES,
    explicit_role,
    has_global_aria,
    integer_attribute,
)
from .document import Element
from .facts import PageFacts
from .focus import is_focusable
from .tables import Table


class RoleFacts(PageFacts, Protocol):
    """A page that also knows its tables' grids (a header cell's role depends on its table)."""

    def table(self, element: Element) -> Table:
        """The grid of a table element."""
        ...


def role_of(page: RoleFacts, element: Element) -> str | None:
    """A valid explicit role, unless presentational in conflict, else the implicit one."""
    role = explicit_role(element)
    if role in PRESENTATIONAL_ROLES and (is_focusable(element) or has_global_aria(element)):
        role = None  # browsers ignore role="none" on focusable elements or those with global ARIA
    return role if role is not None else implicit_role(page, element)


def _closest_sectioning(page: RoleFacts, element: Element, include_self: bool) -> bool:
    node = element if include_self else element.getparent()
    while node is not None:
        role = explicit_role(node)
        if (role is None and node.tag in SECTIONING_ELEMENTS) or role in SECTIONING_ROLES:
            return True
        node = node.getparent()
    return False


def _input_role(page: RoleFacts, element: Element) -> str:
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


def _img_role(page: RoleFacts, element: Element) -> str:
    alt = element.get("alt")
    decorative = alt == "" and not has_global_aria(element) and not is_focusable(element)
    return "presentation" if decorative else "img"


def _td_role(page: RoleFacts, element: Element) -> str:
    for ancestor in element.iterancestors("table"):
        return "gridcell" if explicit_role(ancestor) in ("grid", "treegrid") else "cell"
    return "cell"


def _th_role(page: RoleFacts, element: Element) -> str:
    """A header cell is a column or a row header as its scope, or HTML's table model, says."""
    table = next(element.iterancestors("table"), None)
    if table is not None:
        grid = page.table(table)
        cell = grid.cell_of(element)
        if cell is not None and not grid.is_column_header(cell) and grid.is_row_header(cell):
            return "rowheader"
    return "columnheader"


#: HTML element -> its implicit ARIA role: a role name, or a function of the element in its page.
IMPLICIT_ROLES: dict[str, str | Callable[[RoleFacts, Element], str | None]] = {
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


def implicit_role(page: RoleFacts, element: Element) -> str | None:
    """The role HTML gives the element when it has no valid `role` attribute."""
    role = IMPLICIT_ROLES.get(element.tag)
    return role(page, element) if callable(role) else role


