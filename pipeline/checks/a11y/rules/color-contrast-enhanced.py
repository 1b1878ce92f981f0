"""Text has a contrast of at least 7:1 with its background (4.5:1 when large): WCAG AAA.

The enhanced contrast of WCAG 1.4.6 (W3C ACT rule 09o5cg), read as `color-contrast`
reads it: the cascade of the page's own and linked local style sheets, opacity, text
shadows, large text by computed size and weight, cantTell where the background depends on
the layout. A level AAA criterion: reported when the level asked for is AAA.

Fails:

    <p style="color: #666; background: #fff">Call a doctor if a cramp lasts longer than ten minutes.</p>

Passes:

    <p style="color: #333; background: #fff">Call a doctor if a cramp lasts longer than ten minutes.</p>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.contrast import contrast_outcomes

IMPACT = "serious"
WCAG = ("1.4.6",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each element whose text has less than 7:1 (large text 4.5:1) against its background."""
    for outcome, element, message in contrast_outcomes(page.contrast_measures(), normal=7.0, large=4.5):
        yield page.result(outcome, element, message)
