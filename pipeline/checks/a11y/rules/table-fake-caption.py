"""Data tables use `<caption>`, not a first row spanning every column, for their title.

A title drawn as a first row of one cell across the whole table is read as a cell: screen
readers neither announce it as the table's name nor let users find the table by it. As
axe-core's rule (experimental there, off by default), it applies to data tables as
axe-core guesses them (`semantics/datatables.py`); where only the width of the table on
screen could tell, a failing table is `cantTell`.

Fails:

    <table><tr><td colspan="2">Doses by age</td></tr><tr><th>Age</th><th>Dose</th></tr>…</table>

Passes:

    <table><caption>Doses by age</caption><tr><th>Age</th><th>Dose</th></tr>…</table>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.datatables import grid_rows, is_data_table, table_rows

IMPACT = "serious"
WCAG = ("1.3.1",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each data table in the tree whose first row is one cell spanning all its columns."""
    for table in page.elements_by_tag("table"):
        if page.is_hidden(table):
            continue
        data = is_data_table(page, table)
        if data is False:
            continue
        rows = grid_rows(page.table(table))
        first = rows[0] if rows else []
        if len(rows) <= 1 or len(first) <= 1 or len(table_rows(table)) <= 1 or len(set(first)) > 1:
            yield page.passed(table)
            continue
        message = "the first row of this table is one cell across every column: make it the table's <caption>"
        if data is None:
            yield page.cant_tell(table, f"{message}, if the table holds data; whether it does depends on its "
                                        "width on screen (a table wider than 95 % of the window is taken for layout)")
        else:
            yield page.failed(table, message)
