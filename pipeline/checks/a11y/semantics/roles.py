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
    valid_role_tokens,
)
from .ariadata import ALLOWED_ROLES, DPUB_REFINES, INPUT_TYPES
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


def _outside_a_table(page: RoleFacts, element: Element) -> bool:
    """Whether the element is a row, row group or cell of a <table> not exposed as a table (role none,
    heading...): HTML-AAM gives such parts no role, as Chromium does, where WAI-ARIA makes them presentational."""
    table = next(element.iterancestors("table"), None)
    return table is not None and role_of(page, table) not in ("table", "grid", "treegrid")


def _table_part(role: str) -> Callable[[RoleFacts, Element], str | None]:
    return lambda page, element: None if _outside_a_table(page, element) else role


def _td_role(page: RoleFacts, element: Element) -> str | None:
    if _outside_a_table(page, element):
        return None
    for ancestor in element.iterancestors("table"):
        return "gridcell" if explicit_role(ancestor) in ("grid", "treegrid") else "cell"
    return "cell"


def _th_role(page: RoleFacts, element: Element) -> str | None:
    """A header cell is a column or a row header as its scope, or HTML's table model, says."""
    if _outside_a_table(page, element):
        return None
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
    "sup": "superscript", "svg": "graphics-document", "table": "table", "tbody": _table_part("rowgroup"), "td": _td_role,
    "textarea": "textbox", "tfoot": _table_part("rowgroup"), "th": _th_role, "thead": _table_part("rowgroup"),
    "time": "time", "tr": _table_part("row"), "u": "generic", "ul": "list",
}


def implicit_role(page: RoleFacts, element: Element) -> str | None:
    """The role HTML gives the element when it has no valid `role` attribute."""
    role = IMPLICIT_ROLES.get(element.tag)
    return role(page, element) if callable(role) else role




#: Landmarks an element keeps the role of even where HTML takes it away (a header inside an article).
_OWN_LANDMARK = {"header": "banner", "footer": "contentinfo"}


def _allowed_roles_key(page: RoleFacts, element: Element) -> str:
    """Which entry of ARIA in HTML's table of allowed roles the element falls under."""
    tag = element.tag
    if tag == "input":
        kind = (element.get("type") or "text").strip().lower()
        kind = kind if kind in INPUT_TYPES else "text"
        if kind == "checkbox" and element.get("aria-pressed") is not None:
            return "input checkbox[aria-pressed]"
        if kind == "text" and element.get("list") is not None:
            return "input text[list]"
        return f"input {kind}" if f"input {kind}" in ALLOWED_ROLES else "input text"
    conditions = {
        "a": lambda: element.get("href") is not None,
        "area": lambda: element.get("href") is not None,
        "img": lambda: bool(element.get("alt")) or page.has_author_name(element),
        "figure": lambda: element.find("figcaption") is not None,
        "select": lambda: element.get("multiple") is None and (element.get("size") or "1") == "1",
        "summary": lambda: (parent := element.getparent()) is not None and parent.tag == "details"
        and parent.find("summary") is element,
    }
    met = conditions.get(tag)
    if met is None or not met():
        return tag
    return {"img": "img[alt]", "figure": "figure[figcaption]", "select": "select[combobox]",
            "summary": "summary[details]"}.get(tag, f"{tag}[href]")


def unallowed_roles(page: RoleFacts, element: Element) -> list[str]:
    """The roles of the `role` attribute that ARIA in HTML does not allow on the HTML element (axe-core's test).

    The element's implicit role is always allowed; a role refining an HTML role (`doc-noteref` of
    a link) only where the element has that role; an element ARIA in HTML does not list, any.
    """
    allowed = ALLOWED_ROLES.get(_allowed_roles_key(page, element))
    implicit = implicit_role(page, element) or _OWN_LANDMARK.get(element.tag)
    wrong = []
    for role in valid_role_tokens(element):
        if role == implicit:
            continue
        if DPUB_REFINES.get(role, implicit) != implicit or not (allowed in (None, "any") or role in allowed.split()):
            wrong.append(role)
    return wrong
