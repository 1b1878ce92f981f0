"""The headers attribute of a cell points at cells of the same table.

`headers` tells screen readers which header cells to read with a cell. An id that is
misspelt, that belongs to another table, to something that is not a cell, or to the cell
itself is ignored, and the cell is read without its headers (W3C ACT rule a25f45).

Fails:

    <table><tr><th id="dose">Dose</th></tr><tr><td headers="doze">2 tablets</td></tr></table>

Passes:

    <table><tr><th id="dose">Dose</th></tr><tr><td headers="dose">2 tablets</td></tr></table>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result

IMPACT = "serious"
WCAG = ("1.3.1",)
ACT = ("a25f45",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each `headers` attribute of a visible table naming anything but another cell of the table."""
    for table in page.elements_by_tag("table"):
        if page.role(table) not in ("table", "grid", "treegrid") or page.is_hidden(table) or not page.is_visible(table):
            continue
        grid = page.table(table)
        cell_ids = {cell.element.get("id") for cell in grid.cells if cell.element.get("id")}
        for cell in grid.cells:
            value = cell.element.get("headers")
            if value is None:
                continue
            tokens = value.split()
            own = cell.element.get("id")
            strangers = [t for t in tokens if t not in cell_ids]
            if own in tokens:
                yield page.failed(cell.element, f"headers=\"{value}\" names the cell itself: name its header cells")
            elif strangers:
                yield page.failed(cell.element, f"headers=\"{value}\": {', '.join(strangers)} is not the id of a "
                                                "cell of this table")
            else:
                yield page.passed(cell.element)
