"""The lang of each passage names a known language.

A quotation in French or a fallback paragraph in English is only read correctly if its
`lang` starts with a registered language subtag; `lang=""` (language unknown) is allowed.
Only a `lang` that some text takes its language from is checked: text that is visible or
read by assistive technology, or the name of an image (W3C ACT rule de46e4).

Fails:

    <p>The French call it <span lang="francais">crampe</span>.</p>

Passes:

    <p>The French call it <span lang="fr">crampe</span>.</p>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics import aria
from ..semantics.document import Element
from ..semantics.language import has_known_primary_language

IMPACT = "serious"
WCAG = ("3.1.2",)
ACT = ("de46e4",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each element in `<body>` whose `lang` some text inherits and that has no known language."""
    body = page.body
    if body is None or not page.is_html:
        return
    for element in page.elements:
        value = element.get("lang")
        if not value or element is page.root or not _in(element, body) or not _has_inheriting_text(page, element):
            continue
        if has_known_primary_language(value):
            yield page.passed(element)
        else:
            yield page.failed(element, f"lang=\"{value}\" is not a language code: use a BCP 47 code such as "
                                       "\"en\" or \"fr\"")


def _in(element: Element, body: Element) -> bool:
    return element is body or any(ancestor is body for ancestor in element.iterancestors())


def _perceivable(page: Page, element: Element) -> bool:
    """Visible, or read by assistive technology: either way its text has a language."""
    return page.is_visible(element) or not page.is_hidden(element)


def _has_inheriting_text(page: Page, element: Element) -> bool:
    """Whether some perceivable text (or image name) takes its language from this element's lang."""
    if not _perceivable(page, element):
        return False
    if page.has_own_text(element):
        return True
    if aria.is_visual_content(element) and page.name(element):
        return True
    return any(
        isinstance(child.tag, str) and child.get("lang") is None and _has_inheriting_text(page, child)
        for child in element
    )
