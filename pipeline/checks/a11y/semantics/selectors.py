"""Where a finding points: a CSS selector for an element, that a person can paste into developer tools."""

from __future__ import annotations

import re
from collections.abc import Callable

from .document import Element

_PLAIN_IDENTIFIER = re.compile(r"^-?[A-Za-z_][A-Za-z0-9_-]*$")


def selector(element: Element, unique_id: Callable[[str], bool]) -> str:
    """A short, stable CSS selector: `#id` when the id is unique, else a `tag:nth-of-type()` path."""
    parts: list[str] = []
    node: Element | None = element
    while node is not None:
        ident = node.get("id")
        if ident and unique_id(ident):
            parts.append("#" + css_identifier(ident))
            break
        parent = node.getparent()
        if parent is None or node.tag in ("body", "head"):
            parts.append(node.tag)
            break
        same = [c for c in parent if c.tag == node.tag]
        parts.append(node.tag if len(same) == 1 else f"{node.tag}:nth-of-type({same.index(node) + 1})")
        node = parent
    return " > ".join(reversed(parts))


def css_identifier(value: str) -> str:
    """A value written as a CSS identifier, escaped where needed (as `CSS.escape` does)."""
    if _PLAIN_IDENTIFIER.match(value) and not value.startswith("--"):
        return value
    out = []
    for index, char in enumerate(value):
        if not char.isascii() or (char.isalnum() or char in "-_") and not (char.isdigit() and index == 0):
            out.append(char)
        elif char.isdigit() or char in " \t\n\r\f":
            out.append(f"\\{ord(char):x} ")
        else:
            out.append("\\" + char)
    return "".join(out)
