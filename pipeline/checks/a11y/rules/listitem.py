"""List items are inside a list.

An `<li>` outside a list is not announced as part of one, so its grouping is lost.

Fails:

    <div><li>Stretch your calf.</li></div>

Passes:

    <ul><li>Stretch your calf.</li></ul>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result

IMPACT = "serious"
WCAG = ("1.3.1",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each visible `<li>` without a role whose parent is not a list."""
    for item in page.elements_by_tag("li"):
        if item.get("role") or page.is_hidden(item):
            continue
        parent = item.getparent()
        if parent is None:
            continue
        if page.role(parent) in ("list", "none", "presentation"):
            yield page.passed(item)
        elif parent.get("role"):
            yield page.failed(item, f"this <li> is inside an element with role=\"{parent.get('role')}\", "
                                    "not a list: remove that role")
        else:
            yield page.failed(item, f"this <li> is inside <{parent.tag}>, not a list: put it in <ul> or <ol>")
