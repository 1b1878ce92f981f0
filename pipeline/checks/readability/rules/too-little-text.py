"""Too little text to score reliably: under 100 words, or under 30 sentences for SMOG.

Readability formulas were fitted on samples of 100 words or more, and SMOG on 30 sentences;
below that a score moves a lot with one sentence. The score is still reported; this finding
says how far to trust it (a warning under 100 words, information under 30 SMOG sentences).

Fails: an article of 60 words.
Passes: an article of 400 words in 32 sentences.
"""

from __future__ import annotations

from typing import Iterator

from ..prose import Document, Flag
from ..targets import MIN_SMOG_SENTENCES, MIN_WORDS

SEVERITY = "warning"
WCAG = ()


def check(document: Document) -> Iterator[Flag]:
    """Flag an edition whose prose is too short for its scores to be reliable."""
    assert document.language is not None
    counts, first = document.counts, document.units[0].index
    if counts.words < MIN_WORDS:
        yield Flag(
            f"only {counts.words} words of prose: scores need at least {MIN_WORDS} to be reliable",
            first,
        )
    if document.language.primary == "smog" and counts.sentences < MIN_SMOG_SENTENCES:
        yield Flag(
            f"{counts.sentences} sentences: SMOG is calibrated on {MIN_SMOG_SENTENCES}, so read its "
            "score as an estimate",
            first,
            severity="info",
        )
