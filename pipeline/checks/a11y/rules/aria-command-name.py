"""ARIA buttons, links and menu items have a name.

An element made a button, link or menu item by its `role` is announced as "button" and
nothing more when it has no name. The name comes from its text, `aria-label`,
`aria-labelledby` or `title`. Native links are link-name's and native buttons button-name's
and input-button-name's (axe-core's `aria-command-name`; one part of W3C ACT rules 97a4e1,
m6b1q3 for menu items and c487ae for links).

Fails:

    <div role="menu"><div role="menuitem" tabindex="-1"><img src="new.svg" alt=""></div></div>

Passes:

    <div role="menu"><div role="menuitem" tabindex="-1"><img src="new.svg" alt="">New file</div></div>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.naming import BUTTON_MISSING_NAME, COMMAND_ROLES, aria_widgets, name_outcomes

IMPACT = "serious"
WCAG = ("4.1.2",)
ACT = ("97a4e1", "m6b1q3", "c487ae")
MISSING_NAME = {
    "button": BUTTON_MISSING_NAME,
    "link": "this link has no text: give it words that say where it goes",
    "menuitem": "this menu item has no name: give it text, or aria-label",
}


def check(page: Page) -> Iterator[Result]:
    """Fail for each ARIA button, link or menu item (not a native one) in the accessibility tree with no name."""
    for outcome, element, message in name_outcomes(page, aria_widgets(page, COMMAND_ROLES), MISSING_NAME):
        yield page.result(outcome, element, message)

