"""Content hidden on the page is checked by a person (axe-core's experimental rule; off unless asked for).

A menu, a closed dialog or a collapsed answer is hidden until someone opens it: neither
tool sees it as a reader will, so a person opens it and checks it. As axe-core, each element
with content whose own `display` is `none`, or that is `visibility: hidden` where its parent
is not, is `cantTell`; `<script>`, `<style>`, `<template>`, `<noscript>` and the head are left
out. axe-core ships the rule as experimental, off by default: so does this checker
(`--rule hidden-content`).

Fails:

    <div class="answer" style="display: none"><p>Stretch your calf before bed.</p></div>

Passes:

    <div class="answer"><p>Stretch your calf before bed.</p></div>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.accname import has_content

IMPACT = "minor"
WCAG = ()
BEST_PRACTICE = True
ENABLED = False

LEFT_OUT = frozenset("script head title noscript style template".split())


def check(page: Page) -> Iterator[Result]:
    """Ask about each element with content that hides itself; every other element passes."""
    styles = page.styles
    for element in page.elements:
        hiding = None
        if element.tag not in LEFT_OUT:
            parent = element.getparent()
            if styles.displays_none(element):
                hiding = ("display: none" if styles.value(element, "display") else
                          "the hidden attribute" if element.get("hidden") is not None else "until it is opened")
            elif styles.computed(element, "visibility") == "hidden" and (
                parent is None or styles.computed(parent, "visibility") != "hidden"
            ):
                hiding = "visibility: hidden"
        if hiding is not None and has_content(page, element, deep=True):
            yield page.cant_tell(element, f"this content is hidden ({hiding}): show it as a reader would (open "
                                          "the menu, dialog or section) and check it then")
        else:
            yield page.passed(element)
