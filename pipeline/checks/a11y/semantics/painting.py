"""What is painted where text is, without a layout engine: the text's colour, weight and shadows, and the boxes behind it.

Colours come from the cascade on one screen: each box from the text's element up to the
root is a layer (its background colour, faded by its `opacity` with everything inside it),
over the canvas of the page's colour scheme. Where the layers cannot be known without
laying the page out, `layers` says why instead, as Siteimprove Alfa answers: a background
image or gradient shows through, a box on the way is positioned or moved (absolute,
fixed, sticky, offset, negative margins, transforms), a positioned box with a background
shares a positioned container with the text, or a colour is in a space we do not convert.
"""

from __future__ import annotations

from typing import NamedTuple

import tinycss2

from .colour import SYSTEM_COLOURS, TRANSPARENT, Colour, parse_colour, split_top_level
from .css import INITIAL, Styles
from .document import Element
from .lengths import parse_length
from .media import Screen
from .spacing import StyledFacts

#: Elements whose colours come from the browser's style sheet rather than their parent's.
FIELDS = frozenset({"textarea", "select"})
BUTTON_INPUTS = frozenset({"button", "submit", "reset"})
UA_BOLD = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "th", "b", "strong"})
MOVED = frozenset({"absolute", "fixed", "sticky"})
_ZERO = frozenset({"0", "0px", "0em", "0rem", "none", "auto", "initial", "unset"})
Shadow = tuple[Colour, float, float, float]  # colour, x offset, y offset, blur (px)


class Box(NamedTuple):
    """One box's part in what lies behind text inside it."""

    background: Colour | None  # None: a colour not converted to sRGB
    image: str  # a background image or gradient, "" when none
    opacity: float
    moved: str  # why the box may not sit over its parent's background, "" when it does


def declared_schemes(page: StyledFacts, styles: Styles) -> list[str]:
    """The colour schemes the root's `color-scheme`, or `<meta name="color-scheme">`, says the page supports."""
    value = styles.value(page.root, "color-scheme")
    if value is None:
        metas = [m for m in page.elements_by_tag("meta") if (m.get("name") or "").strip().lower() == "color-scheme"]
        value = (metas[0].get("content") or "") if metas else ""
    return value.lower().split()


