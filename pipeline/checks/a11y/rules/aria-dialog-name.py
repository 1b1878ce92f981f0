"""Dialogs have a name.

A dialog (or alert dialog) without a name is announced as "dialog" and nothing more: the
reader does not learn what it is about before reading it. Only `aria-label`,
`aria-labelledby` or `title` name a dialog (its content does not). A best practice in axe-core.

Fails:

    <div role="dialog"><p>Your answers were saved.</p></div>

Passes:

    <div role="dialog" aria-labelledby="saved"><h2 id="saved">Answers saved</h2></div>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.naming import role_name_outcomes

IMPACT = "serious"
WCAG = ()
BEST_PRACTICE = True
MESSAGE = {"passed": "", "failed": "this dialog has no name: point aria-labelledby at its heading, or give it aria-label"}


def check(page: Page) -> Iterator[Result]:
    """Fail for each element of role="dialog" or "alertdialog" in the accessibility tree that has no name."""
    for element, outcome in role_name_outcomes(page, "dialog", "alertdialog"):
        yield page.result(outcome, element, MESSAGE[outcome])
