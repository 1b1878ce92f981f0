"""A table's caption and summary differ.

A screen reader announces a table's `<caption>` and then its `summary`; when both say the
same thing the user hears it twice, and learns nothing about how the table is laid out,
which is what `summary` was for.

Fails:

    <table summary="Doses by age"><caption>Doses by age</caption>…</table>

Passes:

    <table summary="Ages down the side, doses across"><caption>Doses by age</caption>…</table>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.accname import content_text, normalize_space

IMPACT = "minor"
WCAG = ()
BEST_PRACTICE = True


def check(page: Page) -> Iterator[Result]:
    """Fail for each table in the tree whose summary and caption have the same text (case aside)."""
    for table in page.elements_by_tag("table"):
        if page.is_hidden(table):
            continue
        caption = next((child for child in table if child.tag == "caption"), None)
        summary = normalize_space(table.get("summary") or "")
        text = content_text(page, caption) if caption is not None else ""
        if not summary or not text:
            yield page.passed(table)
        elif summary.lower() == text.lower():
            yield page.failed(table, f"the caption and the summary both say \"{text}\": let summary describe how "
                                     "the table is laid out, or remove it")
        else:
            yield page.passed(table)
