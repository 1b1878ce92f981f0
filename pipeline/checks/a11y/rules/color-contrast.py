"""Text has a contrast of at least 4.5:1 with its background (3:1 when large).

The text's colour and the background behind it are read from `style` attributes, `<style>`
blocks and linked local style sheets through the cascade, with inheritance, opacity and
text shadows; large text is 24px, or 18.66px bold (WCAG 1.4.3; W3C ACT rule afw4f7). Where
only a layout engine could say what lies behind the text (a background image or gradient,
a positioned or moved box), a person is asked to check (cantTell). Pages that style a dark
colour scheme are checked in both schemes.

Fails:

    <p style="color: #999; background: #fff">Call a doctor if a cramp lasts longer than ten minutes.</p>

Passes:

    <p style="color: #595959; background: #fff">Call a doctor if a cramp lasts longer than ten minutes.</p>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.contrast import contrast_outcomes

IMPACT = "serious"
WCAG = ("1.4.3",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each element whose text has less than 4.5:1 (large text 3:1) against its background."""
    for outcome, element, message in contrast_outcomes(page.contrast_measures(), normal=4.5, large=3.0):
        yield page.result(outcome, element, message)
