"""Text a box of fixed height cuts off, estimated without layout.

A box with a height (or max-height) in pixels that clips its overflow (`overflow: hidden`, a
"read more" box) shows only its first lines. Where a piece of text starts is estimated from
the characters before it in the box, at half a font size each, wrapped at the box's width; a
piece that starts a full line below the bottom edge is cut off. Anything closer, or a box of
unknown width, counts as shown: the guess errs toward measuring the text.
"""

from __future__ import annotations

import math

from .document import Element
from .lengths import parse_length
from .spacing import AVERAGE_CHARACTER_WIDTH, StyledFacts, line_height_px


class Clipping:
    """Which texts of one page the fixed-height boxes cut off (each box and each element looked at once)."""

    def __init__(self, page: StyledFacts):
        self.page = page
        self._boxes: dict[Element, Element | None] = {}
        self._offsets: dict[Element, dict[Element, int]] = {}

    def box(self, element: Element) -> Element | None:
        """The nearest ancestor of the element that clips its overflow at a height in pixels, if any."""
        chain: list[Element] = []
        node: Element | None = element
        while node is not None and node not in self._boxes:
            chain.append(node)
            node = node.getparent()
        found = self._boxes[node] if node is not None else None
        for item in reversed(chain):  # from the top down: an element's box is its parent, or its parent's box
            parent = item.getparent()
            if parent is not None and _height(self.page, parent) is not None and self.page.rendering.clips(parent):
                found = parent
            self._boxes[item] = found
        return self._boxes[element]

    def cut_off(self, element: Element) -> bool:
        """Whether the element's text starts a full line below the bottom of a box that cuts it off."""
        box = self.box(element)
        if box is None:
            return False
        page = self.page
        size = page.rendering.font_size(box)
        width = parse_length(page.styles.value(box, "width"), size, root_font_size=page.rendering.root_font_size(box))
        height = _height(page, box)
        line = line_height_px(page.styles.computed(box, "line-height") or "normal", size)
        if not width or height is None or not line:
            return False
        if box not in self._offsets:
            self._offsets[box] = _character_offsets(box)
        before = self._offsets[box].get(element, 0)
        top = math.floor(before * AVERAGE_CHARACTER_WIDTH * size / width) * line
        return top >= height + line


def _height(page: StyledFacts, box: Element) -> float | None:
    values = [value for value in (page.styles.value(box, "height"), page.styles.value(box, "max-height")) if value]
    if not values:
        return None
    size, root = page.rendering.font_size(box), page.rendering.root_font_size(box)
    heights = [parse_length(value, size, root_font_size=root) for value in values]
    known = [height for height in heights if height is not None and height > 0]
    return min(known) if known else None


def _character_offsets(box: Element) -> dict[Element, int]:
    """How many characters of the box's text (white space collapsed) come before each element in it."""
    offsets: dict[Element, int] = {}
    count = len(" ".join((box.text or "").split()))

    def walk(node: Element) -> None:
        nonlocal count
        for child in node:
            if isinstance(child.tag, str):
                offsets[child] = count
                count += len(" ".join((child.text or "").split())) + 1
                walk(child)
            count += len(" ".join((child.tail or "").split())) + 1

    walk(box)
    return offsets
