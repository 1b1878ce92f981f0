"""The editors' view: each article as readers see it, hard sentences marked, suggestions beside.

Every mark carries a visible number and every note names its rule in words, so nothing is
said by colour alone; the page has its own `lang`, title, `main`, and headings in order.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass, field
from typing import Iterator, Sequence

import jinja2

from ...locales import parse_locale
from ...model import LocalizedArticle
from ...theme import SHIPPED_TEMPLATES
from .check import analyse, result_of
from .prose import PROSE_KINDS, Document, Flag, ProseUnit
from .report import ReadabilityReport, ReadabilityResult, describe_target
from .sentences import prose_text


#: Rule ids as editors read them.
RULE_NAMES = {
    "above-target": "Above target",
    "acronym-before-definition": "Acronym not spelled out",
    "hard-sentence": "Hard sentence",
    "jargon": "Medical jargon",
    "long-sentence": "Long sentence",
    "not-scored": "Not scored",
    "number-words": "Number in words",
    "passive-voice": "Passive voice",
    "too-little-text": "Too little text",
    "translation-harder": "Harder than the source",
}


@dataclass
class Note:
    """One suggestion beside the text."""

    number: int
    rule: str
    message: str
    where: str  # file:line
    wcag: tuple[str, ...]


@dataclass
class Segment:
    """A stretch of a unit's text: plain, or a flagged sentence with its note numbers."""

    text: str
    numbers: list[int] = field(default_factory=list)
    phrases: list[tuple[str, bool]] = field(default_factory=list)  # (text, is a flagged phrase)


@dataclass
class Block:
    """A unit as the view shows it."""

    kind: str  # "heading", "prose", "fallback"
    segments: list[Segment]
    notes: list[Note]
    lang: str | None = None  # set when the text is not in the edition's language


@dataclass
class EditionView:
    """An article in one locale, for the template."""

    id: str
    title: str
    result: ReadabilityResult
    target: str
    lang: str
    dir: str
    notes: list[Note]  # article-wide
    blocks: list[Block]


def render_html(report: ReadabilityReport, editions: Sequence[LocalizedArticle]) -> str:
    """The editors' HTML page for the editions checked in a report (with the report's targets)."""
    # The report keeps no sentences (a build may check 11,000 pages); they are read again
    # here, from the counting cache, for the editions an editor is shown.
    targets = {r.locale: r.target for r in report.results if r.target is not None}
    sources = {e.article.slug: e for e in editions if e.locale == e.article.lang}
    views = []
    for document, flags in analyse(editions, targets, sources):
        result = report.result_for(document.edition.article.slug, document.edition.locale)
        views.append(_edition_view(document, flags, result or result_of(document)))
    return _environment().get_template("readability.html").render(editions=views, rule_names=RULE_NAMES)


@functools.lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(SHIPPED_TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def _edition_view(document: Document, flags: tuple[Flag, ...], result: ReadabilityResult) -> EditionView:
    edition = document.edition
    try:
        info = parse_locale(edition.locale)
        lang, direction = info.code, info.direction
    except ValueError:
        lang, direction = edition.locale, "ltr"
    prose = {unit.index: unit for unit in document.units}
    shown = {i for i, u in enumerate(edition.units) if (u.unit.kind == "heading" and u.translated) or i in prose}
    by_unit: dict[int, list[Flag]] = {}
    for flag in flags:
        if flag.unit in shown and (flag.sentence is not None or flag.phrase is not None):
            by_unit.setdefault(flag.unit, []).append(flag)
    counter = itertools.count(1)
    # Article-wide flags (the score, too little text) and flags on units not shown (the title).
    placed = {id(f) for unit_flags in by_unit.values() for f in unit_flags}
    notes = [_note(next(counter), f, document) for f in flags if id(f) not in placed]
    blocks = []
    for index, unit in enumerate(edition.units):
        kind = unit.unit.kind
        if index in prose:
            segments, unit_notes = _prose_segments(prose[index], by_unit.get(index, []), counter, document)
            blocks.append(Block("prose", segments, unit_notes))
        elif index in shown:
            unit_notes = [_note(next(counter), f, document) for f in by_unit.get(index, [])]
            blocks.append(Block("heading", [Segment(prose_text(unit.text))], unit_notes))
        elif kind in PROSE_KINDS and not unit.translated:
            blocks.append(Block("fallback", [Segment(prose_text(unit.text))], [], lang=edition.article.lang))
    return EditionView(
        id=f"{edition.article.slug}--{edition.locale}",
        title=prose_text(edition.text_of("title")),
        result=result,
        target=describe_target(result),
        lang=lang,
        dir=direction,
        notes=notes,
        blocks=blocks,
    )


def _note(number: int, flag: Flag, document: Document) -> Note:
    edition = document.edition
    origin = edition.units[flag.unit].origin if flag.unit is not None else None
    where = f"{origin.file}:{origin.line}" if origin and origin.line else (edition.catalog or edition.article.path)
    return Note(number, flag.rule, flag.message, where, flag.wcag)


def _prose_segments(
    unit: ProseUnit, flags: list[Flag], counter: Iterator[int], document: Document
) -> tuple[list[Segment], list[Note]]:
    """A unit's text cut at its sentences, flagged ones carrying their note numbers and phrases."""
    text = unit.text
    segments: list[Segment] = []
    notes: list[Note] = []
    position = 0
    for sentence in unit.sentences:
        if sentence.start > position:
            segments.append(Segment(text[position : sentence.start]))
        mine = [f for f in flags if f.sentence is sentence]
        for flag in mine:
            notes.append(_note(next(counter), flag, document))
        numbers = [note.number for note in notes[len(notes) - len(mine) :]]
        phrases = [f.phrase for f in mine if f.phrase]
        segments.append(Segment(sentence.text, numbers, _cut(sentence.text, phrases)))
        position = sentence.end
    if position < len(text):
        segments.append(Segment(text[position:]))
    for flag in flags:  # on the unit rather than one of its sentences (an acronym)
        if flag.sentence is None:
            notes.append(_note(next(counter), flag, document))
    return segments, notes


def _cut(text: str, phrases: list[str]) -> list[tuple[str, bool]]:
    """A sentence cut into pieces, the first occurrence of each phrase marked."""
    spans = sorted({(i, i + len(p)) for p in phrases if (i := text.find(p)) >= 0})
    pieces: list[tuple[str, bool]] = []
    position = 0
    for start, end in spans:
        if start < position:
            continue  # overlapping phrases: the first one wins
        pieces.extend([(text[position:start], False), (text[start:end], True)])
        position = end
    pieces.append((text[position:], False))
    return [piece for piece in pieces if piece[0]]
