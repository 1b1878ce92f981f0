"""What the cascade means on screen, without a layout engine: lengths, font sizes, content moved out of sight.

A page is not laid out here, so "visible" is decided from what CSS says for certain:
content hidden by `display`/`visibility`, moved far off the page by positioning or margins,
clipped to nothing (the "visually hidden" pattern, or a box of no width or height that cuts
off what overflows it), indented out of sight (`text-indent: -9999px`, the image-replacement
pattern, or one word indented past the width of a box that cuts off its overflow), fully
transparent, or drawn in a box of at most one pixel is not visible. Font sizes follow the cascade from the browser's default of
16px through `em`, `%`, `rem` and keywords.
"""

from __future__ import annotations

import re

from .css import Styles
from .document import Element
from .lengths import DEFAULT_FONT_SIZE, parse_length

#: Browsers' default font sizes, in em of the parent (HTML, 15.3.7 "Sections and headings").
HEADING_FONT_SIZES = {"h1": 2.0, "h2": 1.5, "h3": 1.17, "h4": 1.0, "h5": 0.83, "h6": 0.67}
#: Form controls' own font size, whatever their parent's (browsers' `font: -webkit-small-control`, 13.33px).
FORM_CONTROL_FONT_SIZE = 40 / 3
FORM_CONTROLS = frozenset({"button", "input", "select", "textarea"})
FONT_SIZE_KEYWORDS = {
    "xx-small": 9.0, "x-small": 10.0, "small": 13.0, "medium": 16.0, "large": 18.0, "x-large": 24.0,
    "xx-large": 32.0, "xxx-large": 48.0,
}
#: An offset this far above or left of the page puts content out of every viewport.
OFF_SCREEN_PX = -999.0
#: Elements whose `width` and `height` attributes size their box.
SIZED_BY_ATTRIBUTES = frozenset({"iframe", "img", "object", "embed", "video", "canvas", "input"})
_CLIPPED = re.compile(r"^rect\(\s*(?:0|1px)(?:\s*,?\s*(?:0|1px)){3}\s*\)$")


class Rendering:
    """Font sizes and visibility of one page's elements, computed on demand and cached."""

    def __init__(self, styles: Styles):
        self.styles = styles
        self._font_sizes: dict[Element, float] = {}
        self._out_of_sight: dict[Element, bool] = {}

    def font_size(self, element: Element) -> float:
        """The element's computed font size in pixels."""
        if element not in self._font_sizes:
            parent = element.getparent()
            inherited = self.font_size(parent) if parent is not None else DEFAULT_FONT_SIZE
            root = self.root_font_size(element) if parent is not None else DEFAULT_FONT_SIZE
            value = self.styles.value(element, "font-size")
            size = self._font_size_value(value, inherited, root) if value else None
            if size is None:
                size = FORM_CONTROL_FONT_SIZE if element.tag in FORM_CONTROLS else \
                    inherited * HEADING_FONT_SIZES.get(element.tag, 1.0)
            self._font_sizes[element] = size
        return self._font_sizes[element]

    def root_font_size(self, element: Element) -> float:
        """The font size of the document's root element, which `rem` lengths are relative to."""
        return self.font_size(element.getroottree().getroot())

    @staticmethod
    def _font_size_value(value: str, inherited: float, root: float) -> float | None:
        if value in FONT_SIZE_KEYWORDS:
            return FONT_SIZE_KEYWORDS[value]
        if value == "smaller":
            return inherited / 1.2
        if value == "larger":
            return inherited * 1.2
        if value in ("inherit", "unset", "revert"):
            return inherited
        if value == "initial":
            return DEFAULT_FONT_SIZE
        return parse_length(value, inherited, percent_of=inherited, root_font_size=root)

    def is_visible(self, element: Element) -> bool:
        """Whether the element is drawn where a reader can see it (not hidden, moved away or clipped)."""
        return element not in self.styles.hidden and not self.out_of_sight(element)

    def out_of_sight(self, element: Element) -> bool:
        """Whether CSS or size attributes keep the element out of sight although it is rendered."""
        if element not in self._out_of_sight:
            parent = element.getparent()
            self._out_of_sight[element] = self._own_out_of_sight(element) or (
                parent is not None and self.out_of_sight(parent)
            )
        return self._out_of_sight[element]

    def _own_out_of_sight(self, element: Element) -> bool:
        if not self.styles.declared(element) and element.tag not in SIZED_BY_ATTRIBUTES:
            return False  # nothing moves, clips or shrinks it (most elements: worth not asking each property)

        def get(name: str) -> str | None:
            return self.styles.value(element, name)

        font_size, root = self.font_size(element), self.root_font_size(element)
        if get("opacity") in ("0", "0.0", "0%"):
            return True
        offsets = [parse_length(get(name), font_size, root_font_size=root) for name in ("margin-left", "margin-top")]
        if get("position") in ("absolute", "fixed"):
            offsets += [parse_length(get(name), font_size, root_font_size=root)
                        for name in ("left", "top", "inset-block-start", "inset-inline-start")]
            if _CLIPPED.match(get("clip") or "") or (get("clip-path") or "").replace(" ", "") in ("inset(50%)",):
                return True
        if any(offset is not None and offset <= OFF_SCREEN_PX for offset in offsets):
            return True
        width, height = self.box_length(element, "width"), self.box_length(element, "height")
        if width is not None and height is not None and width <= 1 and height <= 1:
            return True
        indent = parse_length(get("text-indent"), font_size, root_font_size=root) if get("text-indent") else None
        if indent is not None and (indent <= OFF_SCREEN_PX or (
                width is not None and indent >= width and self.clips(element) and _one_word(element))):
            return True
        return ((width is not None and width <= 0) or (height is not None and height <= 0)) and self.clips(element)

    def box_length(self, element: Element, name: str) -> float | None:
        """A size of the element in px (`width`, `max-height`…): its CSS value, else an embedded element's attribute.

        None when only layout tells (a percentage, `auto`, none set).
        """
        value = self.styles.value(element, name)
        if value:
            return parse_length(value, self.font_size(element), root_font_size=self.root_font_size(element))
        return _attribute_px(element, name) if name in ("width", "height") else None

    def clips(self, element: Element) -> bool:
        """Whether the element cuts off what overflows its box (overflow other than visible)."""
        values = " ".join(self.styles.value(element, name) or "" for name in ("overflow", "overflow-x", "overflow-y"))
        return any(word in ("hidden", "clip", "scroll", "auto") for word in values.split())


def _attribute_px(element: Element, name: str) -> float | None:
    """A `width` or `height` attribute of an embedded element, in pixels."""
    if element.tag not in SIZED_BY_ATTRIBUTES:
        return None
    value = (element.get(name) or "").strip()
    return float(value) if re.fullmatch(r"\d+(?:\.\d+)?", value) else None


def _one_word(element: Element) -> bool:
    """Whether the element's text is one word, which a line box never breaks (its first line holds it all)."""
    return len("".join(element.itertext()).split()) == 1
