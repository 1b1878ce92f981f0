"""The figures of a build, per locale and article: coverage, readability and findings.

The build's table, the manifest, the JSON report and the HTML report show these numbers
and no others: each article's job computes its own cells (`edition_cell`), and
`assemble_figures` adds them up once, with every finding found (new or accepted by the
baseline), into each locale's totals and the run's.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Sequence, TypedDict

from .checks.readability import ReadabilityReport
from .checks.readability.report import describe_target
from .config import Settings
from .layout import page_file
from .locales import parse_locale
from .model import SEVERITIES, Finding, LocalizedArticle

CHECKS = ("build", "catalogs", "readability", "a11y")


class ReadabilityCell(TypedDict, total=False):
    """An edition's readability in the figures: its score against its target, or why it is not scored."""

    verdict: str
    reason: str
    formula: str
    score: float | None
    target: str
    grade: float | None


class EditionCell(TypedDict):
    """One article in one locale in the figures (typed, so a cached or shard's copy is checked when read)."""

    published: bool
    coverage: float
    words: int
    words_translated: int
    page: str | None
    readability: ReadabilityCell | None
    findings: dict[str, dict[str, int]]


def edition_cell(
    settings: Settings, edition: LocalizedArticle, published: bool, scores: ReadabilityReport, findings: Sequence[Finding]
) -> EditionCell:
    """One article in one locale: published or not, coverage in words, readability, findings by check."""
    slug, locale = edition.article.slug, edition.locale
    counts = Counter((f.check, f.severity) for f in findings if f.locale == locale and f.article == slug)
    return {
        "published": published,
        "coverage": coverage(edition.words_translated, edition.words_total),
        "words": edition.words_total,
        "words_translated": edition.words_translated,
        "page": f"{settings.dist_dir}/{page_file(locale, slug)}" if published else None,
        "readability": _readability(scores, slug, locale),
        "findings": {check: {s: counts[(check, s)] for s in reversed(SEVERITIES)} for check in CHECKS},
    }


def coverage(translated: int, total: int) -> float:
    """The percentage of source words translated, as every report shows it (one decimal)."""
    return round(100 * translated / total, 1) if total else 100.0


def assemble_figures(
    settings: Settings,
    locales: Sequence[str],
    articles: Iterable[tuple[str, str, str, dict]],
    findings: Iterable[Finding],
) -> dict:
    """The build's figures from each article's (slug, title, source, cells per locale) and every finding found."""
    articles = list(articles)
    cells = {l: {slug: cells[l] for slug, _, _, cells in articles} for l in locales}
    by_locale = Counter((f.locale, f.severity) for f in findings)
    return {
        "source_locale": settings.source_locale,
        "threshold": settings.threshold,
        "locales": locales_described(locales),
        "articles": [{"slug": slug, "title": title, "source": source} for slug, title, source, _ in articles],
        "cells": cells,
        "totals": {l: _locale_total(cells[l], {s: by_locale[(l, s)] for s in reversed(SEVERITIES)}) for l in locales},
        "findings": {s: sum(n for (_, severity), n in by_locale.items() if severity == s) for s in reversed(SEVERITIES)},
    }


def _locale_total(cells: dict[str, dict], findings: dict[str, int]) -> dict:
    """A locale's articles published and left out, its words translated (of every article), its findings."""
    words = sum(c["words"] for c in cells.values())
    translated = sum(c["words_translated"] for c in cells.values())
    return {
        "published": sum(1 for c in cells.values() if c["published"]),
        "left_out": [slug for slug, c in cells.items() if not c["published"]],
        "words": words,
        "words_translated": translated,
        "coverage": coverage(translated, words),
        "findings": findings,
    }


def locales_described(locales: Sequence[str]) -> list[dict]:
    """Each locale's code, name in itself and direction, for reports."""
    return [{"code": l, "name": parse_locale(l).name, "direction": parse_locale(l).direction} for l in locales]


def _readability(scores: ReadabilityReport, slug: str, locale: str) -> ReadabilityCell | None:
    """An edition's score against its target, or why it is not scored."""
    result = scores.result_for(slug, locale)
    if result is None:
        return None
    if not result.scored:
        return {"verdict": "not scored", "reason": result.reason}
    return {
        "formula": result.formula_name,
        "score": round(result.score, 1) if result.score is not None else None,
        "target": describe_target(result),
        "verdict": result.verdict,
        "grade": round(result.grade, 1) if result.grade is not None else None,
    }
