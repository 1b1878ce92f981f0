"""Numbers written as words where numerals read easier: "sixty-seven percent" → "67%".

Every number from ten up, and a smaller one before a percent or quantity word ("three times
a day" → "3 times a day"); "one study" and "un estudio" are fine. English, Spanish, French
and German (see `numbers.py`).

Fails: "One study found that ninety-eight percent of patients improved."
Passes: "One study found that 98% of patients improved."
"""

from __future__ import annotations

from typing import Iterator

from ..prose import Document, Flag
from ..number_words import spelled_numbers

SEVERITY = "warning"
WCAG = ()


def check(document: Document) -> Iterator[Flag]:
    """Flag each number written in words, with the numeral to write instead."""
    assert document.language is not None
    for sentence in document.sentences:
        for number in spelled_numbers(sentence.text, document.language.code):
            words = sentence.text[number.start : number.end]
            yield Flag(
                f"number written in words {words!r}: write {number.numeral!r}",
                sentence.unit,
                sentence,
                phrase=words,
            )
