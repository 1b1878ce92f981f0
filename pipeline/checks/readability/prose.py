"""An edition read for scoring: its prose units, their sentences, and each sentence's counts.

Only prose is scored: paragraphs, list items and blockquote paragraphs. Headings, the title
and description, table cells, image alt text and reference lists are not prose (code blocks
never become units). In a translation, units that fall back to the source text are left out.
The same split gives the article's sentence count, its scores and the sentence findings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...model import LocalizedArticle, LocalizedUnit, Severity
from .formulas import Counts, count_sentence, total_of
from .languages import Language
from .sentences import prose_text, split_sentences
from ...model import ReadabilityTarget
from .targets import Verdict, verdict

#: The unit kinds that are prose (see `pipeline.model.UNIT_KINDS`).
PROSE_KINDS = frozenset({"paragraph", "list-item", "blockquote"})


@dataclass(frozen=True)
class Sentence:
    """One sentence of a prose unit, with its counts and its score on the sentence metric."""

    unit: int  # index into the edition's units
    start: int  # span within the unit's prose text
    end: int
    text: str
    counts: Counts
    score: float | None  # None when the sentence has no words to score


@dataclass(frozen=True)
class ProseUnit:
    """A unit that is scored: its prose text and sentences."""

    index: int  # index into the edition's units
    text: str
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Flag:
    """What a rule found, before it is located in a file: a finding in the making."""

    message: str
    unit: int | None = None  # index into the edition's units; None: the article as a whole
    sentence: Sentence | None = None
    severity: Severity | None = None  # None: the rule's SEVERITY
    wcag: tuple[str, ...] = ()
    phrase: str | None = None  # the words the flag is about, as they appear in the sentence
    rule: str = ""  # the rule's id: the engine fills it in


@dataclass
class Document:
    """One edition as the rules see it: its sentences, scores and target."""

    edition: LocalizedArticle
    language: Language | None
    units: tuple[ProseUnit, ...]
    counts: Counts
    metrics: dict[str, float] = field(default_factory=dict)  # empty: not scored
    reason: str = ""  # why it is not scored
    target: ReadabilityTarget | None = None
    source: Document | None = None  # for a translation: the source-language edition

    @property
    def score(self) -> float | None:
        """The score on the language's primary formula, or None when not scored."""
        return self.metrics.get(self.language.primary) if self.language else None

    @property
    def verdict(self) -> Verdict:
        """ok, warning, error or not scored, against the target."""
        if self.score is None or self.language is None or self.target is None:
            return "not scored"
        return verdict(self.score, self.target, self.language)

    @property
    def sentences(self) -> list[Sentence]:
        """Every scored sentence, in document order."""
        return [s for unit in self.units for s in unit.sentences]


def is_scored_unit(unit: LocalizedUnit) -> bool:
    """Whether a unit's text counts for the edition's score: prose, and not a fallback."""
    return unit.unit.kind in PROSE_KINDS and unit.translated


def read_document(edition: LocalizedArticle, language: Language | None) -> Document:
    """Split an edition's prose into sentences and count each one (nothing counted twice)."""
    if language is None:
        return Document(edition, None, (), Counts())
    units: list[ProseUnit] = []
    for index, unit in enumerate(edition.units):
        if not is_scored_unit(unit):
            continue
        text = prose_text(unit.text)
        sentences = tuple(_sentences(language, index, text))
        if sentences:
            units.append(ProseUnit(index, text, sentences))
    return Document(edition, language, tuple(units), total_of(s.counts for u in units for s in u.sentences))


def _sentences(language: Language, index: int, text: str) -> list[Sentence]:
    found = []
    for start, end in split_sentences(text, language.code):
        counts = count_sentence(language.textstat, language.fields, text[start:end])
        score = sentence_score(language, counts)
        found.append(Sentence(index, start, end, text[start:end], counts, score))
    return found


def sentence_score(language: Language, counts: Counts) -> float | None:
    """A sentence's score on its language's sentence metric, or None without words."""
    if not counts.words:
        return None
    return language.metric(language.sentence_metric).compute(counts)


def score_metrics(language: Language, counts: Counts) -> dict[str, float]:
    """Every metric of a language on a document's totals (empty without words or sentences)."""
    if not counts.words or not counts.sentences:
        return {}
    return {metric.id: metric.compute(counts) for metric in language.metrics}
