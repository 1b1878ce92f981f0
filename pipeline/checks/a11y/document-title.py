"""The page has a non-empty <title>.

The title is the first thing a screen reader announces and what a patient sees in a
list of open tabs; it should say what the page is about.

Fails:

    <head><title> </title></head>

Passes:

    <head><title>Leg cramps at night · Health library</title></head>
"""

from __future__ import annotations

from collections.abc import Iterator

from .page import Page, Result

IMPACT = "serious"
WCAG = ("2.4.2",)


def check(page: Page) -> Iterator[Result]:
    """Fail when the document's first `<title>` is missing or blank."""
    titles = page.elements_by_tag("title")
    if not titles:
        yield page.failed(page.root, "the page has no <title>: add one that says what the page is about")
    elif not page.text(titles[0]):
        yield page.failed(page.root, "the page's <title> is empty: say what the page is about")
    else:
        yield page.passed(page.root)
