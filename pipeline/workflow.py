"""The translators' commands, from settings to results: extract, update, compile, status.

Each function reads the sources and catalogs, calls the catalog stage, and returns what it
did or found; `cli.py` prints it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from babel.messages.catalog import Catalog

from .catalogs import (
    UI_DOMAIN,
    CatalogStatus,
    CatalogTree,
    article_template,
    catalog_status,
    compile_catalogs,
    creation_date,
    extract,
    load_translations,
    merge_catalog,
    read_catalog,
    render_catalog,
    template_msgids,
    translation_memory,
    ui_template,
)
from .config import Settings
from .files import exclusive_lock, write_atomic
from .sources import load_articles


def catalog_tree(settings: Settings) -> CatalogTree:
    """The catalogs of the project."""
    return CatalogTree(settings.root, settings.path("locales_dir"))


def current_templates(settings: Settings) -> list[Catalog]:
    """The templates the sources call for now: one per article, then the `ui` domain."""
    date = creation_date()
    articles = load_articles(settings.path("source_dir"), settings.root, settings.source_locale)
    return [*(article_template(article, date) for article in articles), ui_template(date, settings.root)]


def extract_templates(settings: Settings) -> list[Path]:
    """Write the POT files whose content changed; return them."""
    tree = catalog_tree(settings)
    with exclusive_lock(tree.folder):
        return extract(current_templates(settings), tree)


@dataclass(frozen=True)
class UpdateResult:
    """The catalogs an update wrote (or, with --check, would write)."""

    changed: list[Path]
    checked_only: bool


def update_catalogs(settings: Settings, locales: Sequence[str] | None = None, check: bool = False) -> UpdateResult:
    """Bring every locale's catalogs in step with the sources; with `check`, write nothing."""
    tree = catalog_tree(settings)
    templates = current_templates(settings)
    with exclusive_lock(tree.folder):
        changed = []
        for locale in locales or settings.locales:
            existing = {t.domain: _read_if_present(tree.po(locale, str(t.domain)), tree, locale) for t in templates}
            memory = translation_memory(c for c in existing.values() if c is not None and c.domain != UI_DOMAIN)
            for template in templates:
                path = tree.po(locale, str(template.domain))
                before = path.read_bytes() if path.exists() else None
                merged = merge_catalog(template, existing[template.domain], locale, memory)
                after = render_catalog(merged)
                if after != before:
                    changed.append(path)
                    if not check:
                        write_atomic(path, after)
    return UpdateResult(changed, check)


def compile_all(settings: Settings, locales: Sequence[str] | None = None) -> list[Path]:
    """Compile the PO files of the locales into MO files where they are out of date."""
    tree = catalog_tree(settings)
    paths = [
        tree.po(locale, domain)
        for locale in locales or settings.locales
        for domain in _domains(tree, locale)
    ]
    return compile_catalogs(paths, tree)


def translation_status(settings: Settings, locales: Sequence[str] | None = None) -> list[CatalogStatus]:
    """Per locale and article (and the ui domain): messages and words translated, fuzzy and left."""
    tree = catalog_tree(settings)
    templates = current_templates(settings)
    rows = []
    for locale in locales or settings.locales:
        for template in templates:
            path = tree.po(locale, str(template.domain))
            translations = load_translations(path, tree, locale)
            rows.append(catalog_status(locale, str(template.domain), template_msgids(template), translations, tree.rel(path)))
    return rows


def _read_if_present(path: Path, tree: CatalogTree, locale: str) -> Catalog | None:
    """A locale's catalog if it exists yet."""
    return read_catalog(path, tree, locale) if path.exists() else None


def _domains(tree: CatalogTree, locale: str) -> list[str]:
    """The domains that have a PO file in a locale, sorted."""
    folder = tree.po(locale, UI_DOMAIN).parent
    return sorted(p.stem for p in folder.glob("*.po")) if folder.is_dir() else []
