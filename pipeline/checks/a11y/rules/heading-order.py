"""Heading levels go down one at a time.

Screen reader users skim a page by its headings; a skipped level suggests a missing
section, and a heading chosen for its size breaks the outline. Going back up any number
of levels is fine.

Fails:

    <h1>Leg cramps</h1> <h3>What helps</h3>

Passes:

    <h1>Leg cramps</h1> <h2>What helps</h2>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result

IMPACT = "moderate"
WCAG = ("1.3.1", "2.4.6")
BEST_PRACTICE = True


def check(page: Page) -> Iterator[Result]:
    """Fail for each heading more than one level below the heading before it."""
    previous: int | None = None
    for heading, level in page.headings():
        if previous is not None and level - previous > 1:
            yield page.failed(
                heading,
                f"a level-{level} heading follows a level-{previous} heading: use level {previous + 1}, "
                "or add the missing section heading",
            )
        else:
            yield page.passed(heading)
        previous = level
