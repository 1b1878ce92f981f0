"""Table header cells have text.

A screen reader reads a cell's headers with it; an empty `<th>` (or an element with role
columnheader or rowheader and no text) is read as nothing, and its column or row seems to
have no heading. The text may come from the cell's content, an image's `alt` inside it or
a descendant's `aria-label`; a header of a table made presentational is no header.

Fails:

    <tr><th></th><th>Dose</th></tr>

Passes:

    <tr><th>Medicine</th><th>Dose</th></tr>
    <tr><td></td><th>Dose</th></tr>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.accname import content_text
from ..semantics.aria import PRESENTATIONAL_ROLES

IMPACT = "minor"
WCAG = ()
BEST_PRACTICE = True


def check(page: Page) -> Iterator[Result]:
    """Fail for each header cell in the tree (a `<th>` without a role, or a header role) whose content has no text."""
    for element in page.elements:
        declared = element.get("role")
        if not (element.tag == "th" and declared is None) and declared not in ("columnheader", "rowheader"):
            continue
        if page.is_hidden(element) or page.is_mathml(element):
            continue
        table = next(element.iterancestors("table"), None)
        if content_text(page, element) or page.role(element) in PRESENTATIONAL_ROLES or (
            table is not None and page.role(table) in PRESENTATIONAL_ROLES
        ):
            yield page.passed(element)
        else:
            yield page.failed(element, "this header cell is empty: give it text (hidden visually if need be), or "
                                       "make it an ordinary <td>")
