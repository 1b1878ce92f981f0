"""Targets: the scores at which a locale's text draws a warning and an error.

A target is written in the scale of the locale's primary formula (see `languages.py`):

- grade scales (English SMOG, German Wiener Sachtextformel): the school grade a reader needs;
  higher is harder, so `error` is above `warning` (default: warning above 8, error above 10,
  after the guidance that patient material read at about 6th-8th grade);
- ease scales (Spanish Szigriszt-Pazos/INFLESZ, French Kandel-Moles, Italian Flesch-Vacca,
  Dutch Flesch-Douma, Arabic OSMAN): 0-100, higher is easier, so `error` is below `warning`
  (Spanish default: warning below 55, error below 40; the others below 60 and below 50).

The direction comes from the formula, so settings need only the two numbers.
"""

from __future__ import annotations

from typing import Literal

from ...errors import ConfigError
from ...model import ReadabilityTarget

#: Readability formulas were fitted on samples of this many words or more: below, a score is an estimate.
MIN_WORDS = 100
#: SMOG was calibrated on this many sentences.
MIN_SMOG_SENTENCES = 30
from .languages import Language, language_for

Verdict = Literal["ok", "warning", "error", "not scored"]


def default_target(locale: str) -> ReadabilityTarget | None:
    """The guidance target of a locale in its primary formula's scale; None if it is not scored.

    | language | formula (scale) | warning | error |
    | --- | --- | --- | --- |
    | en | SMOG grade (school grade, higher is harder) | above 8 | above 10 |
    | de | Wiener Sachtextformel (school grade, higher is harder) | above 8 | above 10 |
    | es | Szigriszt-Pazos on the INFLESZ scale (0-100, higher is easier) | below 55 | below 40 |
    | fr, it, nl | Flesch: Kandel-Moles, Vacca, Douma (0-100, higher is easier) | below 60 | below 50 |
    | ar | OSMAN (higher is easier; provisional, no published grade bands) | below 60 | below 50 |

    English and German: patient material should read at about grade 6-8 (SMOG preferred for
    health material). Spanish: INFLESZ calls 55-65 "normal" and below 40 "very difficult".
    Flesch scales: 60-70 is 8th-9th grade, below 50 college.
    """
    language, _ = language_for(locale)
    return ReadabilityTarget(*language.target) if language else None


def check_target(locale: str, target: ReadabilityTarget, language: Language) -> None:
    """Raise ConfigError when a target's levels run against its formula's direction."""
    formula = language.metric(language.primary).name
    if language.scale == "grade" and target.error < target.warning:
        raise ConfigError(
            f"readability.{locale}: {formula} is a school grade (higher is harder), so error "
            f"({target.error:g}) must not be below warning ({target.warning:g})"
        )
    if language.scale == "ease" and target.error > target.warning:
        raise ConfigError(
            f"readability.{locale}: {formula} is an ease score (higher is easier), so error "
            f"({target.error:g}) must not be above warning ({target.warning:g})"
        )


def harder_than(score: float, level: float, language: Language) -> bool:
    """Whether a primary score is harder than a level of the same scale."""
    return score > level if language.scale == "grade" else score < level


def verdict(score: float, target: ReadabilityTarget, language: Language) -> Verdict:
    """ok, warning (past the warning level) or error (past the error level)."""
    if harder_than(score, target.error, language):
        return "error"
    if harder_than(score, target.warning, language):
        return "warning"
    return "ok"


def bands_past_warning(score: float, target: ReadabilityTarget, language: Language) -> float:
    """How far a score is past its warning level, in widths of the warning-to-error band.

    0 at the warning level, 1 at the error level, negative when easier than the warning
    level: a measure that compares locales whose formulas have different scales.
    """
    width = target.error - target.warning
    if width == 0:
        width = 1.0 if language.scale == "grade" else -1.0
    return (score - target.warning) / width


def above_lower_secondary(score: float, language: Language) -> bool:
    """Whether text at this primary score needs more than lower-secondary education."""
    return harder_than(score, language.lower_secondary, language)
