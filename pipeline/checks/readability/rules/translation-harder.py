"""A translation much harder to read than its source: make it as plain as the original.

Scales differ between languages, so each edition is placed against its own locale's target:
0 at the warning level, 1 at the error level. A translation past its warning level and a
whole band (warning to error) harder than its source is reported. Editions under 100 words
are not compared.

Fails: English source at SMOG 7 (-0.5 bands), Spanish translation at INFLESZ 38 (1.1 bands).
Passes: the same source, its translation at INFLESZ 58 (-0.2 bands).
"""

from __future__ import annotations

from typing import Iterator

from ..prose import Document, Flag
from ..targets import MIN_WORDS, above_lower_secondary, bands_past_warning

SEVERITY = "warning"
WCAG = ("3.1.5",)

#: How much harder, in warning-to-error bands, a translation may read than its source.
MAX_BANDS_HARDER = 1.0


def check(document: Document) -> Iterator[Flag]:
    """Flag a translation that reads much harder than its source edition."""
    source = document.source
    if source is None or source.score is None or source.target is None or source.language is None:
        return
    if document.score is None or document.target is None or document.language is None:
        return
    if min(document.counts.words, source.counts.words) < MIN_WORDS or document.verdict == "ok":
        return
    bands = bands_past_warning(document.score, document.target, document.language)
    source_bands = bands_past_warning(source.score, source.target, source.language)
    if bands - source_bands < MAX_BANDS_HARDER:
        return
    metric = document.language.metric(document.language.primary).name
    source_metric = source.language.metric(source.language.primary).name
    yield Flag(
        f"this translation reads much harder than its source: {metric} {document.score:.1f} "
        f"({bands:+.1f} bands past its warning level) against {source_metric} {source.score:.1f} "
        f"({source_bands:+.1f}) in {source.edition.locale}; make it as plain as the source",
        document.units[0].index,
        wcag=WCAG if above_lower_secondary(document.score, document.language) else (),
    )
