"""Text spacing a `style` attribute forbids users to change: WCAG 1.4.12, axe-core's avoid-inline-spacing.

Users who need more space between letters, words or lines override the page's styles with
their own. A declaration in a `style` attribute marked `!important` beats every author
style sheet, so it can only be undone by user style sheets that not every tool can write.
Such a declaration is fine only when it already gives at least the spacing WCAG asks for:
letters 0.12, words 0.16 and lines (of text that wraps) 1.5 times the font size. Each element
with text that inherits the declaration is measured in its own font size (W3C ACT rules
24afc2, 9e45ec and 78fd32 judge those elements); the finding is the element whose `style`
says `!important`, the texts that fail it named with it, as axe-core reports it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple, Protocol

from ....model import Outcome
from .css import Styles
from .document import Element, is_mathml, is_svg
from .facts import PageFacts
from .rendering import DEFAULT_FONT_SIZE, Rendering, parse_length

#: Values that do not fix the property: they take the parent's, so they are not this element's to check.
INHERITING = frozenset({"inherit", "unset", "revert", "revert-layer"})
NORMAL_LINE_HEIGHT = 1.2  # what browsers use for `line-height: normal`, in font sizes
AVERAGE_CHARACTER_WIDTH = 0.5  # in font sizes: a rough width of text, to guess where it wraps
VIEWPORT_WIDTH = 1280.0  # px: the width text is assumed to have when nothing narrower is set
_NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)$")


class StyledFacts(PageFacts, Protocol):
    """A page that also knows its cascade and what the cascade means on screen."""

    @property
    def styles(self) -> Styles:
        """The CSS cascade of the page."""
        ...

    @property
    def rendering(self) -> Rendering:
        """Font sizes and visibility, from the cascade."""
        ...

    def is_visible(self, element: Element) -> bool:
        """Whether the element is drawn where a reader can see it."""
        ...

    def has_own_text(self, element: Element) -> bool:
        """Whether the element has text directly inside it."""
        ...


def targets(page: StyledFacts, prop: str) -> Iterator[tuple[Element, Element, str, float]]:
    """Elements with visible text whose `prop` comes from an `!important` style attribute.

    Each as (element, the element whose style attribute declares it, value, font size in px).

    The property is inherited, so the value an element has may be declared on an ancestor; a
    value of `inherit` takes the parent's, importance and all. The font size returned is the
    one the value is relative to: the declaring element's, except for bare numbers (line height).
    """
    if not any("important" in (element.get("style") or "") for element in page.elements):
        return  # no style attribute says !important: nothing can forbid the spacing (most pages)
    for element in page.elements:
        if is_svg(element) or is_mathml(element):
            continue
        source = _declaring(page, element, prop)
        if source is None or not page.has_own_text(element) or not page.is_visible(element):
            continue
        declarer, value = source
        relative_to = element if _NUMBER.match(value) else declarer
        yield element, declarer, value, page.rendering.font_size(relative_to)


def _declaring(page: StyledFacts, element: Element, prop: str) -> tuple[Element, str] | None:
    """The element whose important style attribute gives `element` its value of `prop`, and that value."""
    node: Element | None = element
    while node is not None:
        declaration = page.styles.declared(node).get(prop)
        if declaration is not None and declaration.value not in INHERITING:
            return (node, declaration.value) if declaration.inline and declaration.important else None
        node = node.getparent()
    return None


def spacing_px(value: str, font_size: float, root_font_size: float = DEFAULT_FONT_SIZE) -> float | None:
    """Letter or word spacing in pixels (`normal` is none); None when it depends on layout."""
    if value in ("normal", "initial"):
        return 0.0
    return parse_length(value, font_size, root_font_size=root_font_size)


def line_height_px(value: str, font_size: float, root_font_size: float = DEFAULT_FONT_SIZE) -> float | None:
    """The used line height in pixels: numbers and percentages scale the font size."""
    if value in ("normal", "initial"):
        return NORMAL_LINE_HEIGHT * font_size
    if _NUMBER.match(value):
        return float(value) * font_size
    return parse_length(value, font_size, percent_of=font_size, root_font_size=root_font_size)


def wraps(page: StyledFacts, element: Element, font_size: float) -> bool:
    """Whether the element's text is long enough to break onto a second line in the width it has."""
    text = " ".join("".join(element.itertext()).split())
    if " " not in text or (page.styles.value(element, "white-space") or "").startswith(("nowrap", "pre")):
        return False
    width = VIEWPORT_WIDTH
    for node in (element, *element.iterancestors()):
        size = page.rendering.font_size(node)
        root = page.rendering.root_font_size(node)
        limits = [parse_length(page.styles.value(node, name), size, root_font_size=root)
                  for name in ("width", "max-width")]
        known = [limit for limit in limits if limit is not None]
        if known:
            width = min(known)
            break
    return len(text) * AVERAGE_CHARACTER_WIDTH * font_size > width


