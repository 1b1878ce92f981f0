"""Tree items have a name.

A tree item without a name is announced as "tree item" and its level only. A tree item
is named by its text, `aria-label`, `aria-labelledby` or `title`. A best practice in axe-core.

Fails:

    <ul role="tree"><li role="treeitem"><img src="folder.png" alt=""></li></ul>

Passes:

    <ul role="tree"><li role="treeitem">Vaccines</li></ul>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.naming import role_name_outcomes

IMPACT = "serious"
WCAG = ()
BEST_PRACTICE = True
MESSAGE = {"passed": "", "failed": "this tree item has no name: give it text, or aria-label"}


def check(page: Page) -> Iterator[Result]:
    """Fail for each element of role="treeitem" in the accessibility tree that has no name."""
    for element, outcome in role_name_outcomes(page, "treeitem"):
        yield page.result(outcome, element, MESSAGE[outcome])
