"""The accessibility tree of a page, as far as HTML decides it: who owns whom, and what takes focus.

An element is *in the tree* unless it is hidden from assistive technology. Within the tree,
some elements are *transparent*: they carry no semantics of their own (role none or
presentation, or a generic element (`role="generic"` is a `<div>` to the browser) with content
but no global ARIA attribute, no focusability and no name), so their children belong to the nearest ancestor that is not
transparent. `aria-owns` moves elements under their owner. An empty generic element is kept
as a node, as browsers keep it. Text directly inside an element is owned by it too.
"""

from __future__ import annotations

from collections.abc import Iterator

from . import aria
from .document import Element
from .facts import PageFacts
from .focus import is_focusable
#: Elements whose own content a browser never shows: no part of the tree.
NOT_CONTENT = frozenset({"script", "style", "template", "noscript", "head", "title", "meta", "link"})


class AccessibilityTree:
    """Ownership and focus facts of one page, computed once."""

    def __init__(self, page: PageFacts):
        self.page = page
        self.owner: dict[Element, Element] = {}
        self.owned: dict[Element, list[Element]] = {}
        self._read_aria_owns()

    def _read_aria_owns(self) -> None:
        for element in self.page.elements:
            refs = (element.get("aria-owns") or "").split()
            for ref in refs:
                target = self.page.element_by_id(ref)
                if target is None or target in self.owner or target is element:
                    continue
                if self._is_owned_ancestor(target, element):
                    continue  # owning an ancestor would make a cycle: browsers ignore it
                self.owner[target] = element
                self.owned.setdefault(element, []).append(target)

    def _is_owned_ancestor(self, candidate: Element, element: Element) -> bool:
        """Whether `candidate` is above `element`, through DOM parents and the ownership read so far."""
        node = self.owner.get(element, element.getparent())
        while node is not None:
            if node is candidate:
                return True
            node = self.owner.get(node, node.getparent())
        return False

    def is_transparent(self, element: Element) -> bool:
        """Whether the element passes its children to its parent in the tree (no node of its own)."""
        page = self.page
        role = page.role(element)
        if role in aria.PRESENTATIONAL_ROLES:
            return True
        if aria.explicit_role(element) not in (None, "generic"):
            return False
        if aria.has_global_aria(element) or is_focusable(element):
            return False
        if role is None:
            return True
        return role == "generic" and has_content(element)

    def parent(self, element: Element) -> Element | None:
        """The element's parent in the accessibility tree (None at the root, or when hidden)."""
        node = self.owner.get(element, element.getparent())
        while node is not None and (self.is_transparent(node) or self.page.is_hidden(node)):
            if self.page.is_hidden(node):
                return None
            node = self.owner.get(node, node.getparent())
        return node

    def children(self, element: Element) -> Iterator[Element | str]:
        """The element's children in the tree: elements, and text (as strings) owned directly."""
        for child in self._dom_and_owned_children(element):
            if isinstance(child, str):
                if child.strip() and element.tag not in FOSTER_PARENTING:
                    yield child
                continue
            if self.page.is_hidden(child) or child.tag in NOT_CONTENT:
                continue
            if self.is_transparent(child):
                yield from self.children(child)
            else:
                yield child

    def _dom_and_owned_children(self, element: Element) -> Iterator[Element | str]:
        yield element.text or ""
        for child in element:
            if isinstance(child.tag, str) and self.owner.get(child, element) is element:
                yield child
            yield child.tail or ""
        yield from self.owned.get(element, [])


#: Elements whose text an HTML parser moves out, before the table (foster parenting); libxml2 leaves it in.
FOSTER_PARENTING = frozenset({"table", "thead", "tbody", "tfoot", "tr"})


def has_content(element: Element) -> bool:
    """Whether the element has child elements or text."""
    return bool((element.text or "").strip()) or len(element) > 0
