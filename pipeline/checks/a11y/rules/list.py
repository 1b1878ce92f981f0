"""Lists contain only list items.

Screen readers announce "list, 3 items" and let users skip it; a paragraph or stray text
directly inside `<ul>`, or an `<li>` given another role (no longer a list item), breaks the
count and the navigation.

Fails:

    <ul><p>Stretch your calf.</p> <li>Drink water.</li></ul>
    <ul><li>Stretch your calf.</li> <li role="menuitem">Drink water.</li></ul>

Passes:

    <ul><li>Stretch your calf.</li> <li>Drink water.</li></ul>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result

IMPACT = "serious"
WCAG = ("1.3.1",)
ACT = ("bc4a75",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each visible list without a role whose children are not all list items."""
    for listing in page.elements_by_tag("ul", "ol"):
        if listing.get("role") or page.is_hidden(listing):
            continue
        stray_text = bool((listing.text or "").strip()) or any((c.tail or "").strip() for c in listing)
        others, items_with_other_roles = [], []
        for child in listing:
            if not isinstance(child.tag, str) or page.is_hidden(child):
                continue
            role = page.role(child)
            if role == "listitem":
                continue
            if child.tag == "li":
                items_with_other_roles.append(child)
            else:
                others.append(child)
        if stray_text or others:
            what = f"<{others[0].tag}>" if others else "text"
            yield page.failed(listing, f"this list holds {what} outside its <li> items: put the content in <li>")
        elif items_with_other_roles:
            role = page.role(items_with_other_roles[0]) or "none"
            yield page.failed(listing, f"this list holds an <li> with role {role}, which is not a list item: remove "
                                       "the role")
        else:
            yield page.passed(listing)
