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

import re
from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.document import Element

IMPACT = "minor"
WCAG = ("4.1.1",)
BEST_PRACTICE = True
ACT = ("e6952f",)

_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_RAW_TEXT = re.compile(r"(<(script|style|textarea|title|xmp|iframe|noembed|noframes)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>)"
                       r".*?(?=</\2\s*>|$)", re.S | re.I)
_START_TAG = re.compile(r"<([A-Za-z][^\s/>]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTRIBUTE = re.compile(r"""[\s/]*([^\s/>"'=][^\s/>"'=]*)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?""")


def duplicated_attributes(source: str) -> Iterator[tuple[int, str, list[str]]]:
    """(offset, tag name, repeated attribute names) for each start tag that repeats an attribute."""
    text = _RAW_TEXT.sub(lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))),
                         _COMMENT.sub(lambda m: " " * len(m.group(0)), source))
    for tag in _START_TAG.finditer(text):
        names = [name.lower() for name in _ATTRIBUTE.findall(tag.group(2))]
        repeated = sorted({name for name in names if names.count(name) > 1})
        if repeated:
            yield tag.start(), tag.group(1).lower(), repeated


def check(page: Page) -> Iterator[Result]:
    """Fail for each start tag in the page's markup that has an attribute twice."""
    if page.source is None or "<" not in page.source:
        return
    found = False
    for offset, name, repeated in duplicated_attributes(page.source):
        found = True
        line = page.source.count("\n", 0, offset) + 1
        yield page.failed(_element_at(page, name, line), f"<{name}> has {', '.join(repeated)} more than once: "
                                                        "browsers keep only the first, so remove the others")
    if not found:
        yield page.passed(page.root)


def _element_at(page: Page, name: str, line: int) -> Element:
    return next((e for e in page.elements_by_tag(name) if e.sourceline == line), page.root)
