"""The lang of <html> names a known language.

A misspelt code (`english`, `en_US`, `eng`) is as useless to a screen reader as none at
all. The primary language subtag decides which voice reads the page, so it must be one
the IANA language subtag registry knows; region and script subtags are not what this rule
checks (W3C ACT rule bf051a: `en-US-GB` passes, `eng` and `i-lux` fail).

Fails:

    <html lang="english">

Passes:

    <html lang="en-GB">
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.language import has_known_primary_language

IMPACT = "serious"
WCAG = ("3.1.1",)
ACT = ("bf051a",)


def check(page: Page) -> Iterator[Result]:
    """Fail when the `lang` of an HTML page's `<html>` does not start with a registered language subtag."""
    html = page.root
    value = html.get("lang")
    if html.tag != "html" or not page.is_html or value is None or not value.strip():
        return
    if has_known_primary_language(value):
        yield page.passed(html)
    else:
        yield page.failed(html, f"<html lang=\"{value}\"> does not start with a language code: use a BCP 47 "
                                "code such as \"en\", \"es\" or \"pt-BR\"")
