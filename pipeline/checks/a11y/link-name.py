"""Links have a name that says where they go.

A link with no name is announced as "link" and nothing else, or as its address; an icon
link without alt text is the usual cause. The name comes from the link text, an image's
`alt`, `aria-label`, `aria-labelledby` or `title`.

Fails:

    <a href="/es/"><img src="flag-es.png"></a>

Passes:

    <a href="/es/"><img src="flag-es.png" alt="Español"></a>
"""

from __future__ import annotations

from collections.abc import Iterator

from .page import Page, Result

IMPACT = "serious"
WCAG = ("2.4.4", "4.1.2")


def check(page: Page) -> Iterator[Result]:
    """Fail for each visible `<a href>` whose accessible name is empty."""
    for link in page.elements_by_tag("a"):
        if link.get("href") is None or page.is_hidden(link):
            continue
        if page.name(link):
            yield page.passed(link)
        else:
            target = (link.get("href") or "")[:60]
            yield page.failed(link, f"the link to {target!r} has no text: give it words that say where it goes")
