"""Whether an HTML table holds data or only lays content out, as browsers and axe-core guess it.

Browsers expose a `<table>` used for layout as no table at all; axe-core's table rules
(`td-has-header`, `table-fake-caption`) apply only to tables it judges to hold data. The
guess follows axe-core's `isDataTable` (itself after Firefox's heuristics): markup first
(a role, `summary`, a caption, a header row, `scope`, `headers`, `abbr`), then borders and
row backgrounds from the cascade, then size. One step needs layout: a table of ten cells or
more with no other sign is a layout table when it is wider than 95 % of the window; that
case is answered `None`, not guessed.
"""

from __future__ import annotations

import re

from .aria import LANDMARK_ROLES, VISUAL_ELEMENTS, explicit_role
from .document import Element
from .focus import is_focusable
from .spacing import StyledFacts
from .tables import Table
from .textblocks import draws_line

HEADER_ROLES = ("columnheader", "rowheader")
DATA_ROLES = ("grid", "treegrid", "table")
#: The border properties that decide whether a border is drawn (not its colour or corners).
_BORDER = re.compile(r"^border(-(top|right|bottom|left|block|inline)(-(start|end))?)?(-(style|width))?$")


def table_rows(table: Element) -> list[Element]:
    """The table's rows in the order of `table.rows`: `thead`'s, then body rows and bare `tr`s, then `tfoot`'s."""
    rows: list[Element] = []
    for group in ("thead", None, "tfoot"):
        for child in table:
            if group is None and child.tag == "tr":
                rows.append(child)
            elif child.tag == (group or "tbody"):
                rows.extend(row for row in child if row.tag == "tr")
    return rows


def row_cells(row: Element) -> list[Element]:
    """The `td` and `th` cells of a row."""
    return [cell for cell in row if cell.tag in ("td", "th")]


def is_data_table(page: StyledFacts, table: Element) -> bool | None:
    """Whether the table holds data (axe-core's heuristic); None when only its width on screen could tell."""
    role = explicit_role(table)
    if role in ("none", "presentation") and not is_focusable(table):
        return False
    if any(node.get("contenteditable") == "true" for node in (table, *table.iterancestors())):
        return True
    if role in DATA_ROLES or role in LANDMARK_ROLES:
        return True
    if table.get("datatable") == "0":
        return False
    if table.get("summary") or any(child.tag in ("thead", "tfoot", "caption", "colgroup") for child in table):
        return True
    rows = table_rows(table)
    cells = [cell for row in rows for cell in row_cells(row)]
    for cell in cells:
        if cell.tag == "th" or cell.get("scope") or cell.get("headers") or cell.get("abbr"):
            return True
        if explicit_role(cell) in HEADER_ROLES or (len(cell) == 1 and cell[0].tag == "abbr"):
            return True
    if any(True for _ in table.iterdescendants("table")) or len(rows) < 2:
        return False
    sample = row_cells(rows[-(-len(rows) // 2)])  # axe-core's sample: row ceil(n / 2)
    if len(sample) == 1 and (sample[0].get("colspan") or "1").strip() in ("", "1"):
        return False
    if len(sample) >= 5 or any(_has_border(page, table, cell) for cell in cells):
        return True
    if len({_row_background(page, row) for row in rows}) > 1 or len(rows) >= 20:
        return True
    if len(cells) < 10 or any(True for _ in table.iterdescendants("object", "embed", "iframe", "applet")):
        return False
    return None  # a data table unless wider than 95 % of the window


def _has_border(page: StyledFacts, table: Element, cell: Element) -> bool:
    """Whether the cell is drawn with a border: by CSS, or by the `border` attribute of its table."""
    styles = page.styles
    sides = [name for name in styles.declared(cell) if _BORDER.match(name)]
    if sides:
        return any(draws_line(styles.value(cell, name) or "none") for name in sides)
    return (table.get("border") or "").strip() not in ("", "0")


def _row_background(page: StyledFacts, row: Element) -> tuple[str | None, str | None]:
    return page.styles.value(row, "background-color"), page.styles.value(row, "background-image")


def has_content(page: StyledFacts, element: Element) -> bool:
    """Whether the element shows text or an image, or is named by `aria-label` (axe-core's hasContent)."""
    if (element.get("aria-label") or "").strip() or "".join(element.itertext()).strip():
        return True
    return any(child.tag in VISUAL_ELEMENTS and not page.is_hidden(child) for child in element.iterdescendants())


def grid_rows(grid: Table) -> list[list[Element]]:
    """The table's slots row by row, each slot the element covering it (axe-core's `toGrid`)."""
    rows: list[list[Element]] = []
    for (x, y), cells in sorted(grid.slots.items(), key=lambda item: (item[0][1], item[0][0])):
        while len(rows) <= y:
            rows.append([])
        if x == len(rows[y]):
            rows[y].append(cells[0].element)
    return rows
