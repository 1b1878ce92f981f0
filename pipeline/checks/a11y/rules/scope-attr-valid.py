"""The scope attribute is used correctly.

`scope` tells assistive technology which cells a header cell heads: `row`, `col`,
`rowgroup` or `colgroup`, on a `<th>`. Any other value is ignored, and in an HTML5
document `scope` on a `<td>` is obsolete: the cell is still no header, so the table reads
differently from how it looks.

Fails:

    <th scope="column">Dose</th>
    <td scope="row">Paracetamol</td>

Passes:

    <th scope="col">Dose</th>
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..page import Page, Result

IMPACT = "moderate"
WCAG = ()
BEST_PRACTICE = True

VALUES = ("row", "col", "rowgroup", "colgroup")
#: An HTML5 document's doctype: `<!DOCTYPE html>`, with no public or system identifier (axe-core's isHTML5).
HTML5_DOCTYPE = re.compile(r"^\ufeff?\s*(?:<!--.*?-->\s*)*<!doctype\s+html\s*>", re.IGNORECASE | re.DOTALL)


def check(page: Page) -> Iterator[Result]:
    """Fail for each cell in the tree whose `scope` has a value other than row, col, rowgroup and colgroup, or is on a `<td>`."""
    cells = [cell for cell in page.elements_by_tag("td", "th") if cell.get("scope") is not None]
    html5 = bool(cells) and page.is_html and HTML5_DOCTYPE.match(page.source) is not None
    for cell in cells:
        if page.is_hidden(cell):
            continue
        value = cell.get("scope") or ""
        if value.lower() not in VALUES:
            yield page.failed(cell, f"scope=\"{value}\" is no scope: use row, col, rowgroup or colgroup")
        elif html5 and cell.tag == "td":
            yield page.failed(cell, "scope is for header cells: make this cell a <th>, or remove scope")
        else:
            yield page.passed(cell)