class Painting:
    """Colours and boxes of one page on one screen, cached per element."""

    def __init__(self, page: StyledFacts, styles: Styles, screen: Screen):
        self.page = page
        self.screen = screen
        self.styles = styles
        schemes = declared_schemes(page, styles)
        dark = (screen.color_scheme == "dark" and "dark" in schemes) or ("dark" in schemes and "light" not in schemes)
        self.scheme = "dark" if dark else "light"
        self.system = SYSTEM_COLOURS[self.scheme]
        self.canvas = parse_colour("canvas", TRANSPARENT, self.scheme) or TRANSPARENT
        self._colours: dict[Element, Colour | None] = {}
        self._weights: dict[Element, int] = {}
        self._boxes: dict[Element, Box] = {}
        self._layered: dict[tuple[Element, Colour], tuple[Colour, Colour] | str] = {}
        self._covered = self._positioned_covers()

    def colour(self, element: Element) -> Colour | None:
        """The element's computed `color` as sRGB (None when it is in a space not converted)."""
        if element not in self._colours:
            parent = element.getparent()
            inherited = self.colour(parent) if parent is not None else self._system("canvastext")
            value = self.styles.value(element, "color")
            if value is None:  # the browser's style sheet decides: a link's colour, a field's, or the parent's
                default = _default_colour(element)
                result = self._system(default) if default else inherited
            elif value in ("inherit", "unset"):  # the parent's, even on a link (`a { color: inherit }`)
                result = inherited
            elif value in INITIAL:
                result = self._system("canvastext")
            else:
                result = parse_colour(value, inherited, self.scheme) if inherited is not None else None
            self._colours[element] = result
        return self._colours[element]

    def weight(self, element: Element) -> int:
        """The element's computed font weight (400 normal, 700 bold)."""
        if element not in self._weights:
            parent = element.getparent()
            inherited = self.weight(parent) if parent is not None else 400
            value = self.styles.value(element, "font-weight")
            if value is None:
                value = ("bolder" if element.tag in ("b", "strong") else "bold") if element.tag in UA_BOLD else None
            elif value in ("inherit", "unset"):
                value = None  # the parent's
            self._weights[element] = _weight(value, inherited)
        return self._weights[element]

    def layers(self, element: Element, foreground: Colour) -> tuple[Colour, Colour] | str:
        """The text's colour and its background's, each box a layer; a reason instead when layout decides."""
        key = (element, foreground)
        if key not in self._layered:
            node: Element | None = element
            passed = []  # boxes that paint nothing and move nothing: the text looks as it does in their parent
            while node is not None and (node, foreground) not in self._layered and self._clear(node):
                passed.append((node, foreground))
                node = node.getparent()
            if node is None:
                result: tuple[Colour, Colour] | str = (foreground.over(self.canvas), self.canvas)
            elif (node, foreground) in self._layered:
                result = self._layered[(node, foreground)]
            else:
                result = self._painted_layers(node, foreground)
            self._layered.update(dict.fromkeys([*passed, (node, foreground)] if node is not None else passed, result))
        return self._layered[key]

    def _clear(self, node: Element) -> bool:
        """Whether the box paints nothing behind text and sits where its parent's background is."""
        box = self.box(node)
        return (node not in self._covered and not box.image and box.background is not None
                and box.background.alpha <= 0 and box.opacity >= 1 and not box.moved)

    def _painted_layers(self, element: Element, foreground: Colour) -> tuple[Colour, Colour] | str:
        text, backdrop = foreground, TRANSPARENT
        for node in (element, *element.iterancestors()):
            if node in self._covered and not backdrop.opaque:
                return (f"A positioned box with a background, {self._covered[node]}, shares a positioned container "
                        "with this text and may lie under or over it: check the contrast in a browser")
            box = self.box(node)
            if box.image and not backdrop.opaque:
                return (f"A background image or gradient ({_short(box.image)}) lies behind the text: check its "
                        "contrast against the image in a browser")
            if box.background is None:
                return (f"The background colour ({self.styles.value(node, 'background-color')}) is not one the "
                        "checker converts to sRGB: check the contrast in a browser")
            text, backdrop = text.over(box.background), backdrop.over(box.background)
            if box.opacity < 1:
                text, backdrop = text.faded(box.opacity), backdrop.faded(box.opacity)
            if not backdrop.opaque and box.moved:
                return f"{box.moved}, so what lies behind the text depends on the layout: check the contrast in a browser"
        return text.over(self.canvas), backdrop.over(self.canvas)

    def box(self, node: Element) -> Box:
        """The node's background, image, opacity and movement."""
        if node not in self._boxes and not self.styles.declared(node):  # no author style: the browser's
            self._boxes[node] = Box(self._background(node), "", 1.0, "")
        if node not in self._boxes:
            image = self.styles.value(node, "background-image")
            image = "" if image in (None, "none") or image in INITIAL else image
            self._boxes[node] = Box(self._background(node), image, _opacity(self.styles.value(node, "opacity")),
                                    self._moved(node))
        return self._boxes[node]

    def shadows(self, element: Element) -> list[Shadow] | None:
        """The element's text shadows, lengths in px; None when a shadow's colour is not one converted to sRGB."""
        value = self.styles.computed(element, "text-shadow")
        if value in (None, "none"):
            return []
        current = self.colour(element) or TRANSPARENT
        size = self.page.rendering.font_size(element)
        shadows = []
        for part in split_top_level(value):
            colour, lengths = None, []
            for token in (t for t in tinycss2.parse_component_value_list(part) if t.type != "whitespace"):
                text = tinycss2.serialize([token])
                length = parse_length(text, size)
                if length is not None:
                    lengths.append(length)
                else:
                    colour = parse_colour(text, current, self.scheme)
                    if colour is None:
                        return None
            if len(lengths) >= 2:
                shadows.append((colour or current, lengths[0], lengths[1], lengths[2] if len(lengths) > 2 else 0.0))
        return shadows

    def stroke(self, element: Element) -> tuple[float, Colour] | None:
        """The element's `-webkit-text-stroke`: its width in px and its colour; None when it has none."""
        longhand, shorthand = (self.styles.computed(element, f"-webkit-text-stroke{part}") for part in ("-width", ""))
        if not (longhand or shorthand):
            return None
        size = self.page.rendering.font_size(element)
        current = self.colour(element) or TRANSPARENT
        width: float | None = None
        colour: Colour | None = None
        for value in (shorthand, longhand, self.styles.computed(element, "-webkit-text-stroke-color")):
            for token in tinycss2.parse_component_value_list(value or ""):
                if token.type == "whitespace":
                    continue
                text = tinycss2.serialize([token])
                length = parse_length(text, size)
                if length is not None:
                    width = length
                else:
                    colour = parse_colour(text, current, self.scheme) or colour
        return (width, colour or current) if width else None

    def _system(self, name: str) -> Colour:
        return parse_colour(self.system[name], TRANSPARENT, self.scheme) or TRANSPARENT

    def _background(self, node: Element) -> Colour | None:
        value = self.styles.value(node, "background-color")
        if value is None or value in ("inherit", "unset") or value in INITIAL:
            default = _default_background(node)
            return self._system(default) if default else TRANSPARENT
        current = self.colour(node)
        return parse_colour(value, current, self.scheme) if current is not None else None

    def _moved(self, node: Element) -> str:
        styles, tag = self.styles, f"<{node.tag}>"
        position = styles.value(node, "position")
        if position in MOVED:
            return f"The box {tag} is positioned ({position})"
        if position == "relative" and any(styles.value(node, side) not in (None, *_ZERO)
                                          for side in ("top", "left", "right", "bottom")):
            return f"The box {tag} is offset by relative positioning"
        if any((styles.value(node, f"margin-{side}") or "").startswith("-") for side in ("top", "left", "right", "bottom")):
            return f"The box {tag} has a negative margin"
        if styles.value(node, "transform") not in (None, "none"):
            return f"The box {tag} is transformed"
        return ""

    def _positioned_covers(self) -> dict[Element, str]:
        """The ancestors of texts that a positioned box with a background may cover: each box's container."""
        covered: dict[Element, str] = {}
        styles = self.styles
        for box in self.page.elements:
            if styles.value(box, "position") not in ("absolute", "fixed") or not self.page.is_visible(box):
                continue
            painted = self._background(box)
            image = styles.value(box, "background-image")
            if (painted is None or painted.alpha == 0) and image in (None, "none"):
                continue
            container = next((a for a in box.iterancestors() if styles.value(a, "position") not in (None, "static")),
                             None)
            if container is None:
                continue  # placed on the page itself: where it lands is not known at all (not looked for)
            for child in container:
                if child is not box and box not in child.iterdescendants():
                    covered.setdefault(child, f"<{box.tag}>" + (f' id="{box.get("id")}"' if box.get("id") else ""))
        return covered


