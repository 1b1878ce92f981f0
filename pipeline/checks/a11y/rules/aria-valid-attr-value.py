"""ARIA attributes have values of the kind WAI-ARIA allows.

`aria-expanded="collapsed"` or `aria-live="page"` is read by browsers as if the attribute
were missing (or as its default), so the state an author set is not the state users hear.
References to ids need not point at an existing element here: that is for other rules
(W3C ACT rule 6a7281).

Fails:

    <div role="button" aria-expanded="collapsed">Menu</div>

Passes:

    <div role="button" aria-expanded="false">Menu</div>
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.ariadata import ATTRIBUTES

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


def is_valid_value(name: str, value: str) -> bool:
    """Whether a non-empty value is of the type WAI-ARIA gives the state or property."""
    kind, tokens = ATTRIBUTES[name]
    value = value.strip()
    if kind in _KEYWORDS:
        return value.lower() in _KEYWORDS[kind]
    if kind == "integer":
        return bool(_INTEGER.match(value))
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
        if wrong:
            described = ", ".join(f'{n}="{element.get(n)}"' for n in wrong)
            yield page.failed(element, f"{described}: not a value WAI-ARIA allows for {_kinds(wrong)}")
        else:
            yield page.passed(element)


def _kinds(names: list[str]) -> str:
    """What each attribute takes: its keywords, or the kind of value."""
    parts = []
    for name in names:
        kind, tokens = ATTRIBUTES[name]
        choices = tokens or _KEYWORDS.get(kind, ())
        parts.append(f"{name} ({' / '.join(choices) if choices else kind})")
    return ", ".join(parts)
