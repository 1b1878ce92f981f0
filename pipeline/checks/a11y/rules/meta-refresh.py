"""The page does not refresh or redirect on a timer.

A page that reloads or moves after some seconds takes readers away mid-sentence,
before a slow reader or a screen reader user has finished. An immediate redirect (0 s)
and delays over 20 hours are allowed. Browsers obey the first refresh whose `content` they
can read, and so does this rule (W3C ACT rule bc659a).

Fails:

    <meta http-equiv="refresh" content="30; url=/en/">

Passes:

    <meta http-equiv="refresh" content="0; url=/en/">
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.refresh import first_refresh

IMPACT = "critical"
WCAG = ("2.2.1", "2.2.4", "3.2.5")
ACT = ("bc659a",)

MAXIMUM_DELAY = 72_000  # seconds: 20 hours, the WCAG exception


def check(page: Page) -> Iterator[Result]:
    """Fail when the page's refresh waits more than 0 s and at most 20 hours."""
    found = first_refresh(page)
    if found is None:
        return
    meta, delay = found
    if 0 < delay <= MAXIMUM_DELAY:
        yield page.failed(meta, f"the page refreshes or redirects after {delay} seconds: link to the new "
                                "page instead, or redirect at once (0)")
    else:
        yield page.passed(meta)