class Spacing(NamedTuple):
    """What WCAG 1.4.12 asks of one property: at least `minimum` times the font size."""

    prop: str
    minimum: float
    between: str  # what it spaces apart: letters, words, lines


SPACINGS = (Spacing("letter-spacing", 0.12, "letters"), Spacing("word-spacing", 0.16, "words"),
            Spacing("line-height", 1.5, "lines"))


class SpacingResult(NamedTuple):
    """The outcome for one element whose style attribute sets important spacing, and the texts that fail it."""

    outcome: Outcome
    declarer: Element
    message: str
    failing: tuple[Element, ...]


def inline_spacing_results(page: StyledFacts) -> Iterator[SpacingResult]:
    """One result per element whose important inline spacing reaches text: failed if any text is too tight."""
    found: dict[Element, list[tuple[Outcome, Element, str]]] = {}
    for spacing in SPACINGS:
        for outcome, element, declarer, message in _outcomes(page, spacing):
            found.setdefault(declarer, []).append((outcome, element, message))
    for declarer in (element for element in page.elements if element in found):  # in document order
        results = found[declarer]
        for outcome in ("failed", "cantTell", "passed"):
            chosen = [(element, message) for o, element, message in results if o == outcome]
            if chosen:
                messages = "; ".join(dict.fromkeys(message for _, message in chosen if message))
                failing = tuple(dict.fromkeys(e for e, _ in chosen if e is not declarer)) if outcome != "passed" else ()
                yield SpacingResult(outcome, declarer, messages, failing)
                break


def _outcomes(page: StyledFacts, spacing: Spacing) -> Iterator[tuple[Outcome, Element, Element, str]]:
    """(outcome, text element, declaring element, message) for each text the property's declaration reaches."""
    prop, minimum = spacing.prop, spacing.minimum
    for element, declarer, value, relative_to in targets(page, prop):
        font_size = page.rendering.font_size(element)
        root_size = page.rendering.root_font_size(element)
        if prop == "line-height":
            if not wraps(page, element, font_size):
                continue
            used = line_height_px(value, relative_to, root_size)
        else:
            used = spacing_px(value, relative_to, root_size)
        if used is None:
            yield "cantTell", element, declarer, (f"{prop}: {value} !important depends on the layout: check that "
                                                  f"it is at least {minimum} times the font size")
        elif used >= minimum * font_size - 1e-6:
            yield "passed", element, declarer, ""
        elif prop == "line-height":
            yield "failed", element, declarer, (f"line-height: {value} !important in the style attribute stops "
                                                "users spacing lines further apart: remove !important, or make "
                                                "it at least 1.5")
        else:
            yield "failed", element, declarer, (f"{prop}: {value} !important in the style attribute stops users "
                                                f"widening the space between {spacing.between}: remove !important, "
                                                f"or make it at least {minimum}em")
