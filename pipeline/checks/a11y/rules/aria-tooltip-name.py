"""Tooltips have a name.

An empty tooltip tells nothing. A tooltip is named by its text, `aria-label`,
`aria-labelledby` or `title`.

Fails:

    <span role="tooltip" id="tip"></span>

Passes:

    <span role="tooltip" id="tip">Take it with food</span>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.naming import role_name_outcomes

IMPACT = "serious"
WCAG = ("4.1.2",)
MESSAGE = {"passed": "", "failed": "this tooltip has no name: give it text, or aria-label"}


def check(page: Page) -> Iterator[Result]:
    """Fail for each element of role="tooltip" in the accessibility tree that has no name."""
    for element, outcome in role_name_outcomes(page, "tooltip"):
        yield page.result(outcome, element, MESSAGE[outcome])
