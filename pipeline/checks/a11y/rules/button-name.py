"""Buttons have a name that says what they do.

An icon-only button is announced as "button" and nothing more. The name comes from the
button's text, `aria-label`, `aria-labelledby`, a `<label>` or `title`; `<input
type="submit">` and `type="reset"` have a name of their own. Elements with `role="button"`
need one too (W3C ACT rule 97a4e1); image buttons are input-image-alt's, and a `<summary>`
is summary-name's.

Fails:

    <button type="button"><svg aria-hidden="true"></svg></button>

Passes:

    <button type="button" aria-label="Print this page"><svg aria-hidden="true"></svg></button>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.aria import explicit_role
from ..semantics.document import Element

IMPACT = "critical"
WCAG = ("4.1.2",)
ACT = ("97a4e1",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each element with the button role in the accessibility tree whose accessible name is empty."""
    for element in page.elements:
        if page.role(element) != "button" or page.is_hidden(element) or _tested_elsewhere(element):
            continue
        if page.name(element):
            yield page.passed(element)
        else:
            yield page.failed(element, "the button has no text: give it words (or aria-label) that say what it does")


def _tested_elsewhere(element: Element) -> bool:
    if element.tag == "input" and (element.get("type") or "").strip().lower() == "image":
        return True
    return element.tag == "summary" and explicit_role(element) is None
