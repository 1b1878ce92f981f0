"""Deprecated ARIA roles are not used.

A deprecated role (`directory` in WAI-ARIA 1.2, `doc-biblioentry` and `doc-endnote` in
Digital Publishing WAI-ARIA) may be dropped by browsers and screen readers at any time: use
the role that replaced it (`list`, `listitem`). The role is the one the browser picks, the
first it knows among those listed.

Fails:

    <ul role="directory"><li><a href="/clinics">Clinics</a></li></ul>

Passes:

    <ul><li><a href="/clinics">Clinics</a></li></ul>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.aria import explicit_role
from ..semantics.ariadata import DEPRECATED_ROLES

IMPACT = "minor"
WCAG = ("4.1.2",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each element in the accessibility tree whose role attribute gives a deprecated role."""
    for element in page.elements_with("role"):
        if not (element.get("role") or "").strip() or page.is_hidden(element):
            continue
        role = explicit_role(element)
        if role in DEPRECATED_ROLES:
            yield page.failed(element, f"role {role} is deprecated: use list or listitem, or the element "
                                       "that has that role")
        else:
            yield page.passed(element)
