"""Terms and descriptions are inside a description list.

A `<dt>` or `<dd>` outside a `<dl>` is announced as neither term nor description: the
pairing of a word and its meaning is lost. The item may sit in a `<div>` group of the list;
a `<dl>` with a role other than none, presentation or list is no description list.

Fails:

    <div><dt>Cramp</dt><dd>A sudden tightening of a muscle.</dd></div>

Passes:

    <dl><dt>Cramp</dt><dd>A sudden tightening of a muscle.</dd></dl>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.aria import explicit_role

IMPACT = "serious"
WCAG = ("1.3.1",)

LIST_ROLES = (None, "none", "presentation", "list")


def check(page: Page) -> Iterator[Result]:
    """Fail for each `<dt>` and `<dd>` without a role in the tree whose parent (or parent `<div>` group) is not a `<dl>`."""
    for item in page.elements_by_tag("dt", "dd"):
        if item.get("role") or page.is_hidden(item):
            continue
        parent = item.getparent()
        if parent is not None and parent.tag == "div" and explicit_role(parent) in (None, "none", "presentation"):
            parent = parent.getparent()
        if parent is not None and parent.tag == "dl" and explicit_role(parent) in LIST_ROLES:
            yield page.passed(item)
        elif parent is not None and parent.tag == "dl":
            yield page.failed(item, f"this <{item.tag}> is in a <dl> with role=\"{parent.get('role')}\", which is "
                                    "no description list: remove that role")
        else:
            where = f"<{parent.tag}>" if parent is not None else "nothing"
            yield page.failed(item, f"this <{item.tag}> is inside {where}, not a description list: put it in <dl>")
