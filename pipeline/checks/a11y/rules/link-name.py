"""Links have a name that says where they go.

A link with no name is announced as "link" and nothing else, or as its address; an icon
link without alt text is the usual cause. The name comes from the link text, an image's
`alt`, `aria-label`, `aria-labelledby` or `title`. Image-map areas and elements with a
link role (`role="link"`, `role="doc-biblioref"`) need one too (W3C ACT rule c487ae).

Fails:

    <a href="/es/"><img src="flag-es.png"></a>

Passes:

    <a href="/es/"><img src="flag-es.png" alt="Español"></a>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.aria import is_a

IMPACT = "serious"
WCAG = ("2.4.4", "4.1.2")
ACT = ("c487ae",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each HTML element with a link role in the accessibility tree whose accessible name is empty."""
    for element in page.elements:
        if not is_a(page.role(element), "link") or page.is_hidden(element) or page.is_svg(element):
            continue
        if page.name(element):
            yield page.passed(element)
        else:
            target = (element.get("href") or "")[:60]
            where = f"the link to {target!r}" if target else "this link"
            yield page.failed(element, f"{where} has no text: give it words that say where it goes")
