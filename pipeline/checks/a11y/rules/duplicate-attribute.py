"""No start tag repeats an attribute.

When a tag says `alt="" alt="W3C logo"`, browsers keep the first and drop the rest without
a word: the page does not say what its author wrote. This is read from the markup itself,
since the parsed page no longer shows the duplicate; the content of `<script>`, `<style>`
and other raw-text elements is not markup (W3C ACT rule e6952f).

Fails:

    <img src="logo.png" alt="" alt="W3C logo">

Passes:

    <img src="logo.png" alt="W3C logo">
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result

IMPACT = "minor"
WCAG = ("4.1.1",)
BEST_PRACTICE = True
ACT = ("e6952f",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each start tag in the page's markup that has an attribute twice."""
    document = page.document
    found = False
    for index, tag in enumerate(document.start_tags):
        names = tag.attribute_names(document.source)
        if len(names) == len(set(names)):
            continue
        found = True
        repeated = sorted({name for name in names if names.count(name) > 1})
        made = document.elements_of(index)
        name = tag.name(document.source)
        yield page.failed(made[0] if made else page.root, f"<{name}> has {', '.join(repeated)} more than once: "
                                                          "browsers keep only the first, so remove the others")
    if not found and document.start_tags:
        yield page.passed(page.root)
