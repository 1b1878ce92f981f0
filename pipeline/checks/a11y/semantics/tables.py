"""Tables as HTML forms them: the grid of cells, and which header cells each cell is assigned to.

HTML tables follow the HTML standard's "forming a table" (row and column spans, row groups,
`tfoot` last) and "forming relationships between data cells and header cells" (`headers`
first; otherwise scanning left and up, with `scope` and the automatic column/row header
state). Tables built from ARIA roles (`role="table"`, `"grid"`...) get the same grid from
their rows and cells in the accessibility tree, with header cells known by their roles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from .aria import integer_attribute
from .document import Element
from .facts import PageFacts
from .tree import AccessibilityTree
CELL_ROLES = frozenset({"cell", "gridcell", "columnheader", "rowheader"})


class TableFacts(PageFacts, Protocol):
    """A page that also knows its accessibility tree (an ARIA table's rows are its owned elements)."""

    @property
    def tree(self) -> AccessibilityTree:
        """Who owns whom in the accessibility tree."""
        ...


@dataclass(eq=False)
class Cell:
    """One cell of a table: where it sits and whether it is a header cell."""

    element: Element
    x: int
    y: int
    width: int = 1
    height: int = 1
    header: bool = False
    scope: str = "auto"  # row, col, rowgroup, colgroup or auto (HTML); row or col for ARIA header roles


@dataclass
class Table:
    """A table's cells and the slots they cover."""

    element: Element
    cells: list[Cell] = field(default_factory=list)
    slots: dict[tuple[int, int], list[Cell]] = field(default_factory=dict)
    html: bool = True
    _by_element: dict[Element, Cell] = field(default_factory=dict)
    #: The rows and the columns some data cell covers: computed once, after the table is formed.
    _data_rows: set[int] | None = None
    _data_columns: set[int] | None = None
    _assigned: set[Cell] | None = None

    def add(self, cell: Cell) -> None:
        """Place a cell and mark the slots it covers."""
        self.cells.append(cell)
        self._by_element.setdefault(cell.element, cell)
        for dx in range(cell.width):
            for dy in range(cell.height):
                self.slots.setdefault((cell.x + dx, cell.y + dy), []).append(cell)

    def cell_of(self, element: Element) -> Cell | None:
        """The cell an element is, if it is one of this table's."""
        return self._by_element.get(element)

    def _with_data(self) -> tuple[set[int], set[int]]:
        if self._data_rows is None or self._data_columns is None:
            self._data_rows, self._data_columns = set(), set()
            for other in self.cells:
                if not other.header:
                    self._data_rows.update(range(other.y, other.y + other.height))
                    self._data_columns.update(range(other.x, other.x + other.width))
        return self._data_rows, self._data_columns

    def is_column_header(self, cell: Cell) -> bool:
        """HTML: scope col, or automatic with no data cell in the rows it covers."""
        if cell.scope in ("col", "colgroup"):
            return True
        if cell.scope != "auto":
            return False
        rows, _ = self._with_data()
        return not any(y in rows for y in range(cell.y, cell.y + cell.height))

    def is_row_header(self, cell: Cell) -> bool:
        """HTML: scope row, or automatic, no column header, with no data cell in the columns it covers."""
        if cell.scope in ("row", "rowgroup"):
            return True
        if cell.scope != "auto" or self.is_column_header(cell):
            return False
        _, columns = self._with_data()
        return not any(x in columns for x in range(cell.x, cell.x + cell.width))

    def assigned_headers(self, page: PageFacts, roles: frozenset[str]) -> set[Cell]:
        """Every header cell some cell with one of `roles` is assigned to: each cell's headers found once."""
        if self._assigned is None:
            self._assigned = set()
            for cell in self.cells:
                if page.role(cell.element) in roles:
                    self._assigned.update(h for h in self.headers_of(page, cell) if h is not cell)
        return self._assigned

    def headers_of(self, page: PageFacts, cell: Cell) -> list[Cell]:
        """The header cells assigned to a cell (HTML "forming relationships between data and header cells")."""
        tokens = (cell.element.get("headers") or "").split() if self.html else []
        if tokens:
            found = []
            for token in tokens:
                target = page.element_by_id(token)
                header = self.cell_of(target) if target is not None else None
                if header is not None and header is not cell and header not in found:
                    found.append(header)
            return found
        headers: list[Cell] = []
        for y in range(cell.y, cell.y + cell.height):
            self._scan(cell, cell.x, y, -1, 0, headers)
        for x in range(cell.x, cell.x + cell.width):
            self._scan(cell, x, cell.y, 0, -1, headers)
        return [h for h in dict.fromkeys(headers) if h is not cell]

    def _scan(self, principal: Cell, x: int, y: int, dx: int, dy: int, headers: list[Cell]) -> None:
        """HTML's internal algorithm for scanning and assigning header cells."""
        opaque: list[Cell] = []
        in_block = principal.header
        block: list[Cell] = [principal] if principal.header else []
        while True:
            x, y = x + dx, y + dy
            if x < 0 or y < 0:
                return
            covering = self.slots.get((x, y), [])
            if len(covering) != 1:
                continue
            current = covering[0]
            if current.header:
                in_block = True
                block.append(current)
                if dx == 0:
                    blocked = any(o.x == current.x and o.width == current.width for o in opaque)
                    blocked = blocked or not self.is_column_header(current)
                else:
                    blocked = any(o.y == current.y and o.height == current.height for o in opaque)
                    blocked = blocked or not self.is_row_header(current)
                if not blocked:
                    headers.append(current)
            elif in_block:
                in_block = False
                opaque.extend(block)
                block = []


def _span(element: Element, name: str, default: int, maximum: int) -> int:
    value = integer_attribute(element, name)
    if value is None or value < 0:
        return default
    return min(value, maximum) if value > 0 else (0 if name == "rowspan" else 1)


def html_table(table: Element) -> Table:
    """The grid of an HTML `table` element (HTML, 4.9.12.1 "Forming a table")."""
    result = Table(table)
    groups = [child for child in table if child.tag in ("thead", "tbody", "tr")]
    groups += [child for child in table if child.tag == "tfoot"]
    y = 0
    for group in groups:
        rows = [group] if group.tag == "tr" else [row for row in group if row.tag == "tr"]
        start = y
        pending: list[Cell] = []
        for row in rows:
            x = 0
            for element in (c for c in row if c.tag in ("td", "th")):
                while result.slots.get((x, y)):
                    x += 1
                width = _span(element, "colspan", 1, 1000)
                height = _span(element, "rowspan", 1, 65534)
                scope = (element.get("scope") or "").strip().lower()
                cell = Cell(element, x, y, width, max(height, 1), element.tag == "th",
                            scope if scope in ("row", "col", "rowgroup", "colgroup") else "auto")
                if height == 0:
                    pending.append(cell)
                result.add(cell)
                x += width
            y += 1
        for cell in pending:  # rowspan="0" reaches the end of its row group
            _stretch(result, cell, y - start - (cell.y - start))
    return result


def _stretch(table: Table, cell: Cell, height: int) -> None:
    for dx in range(cell.width):
        for dy in range(cell.height, height):
            table.slots.setdefault((cell.x + dx, cell.y + dy), []).append(cell)
    cell.height = max(height, 1)


def aria_table(page: TableFacts, table: Element) -> Table:
    """The grid of a table made of ARIA roles: its rows in order, their cells side by side."""
    result = Table(table, html=False)
    rows = [row for row in _owned_with_role(page, table, "row")]
    for y, row in enumerate(rows):
        cells = [c for c in page.tree.children(row) if not isinstance(c, str) and page.role(c) in CELL_ROLES]
        for x, element in enumerate(cells):
            role = page.role(element)
            header = role in ("columnheader", "rowheader")
            result.add(Cell(element, x, y, header=header, scope={"columnheader": "col"}.get(role or "", "row")))
    return result


def _owned_with_role(page: TableFacts, element: Element, role: str) -> list[Element]:
    found = []
    for child in page.tree.children(element):
        if isinstance(child, str):
            continue
        if page.role(child) == role:
            found.append(child)
        elif page.role(child) == "rowgroup":
            found.extend(_owned_with_role(page, child, role))
    return found


def table_of(page: TableFacts, table: Element) -> Table:
    """The grid of any table: by HTML's rules for a `table` element, by ARIA roles otherwise."""
    return html_table(table) if table.tag == "table" else aria_table(page, table)
