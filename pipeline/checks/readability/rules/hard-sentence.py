"""Sentences whose own score is past the locale's error level: use shorter, everyday words.

Each sentence of 10 words or more is scored on its language's sentence formula (English:
Flesch-Kincaid grade, since SMOG needs many sentences; other languages: their primary
formula). Sentences already reported as too long are not reported again.

Fails (English, grade 19): "Medications: Certain medications, such as antihistamines and
antidepressants, have been associated with worsening RLS symptoms."
Passes (grade 5): "Some medicines make RLS worse, such as allergy pills and some medicines
for depression."
"""

from __future__ import annotations

from typing import Iterator

from ..prose import Document, Flag
from ..targets import above_lower_secondary, harder_than

SEVERITY = "warning"
WCAG = ("3.1.5",)

#: Shorter sentences are left alone: one long word swings their score too far.
MIN_WORDS = 10


def check(document: Document) -> Iterator[Flag]:
    """Flag each sentence (of 10 words or more) whose score is past the error level."""
    language, target = document.language, document.target
    assert language is not None and target is not None
    metric = language.metric(language.sentence_metric)
    for sentence in document.sentences:
        score = sentence.score
        if score is None or not MIN_WORDS <= sentence.counts.words <= language.long_sentence:
            continue
        if not harder_than(score, target.error, language):
            continue
        yield Flag(
            f"hard sentence: {metric.name} {score:.1f}, past the error level {target.error:g}; "
            "use shorter, everyday words",
            sentence.unit,
            sentence,
            wcag=WCAG if above_lower_secondary(score, language) else (),
        )
