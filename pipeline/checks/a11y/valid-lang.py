"""The lang of each passage names a known language.

A quotation in French or a fallback paragraph in English is only read correctly if its
`lang` names a language; `lang=""` (language unknown) is allowed. An element without text
of its own is not checked.

Fails:

    <p>The French call it <span lang="francais">crampe</span>.</p>

Passes:

    <p>The French call it <span lang="fr">crampe</span>.</p>
"""

from __future__ import annotations

from collections.abc import Iterator

from .language import is_valid_language_tag
from .page import Page, Result

IMPACT = "serious"
WCAG = ("3.1.2",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each element (not `<html>`) with text whose `lang` names no known language."""
    for element in page.elements:
        if element is page.root or (element.get("lang") is None and element.get("xml:lang") is None):
            continue
        if page.is_hidden(element):
            continue
        for name in ("lang", "xml:lang"):
            value = element.get(name)
            if not value or not page.has_language_text(element):
                continue
            if is_valid_language_tag(value):
                yield page.passed(element)
            else:
                yield page.failed(
                    element,
                    f"{name}=\"{value}\" is not a language code: use a BCP 47 code such as \"en\" or \"fr\"",
                )
            break
