"""Role descriptions are used only on elements with a role that takes one.

`aria-roledescription` replaces the name of a role a screen reader announces ("slide"
instead of "region"). On an element with no role of its own (a `<div>`, a `<span>`) or a
presentational one, there is no role to describe and the description is ignored or, worse,
read alone; axe-core's tests found it reliably announced only on buttons, images,
checkboxes, radio buttons, comboboxes and checkable menu items, and asks for review on
other roles. Deprecated (off by default) in axe-core, kept here as part of W3C ACT rule kb1m8s.

Fails:

    <div aria-roledescription="tip">Drink water during the day.</div>

Passes:

    <button type="button" aria-roledescription="toggle">Large text</button>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result

IMPACT = "serious"
WCAG = ("4.1.2",)
ACT = ("kb1m8s",)
#: Roles screen readers reliably announce a role description on (axe-core's supportedRoles).
SUPPORTED_ROLES = frozenset("button img image checkbox radio combobox menuitemcheckbox menuitemradio".split())
NO_ROLE = frozenset({None, "generic", "none", "presentation"})


def check(page: Page) -> Iterator[Result]:
    """Fail for each element with aria-roledescription in the accessibility tree and no role to describe."""
    for element in page.elements_with("aria-roledescription"):
        if element.get("aria-roledescription") is None or page.is_hidden(element):
            continue
        role = page.role(element)
        if role in SUPPORTED_ROLES:
            yield page.passed(element)
        elif role in NO_ROLE:
            yield page.failed(element, "aria-roledescription on an element with no role is ignored or read alone: "
                                       "remove it, or give the element the role it describes")
        else:
            yield page.cant_tell(element, f"screen readers may not announce a role description on role {role}: "
                                          "check that it is read")
