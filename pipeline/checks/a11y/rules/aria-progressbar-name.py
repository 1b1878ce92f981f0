"""Progress bars have a name.

A progress bar without a name reads as a bare percentage: the listener does not learn
what is progressing. Only `aria-label`, `aria-labelledby` or `title` name a progress bar.

Fails:

    <div role="progressbar" aria-valuenow="40"></div>

Passes:

    <div role="progressbar" aria-valuenow="40" aria-label="Questionnaire completed"></div>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.naming import role_name_outcomes

IMPACT = "serious"
WCAG = ("1.1.1",)
MESSAGE = {"passed": "", "failed": "this progress bar has no name: give it aria-label or aria-labelledby saying what progresses"}


def check(page: Page) -> Iterator[Result]:
    """Fail for each element of role="progressbar" in the accessibility tree that has no name."""
    for element, outcome in role_name_outcomes(page, "progressbar"):
        yield page.result(outcome, element, MESSAGE[outcome])
