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
from ..semantics.viewport import is_viewport, zoom_limit

IMPACT = "moderate"
WCAG = ("1.4.4",)
ACT = ("b4f0c3",)

MINIMUM_SCALE = 2.0
_ZOOM_KEYS = re.compile(r"(?:^|[\s,;])\s*(?:maximum-scale|user-scalable)\s*=", re.I)


def check(page: Page) -> Iterator[Result]:
    """Fail for each viewport `<meta>` with user-scalable=no (or 0) or maximum-scale below 2."""
    for meta in page.elements_by_tag("meta"):
        content = meta.get("content") or ""
        if not is_viewport(meta) or not _ZOOM_KEYS.search(content):
            continue  # a viewport that does not mention zooming leaves it alone
        problem = zoom_limit(content, MINIMUM_SCALE)
        if problem:
            yield page.failed(meta, f"the viewport sets {problem}, which stops people zooming in: remove it")
        else:
            yield page.passed(meta)
