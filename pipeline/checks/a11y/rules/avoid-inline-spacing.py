"""Text spacing set in a style attribute can be widened by users.

`letter-spacing: 0.1em !important` in a `style` attribute wins over every style sheet, so
a reader who needs wider spacing between letters, words or lines cannot get it (WCAG
1.4.12). Such a declaration is fine when it already gives at least 0.12 times the font size
between letters, 0.16 between words and, for text long enough to run onto a second line
(estimated from the widths CSS sets), a line height of 1.5. The element whose `style` says
`!important` is reported, the texts inheriting it that fail named with it (axe-core's
`avoid-inline-spacing`). W3C ACT's three rules (24afc2, 9e45ec, 78fd32) judge the same
declarations, one property each, on each of those texts: this rule serves all three, as
axe-core's does, and the ids letter-spacing, word-spacing and line-height it had here are
read as this one.

Fails:

    <p style="letter-spacing: 0.1em !important">Stretch your calf before bed.</p>

Passes:

    <p style="letter-spacing: 0.12em !important">Stretch your calf before bed.</p>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.spacing import inline_spacing_results

IMPACT = "serious"
WCAG = ("1.4.12",)
ACT = ("24afc2", "9e45ec", "78fd32")


def check(page: Page) -> Iterator[Result]:
    """Fail for each element whose important inline spacing leaves some of its text tighter than WCAG allows."""
    for result in inline_spacing_results(page):
        related = [page.location(element) for element in result.failing]
        yield page.result(result.outcome, result.declarer, result.message, related)
