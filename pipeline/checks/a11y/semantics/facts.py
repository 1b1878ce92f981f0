"""The facts of a page that the semantic helpers ask of it, as a protocol.

The helpers (roles, names, the accessibility tree, tables, focus) answer questions about
one element, and need answers about others: a label's text, a header's role, whether an
ancestor is hidden. They ask a `PageFacts`, never the page class itself, so they import
nothing above them; `page.Page` implements the protocol, caches every answer and ties the
helpers together.
"""

from __future__ import annotations

from typing import Protocol

from .document import Element


class PageFacts(Protocol):
    """What a helper may ask of the page an element is in."""

    root: Element
    elements: list[Element]  # every element outside inert containers, in document order

    def elements_by_tag(self, *tags: str) -> list[Element]:
        """The elements with these tag names, in document order."""
        ...

    def elements_by_id(self, ident: str) -> list[Element]:
        """Every element whose id is exactly `ident`."""
        ...

    def element_by_id(self, ident: str) -> Element | None:
        """The element a reference to `ident` reaches (the first with that id)."""
        ...

    def role(self, element: Element) -> str | None:
        """The element's role (explicit, else implicit)."""
        ...

    def is_hidden(self, element: Element) -> bool:
        """Whether the element is hidden from assistive technology."""
        ...

    def is_css_hidden(self, element: Element) -> bool:
        """Whether CSS (or the `hidden` attribute) keeps the element from being rendered."""
        ...

    def has_author_name(self, element: Element) -> bool:
        """Whether `aria-labelledby`, `aria-label` or `title` names the element."""
        ...

    def generated_text(self, element: Element) -> tuple[str, str]:
        """The text CSS generates before and after the element's content (`::before`, `::after`)."""
        ...

    def has_own_text(self, element: Element) -> bool:
        """Whether the element has text directly inside it, not only inside its children."""
        ...
