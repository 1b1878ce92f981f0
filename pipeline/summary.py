"""The figures of a build, per locale and article: coverage, readability and findings.

The manifest, the JSON report, the HTML report and the build's summary all show these
same numbers; each article's job computes its own cells.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Sequence

from .checks.readability import ReadabilityReport
from .checks.readability.report import describe_target
from .config import Settings
from .layout import page_file
from .locales import parse_locale
from .model import SEVERITIES, Finding, LocalizedArticle

CHECKS = ("build", "catalogs", "readability", "a11y")


def edition_cell(
    settings: Settings, edition: LocalizedArticle, published: bool, scores: ReadabilityReport, findings: Sequence[Finding]
) -> dict:
    """One article in one locale: published or not, coverage in words, readability, findings by check."""
    slug, locale = edition.article.slug, edition.locale
    counts = Counter((f.check, f.severity) for f in findings if f.locale == locale and f.article == slug)
    return {
        "published": published,
        "coverage": round(edition.coverage * 100, 1),
        "words": edition.words_total,
        "words_translated": edition.words_translated,
        "page": f"{settings.dist_dir}/{page_file(locale, slug)}" if published else None,
        "readability": _readability(scores, slug, locale),
        "findings": {check: {s: counts[(check, s)] for s in reversed(SEVERITIES)} for check in CHECKS},
    }


def assemble_figures(settings: Settings, locales: Sequence[str], articles: Iterable[tuple[str, str, str, dict]]) -> dict:
    """The build's figures from each article's (slug, title, source, cells per locale)."""
    articles = list(articles)
    return {
        "source_locale": settings.source_locale,
        "threshold": settings.threshold,
        "locales": locales_described(locales),
        "articles": [{"slug": slug, "title": title, "source": source} for slug, title, source, _ in articles],
        "cells": {l: {slug: cells[l] for slug, _, _, cells in articles} for l in locales},
    }


def locales_described(locales: Sequence[str]) -> list[dict]:
    """Each locale's code, name in itself and direction, for reports."""
    return [{"code": l, "name": parse_locale(l).name, "direction": parse_locale(l).direction} for l in locales]


def _readability(scores: ReadabilityReport, slug: str, locale: str) -> dict | None:
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
