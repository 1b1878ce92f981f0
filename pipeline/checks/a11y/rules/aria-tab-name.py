"""Tabs have a name.

A tab without a name is announced as "tab, 2 of 3": the reader cannot tell which panel
it opens. A tab is named by its text, `aria-label`, `aria-labelledby` or `title`.

Fails:

    <div role="tablist"><div role="tab" aria-selected="true"><img src="pill.png" alt=""></div></div>

Passes:

    <div role="tablist"><div role="tab" aria-selected="true">Dosage</div></div>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.naming import role_name_outcomes

IMPACT = "serious"
WCAG = ("4.1.2",)
MESSAGE = {"passed": "", "failed": "this tab has no name: give it text, or aria-label"}


def check(page: Page) -> Iterator[Result]:
    """Fail for each element of role="tab" in the accessibility tree that has no name."""
    for element, outcome in role_name_outcomes(page, "tab"):
        yield page.result(outcome, element, MESSAGE[outcome])
