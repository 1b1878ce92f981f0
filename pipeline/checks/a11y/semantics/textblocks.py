"""How text is set, from the cascade: block or inline boxes, font style, and what sets an inline element apart.

Rules that compare a piece of text with the text around it (`link-in-text-block`,
`p-as-heading`) ask for computed values as axe-core reads them from the browser:
`display` (the author's value, else the browser's default for the tag), `font-style`,
`text-decoration-line` (the author's, else the underline the browser gives links, `<u>` and
`<ins>`), and whether an element is *distinct* from its block: an underline, a border or
outline, a background image, another font family, weight, style or size (axe-core's
elementIsDistinct).
"""

from __future__ import annotations

import re

from .accname import normalize_space
from .aria import WIDGET_ROLES
from .css import BLOCK_ELEMENTS
from .document import Element
from .painting import Painting
from .spacing import StyledFacts

#: The browser's default `display` of elements that are not blocks or inline (HTML, 15.3 "Rendering").
DEFAULT_DISPLAY = {"li": "list-item", "table": "table", "tr": "table-row", "td": "table-cell", "th": "table-cell",
                   "thead": "table-header-group", "tbody": "table-row-group", "tfoot": "table-footer-group",
                   "caption": "table-caption", "br": "inline"}
BLOCK_DISPLAYS = frozenset({"block", "list-item", "table", "flex", "grid", "flow-root"})
UA_ITALIC = frozenset({"em", "i", "cite", "var", "dfn", "address"})
UA_DECORATION = {"u": "underline", "ins": "underline", "s": "line-through", "del": "line-through",
                 "strike": "line-through"}
DECORATION_LINES = frozenset({"underline", "overline", "line-through", "blink"})
#: The properties that draw a line above, below or around an element (axe-core looks at top, bottom, outline).
_EDGE = re.compile(r"^(border-(top|bottom)|outline)(-(style|width))?$|^border(-(style|width))?$")


def display(page: StyledFacts, element: Element) -> str:
    """The element's `display`: the author's value, else the browser's default for its tag."""
    value = page.styles.value(element, "display")
    if value is not None and value not in ("inherit", "initial", "unset", "revert"):
        return value.split()[0] if value.split() else "inline"
    if element.tag in DEFAULT_DISPLAY:
        return DEFAULT_DISPLAY[element.tag]
    return "block" if element.tag in BLOCK_ELEMENTS or element.tag in ("html", "body") else "inline"


def is_block(page: StyledFacts, element: Element) -> bool:
    """Whether the element makes a block box (or a table part), as axe-core's isBlock reads `display`."""
    value = display(page, element)
    return value in BLOCK_DISPLAYS or value.startswith("table-")


def is_italic(page: StyledFacts, element: Element) -> bool:
    """Whether the element's computed `font-style` is italic."""
    for node in (element, *element.iterancestors()):
        value = page.styles.value(node, "font-style")
        if value not in (None, "inherit", "unset"):
            return value == "italic"
        if node.tag in UA_ITALIC:
            return True
    return False


def decoration_lines(page: StyledFacts, element: Element) -> frozenset[str]:
    """The element's own `text-decoration-line` (not inherited): the author's, else the browser's default."""
    styles = page.styles
    for name in ("text-decoration-line", "text-decoration"):
        value = styles.value(element, name)
        if value is not None:
            return frozenset(word for word in value.split() if word in DECORATION_LINES)
    if element.tag == "a" and element.get("href") is not None:
        return frozenset({"underline"})
    return frozenset({UA_DECORATION[element.tag]}) if element.tag in UA_DECORATION else frozenset()


def is_distinct(page: StyledFacts, painting: Painting, element: Element, block: Element) -> bool:
    """Whether anything but colour sets the element apart from its block (axe-core's elementIsDistinct)."""
    styles = page.styles
    if styles.value(element, "background-image") not in (None, "none", "initial", "unset"):
        return True
    edges = [name for name in styles.declared(element) if _EDGE.match(name)]
    if any(draws_line(styles.value(element, name) or "none") for name in edges):
        return True
    if _first_family(styles.computed(element, "font-family")) != _first_family(styles.computed(block, "font-family")):
        return True
    if decoration_lines(page, element) != decoration_lines(page, block):
        return True
    return (painting.weight(element) != painting.weight(block) or is_italic(page, element) != is_italic(page, block)
            or page.rendering.font_size(element) != page.rendering.font_size(block))


def draws_line(value: str) -> bool:
    """Whether a border or outline value draws a line (no `none`, `hidden`, transparent colour or zero width)."""
    words = value.split()
    return not any(w in ("none", "hidden", "transparent", "initial", "unset", "inherit") for w in words) and (
        value not in ("0", "0px")
    )


def _first_family(value: str | None) -> str:
    return (value or "").split(",")[0].strip().strip("\"'").lower()


def text_block_of(page: StyledFacts, element: Element, *, any_text: bool = False,
                  include_inline_block: bool = False) -> Element | None:
    """The block an inline element sits in a line of text of (axe-core's isInTextBlock), else None.

    By default the line must hold more text than links and controls (and the block more than the
    element's own text); with `any_text`, any text beside it will do. An inline-block counts as
    inline only with `include_inline_block` (as axe-core's target-size asks).
    """
    if is_block(page, element) or (not include_inline_block and display(page, element).startswith("inline-")):
        return None
    block = next((a for a in element.iterancestors() if is_block(page, a)), None)
    if block is None:
        return None
    if not any_text and len(_text(block)) + 2 <= 2 * len(_text(element)):
        return None  # the text beside it cannot outweigh its own (a menu item, a list of links)
    texts: list[str] = []
    widgets: list[str] = []
    state = {"seen": False, "done": False}

    def walk(node: Element) -> None:
        for child in node:
            if state["done"] or not isinstance(child.tag, str):
                return
            if child is element:
                state["seen"] = True
            if is_block(page, child) or child.tag in ("br", "hr"):
                if state["seen"]:
                    state["done"] = True
                    return
                texts.clear()
                widgets.clear()
            if is_block(page, child) or not page.is_visible(child):
                pass
            elif page.role(child) in WIDGET_ROLES:
                widgets.append("".join(child.itertext()))
            else:
                texts.append(child.text or "")
                walk(child)
                if state["done"]:
                    return
            texts.append(child.tail or "")

    texts.append(block.text or "")
    walk(block)
    text = normalize_space("".join(texts))
    if (any_text and text) or (not any_text and len(text) > len(normalize_space("".join(widgets)))):
        return block
    return None


def _text(element: Element) -> str:
    return normalize_space("".join(element.itertext()))
