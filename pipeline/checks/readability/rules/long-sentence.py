"""Sentences longer than their language allows (English: 25 words): split them.

Fails (32 words): "Since pressure is highest after prolonged sitting or standing due to the
force of gravity, leg cramps and restless legs are noticed by patients more often at the end
of the day."
Passes: "Pressure in the legs is highest after you sit or stand for a long time. So cramps
often start at the end of the day."
"""

from __future__ import annotations

from typing import Iterator

from ..prose import Document, Flag
from ..targets import above_lower_secondary

SEVERITY = "warning"
WCAG = ("3.1.5",)


def check(document: Document) -> Iterator[Flag]:
    """Flag each sentence with more words than the language's limit."""
    language = document.language
    assert language is not None
    for sentence in document.sentences:
        words = sentence.counts.words
        if words <= language.long_sentence:
            continue
        hard = sentence.score is not None and above_lower_secondary(sentence.score, language)
        yield Flag(
            f"sentence of {words} words (the limit is {language.long_sentence}): split it into "
            "shorter sentences, one idea each",
            sentence.unit,
            sentence,
            wcag=WCAG if hard else (),
        )
