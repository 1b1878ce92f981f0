"""Description lists hold only groups of terms and descriptions.

Screen readers announce a `<dl>` as a list of terms, each with its descriptions; a paragraph
or stray text directly inside it, or a term with no description after it, breaks the count
and the pairing. A `<dl>` may hold `<dt>` and `<dd>` (or elements with the roles term,
definition or listitem), `<div>` groups of them, and `<script>` and `<template>`. As
axe-core's rule, a list with a `role` is left to the ARIA rules.

Fails:

    <dl><dt>Cramp</dt><p>A sudden tightening of a muscle.</p></dl>
    <dl><dd>A sudden tightening of a muscle.</dd></dl>

Passes:

    <dl><dt>Cramp</dt><dd>A sudden tightening of a muscle.</dd></dl>
    <dl><div><dt>Cramp</dt><dd>A sudden tightening of a muscle.</dd></div></dl>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.aria import explicit_role
from ..semantics.document import Element

IMPACT = "serious"
WCAG = ("1.3.1",)

ITEM_ROLES = frozenset({"term", "definition", "listitem"})


def check(page: Page) -> Iterator[Result]:
    """Fail for each `<dl>` without a role in the tree that holds anything but term groups, or a term with no description."""
    for listing in page.elements_by_tag("dl"):
        if listing.get("role") or page.is_hidden(listing):
            continue
        strays = list(dict.fromkeys(_strays(page, listing)))
        if strays:
            yield page.failed(listing, f"this list holds {', '.join(strays)} outside its <dt> and <dd> groups: "
                                       "put terms in <dt> and descriptions in <dd>")
        elif not _ordered(listing):
            yield page.failed(listing, "this list has no <dt> followed by a <dd>: give each term its description")
        else:
            yield page.passed(listing)


def _strays(page: Page, listing: Element) -> Iterator[str]:
    """What does not belong directly in the list (or in one of its `<div>` groups), as axe-core names it."""
    children = [(child, "") for child in listing]
    if (listing.text or "").strip():
        yield "text"
    while children:
        child, within = children.pop(0)
        if (child.tail or "").strip():
            yield f"{within}text"
        if not isinstance(child.tag, str) or page.is_hidden(child):
            continue
        role = explicit_role(child)
        if child.tag == "div" and role is None and not within:
            if (child.text or "").strip():
                yield "div > text"
            children.extend((grandchild, "div > ") for grandchild in child)
        elif role is not None:
            if role not in ITEM_ROLES:
                yield f'{within}[role="{role}"]'
        elif child.tag not in ("dt", "dd") and page.role(child) not in ITEM_ROLES:
            yield f"{within}<{child.tag}>"


def _ordered(listing: Element) -> bool:
    """Whether the list is empty of terms and descriptions, or has a `<dd>` after some `<dt>` (axe-core's test)."""
    tags = [child.tag for child in listing if child.tag in ("dt", "dd")]
    return not tags or ("dt" in tags and "dd" in tags[tags.index("dt"):])
