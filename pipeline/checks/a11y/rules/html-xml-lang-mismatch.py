"""The lang and xml:lang of <html> name the same language.

When a page says `lang="fr"` and `xml:lang="en"`, some assistive technologies read it in
French and others in English. Only the primary language subtags must match: `en-GB` and
`en-US` agree (W3C ACT rule 5b7ae0).

Fails:

    <html lang="fr" xml:lang="en">

Passes:

    <html lang="en-GB" xml:lang="en">
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.document import xml_lang
from ..semantics.language import has_known_primary_language, primary_subtag

IMPACT = "moderate"
WCAG = ("3.1.1",)
ACT = ("5b7ae0",)


def check(page: Page) -> Iterator[Result]:
    """Fail when an HTML page's `<html>` has a known `lang` and an `xml:lang` with another primary language."""
    html = page.root
    lang, xml = html.get("lang"), xml_lang(html)
    if html.tag != "html" or not page.is_html or lang is None or not xml:
        return
    if not has_known_primary_language(lang):
        return  # html-lang-valid reports the lang itself
    if primary_subtag(lang) == primary_subtag(xml):
        yield page.passed(html)
    else:
        yield page.failed(html, f"lang=\"{lang}\" and xml:lang=\"{xml}\" name different languages: use the "
                                "page's language in both, or drop xml:lang")
