"""How far `<meta name="viewport">` lets people zoom, read as axe-core 4.14 reads its `content`.

`content` is a list of `key=value` items separated by commas or semicolons, compared in
lower case; a number is read from the start of a value as `parseFloat` reads it
(`maximum-scale=2.5x` is 2.5). The first item that limits zooming is the one reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .document import Element

_NUMBER = re.compile(r"^\s*[+-]?(\d+\.?\d*|\.\d+)")
#: Values without a number that do not limit zooming.
USER_SCALABLE_ALLOWED = frozenset({"yes", "device-width", "device-height"})
MAXIMUM_SCALE_ALLOWED = frozenset({"device-width", "device-height"})


def is_viewport(meta: Element) -> bool:
    """Whether a `<meta>` element is the page's viewport (`name="viewport"`)."""
    return (meta.get("name") or "").strip().lower() == "viewport"


def zoom_limit(content: str, scale: float, lower_bound: float | None = None) -> str | None:
    """The item (`maximum-scale=1`) that keeps people from zooming to `scale`, as written, or None.

    With `lower_bound`, only a maximum-scale from it up to `scale` counts (user-scalable, an
    unreadable value and a lower scale are left to the rule that asks for less).
    """
    for key, value in _items(content):
        number = _leading_number(value)
        if key == "user-scalable" and lower_bound is None:
            if (number is None and value not in USER_SCALABLE_ALLOWED) or (number is not None and -1 < number < 1):
                return f"user-scalable={value}"
        if key == "maximum-scale" and not (number is not None and number < 0):
            unreadable = number is None and value not in MAXIMUM_SCALE_ALLOWED
            if lower_bound is not None and (unreadable or (number is not None and number < lower_bound)):
                continue
            if unreadable or (number is not None and number < scale):
                return f"maximum-scale={value}"
    return None


def _items(content: str) -> Iterator[tuple[str, str]]:
    for item in re.split(r"[;,]", content.lower()):
        key, value, *_ = [*(part.strip() for part in item.split("=")), ""]
        if key and value:
            yield key, value


def _leading_number(value: str) -> float | None:
    number = _NUMBER.match(value)
    return float(number.group(0)) if number else None
