"""Colours as WCAG measures them: CSS colours read by tinycss2, layers composited, luminance and contrast.

Any colour CSS Color 4 writes in sRGB terms is read: names, hex, `rgb()`/`rgba()`,
`hsl()`/`hsla()`, `hwb()`, `transparent`, `currentcolor`, the system colours of a browser's
style sheet and `light-dark()`. Colours in other spaces (`lab()`, `oklch()`, `color(display-p3 …)`)
are not converted: a rule says it cannot tell rather than guess.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from tinycss2 import color4


class Colour(NamedTuple):
    """An sRGB colour, channels from 0 to 1, with straight (not premultiplied) alpha."""

    red: float
    green: float
    blue: float
    alpha: float = 1.0

    @property
    def opaque(self) -> bool:
        """Whether nothing behind the colour shows through."""
        return self.alpha >= 1.0

    def faded(self, opacity: float) -> Colour:
        """The colour seen through `opacity`."""
        return self._replace(alpha=self.alpha * opacity)

    def over(self, below: Colour) -> Colour:
        """This colour painted over `below` (source-over compositing)."""
        if self.alpha >= 1.0 or below.alpha <= 0:
            return self  # nothing shows through, or nothing is below
        alpha = self.alpha + below.alpha * (1 - self.alpha)
        if alpha <= 0:
            return TRANSPARENT
        mix = [(top * self.alpha + under * below.alpha * (1 - self.alpha)) / alpha
               for top, under in zip(self[:3], below[:3])]
        return Colour(*mix, alpha)

    def hex(self) -> str:
        """`#rrggbb` of an opaque colour, as people write it."""
        return "#" + "".join(f"{round(channel * 255):02x}" for channel in self[:3])


WHITE = Colour(1.0, 1.0, 1.0)
BLACK = Colour(0.0, 0.0, 0.0)
TRANSPARENT = Colour(0.0, 0.0, 0.0, 0.0)
#: Chromium's system colours (CSS Color 4, 6.2), light and dark.
SYSTEM_COLOURS = {
    "light": {"canvas": "#ffffff", "canvastext": "#000000", "linktext": "#0000ee", "visitedtext": "#551a8b",
              "activetext": "#ff0000", "buttonface": "#efefef", "buttontext": "#000000", "buttonborder": "#767676",
              "field": "#ffffff", "fieldtext": "#000000", "highlight": "#b5d5ff", "highlighttext": "#000000",
              "selecteditem": "#0075ff", "selecteditemtext": "#ffffff", "mark": "#ffff00", "marktext": "#000000",
              "graytext": "#6d6d6d", "accentcolor": "#0075ff", "accentcolortext": "#ffffff"},
    "dark": {"canvas": "#121212", "canvastext": "#ffffff", "linktext": "#9e9eff", "visitedtext": "#d0adf0",
             "activetext": "#ff9e9e", "buttonface": "#6b6b6b", "buttontext": "#ffffff", "buttonborder": "#6b6b6b",
             "field": "#3b3b3b", "fieldtext": "#ffffff", "highlight": "#99c8ff", "highlighttext": "#000000",
             "selecteditem": "#99c8ff", "selecteditemtext": "#000000", "mark": "#ffff00", "marktext": "#000000",
             "graytext": "#8e8e8e", "accentcolor": "#99c8ff", "accentcolortext": "#000000"},
}


@functools.lru_cache(maxsize=4096)  # pages of one site repeat their few colours on every element
def parse_colour(value: str, current: Colour, scheme: str = "light") -> Colour | None:
    """A CSS colour as sRGB; `current` is `currentcolor`; None when it is not one, or not in sRGB terms."""
    value = value.strip().lower()
    if value.startswith("light-dark(") and value.endswith(")"):
        choices = split_top_level(value[len("light-dark("):-1])
        if len(choices) != 2:
            return None
        value = choices[0] if scheme == "light" else choices[1]
    value = SYSTEM_COLOURS[scheme].get(value, value)
    parsed = color4.parse_color(value)
    if parsed is None:
        return None
    if parsed == "currentcolor":
        return current
    try:
        srgb = parsed.to("srgb")
    except NotImplementedError:
        return None
    channels = [min(1.0, max(0.0, channel if channel == channel else 0.0)) for channel in srgb.coordinates]
    return Colour(*channels, min(1.0, max(0.0, srgb.alpha)))


def split_top_level(text: str) -> list[str]:
    """The comma-separated parts of a value or of a function's arguments, commas inside nested functions kept."""
    parts, level, start = [], 0, 0
    for index, character in enumerate(text):
        level += {"(": 1, ")": -1}.get(character, 0)
        if character == "," and level == 0:
            parts.append(text[start:index].strip())
            start = index + 1
    return [*parts, text[start:].strip()]


@functools.lru_cache(maxsize=4096)
def relative_luminance(colour: Colour) -> float:
    """WCAG 2's relative luminance of an opaque sRGB colour."""
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in colour[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: Colour, second: Colour) -> float:
    """WCAG 2's contrast ratio of two opaque colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)

