"""Word spacing set in a style attribute can be widened by users.

`word-spacing: 0.1em !important` in a `style` attribute wins over every style sheet, so
a reader who needs wider spacing between words cannot get it. Such a declaration is fine
when it already gives at least 0.16 times the font size (WCAG 1.4.12; W3C ACT rule 9e45ec).

Fails:

    <p style="word-spacing: 0.1em !important">Stretch your calf before bed.</p>

Passes:

    <p style="word-spacing: 0.16em !important">Stretch your calf before bed.</p>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.spacing import spacing_outcomes

IMPACT = "serious"
WCAG = ("1.4.12",)
ACT = ("9e45ec",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each element with visible text whose important inline word-spacing is below 0.16em."""
    for outcome, element, message in spacing_outcomes(page, "word-spacing", 0.16, "words"):
        yield page.result(outcome, element, message)
