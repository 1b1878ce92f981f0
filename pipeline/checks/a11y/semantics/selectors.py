"""Where a finding points: a CSS selector for an element, that a person can paste into developer tools."""

from __future__ import annotations

import re
from typing import NamedTuple

from .document import Element
from .facts import PageFacts

_PLAIN_IDENTIFIER = re.compile(r"^-?[A-Za-z_][A-Za-z0-9_-]*$")


class Step(NamedTuple):
    """One step of a selector path: `#id`, or a tag with its position among same-tag siblings (0: the only one)."""

    tag: str
    position: int = 0
    ident: str | None = None

    def css(self) -> str:
        """The step as CSS."""
        if self.ident is not None:
            return "#" + css_identifier(self.ident)
        return f"{self.tag}:nth-of-type({self.position})" if self.position else self.tag


def selector(element: Element, page: PageFacts) -> str:
    """The shortest selector of steps from the element up that selects only it: `#id` when its id is unique.

    The path goes up to the nearest ancestor with a unique id (or `html`), each step a tag and,
    where same-tag siblings make it ambiguous, `:nth-of-type()`; of its tails, the shortest that no
    other element of the page matches is the one a person pastes (`document.querySelector`).
    """
    steps: list[Step] = []
    node: Element | None = element
    while node is not None:
        ident = node.get("id")
        if ident and len(page.elements_by_id(ident)) == 1:
            steps.append(Step(node.tag, ident=ident))
            break
        parent = node.getparent()
        alone = parent is None or sum(1 for c in parent if c.tag == node.tag) == 1
        steps.append(Step(node.tag, 0 if alone else _position(parent, node)))
        node = parent
    for length in range(1, len(steps)):
        tail = steps[:length]
        if not any(other is not element and _matches(other, tail) for other in page.elements_by_tag(tail[0].tag)):
            break
    else:
        length = len(steps)
    return " > ".join(step.css() for step in reversed(steps[:length]))


def _matches(element: Element, steps: list[Step]) -> bool:
    """Whether the element is selected by the steps (the element first, then its parent...)."""
    node: Element | None = element
    for step in steps:
        if node is None or node.tag != step.tag:
            return False
        parent = node.getparent()
        if step.position and (parent is None or _position(parent, node) != step.position):
            return False
        node = parent
    return True


def _position(parent: Element, node: Element) -> int:
    """The node's position among its parent's children of the same tag, from 1 (as `:nth-of-type()` counts)."""
    return [c for c in parent if c.tag == node.tag].index(node) + 1


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
