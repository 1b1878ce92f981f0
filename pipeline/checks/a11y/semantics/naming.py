"""Which elements a role name rule tests, and whether they are named, as axe-core selects them.

The role name rules (`aria-dialog-name`, `aria-tab-name`...) test elements whose `role`
attribute is exactly that role, in the accessibility tree, on elements HTML does not name
itself (a `<button role="tab">` takes its name as a button, and button rules test it).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from ....model import Outcome
from .ariadata import NAMED_BY_HTML
from .document import Element
from .facts import PageFacts


class NamingFacts(PageFacts, Protocol):
    """A page that also computes accessible names."""

    def elements_with(self, *attributes: str) -> list[Element]:
        """The elements carrying any of these attributes, in document order."""
        ...

    def name(self, element: Element) -> str:
        """The element's accessible name."""
        ...


def named_by_html(element: Element) -> bool:
    """Whether HTML gives the element a way to be named of its own (a label, alt text, its content)."""
    if element.tag == "a":
        return element.get("href") is not None
    if element.tag == "input":
        return f"input {(element.get('type') or 'text').strip().lower()}" in NAMED_BY_HTML
    return element.tag in NAMED_BY_HTML


def role_name_outcomes(page: NamingFacts, role: str) -> Iterator[tuple[Element, Outcome]]:
    """(element, passed or failed) for each element of `role="<role>"` in the tree, by whether it has a name."""
    for element in page.elements_with("role"):
        if element.get("role") != role or named_by_html(element) or page.is_hidden(element):
            continue
        yield element, "passed" if page.name(element) else "failed"
