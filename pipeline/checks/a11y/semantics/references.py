"""Ids other elements point to: a `<label>`'s `for`, and ARIA's id references (axe-core's isAccessibleRef)."""

from __future__ import annotations

from collections.abc import Iterable

from .document import Element

#: The attributes whose value is one id or a list of ids (ARIA 1.3, as axe-core 4.14 lists them).
REFERENCES = frozenset({"aria-actions", "aria-activedescendant", "aria-controls", "aria-describedby", "aria-details",
                        "aria-errormessage", "aria-flowto", "aria-labelledby", "aria-owns"})


def referenced_ids(elements: Iterable[Element]) -> dict[str, None]:
    """Every id a label or an ARIA reference of these elements names, in the order first named."""
    referenced: dict[str, None] = {}
    for element in elements:
        for name, value in element.items():
            if name in REFERENCES or (name == "for" and element.tag == "label"):
                referenced.update(dict.fromkeys(value.split() if name != "for" else [value]))
    return referenced
