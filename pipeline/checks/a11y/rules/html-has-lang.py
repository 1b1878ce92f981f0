"""The <html> element has a lang attribute.

Screen readers choose their voice and pronunciation from the page language, and
browsers use it for hyphenation, fonts and translation offers. Without it, an Arabic
page may be read aloud with English rules. An `xml:lang` alone does not count in an HTML
page (W3C ACT rule b5c3f8).

Fails:

    <html><head><title>Leg cramps</title></head><body>…</body></html>

Passes:

    <html lang="en"><head><title>Leg cramps</title></head><body>…</body></html>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.document import xml_lang

IMPACT = "serious"
WCAG = ("3.1.1",)
ACT = ("b5c3f8",)


def check(page: Page) -> Iterator[Result]:
    """Fail when the `<html>` of an HTML page has no `lang` that is more than white space."""
    html = page.root
    if html.tag != "html" or not page.is_html:
        return
    if (html.get("lang") or "").strip():
        yield page.passed(html)
    elif (xml_lang(html) or "").strip():
        yield page.failed(html, "<html> has xml:lang but no lang: HTML pages need lang, for example lang=\"en\"")
    else:
        yield page.failed(html, "<html> has no lang attribute: add the page's language, for example lang=\"en\"")
