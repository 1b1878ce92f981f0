"""The refresh a page asks for in `<meta http-equiv="refresh">`, read as browsers read it.

HTML's "shared declarative refresh steps" decide whether a `content` value is valid and
what its time is; the first `meta` element whose value is valid is the one browsers obey.
"""

from __future__ import annotations

import re

from .document import Element
from .facts import PageFacts
_WHITESPACE = " \t\n\f\r"
_DIGITS = re.compile(r"\d*")
_DIGITS_AND_DOTS = re.compile(r"[\d.]*")


def refresh_time(content: str) -> int | None:
    """The time in seconds a refresh `content` value waits, or None when browsers ignore the value."""
    position = len(content) - len(content.lstrip(_WHITESPACE))
    digits = _DIGITS.match(content, position)
    time_string = digits.group(0) if digits else ""
    position += len(time_string)
    if not time_string and not content.startswith(".", position):
        return None
    time = int(time_string) if time_string else 0
    ignored = _DIGITS_AND_DOTS.match(content, position)
    position += len(ignored.group(0)) if ignored else 0
    if position < len(content) and content[position] not in ";," + _WHITESPACE:
        return None
    return time


def first_refresh(page: PageFacts) -> tuple[Element, int] | None:
    """The first `meta` element with a valid refresh, and its time; None when the page has none."""
    for meta in page.elements_by_tag("meta"):
        if (meta.get("http-equiv") or "").strip().lower() != "refresh":
            continue
        content = meta.get("content")
        time = refresh_time(content) if content is not None else None
        if time is not None:
            return meta, time
    return None
