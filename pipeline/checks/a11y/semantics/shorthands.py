"""Longhand values out of shorthand declarations: `background`, `font`, `margin`, `inset`.

A shorthand sets every one of its longhands, those it does not name to their initial value
(`background: white` makes `background-image` none), so the cascade compares a shorthand
with its longhands by rank and reads the winner. Expansion happens after `var()` is
replaced, as in browsers (`background: var(--page)`).
"""

from __future__ import annotations

import functools

import tinycss2
from tinycss2 import ast, color4

#: The shorthand that also sets each longhand the rules read.
SHORTHAND_OF = {
    "background-color": "background", "background-image": "background",
    "font-size": "font", "font-weight": "font",
    "margin-top": "margin", "margin-right": "margin", "margin-bottom": "margin", "margin-left": "margin",
    "top": "inset", "right": "inset", "bottom": "inset", "left": "inset",
    "overflow-x": "overflow", "overflow-y": "overflow",
}
_SIDES = ("top", "right", "bottom", "left")
IMAGE_FUNCTIONS = frozenset({"url", "image", "image-set", "cross-fade", "element", "paint", "linear-gradient",
                             "radial-gradient", "conic-gradient", "repeating-linear-gradient",
                             "repeating-radial-gradient", "repeating-conic-gradient", "-webkit-gradient",
                             "-webkit-linear-gradient", "-webkit-radial-gradient", "-webkit-image-set"})
FONT_SIZE_WORDS = frozenset("xx-small x-small small medium large x-large xx-large xxx-large smaller larger".split())
FONT_WEIGHT_WORDS = frozenset({"normal", "bold", "bolder", "lighter"})
#: `font` values that name a system font: its size and weight are the platform's.
SYSTEM_FONTS = frozenset({"caption", "icon", "menu", "message-box", "small-caption", "status-bar"})


@functools.lru_cache(maxsize=1024)
def longhand(shorthand: str, name: str, value: str) -> str | None:
    """The value a shorthand declaration gives one of its longhands; None when it cannot be read."""
    tokens = [t for t in tinycss2.parse_component_value_list(value) if t.type not in ("whitespace", "comment")]
    if shorthand == "background":
        return _background(tokens, name)
    if shorthand == "font":
        return _font(tokens, name)
    if shorthand == "overflow":  # `overflow: x y`, or one value for both
        words = [t.lower_value for t in tokens if t.type == "ident"]
        return None if not words or len(words) != len(tokens) else words[-1] if name == "overflow-y" else words[0]
    return _box_side(tokens, name.removeprefix("margin-"))


def _background(tokens: list[ast.Node], name: str) -> str | None:
    layers: list[list[ast.Node]] = [[]]
    for token in tokens:
        if token.type == "literal" and token.value == ",":
            layers.append([])
        else:
            layers[-1].append(token)
    if name == "background-image":
        images = [t for layer in layers for t in layer if t.type in ("url", "function") and _is_image(t)]
        return ", ".join(tinycss2.serialize([t]) for t in images) if images else "none"
    for token in layers[-1]:  # only the last layer may hold a colour
        if token.type in ("hash", "function", "ident") and color4.parse_color(token) is not None:
            return tinycss2.serialize([token]).lower()
    return "transparent"


def _is_image(token: ast.Node) -> bool:
    return token.type == "url" or token.lower_name in IMAGE_FUNCTIONS


def _font(tokens: list[ast.Node], name: str) -> str | None:
    if len(tokens) == 1 and tokens[0].type == "ident" and tokens[0].lower_value in SYSTEM_FONTS | {"inherit",
                                                                                                     "initial", "unset"}:
        word = tokens[0].lower_value
        return word if word in ("inherit", "initial", "unset") else None
    weight = "normal"
    for token in tokens:
        if token.type == "dimension" or token.type == "percentage" or (
            token.type == "ident" and token.lower_value in FONT_SIZE_WORDS
        ) or (token.type == "number" and token.value == 0):
            return tinycss2.serialize([token]).lower() if name == "font-size" else weight
        if token.type == "ident" and token.lower_value in FONT_WEIGHT_WORDS:
            weight = token.lower_value
        elif token.type == "number" and 1 <= token.value <= 1000:
            weight = tinycss2.serialize([token])
    return None  # no size: not a valid `font`


def _box_side(tokens: list[ast.Node], side: str) -> str | None:
    if not 1 <= len(tokens) <= 4:
        return None
    values = [tinycss2.serialize([t]).lower() for t in tokens]
    while len(values) < 4:  # top, right, bottom, left: a missing side copies its opposite
        values.append(values[len(values) - 2] if len(values) > 1 else values[0])
    return dict(zip(_SIDES, values)).get(side)
