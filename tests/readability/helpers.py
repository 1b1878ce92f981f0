"""Helpers for the readability tests: articles and editions from fixture files."""

from __future__ import annotations

import textwrap
from pathlib import Path

from babel.messages.pofile import read_po

from pipeline.model import Article, LocalizedArticle, Translation
from pipeline.sources import read_article
from pipeline.translate import localize, source_edition

FIXTURES = Path(__file__).resolve().parent
REPO = FIXTURES.parent.parent


def article_from(path: Path, rel: str | None = None) -> Article:
    """A source article read from a fixture file."""
    return read_article(path, rel or path.name, "en")


def article_text(tmp_path: Path, markdown: str, name: str = "article.md") -> Article:
    """A source article from Markdown written into a temporary file."""
    path = tmp_path / name
    path.write_text(textwrap.dedent(markdown), encoding="utf-8")
    return read_article(path, f"source/{name}", "en")


def edition_of(path: Path) -> LocalizedArticle:
    """The source edition of a fixture article."""
    return source_edition(article_from(path))


def translations(po: Path) -> dict[str, Translation]:
    """A PO file's translations (msgid -> text, fuzziness, line)."""
    with po.open("rb") as file:
        catalog = read_po(file)
    return {
        m.id: Translation(m.string, m.fuzzy, m.lineno or 0)
        for m in catalog
        if isinstance(m.id, str) and m.id and isinstance(m.string, str)
    }


def translated(article: Article, po: Path, locale: str, rel: str | None = None) -> LocalizedArticle:
    """An article in a locale, from a fixture PO file."""
    return localize(article, locale, translations(po), rel or po.name)
