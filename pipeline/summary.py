"""The figures of a build, per locale and article: coverage, readability and findings.

The manifest, the JSON report and the HTML report all show these same numbers.
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from .checks.readability import ReadabilityReport
from .checks.readability.report import describe_target
from .config import Settings
from .locales import parse_locale
from .model import SEVERITIES, Article, Finding, LocalizedArticle

CHECKS = ("build", "catalogs", "readability", "a11y")


def build_figures(
    settings: Settings,
    articles: Sequence[Article],
    editions: dict[str, list[LocalizedArticle]],
    scores: ReadabilityReport,
    findings: Sequence[Finding],
) -> dict:
    """Per locale and article: published or not, coverage in words, readability, findings by check."""
    counts = Counter((f.locale, f.article, f.check, f.severity) for f in findings)
    cells: dict[str, dict[str, dict]] = {}
    for locale, localized in editions.items():
        cells[locale] = {}
        for edition in localized:
            slug = edition.article.slug
            published = locale == settings.source_locale or edition.coverage * 100 >= settings.threshold
            cells[locale][slug] = {
                "published": published,
                "coverage": round(edition.coverage * 100, 1),
                "words": edition.words_total,
                "words_translated": edition.words_translated,
                "page": f"{settings.dist_dir}/{locale}/{slug}/index.html" if published else None,
                "readability": _readability(scores, slug, locale),
                "findings": {
                    check: {s: counts[(locale, slug, check, s)] for s in reversed(SEVERITIES)} for check in CHECKS
                },
            }
    return {
        "source_locale": settings.source_locale,
        "threshold": settings.threshold,
        "locales": [
            {"code": l, "name": parse_locale(l).name, "direction": parse_locale(l).direction} for l in editions
        ],
        "articles": [{"slug": a.slug, "title": a.title, "source": a.path} for a in articles],
        "cells": cells,
    }


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
