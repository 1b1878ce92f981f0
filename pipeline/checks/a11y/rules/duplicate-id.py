"""Every id on the page is unique.

A skip link to `#main`, a `<label for>` or an `aria-labelledby` reaches only the first
element with the id; the others lose their label or their target.

Fails:

    <h2 id="causes">Causes</h2> … <h2 id="causes">Other causes</h2>

Passes:

    <h2 id="causes">Causes</h2> … <h2 id="other-causes">Other causes</h2>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result

IMPACT = "minor"
WCAG = ("4.1.1",)
BEST_PRACTICE = True
ACT = ("3ea0c8",)


def check(page: Page) -> Iterator[Result]:
    """Fail once per repeated id, on its first element, with the others as related places."""
    for ident, all_elements in page.ids.items():
        elements = [e for e in all_elements if not page.is_mathml(e)]  # ids of HTML and SVG elements
        if ident == "" or not elements:
            continue
        if len(elements) == 1:
            yield page.passed(elements[0])
            continue
        others = [page.location(e) for e in elements[1:]]
        lines = ", ".join(str(place.line) for place in others)
        yield page.failed(
            elements[0],
            f"id=\"{ident}\" is used {len(elements)} times (again on line {lines}): links and labels reach only "
            "the first; give each element its own id",
            related=others,
        )
