"""Ids of focusable elements are unique (deprecated in axe-core; off unless asked for).

Scripts that find a control by its id reach only the first element with it. WCAG 2.2 made
4.1.1 obsolete and axe-core 4.14 ships this rule switched off; `duplicate-id` reports every
repeated id already, so this rule runs only when asked for (`--rule duplicate-id-active`),
for reports that compare with axe-core's. As axe-core, it looks at ids that some focusable
element has and that no label or ARIA reference names (those are `duplicate-id-aria`'s),
and fails the first element of each repeated one.

Fails:

    <button id="share">Share</button> … <a id="share" href="/share/">Share by email</a>

Passes:

    <button id="share">Share</button> … <a id="share-email" href="/share/">Share by email</a>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.focus import is_focusable
from ..semantics.references import referenced_ids

IMPACT = "serious"
WCAG = ("4.1.1",)
BEST_PRACTICE = True
ACT = ("3ea0c8",)
ENABLED = False


def check(page: Page) -> Iterator[Result]:
    """Fail once per repeated id that a focusable element has, on its first element, the others related."""
    referenced = referenced_ids(page.elements)
    for ident, all_elements in page.ids.items():
        elements = [e for e in all_elements if not page.is_mathml(e)]
        focusable = any(is_focusable(e) and not page.is_css_hidden(e) for e in elements)
        if not ident.strip() or ident in referenced or not focusable:
            continue
        if len(elements) == 1:
            yield page.passed(elements[0])
            continue
        yield page.failed(elements[0], f"id=\"{ident}\", which a focusable element has, is used {len(elements)} "
                                       "times: scripts find only the first; give each element its own id",
                          related=[page.location(e) for e in elements[1:]])
