"""Where a finding points: a CSS selector for an element, that a person can paste into developer tools."""

from __future__ import annotations

import re
from typing import NamedTuple

from .document import Element
from .facts import PageFacts

#: Selectors up to this many steps are tried one by one, longer ones by bisection.
SHORT_PATH = 8
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


class Positions:
    """Each element's position among same-tag siblings, and the elements at each (tag, position), found once."""

    def __init__(self, elements: list[Element]):
        self.position: dict[Element, int] = {}  # from 1, as `:nth-of-type()` counts
        self.alone: set[Element] = set()  # no sibling shares its tag: a step needs no position
        self.at: dict[tuple[str, int], list[Element]] = {}
        parents = {id(p): p for p in (e.getparent() for e in elements) if p is not None}
        for parent in parents.values():
            counts: dict[str, int] = {}
            for child in parent:
                counts[child.tag] = counts.get(child.tag, 0) + 1
            seen: dict[str, int] = {}
            for child in parent:
                seen[child.tag] = seen.get(child.tag, 0) + 1
                self.position[child] = seen[child.tag]
                if counts[child.tag] == 1:
                    self.alone.add(child)
        for element in elements:
            self.at.setdefault((element.tag, self.of(element)), []).append(element)

    def of(self, element: Element) -> int:
        """The element's position from 1 (as `:nth-of-type()` counts); 1 for the root."""
        return self.position.get(element, 1)


def selector(element: Element, page: PageFacts, positions: Positions) -> str:
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
        steps.append(Step(node.tag, 0 if node in positions.alone or node.getparent() is None else positions.of(node)))
        node = node.getparent()
    length = _shortest_unique(steps, page, positions)
    return " > ".join(step.css() for step in reversed(steps[:length]))


def _shortest_unique(steps: list[Step], page: PageFacts, positions: Positions) -> int:
    """How many steps from the element up select it alone; all of them do.

    Each step more can only narrow what the selector matches, so past the first few tries
    the length is found by bisection: a page nested hundreds deep costs a few counts, not hundreds.
    """
    for length in range(1, min(len(steps), SHORT_PATH)):
        if _count_matching(steps[:length], page, positions) == 1:
            return length
    low, high = min(len(steps), SHORT_PATH), len(steps)  # the answer is in [low, high]
    while low < high:
        middle = (low + high) // 2
        if _count_matching(steps[:middle], page, positions) == 1:
            high = middle
        else:
            low = middle + 1
    return high


def _count_matching(steps: list[Step], page: PageFacts, positions: Positions, enough: int = 2) -> int:
    """How many elements the steps select (counting stops at `enough`).

    The search starts from the step fewest elements can match (a step with a position matches
    only elements at that position; one without, any element of its tag), checks the steps
    above it on each candidate's ancestors and counts the descendants that match those below:
    linear in the candidates, not in the page, for each selector.
    """
    def candidates(step: Step) -> list[Element]:
        return positions.at.get((step.tag, step.position), []) if step.position else page.elements_by_tag(step.tag)

    pivot = min(range(len(steps)), key=lambda index: len(candidates(steps[index])))
    count = 0
    for candidate in candidates(steps[pivot]):
        if _matches(candidate, steps[pivot:], positions):
            count += _descendants_matching(candidate, steps[:pivot], positions)
            if count >= enough:
                break
    return count


def _descendants_matching(node: Element, below: list[Step], positions: Positions) -> int:
    """How many descendants of the node the steps below it select (the last step is the node's child)."""
    reached = [node]
    for step in reversed(below):
        reached = [child for parent in reached for child in parent
                   if child.tag == step.tag and (not step.position or positions.of(child) == step.position)]
    return len(reached)


def _matches(element: Element, steps: list[Step], positions: Positions) -> bool:
    """Whether the element is selected by the steps (the element first, then its parent...)."""
    node: Element | None = element
    for step in steps:
        if node is None or node.tag != step.tag or (step.position and positions.of(node) != step.position):
            return False
        node = node.getparent()
    return True


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
