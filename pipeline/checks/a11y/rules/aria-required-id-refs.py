"""The ids an ARIA role needs to point at exist.

A scrollbar must say what it scrolls, and an expanded combobox what pops up, through
`aria-controls`; when none of its ids is on the page, that link is lost (W3C ACT rule in6db8).

Fails:

    <input role="combobox" aria-expanded="true" aria-controls="suggestions">

Passes:

    <input role="combobox" aria-expanded="true" aria-controls="suggestions">
    <ul id="suggestions" role="listbox">…</ul>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result

IMPACT = "serious"
WCAG = ("1.3.1", "4.1.2")
ACT = ("in6db8",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each required `aria-controls` (scrollbar, expanded combobox) none of whose ids exists."""
    for element in page.elements:
        value = element.get("aria-controls")
        if value is None or page.is_svg(element) or page.is_mathml(element):
            continue
        role = page.role(element)
        expanded = (element.get("aria-expanded") or "").strip().lower() == "true"
        if not (role == "scrollbar" or (role == "combobox" and expanded)):
            continue
        if any(page.element_by_id(ident) is not None for ident in value.split()):
            yield page.passed(element)
        else:
            yield page.failed(element, f"aria-controls=\"{value}\" names no element on the page: point it at "
                                       f"the id of what this {role} controls")
