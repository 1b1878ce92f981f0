"""Keyboard users can skip the blocks that repeat on every page.

Without any of them, someone using a keyboard or a screen reader must go through the
header and navigation on every page. Whether blocks repeat across pages is for a person
to judge, so a page with none of the three is reported as "can't tell".

Fails:

    <body><nav><a href="/">Home</a> …</nav> <div><p>…</p></div></body>

Passes:

    <body><a href="#main">Skip to main content</a> <nav>…</nav> <main id="main">…</main></body>
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..page import Page, Result

IMPACT = "serious"
WCAG = ("2.4.1",)
ACT = ("cf77f2",)

_SAME_PAGE_LINK = re.compile(r"^#[^/!]")


def check(page: Page) -> Iterator[Result]:
    """Can't tell when a page with links has no same-page link, no heading and no main landmark."""
    links = [a for a in page.elements_by_tag("a") if a.get("href") is not None]
    if not links:
        return
    if any(_SAME_PAGE_LINK.match(a.get("href") or "") for a in links) or page.headings() or _has_main(page):
        yield page.passed(page.root)
    else:
        yield page.cant_tell(
            page.root,
            "the page has no skip link, no heading and no main landmark: if blocks repeat on other pages, "
            "keyboard users cannot skip them; add <main> and a skip link to it",
        )


def _has_main(page: Page) -> bool:
    return any(
        (e.tag == "main" or e.get("role") == "main") and not page.is_hidden(e)
        for e in page.elements
        if e.tag == "main" or e.get("role")
    )
