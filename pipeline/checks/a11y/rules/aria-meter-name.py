"""Meters have a name.

A meter without a name reads as a bare value ("60%"): the listener does not learn what
is measured. Only `aria-label`, `aria-labelledby` or `title` name a meter.

Fails:

    <div role="meter" aria-valuenow="60"></div>

Passes:

    <div role="meter" aria-valuenow="60" aria-label="Daily steps goal"></div>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.naming import role_name_outcomes

IMPACT = "serious"
WCAG = ("1.1.1",)
MESSAGE = {"passed": "", "failed": "this meter has no name: give it aria-label or aria-labelledby saying what it measures"}


def check(page: Page) -> Iterator[Result]:
    """Fail for each element of role="meter" in the accessibility tree that has no name."""
    for element, outcome in role_name_outcomes(page, "meter"):
        yield page.result(outcome, element, MESSAGE[outcome])
