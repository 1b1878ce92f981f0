"""An image's alternative does not repeat the text beside it.

When a link, button, paragraph, list item or table cell holds an image and text that say
the same thing, a screen reader says it twice ("Leg cramps, Leg cramps"). The image is then
decorative in that place: give it `alt=""`. As in axe-core, only an alternative equal to
the whole visible text of that element counts.

Fails:

    <a href="cramps/"><img src="cramp.png" alt="Leg cramps"> Leg cramps</a>

Passes:

    <a href="cramps/"><img src="cramp.png" alt=""> Leg cramps</a>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.accname import normalize_space
from ..semantics.aria import PRESENTATIONAL_ROLES, explicit_role
from ..semantics.document import Element

IMPACT = "minor"
WCAG = ()
BEST_PRACTICE = True

#: The elements whose text an image may repeat (axe-core's parentSelector).
CONTAINERS = frozenset({"button", "p", "li", "td", "th"})


def check(page: Page) -> Iterator[Result]:
    """Fail for each image in the tree whose name equals the visible text of the closest link, button, paragraph, item or cell."""
    for image in page.elements_by_tag("img"):
        if page.is_hidden(image) or page.role(image) in PRESENTATIONAL_ROLES:
            continue
        container = next((a for a in image.iterancestors() if _is_container(a)), None)
        if container is None:
            continue
        text = _visible_text(page, container).lower()
        name = page.name(image)
        if text and text == name.lower():
            yield page.failed(image, f"the image's alternative \"{name}\" repeats the text beside it: give it "
                                     "alt=\"\" so it is not read twice")
        else:
            yield page.passed(image)


def _is_container(element: Element) -> bool:
    return (element.tag in CONTAINERS or explicit_role(element) == "button"
            or (element.tag == "a" and element.get("href") is not None))


def _visible_text(page: Page, element: Element) -> str:
    """The text of the element's text nodes that assistive technology gets, `<br>` as a space (axe-core's visibleVirtual)."""
    def text(node: Element) -> str:
        if page.is_hidden(node):
            return ""
        parts = [node.text or ""] if node.tag != "br" else [" "]
        for child in node:
            if isinstance(child.tag, str):
                parts.append(text(child))
            parts.append(child.tail or "")
        return "".join(parts)
    return normalize_space(text(element))
