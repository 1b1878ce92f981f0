"""The lang of <html> names a known language.

A misspelt code (`english`, `en_US`, `sp`) is as useless to a screen reader as none at
all. Codes are checked against the language registry as CLDR carries it (through Babel),
region and script included, not just by their shape.

Fails:

    <html lang="english">

Passes:

    <html lang="en-GB">
"""

from __future__ import annotations

from collections.abc import Iterator

from .language import is_valid_language_tag
from .page import Page, Result

IMPACT = "serious"
WCAG = ("3.1.1",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each non-blank `lang` or `xml:lang` on `<html>` that names no known language."""
    html = page.root
    values = [(name, html.get(name)) for name in ("lang", "xml:lang")]
    values = [(name, value) for name, value in values if value is not None and value.strip()]
    for name, value in values:
        if not is_valid_language_tag(value):
            yield page.failed(html, f"<html {name}=\"{value}\"> is not a language code: use a BCP 47 code "
                                    "such as \"en\", \"es\" or \"pt-BR\"")
            return
    if values:
        yield page.passed(html)
