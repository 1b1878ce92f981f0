"""Which formulas each language is scored with, and what its numbers mean.

Locales are mapped to textstat's languages explicitly (textstat reads "es-ES" as English):
a locale whose language is not in `LANGUAGES` is reported as not scored, never given
English formulas. Each language has a primary formula, the one its targets are written in:

| language | primary formula | scale | default target (warning, error) |
| --- | --- | --- | --- |
| en | SMOG grade | school grade, higher is harder | above 8, above 10 |
| de | Wiener Sachtextformel (first) | school grade, higher is harder | above 8, above 10 |
| es | Szigriszt-Pazos on the INFLESZ scale | 0-100, higher is easier | below 55, below 40 |
| fr | Flesch, Kandel-Moles constants | 0-100, higher is easier | below 60, below 50 |
| it | Flesch-Vacca | 0-100, higher is easier | below 60, below 50 |
| nl | Flesch-Douma | 0-100, higher is easier | below 60, below 50 |
| ar | OSMAN | higher is easier | below 60, below 50 |

Why: patient material should read at about 6th-8th grade, and SMOG is preferred for health
material (it predicts full comprehension); German's Wiener Sachtextformel also gives a grade.
INFLESZ (Barrio-Cantalejo et al. 2008), made for Spanish health texts, calls 55-65 "normal"
(lower secondary, ESO) and below 40 "very difficult". Flesch's own bands put 60-70 at
8th-9th grade and below 50 at college; the French, Italian and Dutch variants were built to
read on Flesch's scale, and so was OSMAN (Arabic has no published school-grade bands: its
target is provisional). `lower_secondary` is where a score leaves lower-secondary education
(grade 9): beyond it, WCAG 2.2 SC 3.1.5 (Reading Level, AAA) applies.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable, Literal

from ...locales import normalize_code, parse_locale
from . import formulas as f
from .formulas import Counts

Scale = Literal["grade", "ease"]


@dataclass(frozen=True)
class Metric:
    """One formula: its id in reports, its name for people, its scale and its function."""

    id: str
    name: str
    scale: Scale
    compute: Callable[[Counts], float]


@dataclass(frozen=True)
class Language:
    """How one language is scored."""

    code: str  # the primary language subtag: "es"
    textstat: str  # the language as textstat must be told it: "en_US", "es"
    metrics: tuple[Metric, ...]
    primary: str  # the metric the article score and the targets use
    sentence_metric: str  # the metric that rates one sentence (SMOG needs many sentences)
    target: tuple[float, float]  # default (warning, error), in the primary metric's scale
    lower_secondary: float  # the primary score at the end of lower-secondary education
    long_sentence: int  # words above which a sentence is too long
    fields: tuple[str, ...]  # the counts its metrics need

    def metric(self, metric_id: str) -> Metric:
        """One of the language's metrics, by id (asked for every sentence scored)."""
        return self._metrics_by_id[metric_id]

    @functools.cached_property
    def _metrics_by_id(self) -> dict[str, Metric]:
        return {m.id: m for m in self.metrics}

    @property
    def scale(self) -> Scale:
        """The primary metric's scale."""
        return self.metric(self.primary).scale


_LATIN = ("words", "syllables", "polysyllables")

LANGUAGES: dict[str, Language] = {
    "en": Language(
        "en",
        "en_US",  # with "_": textstat then uses the CMU dictionary for syllables
        (
            Metric("smog", "SMOG grade", "grade", f.smog),
            Metric("flesch_kincaid_grade", "Flesch-Kincaid grade", "grade", f.flesch_kincaid_grade),
            Metric("flesch_reading_ease", "Flesch reading ease", "ease", f.flesch_ease("en")),
            Metric("gunning_fog", "Gunning fog", "grade", f.gunning_fog),
            Metric("coleman_liau", "Coleman-Liau index", "grade", f.coleman_liau),
            Metric("automated_readability", "Automated readability index", "grade", f.automated_readability),
            Metric("dale_chall", "Dale-Chall score", "grade", f.dale_chall),
        ),
        "smog",
        "flesch_kincaid_grade",
        (8.0, 10.0),
        9.0,
        25,
        (*_LATIN, "letters", "chars", "tokens", "fog_words", "dale_chall_words"),
    ),
    "es": Language(
        "es",
        "es",
        (
            Metric("szigriszt_pazos", "Szigriszt-Pazos (INFLESZ)", "ease", f.szigriszt_pazos),
            Metric("fernandez_huerta", "Fernández-Huerta", "ease", f.fernandez_huerta),
            Metric("gutierrez_polini", "Gutiérrez de Polini", "ease", f.gutierrez_polini),
            Metric("crawford", "Crawford (years of schooling)", "grade", f.crawford),
        ),
        "szigriszt_pazos",
        "szigriszt_pazos",
        (55.0, 40.0),
        55.0,
        30,
        (*_LATIN, "letters"),
    ),
    "de": Language(
        "de",
        "de",
        (
            Metric("wiener_sachtextformel", "Wiener Sachtextformel", "grade", f.wiener_sachtextformel),
            Metric("flesch_amstad", "Flesch reading ease (Amstad)", "ease", f.flesch_ease("de")),
        ),
        "wiener_sachtextformel",
        "wiener_sachtextformel",
        (8.0, 10.0),
        9.0,
        20,
        (*_LATIN, "monosyllables", "long_words"),
    ),
    "fr": Language(
        "fr",
        "fr",
        (Metric("flesch_kandel_moles", "Flesch reading ease (Kandel-Moles)", "ease", f.flesch_ease("fr")),),
        "flesch_kandel_moles",
        "flesch_kandel_moles",
        (60.0, 50.0),
        60.0,
        28,
        _LATIN,
    ),
    "it": Language(
        "it",
        "it",
        (
            Metric("flesch_vacca", "Flesch-Vacca", "ease", f.flesch_ease("it")),
            Metric("gulpease", "Gulpease index", "ease", f.gulpease),
        ),
        "flesch_vacca",
        "flesch_vacca",
        (60.0, 50.0),
        60.0,
        28,
        (*_LATIN, "chars", "tokens"),
    ),
    "nl": Language(
        "nl",
        "nl",
        (Metric("flesch_douma", "Flesch-Douma", "ease", f.flesch_ease("nl")),),
        "flesch_douma",
        "flesch_douma",
        (60.0, 50.0),
        60.0,
        25,
        _LATIN,
    ),
    "ar": Language(
        "ar",
        "ar",  # Pyphen has no Arabic: only OSMAN's own counts, never syllables by hyphenation
        (Metric("osman", "OSMAN", "ease", f.osman),),
        "osman",
        "osman",
        (60.0, 50.0),
        60.0,
        25,
        ("words", "arabic_complex", "arabic_long", "arabic_syllables", "faseeh"),
    ),
}


def language_for(locale: str) -> tuple[Language | None, str]:
    """The language a locale is scored as, or None and the reason it is not scored."""
    try:
        info = parse_locale(locale)
    except ValueError:
        return None, f"{locale!r} is not a locale CLDR knows"
    if info.pseudo:
        return None, f"{info.code} is a pseudo-locale: its text is not a language to score"
    language = LANGUAGES.get(info.language)
    if language is None:
        return None, f"no readability formula for {info.name} ({normalize_code(locale)}) in textstat"
    return language, ""
