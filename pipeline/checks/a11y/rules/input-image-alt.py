"""Image buttons have a name.

An `<input type="image">` is a button drawn as a picture: without `alt` (or `aria-label`,
`aria-labelledby`, `title`) browsers call it "Submit Query", which says nothing of what it
does. Unlike an image, `alt=""` does not make it decorative: it is still a button
(W3C ACT rule 59796f).

Fails:

    <input type="image" src="search.svg" alt="">

Passes:

    <input type="image" src="search.svg" alt="Search">
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.accname import DEFAULT_IMAGE_BUTTON

IMPACT = "critical"
WCAG = ("1.1.1", "4.1.2")
ACT = ("59796f",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each image button in the accessibility tree whose name is empty or the browser's default."""
    for element in page.elements_by_tag("input"):
        if (element.get("type") or "").strip().lower() != "image" or page.is_hidden(element):
            continue
        name = page.name(element)
        if name and name != DEFAULT_IMAGE_BUTTON:
            yield page.passed(element)
        else:
            yield page.failed(element, "this image button has no name (browsers call it \"Submit Query\"): say "
                                       "what it does in alt")