def _default_colour(element: Element) -> str | None:
    """The system colour the browser's style sheet gives an element's text, when it does not inherit."""
    tag = element.tag
    if tag == "a" and element.get("href") is not None:
        return "linktext"
    if tag == "mark":
        return "marktext"
    if tag == "button" or (tag == "input" and (element.get("type") or "").lower() in BUTTON_INPUTS):
        return "buttontext"
    if tag in FIELDS or tag == "input":
        return "fieldtext"
    return None


def _default_background(element: Element) -> str | None:
    tag = element.tag
    if tag == "mark":
        return "mark"
    if tag == "button" or (tag == "input" and (element.get("type") or "").lower() in BUTTON_INPUTS):
        return "buttonface"
    if tag in FIELDS or tag == "input":
        return "field"
    return None


def _weight(value: str | None, inherited: int) -> int:
    """A `font-weight` value as a number (CSS Fonts 4: `bolder` and `lighter` relative to the parent)."""
    if value is None:
        return inherited
    if value == "normal" or value in INITIAL:
        return 400
    if value == "bold":
        return 700
    if value == "bolder":
        return 400 if inherited < 350 else 700 if inherited < 550 else 900
    if value == "lighter":
        return 100 if inherited < 550 else 400 if inherited < 750 else 700
    try:
        return int(float(value))
    except ValueError:
        return inherited


def _opacity(value: str | None) -> float:
    if value is None:
        return 1.0
    try:
        number = float(value[:-1]) / 100 if value.endswith("%") else float(value)
    except ValueError:
        return 1.0
    return min(1.0, max(0.0, number))


def _short(value: str) -> str:
    return value if len(value) <= 40 else value[:37] + "…"
