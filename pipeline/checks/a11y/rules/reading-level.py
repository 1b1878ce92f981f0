"""The text is no harder to read than the locale's target grade.

Patient information should be readable by people with lower secondary education (about
grade 8 in English). The grade comes from the readability check; this rule reports the
page when that check found it too hard. Checked during `pipeline build`.

Fails:

    a page whose text scores grade 13.8 where the target is grade 8

Passes:

    a page whose text scores grade 7.5 where the target is grade 8
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.document import Element

IMPACT = "moderate"
WCAG = ("3.1.5",)
#: A level AAA criterion, but the publisher's own reading target: reported at every level, as a warning.
BEST_PRACTICE = True


def check(page: Page) -> Iterator[Result]:
    """Fail when the build's reading grade for the page is above its target."""
    context = page.context
    if context is None or context.reading_grade is None or context.reading_target is None:
        return
    mains = page.elements_by_tag("main")
    element = _text_start(page)
    if element is None:
        element = mains[0] if mains else page.root
    grade, target = context.reading_grade, context.reading_target
    if grade <= target:
        yield page.passed(element)
        return
    yield page.failed(
        element,
        f"the text reads at grade {grade:.1f}, above the target of grade {target:g}: use shorter sentences "
        "and everyday words",
    )


def _text_start(page: Page) -> Element | None:
    """The element of the unit where an editor starts simplifying (so the finding leads to its Markdown line)."""
    context = page.context
    if context is None or context.reading_source is None:
        return None
    units = {str(i) for i, origin in context.origins.items() if origin == context.reading_source}
    return next((e for e in page.root.iter() if e.get("data-unit") in units), None)
