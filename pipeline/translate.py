"""Article + translations -> LocalizedArticle: every unit resolved, fallbacks marked.

A unit whose translation is missing or fuzzy falls back to the source text; the renderer
marks it with the source language so that screen readers pronounce it right.
"""

from __future__ import annotations

from typing import Mapping

from .markdown import count_words
from .model import Article, LocalizedArticle, LocalizedUnit, Location, Translation


def source_edition(article: Article) -> LocalizedArticle:
    """The article in its own language: every unit is its own text."""
    units = tuple(
        LocalizedUnit(unit, unit.text, True, Location(article.path, unit.line), article.lang) for unit in article.units
    )
    words = sum(count_words(text) for text in _distinct_texts(article))
    return LocalizedArticle(article, article.lang, units, None, words, words)


def localize(
    article: Article, locale: str, translations: Mapping[str, Translation], catalog_path: str
) -> LocalizedArticle:
    """The article in `locale`, from the translations of its catalog (msgid -> translation)."""
    units: list[LocalizedUnit] = []
    for unit in article.units:
        found = translations.get(unit.text)
        if is_usable(found):
            # A citation kept as published is still in the source language (WCAG 3.1.2).
            kept = unit.kind == "reference" and found.text == unit.text
            lang = article.lang if kept else locale
            units.append(LocalizedUnit(unit, found.text, True, Location(catalog_path, found.line), lang))
        else:
            units.append(LocalizedUnit(unit, unit.text, False, Location(article.path, unit.line), article.lang))
    words_total = words_translated = 0
    for text in _distinct_texts(article):
        words = count_words(text)
        words_total += words
        words_translated += words if is_usable(translations.get(text)) else 0
    return LocalizedArticle(article, locale, tuple(units), catalog_path, words_total, words_translated)


def is_usable(translation: Translation | None) -> bool:
    """Whether a translation may be shown to readers: present, not empty, not fuzzy."""
    return translation is not None and bool(translation.text) and not translation.fuzzy


def _distinct_texts(article: Article) -> list[str]:
    """The article's messages as its catalog holds them: each distinct text once."""
    return list(dict.fromkeys(unit.text for unit in article.units))
