"""The page does not refresh or redirect after a delay, however long.

The strict form of meta-refresh, for WCAG's AAA criteria: only an immediate redirect (0 s)
is allowed, because even a refresh after a day interrupts someone who left the page open
(W3C ACT rule bisz58).

Fails:

    <meta http-equiv="refresh" content="72001; url=/en/">

Passes:

    <meta http-equiv="refresh" content="0; url=/en/">
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.refresh import first_refresh

IMPACT = "minor"
WCAG = ("2.2.4", "3.2.5")
ACT = ("bisz58",)


def check(page: Page) -> Iterator[Result]:
    """Fail when the page's refresh waits any time at all."""
    found = first_refresh(page)
    if found is None:
        return
    meta, delay = found
    if delay > 0:
        yield page.failed(meta, f"the page refreshes or redirects after {delay} seconds: link to the new "
                                "page instead, or redirect at once (0)")
    else:
        yield page.passed(meta)
