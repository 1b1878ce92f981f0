"""CSS lengths in pixels: the units every CSS reader of the checker shares."""

from __future__ import annotations

import re

DEFAULT_FONT_SIZE = 16.0
#: Absolute units in CSS px (CSS Values 4, 6.2).
ABSOLUTE_UNITS = {"px": 1.0, "pt": 4 / 3, "pc": 16.0, "in": 96.0, "cm": 96 / 2.54, "mm": 96 / 25.4, "q": 96 / 101.6}
_LENGTH = re.compile(r"^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(px|em|rem|%|pt|pc|in|cm|mm|q|ex|ch|vw|vh)?$")


def absolute_px(number: float, unit: str, font_size: float = DEFAULT_FONT_SIZE) -> float | None:
    """A length given as a number and a unit, in px: font-relative units against `font_size`."""
    if unit in ABSOLUTE_UNITS:
        return number * ABSOLUTE_UNITS[unit]
    if unit in ("em", "rem"):
        return number * font_size
    if unit in ("ex", "ch"):
        return number * font_size / 2
    return None


def parse_length(value: str | None, font_size: float, percent_of: float | None = None,
                 root_font_size: float = DEFAULT_FONT_SIZE) -> float | None:
    """A CSS length in pixels; None when it is a keyword, relative to layout, or unreadable."""
    if value is None:
        return None
    match = _LENGTH.match(value.strip())
    if not match:
        return None
    number, unit = float(match.group(1)), match.group(2)
    if unit is None:
        return number if number == 0 else None
    if unit == "rem":
        return number * root_font_size
    if unit == "%":
        return number * percent_of / 100 if percent_of is not None else None
    return absolute_px(number, unit, font_size)
