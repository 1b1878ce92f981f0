"""The viewport lets people zoom to at least 200%.

People with low vision enlarge text with pinch-zoom; `user-scalable=no` or
`maximum-scale=1` takes that away on phones.

The rule looks only at viewports that set `maximum-scale` or `user-scalable` (W3C ACT rule
b4f0c3).

Fails:

    <meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">

Passes:

    <meta name="viewport" content="width=device-width, initial-scale=1">
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..page import Page, Result

IMPACT = "moderate"
WCAG = ("1.4.4",)
ACT = ("b4f0c3",)

MINIMUM_SCALE = 2.0
_ZOOM_KEYS = re.compile(r"(?:^|[\s,;])\s*(?:maximum-scale|user-scalable)\s*=", re.I)
_NUMBER = re.compile(r"^\s*[+-]?(\d+\.?\d*|\.\d+)")


def check(page: Page) -> Iterator[Result]:
    """Fail for each viewport `<meta>` with user-scalable=no (or 0) or maximum-scale below 2."""
    for meta in page.elements_by_tag("meta"):
        content = meta.get("content") or ""
        if (meta.get("name") or "").strip().lower() != "viewport" or not _ZOOM_KEYS.search(content):
            continue  # a viewport that does not mention zooming leaves it alone
        problem = zoom_problem(content)
        if problem:
            yield page.failed(meta, f"the viewport sets {problem}, which stops people zooming in: remove it")
        else:
            yield page.passed(meta)


def zoom_problem(content: str) -> str | None:
    """The setting that blocks zooming to 200%, as written, or None (parsed as browsers and axe-core do)."""
    for item in re.split(r"[;,]", content.lower()):
        key, _, value = (part.strip() for part in item.partition("="))
        if not key or not value:
            continue
        number = _NUMBER.match(value)
        amount = float(number.group(0)) if number else None
        if key == "user-scalable":
            unreadable = amount is None and value not in ("yes", "device-width", "device-height")
            if unreadable or (amount is not None and -1 < amount < 1):
                return f"user-scalable={value}"
        if key == "maximum-scale" and not (amount is not None and amount < 0):
            unreadable = amount is None and value not in ("device-width", "device-height")
            if unreadable or (amount is not None and amount < MINIMUM_SCALE):
                return f"maximum-scale={value}"
    return None
