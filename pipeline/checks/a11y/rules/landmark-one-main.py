"""The page has a main landmark.

Screen reader users jump straight to the main landmark, past the header and navigation
that repeat on every page; skip links usually point to it too.

Fails:

    <body><header>…</header> <div id="content"><h1>Leg cramps</h1> …</div></body>

Passes:

    <body><header>…</header> <main id="content"><h1>Leg cramps</h1> …</main></body>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result

IMPACT = "moderate"
WCAG = ("1.3.1", "2.4.1")
BEST_PRACTICE = True


def check(page: Page) -> Iterator[Result]:
    """Fail when no visible `<main>` (or `role="main"`) exists."""
    if not page.is_document:
        return  # an SVG image has no landmarks or headings to ask for
    mains = [e for e in page.elements if _is_main(e.tag, e.get("role")) and not page.is_hidden(e)]
    if mains:
        yield page.passed(page.root)
    else:
        yield page.failed(page.root, "the page has no main landmark: wrap its own content in <main>")


def _is_main(tag: str, role: str | None) -> bool:
    return (tag == "main" and role is None) or role == "main"
