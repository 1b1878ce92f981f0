"""Acronyms used before they are spelled out: write the words first, then the letters.

An acronym is defined where it follows its words in brackets, "restless legs syndrome
(RLS)", or precedes them, "RLS (restless legs syndrome)": a bracket next to words of which
two start with letters of the acronym (or, in Arabic, next to words at all). The title,
headings and prose are read in order; a few acronyms every reader knows (DNA, HIV, UK...)
are left alone.

Fails: "RLS often starts in the evening. Restless legs syndrome (RLS) is common."
Passes: "Restless legs syndrome (RLS) is common. RLS often starts in the evening."
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from ..prose import Document, Flag
from ..sentences import prose_text

SEVERITY = "warning"
WCAG = ()

#: Units a reader reads, in which acronyms are used or spelled out.
READ_KINDS = frozenset({"title", "heading", "paragraph", "list-item", "blockquote", "table-cell"})
#: Acronyms every reader knows, and Roman numerals.
KNOWN = frozenset(
    "OK TV UK US USA EU UN AM PM DNA HIV AIDS COVID ID PDF FAQ "
    "II III IV VI VII VIII IX XI XII XIII XIV XV XVI XVII XVIII XIX XX".split()
)
_WORD = re.compile(r"\w+")
_BRACKETED = re.compile(r"\s*\(([^)]*)\)")
#: A word that can be in capitals: none of its letters is a-z, but for an "s" at its end ("CTs").
_MAYBE_CAPITALS = re.compile(r"(?<!\w)[^\Wa-z]++s?(?!\w)")


def acronyms(text: str) -> Iterator[tuple[str, bool]]:
    """The acronyms of a text in order, each with whether it is spelled out there."""
    for match in _MAYBE_CAPITALS.finditer(text):
        word = match.group(0)
        letters = word[:-1] if word.endswith("s") else word  # "CTs"
        if not letters.isupper() or sum(ch.isalpha() for ch in letters) < 2 or letters in KNOWN:
            continue
        yield letters, _spelled_out(text, match.start(), match.end(), letters)


def _spelled_out(text: str, start: int, end: int, acronym: str) -> bool:
    """Whether the acronym at text[start:end] sits in brackets next to its words."""
    if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
        return _names(_words_before(text, start - 1, len(acronym) + 3), acronym)
    after = _BRACKETED.match(text, end)
    return after is not None and _names(_WORD.findall(after.group(1)), acronym)


def _words_before(text: str, end: int, count: int) -> list[str]:
    """The last `count` words of text[:end], read from a stretch before `end` only (a long text is not read whole)."""
    reach = 16 * count
    while True:
        start = max(0, end - reach)
        words = _WORD.findall(text, start, end)
        if start == 0 or len(words) > count:  # more than `count`: the first, perhaps cut, is not among the last
            return words[-count:]
        reach *= 4


def _names(words: list[str], acronym: str) -> bool:
    """Whether words beside an acronym can be what it stands for.

    Two of their initials must be letters of the acronym ("Piernas inquietas (SPI)"); words
    in another script than the acronym's (Arabic words, a Latin acronym) need only be there.
    """
    if len(words) < 2:
        return False
    letters = {_fold(ch) for ch in acronym}
    latin = [w for w in words if _is_latin(w[0])]
    if not latin and _is_latin(acronym[0]):
        return True
    return sum(_fold(w[0]) in letters for w in latin) >= min(2, len(letters))


def _is_latin(letter: str) -> bool:
    return unicodedata.name(letter, "").startswith("LATIN")


def _fold(letter: str) -> str:
    return unicodedata.normalize("NFKD", letter)[0].casefold()


def check(document: Document) -> Iterator[Flag]:
    """Flag the first use of each acronym that comes before it is spelled out."""
    first: dict[str, int] = {}  # acronym -> unit of its first use, when not spelled out there
    defined: dict[str, int] = {}  # acronym -> unit where it is spelled out
    for index, unit in enumerate(document.edition.units):
        if unit.unit.kind not in READ_KINDS or not unit.translated:
            continue
        text = prose_text(unit.text)
        # Only what tells something new: an acronym defined already, or used undefined already, says nothing more
        found = [(acronym, spelled) for acronym, spelled in acronyms(text)
                 if acronym not in defined and (spelled or acronym not in first)]
        if found and sum(map(str.isupper, text)) > 0.5 * sum(map(str.isalpha, text)):
            continue  # a heading in capitals is not a row of acronyms
        for acronym, spelled in found:
            if spelled:
                defined.setdefault(acronym, index)
            elif acronym not in defined:
                first.setdefault(acronym, index)
    for acronym, index in first.items():
        later = defined.get(acronym)
        where = ""
        if later is not None:
            origin = document.edition.units[later].origin
            where = f"; it is spelled out later, at line {origin.line}" if origin.line else ""
        yield Flag(
            f"acronym {acronym!r} is used before it is spelled out{where}: write the words first, "
            f"then ({acronym})",
            index,
            phrase=acronym,
        )
