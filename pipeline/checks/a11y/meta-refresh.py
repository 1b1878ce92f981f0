"""The page does not refresh or redirect on a timer.

A page that reloads or moves after some seconds takes readers away mid-sentence,
before a slow reader or a screen reader user has finished. An immediate redirect (0 s)
and delays over 20 hours are allowed.

Fails:

    <meta http-equiv="refresh" content="30; url=/en/">

Passes:

    <meta http-equiv="refresh" content="0; url=/en/">
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .page import Page, Result

IMPACT = "critical"
WCAG = ("2.2.1", "2.2.4", "3.2.5")

MAXIMUM_DELAY = 72_000  # seconds: 20 hours, the WCAG exception
_DELAY = re.compile(r"^[0-9.]+$")


def check(page: Page) -> Iterator[Result]:
    """Fail for each refresh `<meta>` whose delay is more than 0 s and at most 20 hours."""
    for meta in page.elements_by_tag("meta"):
        if (meta.get("http-equiv") or "").lower() != "refresh" or meta.get("content") is None:
            continue
        first = re.split(r"[;,\s]", (meta.get("content") or "").strip())[0]
        if not _DELAY.match(first):
            continue  # browsers ignore an unreadable delay
        try:
            delay = float(first)
        except ValueError:
            continue
        if 0 < delay <= MAXIMUM_DELAY:
            yield page.failed(meta, f"the page refreshes or redirects after {first} seconds: link to the new "
                                    "page instead, or redirect at once (0)")
        else:
            yield page.passed(meta)
