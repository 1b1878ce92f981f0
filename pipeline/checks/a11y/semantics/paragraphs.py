"""A page's text laid out in bidi paragraphs, as a browser does from `dir`, `<bdi>` and `<bdo>`.

Each block element's inline content is a paragraph of its own (a nested block ends one and
starts the next); inline elements with `dir`, `<bdi>` and `<bdo>` enter it as the isolates
and overrides of HTML's default style sheet. The Unicode bidi algorithm (UAX #9, through
python-bidi) then says how each paragraph is drawn. CSS `direction` and `unicode-bidi` are
not read; text CSS does not render is left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from bidi import get_base_level, get_display

from ....bidi import RTL_LETTER, ltr_runs
from .css import BLOCK_ELEMENTS
from .document import Element
from .facts import PageFacts

_ISOLATE = {"ltr": "\u2066", "rtl": "\u2067", "auto": "\u2068"}
_OVERRIDE = {"ltr": "\u202d", "rtl": "\u202e"}
_POP_ISOLATE, _POP_OVERRIDE = "\u2069", "\u202c"
#: Where text is not laid out as a paragraph's text.
_NOT_TEXT = frozenset({"script", "style", "template", "textarea", "title", "head"})


@dataclass(frozen=True)
class DrawnRun:
    """A run read left to right as a whole (pipeline/bidi.py), and whether its paragraph draws it in order."""

    element: Element  # the element whose text holds the run
    run: re.Match[str]
    in_order: bool


def drawn_runs(page: PageFacts) -> Iterator[DrawnRun]:
    """Every left-to-right run of the page's visible text, with how its paragraph draws it."""
    body = next(iter(page.elements_by_tag("body")), None)
    if body is None or not _may_reorder(page, body):
        return
    texts = list(_texts(page, body))  # every paragraph whole before one is laid out
    drawn: dict[int, str] = {}
    for element, text, paragraph in texts:
        for run in ltr_runs(text) if text.strip() else ():
            if id(paragraph) not in drawn:
                drawn[id(paragraph)] = paragraph.drawn()
            yield DrawnRun(element, run, run.group() in drawn[id(paragraph)])


def _may_reorder(page: PageFacts, body: Element) -> bool:
    """Whether anything on the page is written right to left (else no run can be drawn out of order)."""
    return any((e.get("dir") or "").strip().lower() == "rtl" for e in page.elements) or bool(
        RTL_LETTER.search("".join(body.itertext())))


@dataclass
class _Paragraph:
    """The text of one bidi paragraph, with the isolates and overrides its elements add."""

    direction: str  # ltr, rtl or auto
    parts: list[str] = field(default_factory=list)

    def drawn(self) -> str:
        """The paragraph as drawn on one line, left to right."""
        text = "".join(self.parts)
        if self.direction == "ltr" and not RTL_LETTER.search(text):
            return text
        rtl = self.direction == "rtl" or (self.direction == "auto" and get_base_level(text) == 1)
        return get_display(text, base_dir="R" if rtl else "L")


def _texts(page: PageFacts, body: Element) -> Iterator[tuple[Element, str, _Paragraph]]:
    """Every piece of rendered text of the body: the element it is in, the text, and its paragraph."""

    def walk(element: Element, paragraph: _Paragraph, direction: str) -> Iterator[tuple[Element, str, _Paragraph]]:
        if element.text:
            paragraph.parts.append(element.text)
            yield element, element.text, paragraph
        for child in element:
            if isinstance(child.tag, str) and child.tag not in _NOT_TEXT and not page.is_css_hidden(child):
                inner = _direction(child, direction)
                if child.tag in BLOCK_ELEMENTS:
                    yield from walk(child, _Paragraph(inner), inner)
                    paragraph = _Paragraph(direction)  # what follows a block is a paragraph of its own
                else:
                    opening, closing = _entry(child)
                    paragraph.parts.append(opening)
                    yield from walk(child, paragraph, inner)
                    paragraph.parts.append(closing)
            if child.tail:
                paragraph.parts.append(child.tail)
                yield element, child.tail, paragraph

    direction = "ltr"
    for node in (*reversed(list(body.iterancestors())), body):
        direction = _direction(node, direction)
    yield from walk(body, _Paragraph(direction), direction)


def _entry(element: Element) -> tuple[str, str]:
    """The controls an inline element opens and closes its content with, from `dir`, `<bdi>` and `<bdo>`."""
    direction = (element.get("dir") or "").strip().lower()
    if element.tag == "bdo" and direction in _OVERRIDE:
        return _ISOLATE[direction] + _OVERRIDE[direction], _POP_OVERRIDE + _POP_ISOLATE
    if direction in _ISOLATE:
        return _ISOLATE[direction], _POP_ISOLATE
    if element.tag == "bdi":
        return _ISOLATE["auto"], _POP_ISOLATE
    return "", ""


def _direction(element: Element, inherited: str) -> str:
    """An element's direction: its own `dir` (ltr, rtl or auto; `<bdi>` is auto), else its parent's."""
    direction = (element.get("dir") or "").strip().lower()
    if direction in _ISOLATE:
        return direction
    return "auto" if element.tag == "bdi" else inherited
