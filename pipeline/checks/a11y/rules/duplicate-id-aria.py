"""Ids that labels and ARIA refer to are unique.

`<label for>`, `aria-labelledby`, `aria-describedby`, `aria-controls` and the other ARIA
references reach only the first element with an id: when the id repeats, a field may be
labelled, or a button described, by the wrong text. Whether the first element is the one
meant only a person can tell, so, as axe-core, each such id is `cantTell`, on its first
element (`duplicate-id` reports every repeated id as a failure besides).

Fails:

    <span id="share-label">Share</span> <a href="…" aria-labelledby="share-label">…</a>
    <span id="share-label">Share by email</span>

Passes:

    <span id="share-label">Share</span> <a href="…" aria-labelledby="share-label">…</a>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.references import referenced_ids

IMPACT = "critical"
WCAG = ("4.1.2",)


def check(page: Page) -> Iterator[Result]:
    """Ask about each id a label or ARIA reference names that more than one element has (on the first of them)."""
    for ident in referenced_ids(page.elements):
        elements = [e for e in page.elements_by_id(ident) if not page.is_mathml(e)]
        if len(elements) == 1:
            yield page.passed(elements[0])
        elif elements:
            others = [page.location(e) for e in elements[1:]]
            yield page.cant_tell(elements[0], f"id=\"{ident}\", which a label or ARIA reference names, is used "
                                              f"{len(elements)} times: the reference reaches only the first; give "
                                              "each element its own id", related=others)
