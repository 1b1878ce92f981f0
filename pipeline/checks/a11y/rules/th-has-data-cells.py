"""Table header cells head some cells.

A header that no cell is assigned to (a column with no cells under it, or one that every
cell's `headers` attribute skips) is announced with nothing, and suggests a broken table.
Which header a cell belongs to follows HTML's table rules: the column and row it is in,
`scope`, and `headers` (W3C ACT rule d0f69e). An empty header shows nothing (ACT applies to
visible headers only) and is `empty-table-header`'s to report.

Fails:

    <table><tr><th>Rate</th><th>Value</th></tr><tr><td>15%</td></tr></table>

Passes:

    <table><tr><th>Rate</th><th>Value</th></tr><tr><td>15%</td><td>High</td></tr></table>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.datatables import has_content
from ..semantics.document import Element
from ..semantics.tables import CELL_ROLES

IMPACT = "serious"
WCAG = ("1.3.1",)
ACT = ("d0f69e",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each visible header cell of a table in the accessibility tree that no cell is assigned to."""
    for element in page.elements:
        if page.role(element) not in ("columnheader", "rowheader") or page.is_svg(element):
            continue
        if page.is_hidden(element) or not page.is_visible(element) or not has_content(page, element):
            continue
        table = _closest_table(page, element)
        if table is None or page.is_hidden(table):
            continue
        grid = page.table(table)
        header = grid.cell_of(element)
        if header is None:
            continue
        if header in grid.assigned_headers(page, CELL_ROLES):
            yield page.passed(element)
        else:
            yield page.failed(element, "no cell of the table falls under this header: add its cells, or make it "
                                       "an ordinary cell")


def _closest_table(page: Page, element: Element) -> Element | None:
    for ancestor in element.iterancestors():
        if page.role(ancestor) in ("table", "grid", "treegrid"):
            return ancestor
    return None
