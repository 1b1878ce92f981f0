"""Prose as readers read it: Markdown stripped, citation marks dropped, split into sentences.

The splitter knows what textstat's does not (NOTES.md): a period ends a sentence only when a
new sentence can start after it, so "Dr. Lee", "e.g. iron", "U.S. doctors", "2.5 mg" and
"z. B." stay inside their sentence, and "¿Es grave? Sí. Consulte…" is three sentences.
Each unit (paragraph, list item) is split on its own, so a list item is always at least one
sentence even without a final period.
"""

from __future__ import annotations

import functools
import re
from typing import Iterator

from ...markdown import plain_text

#: Citation marks such as [1], [2,3] or [4-6], which readers skip.
_CITATION = re.compile(r"\s?\[\d+(?:\s*[,–-]\s*\d+)*\]")
_SPACE = re.compile(r"\s+")
#: A letter or digit: what str.isalnum() is true of (re's \w is exactly that, and the underscore).
_ALNUM = re.compile(r"[^\W_]")

#: A possible end: terminal punctuation, closing quotes or brackets, then space. A run of
#: punctuation is read once, from its start (linear time on "......").
_END = re.compile(r"(?<![.!?…؟])[.!?…؟]++[\"'”’»)\]]*+(?=\s+(\S))")
_INITIALISM = re.compile(r"^[(\"“¿¡]*(?:\w\.){2,}$")

#: Abbreviations after which a period never ends a sentence (lowercase, without the period).
TITLES: dict[str, frozenset[str]] = {
    "en": frozenset("dr mr mrs ms mx prof st sr jr vs approx cf incl dept".split()),
    "es": frozenset("dr dra sr sra srta ud uds lic ing prof ej aprox pág ee uu".split()),
    "de": frozenset("dr prof hr fr bzw ca vgl evtl ggf inkl sog bspw usw".split()),
    "fr": frozenset("dr pr mme mlle mm env cf ex vol".split()),
    "it": frozenset("dr dott sig sigg prof ing avv pag ecc".split()),
    "nl": frozenset("dr prof dhr mevr bijv ca vgl".split()),
    "ar": frozenset(),
}
#: Abbreviations that do not end a sentence when a number follows ("No. 5", "Fig. 2").
NUMBERED = frozenset("no nr núm n fig figs vol p pp art abb s".split())


@functools.lru_cache(maxsize=1 << 16)
def prose_text(markdown: str) -> str:
    """A unit's words as read: Markdown syntax, link targets and citation marks removed."""
    return _SPACE.sub(" ", _CITATION.sub("", plain_text(markdown))).strip()


def split_sentences(text: str, language: str) -> list[tuple[int, int]]:
    """The (start, end) spans of the sentences of a text in a language."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        if _is_end(text, match, language):
            spans.append((start, match.end()))
            start = match.end()
            while start < len(text) and text[start].isspace():
                start += 1
    if start < len(text):
        spans.append((start, len(text.rstrip())))
    return [(a, b) for a, b in spans if _ALNUM.search(text, a, b)]


def sentences(text: str, language: str) -> Iterator[str]:
    """The sentences of a text, as strings."""
    for start, end in split_sentences(text, language):
        yield text[start:end]


def _is_end(text: str, match: re.Match[str], language: str) -> bool:
    """Whether the punctuation matched ends a sentence."""
    following = match.group(1)
    if following.islower():
        return False  # "approx. ten", "¿cómo?, dijo"
    punctuation = match.group(0).rstrip("\"'”’»)]")
    if punctuation != ".":
        return True  # ! ? … and ؟ end a sentence before anything that is not lowercase
    token = _token_before(text, match.start() + 1)
    word = token.rstrip(".").lstrip("(\"“¿¡").casefold()
    if len(word) == 1 and word.isalpha():
        return False  # initials and "z. B.", "p. ej.": a single letter is never a sentence's end
    if _INITIALISM.match(token):
        return False  # "e.g.", "i.e.", "U.S.", "a.m."
    if word in TITLES.get(language, frozenset()):
        return False
    if word in NUMBERED and following.isdigit():
        return False
    return True


def _token_before(text: str, end: int) -> str:
    """The run of non-space characters that ends at `end`, read backwards (possible ends are apart)."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]
