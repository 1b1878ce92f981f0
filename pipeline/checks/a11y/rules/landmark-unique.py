"""Landmarks of one role have names that tell them apart.

Screen reader users pick a landmark from a list by its role and name: two `navigation`
landmarks both unnamed, or both named "Menu", read the same and the user cannot tell which
is which. As axe-core, the first landmark of each role and name (names compared in lower
case) fails, and the others are named with it.

Fails:

    <nav><a href="/">Home</a> …</nav> … <footer><nav><a href="/privacy/">Privacy</a></nav></footer>

Passes:

    <nav aria-label="Main">…</nav> … <footer><nav aria-label="Legal">…</nav></footer>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.aria import LANDMARK_ROLES
from ..semantics.document import Element

IMPACT = "moderate"
WCAG = ("1.3.1", "2.4.1")
BEST_PRACTICE = True


def check(page: Page) -> Iterator[Result]:
    """Fail for the first landmark of each role and name that another visible landmark shares."""
    if not page.is_document:
        return  # an SVG image has no landmarks
    alike: dict[tuple[str, str], list[Element]] = {}
    for element in page.elements:
        role = page.role(element)
        if role in LANDMARK_ROLES and not page.is_hidden(element):
            alike.setdefault((role, page.name(element).lower()), []).append(element)
    for (role, name), (first, *others) in alike.items():
        if not others:
            yield page.passed(first)
            continue
        called = f"named {name!r}" if name else "without a name"
        yield page.failed(first, f"{len(others) + 1} {role} landmarks {called} read the same: give each its own "
                                 "name (aria-label or aria-labelledby)", related=[page.location(e) for e in others])
