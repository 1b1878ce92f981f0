"""Headings are not empty.

Empty headings are often left over from editing, or used for spacing; remove them, or
give them the words of the section they open.

Fails:

    <h2></h2>

Passes:

    <h2>What helps</h2>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result

IMPACT = "minor"
WCAG = ("1.3.1", "2.4.6")
BEST_PRACTICE = True
ACT = ("ffd0e9",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each visible heading whose accessible name is empty."""
    for heading, level in page.headings():
        if page.name(heading):
            yield page.passed(heading)
        else:
            yield page.failed(heading, f"this level-{level} heading is empty: give it text, or remove it")
