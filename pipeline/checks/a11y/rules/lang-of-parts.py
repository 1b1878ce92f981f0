"""Untranslated passages carry the source language in lang.

When a unit has no translation yet, the build shows the source text in its place. Unless
that passage carries `lang="en"` (the source language), a screen reader reads English
words with Spanish or Arabic pronunciation. Checked during `pipeline build`, which knows
which passages fell back; a passage found only in `<title>` or a `<meta>` (which cannot
carry `lang`) is skipped.

Fails:

    <html lang="es"> … <p>Leg cramps are sudden and painful.</p>

Passes:

    <html lang="es"> … <p lang="en" class="untranslated">Leg cramps are sudden and painful.</p>
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from ..page import Page, Result
from ..semantics.accname import normalize_space
from ..semantics.document import Element
from ..semantics.language import same_language

IMPACT = "serious"
WCAG = ("3.1.2",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each fallback passage whose element on the page is not in the source language."""
    context = page.context
    if context is None or not context.source_locale or not context.fallback_passages:
        return
    source = context.source_locale
    by_text = _elements_by_text(page)
    for passage in context.fallback_passages:
        related = [passage.origin] if passage.origin is not None else []
        shown = by_text.get(normalize_space(passage.text), [])
        if not shown and _only_in_metadata(page, passage.text):
            continue  # a <title> or <meta content> cannot carry lang: nothing to fix on the page
        if not shown:
            yield page.cant_tell(
                None, f"the untranslated passage \"{_excerpt(passage.text)}\" is not on the page as one element, "
                      "so its language cannot be checked", related)
        elif any(same_language(page.language_of(e) or "", source) for e in shown):
            yield page.passed(shown[-1])
        else:
            yield page.failed(
                shown[-1],
                f"the untranslated passage \"{_excerpt(passage.text)}\" is in {source} but marked as "
                f"{page.language_of(shown[-1]) or 'no language'}: add lang=\"{source}\" so it is read in {source}",
                related,
            )


def _elements_by_text(page: Page) -> dict[str, list[Element]]:
    """Every element in the body by its whole text, outermost first."""
    found: dict[str, list[Element]] = {}
    body = page.body
    for element in body.iter(etree.Element) if body is not None else ():
        text = page.text(element)
        if text:
            found.setdefault(text, []).append(element)
    return found


def _only_in_metadata(page: Page, text: str) -> bool:
    """Whether the text appears in the page's title or a meta element's content."""
    text = normalize_space(text)
    titles = (page.text(t) for t in page.elements_by_tag("title"))
    contents = (normalize_space(m.get("content") or "") for m in page.elements_by_tag("meta"))
    return any(text and text in value for value in (*titles, *contents))


def _excerpt(text: str, length: int = 50) -> str:
    text = normalize_space(text)
    return text if len(text) <= length else text[: length - 1] + "…"
