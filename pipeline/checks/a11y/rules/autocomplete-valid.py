"""Autocomplete attributes use the tokens HTML defines.

`autocomplete="email"` tells browsers and assistive technology what a field is for, so
they can fill it in or show a familiar icon (WCAG 1.3.5). A made-up token (`"badname"`),
tokens in the wrong order (`"work shipping email"`) or a list joined by commas is not
understood, and the purpose is lost (W3C ACT rule 73f2c2). Words authors use to switch
autofill off (`"none"`, `"false"`…) pass, as axe-core lets them: they claim no purpose. Tokens
proposed to HTML but not in it yet (`"pronouns"`, `"message"`…) are left to a person, as
axe-core leaves them. Read-only fields are left out, as axe-core leaves them: nothing fills them.

Fails:

    <label>Email <input autocomplete="e-mail"></label>

Passes:

    <label>Email <input autocomplete="home email"></label>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.aria import WIDGET_ROLES
from ..semantics.document import Element
from ..semantics.focus import is_disabled

IMPACT = "serious"
WCAG = ("1.3.5",)
ACT = ("73f2c2",)

#: HTML's autofill field names (4.10.18.7.1); the contact ones may follow home, work, mobile, fax or pager.
FIELD_NAMES = frozenset(
    "name honorific-prefix given-name additional-name family-name honorific-suffix nickname username "
    "new-password current-password one-time-code organization-title organization street-address address-line1 "
    "address-line2 address-line3 address-level4 address-level3 address-level2 address-level1 country "
    "country-name postal-code cc-name cc-given-name cc-additional-name cc-family-name cc-number cc-exp "
    "cc-exp-month cc-exp-year cc-csc cc-type transaction-currency transaction-amount language bday bday-day "
    "bday-month bday-year sex url photo".split()
)
CONTACT_FIELD_NAMES = frozenset(
    "tel tel-country-code tel-national tel-area-code tel-local tel-local-prefix tel-local-suffix tel-extension "
    "email impp".split()
)
FIXED_VALUE_TYPES = frozenset("button checkbox file image radio reset submit".split())
#: Values that switch autofill off, as authors write it (axe-core's stateTerms): no purpose is claimed.
SWITCHED_OFF = frozenset("on off none false true disabled enabled undefined null xoff xon".split())
#: Field names proposed to HTML and not in it yet (axe-core's ignoredValues): a person decides.
PROPOSED = frozenset("text pronouns gender message content".split())


def autofill_field(value: str) -> str | None:
    """The field name of an autofill detail list whose tokens come in HTML's order; None when they do not.

    The order: an optional `section-*`, `shipping` or `billing`, a contact kind (`home`,
    `work`…) only before a contact field (`email`, `tel`…), the field name, an optional `webauthn`.
    """
    tokens = value.lower().split()
    if tokens and tokens[-1] == "webauthn":
        tokens = tokens[:-1]
    if tokens and tokens[0].startswith("section-") and len(tokens[0]) > len("section-"):
        tokens = tokens[1:]
    if tokens and tokens[0] in ("shipping", "billing"):
        tokens = tokens[1:]
    contact = bool(tokens) and tokens[0] in ("home", "work", "mobile", "fax", "pager")
    if contact:
        tokens = tokens[1:]
    if len(tokens) != 1:
        return None
    field = tokens[0]
    return field if field in CONTACT_FIELD_NAMES or (not contact and field in FIELD_NAMES | PROPOSED) else None


def _applies(page: Page, element: Element) -> bool:
    value = element.get("autocomplete") or ""
    if not value.strip() or value.strip().lower() in ("on", "off"):
        return False
    if element.tag == "input" and (element.get("type") or "").strip().lower() in FIXED_VALUE_TYPES:
        return False
    disabled = is_disabled(element) or any(
        (e.get("aria-disabled") or "").strip().lower() == "true" for e in (element, *element.iterancestors())
    )
    readonly = element.get("readonly") is not None or (element.get("aria-readonly") or "").strip().lower() == "true"
    if disabled or readonly or (page.is_hidden(element) and not page.is_visible(element)):
        return False  # nothing fills a field that cannot be changed (axe-core leaves read-only ones out too)
    return page.in_tab_order(element) or page.role(element) in WIDGET_ROLES


def check(page: Page) -> Iterator[Result]:
    """Fail for each enabled, perceivable form field whose autocomplete tokens HTML does not define."""
    for element in page.elements_by_tag("input", "select", "textarea"):
        if not _applies(page, element):
            continue
        value = element.get("autocomplete") or ""
        field = autofill_field(value)
        if value.strip().lower() in SWITCHED_OFF or field in FIELD_NAMES or field in CONTACT_FIELD_NAMES:
            yield page.passed(element)
        elif field in PROPOSED:
            yield page.cant_tell(element, f"autocomplete=\"{value}\" is proposed to HTML but not part of it yet: "
                                          "check that browsers you support understand it")
        else:
            yield page.failed(element, f"autocomplete=\"{value}\" is not a value HTML defines: use a field "
                                       "name such as \"email\" or \"given-name\", with optional section-, "
                                       "shipping/billing and home/work tokens before it")
