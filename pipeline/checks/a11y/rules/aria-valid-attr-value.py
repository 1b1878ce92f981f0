"""ARIA attributes have values of the kind WAI-ARIA allows.

`aria-expanded="collapsed"` or `aria-live="page"` is read by browsers as if the attribute
were missing (or as its default), so the state an author set is not the state users hear
(W3C ACT rule 6a7281). Integers keep to the range ARIA gives them (`aria-level` from 1). As
axe-core, the rule also fails id references that reach no element where the reference is
the point (`aria-activedescendant`, `aria-details`, `aria-flowto`, `aria-controls` of what
is expanded, `aria-owns`; ACT 6a7281 itself leaves ids to in6db8) and an `aria-errormessage`
of an invalid field that is hidden or not announced (not an alert, live region or
description). It leaves to a person descriptions and labels whose ids reach nothing, an
unknown `aria-current` (read as "true"), the `aria-controls` of a popup that may not exist
yet, and an `aria-level` above 6, which screen readers announce unevenly.

Fails:

    <div role="button" aria-expanded="collapsed">Menu</div>

Passes:

    <div role="button" aria-expanded="false">Menu</div>
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.aria import explicit_role
from ..semantics.ariadata import ATTRIBUTES
from ..semantics.document import Element

IMPACT = "critical"
WCAG = ("4.1.2",)
ACT = ("6a7281",)

_INTEGER = re.compile(r"^[+-]?\d+$")
_NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")
_KEYWORDS = {
    "true/false": ("true", "false"),
    "tristate": ("true", "false", "mixed", "undefined"),
    "true/false/undefined": ("true", "false", "undefined"),
}
#: The least value ARIA allows each integer (-1: a count or size that is not known).
MINIMUM = {"aria-colcount": -1, "aria-colindex": 1, "aria-colspan": 1, "aria-level": 1, "aria-posinset": 1,
           "aria-rowcount": -1, "aria-rowindex": 1, "aria-rowspan": 0, "aria-setsize": -1}
#: Id references that only describe or name: one that reaches nothing may be filled in later.
DESCRIBING = frozenset({"aria-describedby", "aria-labelledby"})


def is_valid_value(name: str, value: str) -> bool:
    """Whether a non-empty value is of the type WAI-ARIA gives the state or property (and in its range)."""
    kind, tokens = ATTRIBUTES[name]
    value = value.strip()
    if kind in _KEYWORDS:
        return value.lower() in _KEYWORDS[kind]
    if kind == "integer":
        return bool(_INTEGER.match(value)) and int(value) >= MINIMUM.get(name, int(value))
    if kind == "number":
        return bool(_NUMBER.match(value))
    if kind == "token":
        return value.lower() in tokens
    if kind == "tokens":
        return bool(value.split()) and all(token in tokens for token in value.lower().split())
    if kind == "id":
        return len(value.split()) == 1
    return True  # strings and id lists take any text


def check(page: Page) -> Iterator[Result]:
    """Fail for each HTML or SVG element with a non-empty ARIA attribute value of the wrong kind."""
    for element in page.elements:
        names = [n for n in element.attrib if n in ATTRIBUTES and (element.get(n) or "") != ""]
        if not names or page.is_mathml(element):
            continue
        wrong = [n for n in names if not is_valid_value(n, element.get(n) or "")]
        review = [n for n in wrong if n == "aria-current"]
        wrong = [n for n in wrong if n != "aria-current"]
        unresolved = [n for n in names if n not in wrong and _reaches_nothing(page, element, n)]
        review += [n for n in unresolved if n in DESCRIBING or _is_popup_control(element, n)]
        broken = [n for n in unresolved if n not in review and _reference_matters(element, n)]
        error = _error_message_problem(page, element)
        if wrong:
            described = ", ".join(f'{n}="{element.get(n)}"' for n in wrong)
            yield page.failed(element, f"{described}: not a value WAI-ARIA allows for {_kinds(wrong)}")
        elif broken:
            described = ", ".join(f'{n}="{element.get(n)}"' for n in broken)
            yield page.failed(element, f"{described}: no element has this id, so the reference reaches nothing")
        elif error is not None and error[0] == "failed":
            yield page.failed(element, error[1])
        elif review or (error is not None) or _level_above_six(element):
            yield page.cant_tell(element, _review_message(element, review, error))
        else:
            yield page.passed(element)


def _reaches_nothing(page: Page, element: Element, name: str) -> bool:
    """Whether an id reference (aria-errormessage aside: it has its own check) names no element of the page."""
    kind, _ = ATTRIBUTES[name]
    if kind not in ("id", "ids") or name == "aria-errormessage":
        return False
    return not any(page.element_by_id(ident) is not None for ident in (element.get(name) or "").split())


def _is_popup_control(element: Element, name: str) -> bool:
    """aria-controls of an element with a popup: the popup may be made when it opens."""
    return name == "aria-controls" and (element.get("aria-haspopup") or "false").strip().lower() != "false"


def _reference_matters(element: Element, name: str) -> bool:
    """Whether a reference that reaches nothing breaks something now: not while what it controls is collapsed."""
    if name == "aria-controls":
        return all((element.get(state) or "").strip().lower() != "false" for state in ("aria-expanded", "aria-selected"))
    if name == "aria-owns":
        return (element.get("aria-expanded") or "").strip().lower() != "false"
    return True


def _error_message_problem(page: Page, element: Element) -> tuple[str, str] | None:
    """What is wrong with the error message of a field marked invalid: (outcome, message), None when nothing."""
    reference = (element.get("aria-errormessage") or "").strip()
    invalid = element.get("aria-invalid")
    if not reference or invalid is None or invalid.strip().lower() == "false":
        return None
    if len(reference.split()) > 1:
        return "failed", f'aria-errormessage="{reference}" names more than one element: it takes one id'
    target = page.element_by_id(reference)
    if target is None:
        return "cantTell", f'aria-errormessage="{reference}" reaches no element yet: check that the message appears'
    if page.is_hidden(target):
        return "failed", f'the error message "{reference}" is hidden, so the invalid field has none users hear'
    announced = (explicit_role(target) == "alert" or (target.get("aria-live") or "").strip().lower()
                 in ("assertive", "polite") or reference in (element.get("aria-describedby") or "").split())
    if announced:
        return None
    return "failed", (f'the error message "{reference}" is not announced: make it role="alert" or a live '
                      "region, or name it in aria-describedby too")


def _level_above_six(element: Element) -> bool:
    value = (element.get("aria-level") or "").strip()
    return bool(_INTEGER.match(value)) and int(value) > 6


def _review_message(element: Element, review: list[str], error: tuple[str, str] | None) -> str:
    """Why a person must look: references that may be filled later, a token read as true, a deep level."""
    parts = []
    for name in review:
        if name == "aria-current":
            parts.append(f'aria-current="{element.get(name)}" is not one of its tokens: browsers read it as "true"')
        else:
            parts.append(f'{name}="{element.get(name)}" reaches no element: check that it is made before it is read')
    if error is not None:
        parts.append(error[1])
    if _level_above_six(element):
        parts.append(f'aria-level="{element.get("aria-level")}" is deeper than 6: screen readers announce it unevenly')
    return "; ".join(parts)


def _kinds(names: list[str]) -> str:
    """What each attribute takes: its keywords, or the kind of value."""
    parts = []
    for name in names:
        kind, tokens = ATTRIBUTES[name]
        choices = tokens or _KEYWORDS.get(kind, ())
        minimum = f" from {MINIMUM[name]}" if name in MINIMUM else ""
        parts.append(f"{name} ({' / '.join(choices) if choices else kind}{minimum})")
    return ", ".join(parts)
