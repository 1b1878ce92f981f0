"""Letter spacing set in a style attribute can be widened by users.

`letter-spacing: 0.1em !important` in a `style` attribute wins over every style sheet,
so a reader who needs wider spacing between letters cannot get it. Such a declaration is
fine when it already gives at least 0.12 times the font size (WCAG 1.4.12; W3C ACT rule
24afc2).

Fails:

    <p style="letter-spacing: 0.1em !important">Stretch your calf before bed.</p>

Passes:

    <p style="letter-spacing: 0.12em">Stretch your calf before bed.</p>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.spacing import spacing_outcomes

IMPACT = "serious"
WCAG = ("1.4.12",)
ACT = ("24afc2",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each element with visible text whose important inline letter-spacing is below 0.12em."""
    for outcome, element, message in spacing_outcomes(page, "letter-spacing", 0.12, "letters"):
        yield page.result(outcome, element, message)
