"""Links have a name that says where they go.

A link with no name is announced as "link" and nothing else, or as its address; an icon
link without alt text is the usual cause. The name comes from the link text, an image's
`alt`, `aria-label`, `aria-labelledby` or `title`. Elements with a link role
(`role="doc-biblioref"`) need one too; a `role="link"` on an element HTML gives no naming
method of its own is aria-command-name's, and image-map areas are area-alt's, as in axe-core
(W3C ACT rule c487ae, shared with `area-alt`).

Fails:

    <a href="/es/"><img src="flag-es.png"></a>

Passes:

    <a href="/es/"><img src="flag-es.png" alt="Español"></a>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.aria import is_a
from ..semantics.document import Element
from ..semantics.naming import COMMAND_ROLES, is_aria_widget

IMPACT = "serious"
WCAG = ("2.4.4", "4.1.2")
ACT = ("c487ae",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each HTML element with a link role in the accessibility tree whose accessible name is empty."""
    for element in page.elements:
        if element.tag == "area" or not _is_link(page, element) or page.is_hidden(element) or page.is_svg(element):
            continue
        if page.name(element):
            yield page.passed(element)
        else:
            target = (element.get("href") or "")[:60]
            where = f"the link to {target!r}" if target else "this link"
            yield page.failed(element, f"{where} has no text: give it words that say where it goes")


def _is_link(page: Page, element: Element) -> bool:
    return is_a(page.role(element), "link") and not is_aria_widget(page, element, COMMAND_ROLES)
