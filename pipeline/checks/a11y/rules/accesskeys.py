"""Access keys are unique.

`accesskey` gives an element a keyboard shortcut; two elements with the same key leave one
of them unreachable by it (browsers pick one, or cycle between them). Keys are compared case
ignored, as axe-core does; elements no one sees (`display: none`) are left out, though their
keys still take the shortcut.

Fails:

    <a href="#causes" accesskey="c">Causes</a> <a href="#contact" accesskey="C">Contact</a>

Passes:

    <a href="#causes" accesskey="c">Causes</a> <a href="#contact" accesskey="t">Contact</a>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result

IMPACT = "serious"
WCAG = ()
BEST_PRACTICE = True


def check(page: Page) -> Iterator[Result]:
    """Fail once per access key that two visible elements share, on the first, with the others as related places."""
    keys: dict[str, list] = {}
    for element in page.elements:
        key = element.get("accesskey")
        if key and not page.is_css_hidden(element):
            keys.setdefault(key.upper(), []).append(element)
    for key, elements in keys.items():
        if len(elements) == 1:
            yield page.passed(elements[0])
        else:
            others = [page.location(e) for e in elements[1:]]
            yield page.failed(elements[0], f"accesskey=\"{elements[0].get('accesskey')}\" is the key of "
                                           f"{len(elements)} elements: give each its own", related=others)
