"""All content is inside a landmark.

Screen reader users move through a page by its landmarks; text outside every landmark
is easily missed. A skip link before the landmarks, and hidden content, are exempt.

Fails:

    <body><p>Call us on 816-396-0245.</p> <main>…</main></body>

Passes:

    <body><main>…</main> <footer><p>Call us on 816-396-0245.</p></footer></body>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.accname import has_content
from ..semantics.aria import LANDMARK_ROLES, PRESENTATIONAL_ROLES
from ..semantics.document import Element

IMPACT = "moderate"
WCAG = ("1.3.1", "2.4.1")
BEST_PRACTICE = True

LIVE_REGION_ROLES = frozenset({"alert", "log", "status"})
REGION_ELEMENTS = frozenset({"dialog", "svg", "iframe", "frame"})


def check(page: Page) -> Iterator[Result]:
    """Fail for each outermost block of content that no landmark contains."""
    if not page.is_document:
        return  # an SVG image has no landmarks or headings to ask for
    body = page.body
    if body is None:
        return
    outside = _Walk(page)
    for element in body:
        if isinstance(element.tag, str):
            outside.visit(element)
    failures = []
    for element in outside.regionless:
        # Report the largest block that holds no landmark, as a person would point at it.
        block, parent = element, element.getparent()
        while parent is not None and parent is not body and parent not in outside.holds_region:
            block, parent = parent, parent.getparent()
        if block not in failures:
            failures.append(block)
    for element in failures:
        yield page.failed(element, "this content is outside every landmark: move it into <main>, <header>, "
                                   "<nav>, <aside> or <footer>")
    if not failures:
        yield page.passed(body)


class _Walk:
    """One walk down from `<body>`, stopping at landmarks and at the first content outside them."""

    def __init__(self, page: Page):
        self.page = page
        self.regionless: list[Element] = []
        self.holds_region: set[Element] = set()
        self.first_page_link = _first_page_link(page)

    def visit(self, element: Element) -> None:
        """Walk down from an element outside every landmark, collecting content that is not in one."""
        page = self.page
        if self._exempt(element):
            node: Element | None = element
            while node is not None and node not in self.holds_region:
                self.holds_region.add(node)
                node = node.getparent()
            return
        if has_content(page, element) and not (
            page.role(element) in PRESENTATIONAL_ROLES and not page.has_own_text(element)
        ):
            self.regionless.append(element)
            return
        for child in element:
            if isinstance(child.tag, str):
                self.visit(child)

    def _exempt(self, element: Element) -> bool:
        page = self.page
        role = page.role(element)
        if role == "button" or role in LANDMARK_ROLES or role in LIVE_REGION_ROLES or page.is_hidden(element):
            return True
        if element.tag in REGION_ELEMENTS or (element.get("role") or "").strip() in ("dialog", "alertdialog"):
            return True
        if (element.get("aria-live") or "").strip().lower() in ("polite", "assertive"):
            return True
        return self._is_skip_link(element)

    def _is_skip_link(self, element: Element) -> bool:
        """A same-page link before the first link to another page, whose target exists."""
        href = element.get("href")
        if element.tag != "a" or not href or not href.startswith("#") or len(href) < 2:
            return False
        if self.first_page_link is not None and self.page.order(element) > self.page.order(self.first_page_link):
            return False
        target = href[1:]
        return self.page.element_by_id(target) is not None or any(
            e.get("name") == target for e in self.page.elements
        )


def _first_page_link(page: Page) -> Element | None:
    for link in page.elements_by_tag("a"):
        href = link.get("href")
        if href is not None and not href.startswith("#") and not href.lower().startswith("javascript:"):
            return link
    return None
