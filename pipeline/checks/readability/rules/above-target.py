"""An article whose score is past its locale's target (its verdict says how far: warning or error level).

The score is the locale's primary formula (English SMOG grade, Spanish INFLESZ...) on the
article's prose; text that needs more than lower-secondary education (grade 9) also fails
WCAG 2.2 SC 3.1.5 (Reading Level, AAA). Like every readability finding it is a warning,
advice for editors: `--fail-on warning` makes it fail a run.

Fails (English, target 8/10): an article at SMOG grade 15.0 (past the error level).
Passes: an article at SMOG grade 7.5.
"""

from __future__ import annotations

from typing import Iterator

from ..prose import Document, Flag
from ..targets import above_lower_secondary

SEVERITY = "warning"
WCAG = ("3.1.5",)


def check(document: Document) -> Iterator[Flag]:
    """Flag an edition whose primary score is past its warning or error level."""
    language, target, score, verdict = document.language, document.target, document.score, document.verdict
    if verdict not in ("warning", "error") or language is None or target is None or score is None:
        return
    metric = language.metric(language.primary).name
    direction = "above" if language.scale == "grade" else "below"
    level = target.error if verdict == "error" else target.warning
    yield Flag(
        f"{metric} {score:.1f} is {direction} the {verdict} level {level:g} for {document.edition.locale} "
        f"(target: {direction} {target.warning:g} is a warning, {direction} {target.error:g} an error); "
        "use shorter sentences and everyday words",
        document.units[0].index,
        wcag=WCAG if above_lower_secondary(score, language) else (),
    )
