"""Menu items have a name.

A menu item that is only an icon is announced as "menu item" and nothing more. Its name
comes from its text, `aria-label`, `aria-labelledby` or `title` (W3C ACT rule m6b1q3).

Fails:

    <div role="menu"><button role="menuitem"><img src="new.svg" alt=""></button></div>

Passes:

    <div role="menu"><button role="menuitem"><img src="new.svg" alt="">New file</button></div>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result

IMPACT = "serious"
WCAG = ("4.1.2",)
ACT = ("m6b1q3",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each HTML element with the menuitem role in the accessibility tree that has no name."""
    for element in page.elements:
        if page.role(element) != "menuitem" or page.is_hidden(element) or page.is_svg(element):
            continue
        if page.name(element):
            yield page.passed(element)
        else:
            yield page.failed(element, "this menu item has no name: give it text, or aria-label")
