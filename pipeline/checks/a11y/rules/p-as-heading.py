"""Paragraphs are not styled to look like headings.

A short `<p>` in bold, italic or a larger font, followed by ordinary paragraphs, looks like
a heading but is not one: screen reader users cannot jump to it or see the outline of the
page. As axe-core's rule (experimental there, off by default), a paragraph is compared with
the next one (bold by 150 more weight and italic, or bold and 15 % larger, or italic and
15 % larger, or 40 % larger) and fails when it is also set apart from the previous one and
at most half as long as the next; it is `cantTell` inside a quotation, when the previous
paragraph looks the same, or when it is over half as long as the next. Sizes and weights
come from the cascade.

Fails:

    <p><strong>Stretching</strong></p><p>Stand facing a wall and lean into it …</p>

Passes:

    <h3>Stretching</h3><p>Stand facing a wall and lean into it …</p>
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from ..page import Page, Result
from ..semantics.document import Element
from ..semantics.painting import Painting
from ..semantics.textblocks import is_italic

IMPACT = "serious"
WCAG = ("1.3.1",)

#: Two sentence ends or more: a paragraph of sentences, not a heading (axe-core's test).
SENTENCE_END = re.compile(r"[.!?:;](?![.!?:;])")
#: (weight above, italic, size ratio): the ways a heading may stand out from a paragraph (axe-core's margins).
MARGINS = ((150, True, None), (150, False, 1.15), (None, True, 1.15), (None, False, 1.4))


class Look(NamedTuple):
    """How a paragraph's text is set."""

    weight: int
    size: int
    italic: bool


def check(page: Page) -> Iterator[Result]:
    """Fail for each short paragraph in the tree set apart like a heading from the paragraphs around it."""
    for paragraph in page.elements_by_tag("p"):
        text = _text(paragraph)
        if not text or len(SENTENCE_END.findall(text)) >= 2 or page.is_hidden(paragraph):
            continue
        after = _next_paragraph(paragraph, preceding=False)
        if after is None or page.role(paragraph) == "heading" or not _text_follows(after):
            continue
        painting = page.painting
        after_text = _text(after)
        if len(text) > len(after_text):
            yield page.passed(paragraph)
            continue
        look = _look(page, painting, paragraph)
        if not _stands_out(look, _look(page, painting, after)):
            yield page.passed(paragraph)
            continue
        before = _next_paragraph(paragraph, preceding=True)
        why = ""
        if next(paragraph.iterancestors("blockquote"), None) is not None:
            why = "it is in a quotation"
        elif before is not None and not _stands_out(look, _look(page, painting, before)):
            why = "the paragraph before it looks the same"
        elif len(text) > len(after_text) * 0.5:
            why = "it is over half as long as the next paragraph"
        if why:
            yield page.cant_tell(paragraph, f"this paragraph is set like a heading, but {why}: if it is a "
                                            "heading, mark it up as <h2>–<h6>")
        else:
            yield page.failed(paragraph, f"\"{text[:40]}\" is set like a heading but is a paragraph: mark it "
                                         "up as <h2>–<h6>")


def _text(element: Element) -> str:
    return "".join(element.itertext()).strip()


def _next_paragraph(paragraph: Element, preceding: bool) -> Element | None:
    """The nearest `<p>` sibling after (or before) the paragraph."""
    return next((s for s in paragraph.itersiblings(preceding=preceding) if s.tag == "p"), None)


def _text_follows(paragraph: Element) -> bool:
    """Whether this paragraph, or a `<p>` sibling after it, has text (axe-core applies the rule only then)."""
    return bool(_text(paragraph)) or any(_text(s) for s in paragraph.itersiblings() if s.tag == "p")


def _look(page: Page, painting: Painting, paragraph: Element) -> Look:
    """The weight, size and style of the paragraph's text, read where it is set (axe-core's text container)."""
    element = _text_container(paragraph)
    return Look(painting.weight(element), int(page.rendering.font_size(element)),
                is_italic(page, element))


def _text_container(element: Element) -> Element:
    """The innermost element holding all of the paragraph's text (a `<strong>` that is the whole paragraph)."""
    outer = _text(element)
    while len(element):
        child = next((c for c in element if _text(c)), element[-1])
        if _text(child) != outer:
            return element
        element = child
    return element


def _stands_out(look: Look, other: Look) -> bool:
    return any(
        (size is None or look.size / size > other.size)
        and (weight is None or look.weight - weight > other.weight)
        and (not italic or (look.italic and not other.italic))
        for weight, italic, size in MARGINS
    )
