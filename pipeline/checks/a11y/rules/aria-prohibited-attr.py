"""ARIA attributes are not used where the role prohibits them.

Some roles cannot be named: an `aria-label` on a `<div>`, a `<span>` or a `<p>` is ignored
by most screen readers (or, worse, read by some and not by others), so what it says never
reliably reaches the listener. Give the element a role that takes a name, or put the text
in the content (W3C ACT rule kb1m8s; axe-core's aria-prohibited-attr). A `<span>` inside a
widget (a button, a link) is left alone, as axe-core does: the widget's name is what is read.
axe-core only asks for review where the element has text, which a screen reader may read in
place of the name; ACT fails it all the same, and so do we. A role description where the role
prohibits one is aria-roledescription's.

Fails:

    <div aria-label="Previously 100, now 1 euro"><s>€100</s> / <b>€1</b></div>

Passes:

    <a href="/offer" aria-label="Previously 100, now 1 euro"><s>€100</s> / <b>€1</b></a>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.aria import WIDGET_ROLES, prohibited_attributes
from ..semantics.ariadata import GLOBAL_ARIA
from ..semantics.document import Element

IMPACT = "serious"
WCAG = ("4.1.2",)
ACT = ("kb1m8s",)


def in_widget(page: Page, element: Element) -> bool:
    """Whether the nearest ancestor with a role is a widget (whose own name is what is read)."""
    for ancestor in element.iterancestors():
        role = page.role(ancestor)
        if role is not None and role != "generic":
            return role in WIDGET_ROLES
    return False


def check(page: Page) -> Iterator[Result]:
    """Fail for each element in the accessibility tree carrying a global property its role prohibits."""
    for element in page.elements_with(*GLOBAL_ARIA):
        names = [name for name in element.attrib if name in GLOBAL_ARIA]
        if page.is_hidden(element) or page.is_mathml(element):
            continue
        role = page.role(element)
        prohibited = [name for name in names if role is not None and name in prohibited_attributes(role)
                      and name != "aria-roledescription" and (element.get(name) or "").strip()]
        if prohibited and role == "generic" and in_widget(page, element):
            prohibited = []
        if prohibited:
            yield page.failed(element, f"{', '.join(prohibited)} is prohibited on role {role}: give the element "
                                       "a role that can be named, or put the words in its content")
        else:
            yield page.passed(element)
