"""The viewport lets people zoom to 500%.

Zooming to 200% (`meta-viewport`) is what WCAG asks; many people with low vision need far
more on a phone. A `maximum-scale` from 2 up to 5 keeps them from it. As axe-core, the rule
leaves a scale below 2 or unreadable, and `user-scalable`, to `meta-viewport`, which fails them.

Fails:

    <meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=3">

Passes:

    <meta name="viewport" content="width=device-width, initial-scale=1">
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.viewport import is_viewport, zoom_limit

IMPACT = "minor"
WCAG = ("1.4.4",)
BEST_PRACTICE = True

LARGE_SCALE = 5.0
MINIMUM_SCALE = 2.0  # below it, meta-viewport's failure


def check(page: Page) -> Iterator[Result]:
    """Fail for each viewport `<meta>` whose first limiting maximum-scale is at least 2 and below 5."""
    for meta in page.elements_by_tag("meta"):
        if not is_viewport(meta):
            continue
        problem = zoom_limit(meta.get("content") or "", LARGE_SCALE, lower_bound=MINIMUM_SCALE)
        if problem:
            yield page.failed(meta, f"the viewport sets {problem}, which keeps people from zooming further: "
                                    "remove it, or allow at least 5")
        else:
            yield page.passed(meta)
