"""Right-to-left text has dir="rtl", and left-to-right passages inside it dir="ltr".

`lang` tells a screen reader how to pronounce; only `dir` tells the browser which way to
lay text out. Without it, an Arabic page is aligned to the left with its punctuation at
the wrong end, and an English fallback paragraph inside it is scrambled around numbers
and brackets.

Fails:

    <html lang="ar"> … <p lang="en" class="untranslated">Leg cramps (nocturnal) …</p>

Passes:

    <html lang="ar" dir="rtl"> … <p lang="en" dir="ltr" class="untranslated">Leg cramps (nocturnal) …</p>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.document import Element
from ..semantics.language import direction_of

IMPACT = "serious"
WCAG = ("1.3.2",)
NAMES = {"rtl": "right to left", "ltr": "left to right"}


def check(page: Page) -> Iterator[Result]:
    """Fail for each element whose `lang` is written one way while its `dir` (own or inherited) says the other."""
    for element in page.elements:
        tag = element.get("lang")
        if not tag or not tag.strip() or direction_of(tag) is None:
            continue
        if element is not page.root and (page.is_hidden(element) or not page.has_language_text(element)):
            continue
        wanted = direction_of(tag) or "ltr"
        carrier = _direction_carrier(element)
        actual = (carrier.get("dir") or "auto").strip().lower() if carrier is not None else "ltr"
        if actual == "auto" or actual == wanted:
            yield page.passed(element)
            continue
        what = "the page" if element is page.root else f"this passage (lang=\"{tag}\")"
        if carrier is element:
            why = f"but has dir=\"{actual}\""
        elif carrier is None:
            why = "but has no dir, so it is laid out left to right"
        else:
            why = f"but inherits dir=\"{actual}\" from <{carrier.tag}> on line {page.line(carrier)}"
        yield page.failed(element, f"{what} is written {NAMES[wanted]} {why}: add dir=\"{wanted}\"")


def _direction_carrier(element: Element) -> Element | None:
    """The nearest element, itself included, whose `dir` is ltr, rtl or auto (`<bdi>` is auto by default)."""
    node: Element | None = element
    while node is not None:
        if (node.get("dir") or "").strip().lower() in ("ltr", "rtl", "auto") or node.tag == "bdi":
            return node
        node = node.getparent()
    return None
