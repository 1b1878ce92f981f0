"""Each data cell of a large data table has a header.

In a table of three rows and three columns or more, a screen reader user moving from cell
to cell hears each cell's headers; a cell with no header in its row or column (nor through
`headers`) is a bare number whose meaning the user must reconstruct. As axe-core's rule
(experimental there, off by default), it applies to data tables, guessed as axe-core
guesses them (`semantics/datatables.py`); where only the table's width on screen could tell
a layout table from a data table, a failing table is `cantTell`. Empty cells and cells named
by `aria-label` need no header. The table is reported, its cells are the related places.

Fails:

    <table><tr><td>Calf</td><td>Hard</td><td>Cramp</td></tr><tr><td>Thigh</td><td>Aching</td>…</tr>…</table>

Passes:

    <table><tr><th>Where</th><th>Feels</th><th>Meaning</th></tr><tr><td>Calf</td><td>Hard</td>…</tr>…</table>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.aria import explicit_role
from ..semantics.datatables import grid_rows, has_content, is_data_table
from ..semantics.document import Element
from ..semantics.tables import Cell, Table

IMPACT = "critical"
WCAG = ("1.3.1",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each large data table in the tree with a data cell that no header cell with content heads."""
    for table in page.elements_by_tag("table"):
        if page.is_hidden(table):
            continue
        data = is_data_table(page, table)
        if data is False:
            continue
        grid = page.table(table)
        rows = grid_rows(grid)
        if len(rows) < 3 or any(len(row) < 3 for row in rows[:3]):
            continue
        bare = [cell.element for cell in grid.cells if _needs_header(page, cell.element)
                and not _has_header(page, grid, rows, cell)]
        if not bare:
            yield page.passed(table)
            continue
        related = [page.location(cell) for cell in bare]
        first = page.text(bare[0])[:40]
        message = (f"{len(bare)} data cell(s) of this table have no header (the first: \"{first}\"): "
                   "mark the header row or column with <th>")
        if data is None:
            yield page.cant_tell(table, f"{message}, if it holds data; whether it does depends on its width on "
                                        "screen (a table wider than 95 % of the window is taken for layout)", related)
        else:
            yield page.failed(table, message, related)


def _needs_header(page: Page, cell: Element) -> bool:
    """A data cell with content and no name of its own (axe-core: hasContent, isDataCell, no label)."""
    if not len(cell) and not (cell.text or "").strip():
        return False
    role = explicit_role(cell)
    if (role not in ("cell", "gridcell") if role else cell.tag != "td") or not has_content(page, cell):
        return False
    return not ((cell.get("aria-label") or "").strip() or
                any(page.element_by_id(ref) is not None for ref in (cell.get("aria-labelledby") or "").split()))


def _has_header(page: Page, grid: Table, rows: list[list[Element]], cell: Cell) -> bool:
    refs = [page.element_by_id(token) for token in (cell.element.get("headers") or "").split()]
    named = [header for header in refs if header is not None]
    if named:
        return any(has_content(page, header) for header in named)
    left = [grid.slots[(x, y)][0] for y in range(cell.y, cell.y + cell.height)
            for x in range(cell.x + cell.width - 1, -1, -1) if (x, y) in grid.slots]
    above = [grid.slots[(x, y)][0] for y in range(cell.y + cell.height - 1, -1, -1)
             for x in range(cell.x, cell.x + cell.width) if (x, y) in grid.slots]
    headers = [c for c in left if _scope(rows, c) in ("row", "rowgroup", "auto")]
    headers += [c for c in above if _scope(rows, c) in ("col", "colgroup", "auto")]
    return any(has_content(page, header.element) for header in headers)


def _scope(rows: list[list[Element]], cell: Cell) -> str | None:
    """What a cell heads, as axe-core's getScope reads it: col, row, their groups, auto, or None (no header)."""
    role = explicit_role(cell.element)
    scope = (cell.element.get("scope") or "").lower()
    if role in ("columnheader", "rowheader"):
        return "col" if role == "columnheader" else "row"
    if scope in ("col", "row", "colgroup", "rowgroup"):
        return scope
    if cell.element.tag != "th":
        return None
    if all(element.tag == "th" for element in rows[cell.y]):
        return "col"
    if all(cell.x < len(row) and row[cell.x].tag == "th" for row in rows):
        return "row"
    return "auto"
