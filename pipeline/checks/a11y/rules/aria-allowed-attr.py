"""ARIA states and properties suit the element's role.

`aria-sort` on a button or `aria-checked` on a link means nothing to a screen reader: it
is ignored, and what the author wanted to convey is lost. A state or property is allowed
when it is global, when the role (or a role it inherits from) supports it, or when ARIA in
HTML allows it on the element (`aria-required` on a password field) (W3C ACT rule 5c01ea);
`<br>` and `<wbr>` take only `aria-hidden` (ARIA in HTML). A custom element without a `role`
attribute may get its role from its script (`ElementInternals`), so an attribute its generic
role does not take is for a person to judge there (cantTell). `aria-required` may stand for HTML's
`required` on any element that takes it, a radio button included (ARIA in HTML).

What WAI-ARIA 1.1 allowed on a role and 1.2 no longer does (`aria-expanded` on an alert, a
region or a dialog; `aria-level` on a grid or tablist; `aria-orientation` on a combobox) is for a
person to judge (cantTell), not a failure: pages written to ARIA 1.1 still use it, axe-core keeps
1.1's allowance, and browsers following 1.2 may drop it, so what the author meant may not reach
assistive technologies. No W3C ACT test case of 5c01ea fails such a case. A default value says
nothing but is no exception: ACT fails `aria-sort=""` on a button, so `aria-required="false"` on
one fails too.

Fails:

    <button aria-sort="ascending">Sort by date</button>

Passes:

    <button aria-pressed="false">Sort by date</button>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.aria import allowed_attributes, allowed_by_aria_11_only, html_kind
from ..semantics.ariadata import (
    ARIA_HIDDEN_ONLY_ELEMENTS,
    ATTRIBUTES,
    GLOBAL_ARIA,
    LANGUAGE_FEATURE_ROLES,
    TAKES_REQUIRED,
    TEXT_FIELD_INPUT_TYPES,
)
from ..semantics.document import Element

IMPACT = "critical"
WCAG = ("4.1.2",)
ACT = ("5c01ea",)


def allowed_on(page: Page, element: Element) -> frozenset[str]:
    """The states and properties the element's role, or its HTML element, allows."""
    if element.tag in ARIA_HIDDEN_ONLY_ELEMENTS:
        return frozenset({"aria-hidden"})
    role = page.role(element)
    if role is not None:
        allowed = allowed_attributes(role)
        return allowed | {"aria-required"} if html_kind(element) in TAKES_REQUIRED else allowed
    feature = LANGUAGE_FEATURE_ROLES.get(element.tag)
    if element.tag == "input" and (element.get("type") or "").strip().lower() in TEXT_FIELD_INPUT_TYPES:
        feature = "textbox"
    return allowed_attributes(feature) if feature else GLOBAL_ARIA


def check(page: Page) -> Iterator[Result]:
    """Fail for each element in the accessibility tree with a state or property its role does not allow."""
    for element in page.elements:
        names = [name for name in element.attrib if name in ATTRIBUTES]
        if not names or page.is_hidden(element) or page.is_mathml(element):
            continue
        allowed = allowed_on(page, element)
        wrong = [name for name in names if name not in allowed]
        if wrong and "-" in element.tag and element.get("role") is None and not page.is_svg(element):
            yield page.cant_tell(element, f"{', '.join(wrong)} is not allowed on a generic element, but this custom "
                                          "element's script may give it a role that allows it: check the role it has")
        elif wrong:
            role = page.role(element)
            what = f"role {role}" if role else f"<{element.tag}>"
            if role and set(wrong) <= allowed_by_aria_11_only(role):
                yield page.cant_tell(element, f"{', '.join(wrong)} on {what} was allowed by WAI-ARIA 1.1, not by "
                                              "1.2: browsers following 1.2 may drop it; check that nothing the "
                                              "page needs depends on it")
            else:
                yield page.failed(element, f"{', '.join(wrong)} is not allowed on {what}: remove it, or use a "
                                           "role that supports it")
        else:
            yield page.passed(element)
