"""The page has a non-empty <title>.

The title is the first thing a screen reader announces and what a patient sees in a
list of open tabs; it should say what the page is about. The first `<title>` of the page
counts, wherever it is; a `<title>` inside an SVG image names the image, not the page
(W3C ACT rule 2779a5).

Fails:

    <head><title> </title></head>

Passes:

    <head><title>Leg cramps at night · Health library</title></head>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result

IMPACT = "serious"
WCAG = ("2.4.2",)
ACT = ("2779a5",)


def check(page: Page) -> Iterator[Result]:
    """Fail when the HTML page's first HTML `<title>` is missing or holds only white space."""
    if page.root.tag != "html" or page.content_type not in ("text/html", "application/xhtml+xml"):
        return
    titles = [title for title in page.elements_by_tag("title") if not page.is_svg(title)]
    if not titles:
        yield page.failed(page.root, "the page has no <title>: add one that says what the page is about")
    elif not "".join(titles[0].itertext()).strip():
        yield page.failed(page.root, "the page's <title> is empty: say what the page is about")
    else:
        yield page.passed(page.root)
