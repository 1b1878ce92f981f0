"""Summaries of details have a name.

The `<summary>` of a `<details>` is the button that opens and closes it; empty, it is
announced as a bare "button" (or not at all). Only the first `<summary>` of a `<details>`
is that button, and one with an explicit role is button-name's (W3C ACT rule 2t702h).

Fails:

    <details><summary></summary><p>Open every day.</p></details>

Passes:

    <details><summary>Opening times</summary><p>Open every day.</p></details>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.aria import PRESENTATIONAL_ROLES, explicit_role
from ..semantics.document import Element

IMPACT = "serious"
WCAG = ("4.1.2",)
ACT = ("2t702h",)


def is_summary_button(element: Element) -> bool:
    """Whether a `<summary>` is the first one of its parent `<details>`, the one that toggles it."""
    parent = element.getparent()
    return parent is not None and parent.tag == "details" and parent.find("summary") is element


def check(page: Page) -> Iterator[Result]:
    """Fail for each summary button in the accessibility tree, without a role of its own, that has no name."""
    for element in page.elements_by_tag("summary"):
        if not is_summary_button(element) or page.is_hidden(element):
            continue
        role = explicit_role(element)
        if role is not None and not (role in PRESENTATIONAL_ROLES and page.role(element) != role):
            continue  # an explicit role that stands is tested by the rule of that role
        if page.name(element):
            yield page.passed(element)
        else:
            yield page.failed(element, "this summary is empty: give it words that say what the details hold")
