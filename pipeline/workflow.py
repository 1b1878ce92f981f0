"""The translators' commands, from settings to results: extract, update, compile, status.

Each function reads the sources and catalogs, calls the catalog stage, and returns what it
did or found; `cli.py` prints it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Container, Mapping, Sequence

from .catalogs import (
    UI_DOMAIN,
    Catalog,
    CatalogTree,
    Style,
    article_template,
    catalog_status,
    compile_catalogs,
    creation_date,
    extract,
    load_translations,
    merge_catalog,
    read_catalog,
    render_catalog,
    store_template,
    template_msgids,
    translation_memory,
    ui_template,
)
from .config import Settings
from .cache import BuildCache, lock_path
from .catalogs.remembered import (
    TemplateSource, catalogs_current, mo_compiler, remember_current, remember_pot, remembered_pot, template_sources,
    templates_unchanged,
)
from .catalogs.templates import redated
from .files import committed_together, exclusive_lock, refuse_links_outside, remove_stale_temporaries, write_atomic
from .errors import CatalogError
from .locales import parse_locale
from .model import Article, CatalogStatus, Finding, Report
from .layout import shown_path
from .project import check_unique_slugs, source_files

if TYPE_CHECKING:  # the catalog rules load with the commands that check (extract, update and compile do not)
    from .checks.catalogs import CheckContext


def read_articles(settings: Settings) -> list[Article]:
    """Every article of the source folder, read (the Markdown and YAML readers load with the first that is read)."""
    from .sources import load_articles

    return load_articles(settings.path("source_dir"), settings.root, settings.source_locale, settings.front_matter)


def catalog_folders(settings: Settings, locales: Sequence[str]) -> list[Path]:
    """The folders an update writes: the templates', and each locale's catalogs."""
    tree = CatalogTree.of(settings)
    return [tree.pot(UI_DOMAIN).parent, *(tree.po(locale, UI_DOMAIN).parent for locale in locales)]


def catalogs_lock(settings: Settings) -> Path:
    """The lock that serializes runs writing the catalogs: the project's lock (kept with the tool's cache)."""
    return lock_path(settings.root)


def current_templates(settings: Settings, articles: list[Article] | None = None) -> list[Catalog]:
    """The templates the sources call for now: one per article, then the `ui` domain."""
    date = creation_date()
    if articles is None:
        articles = read_articles(settings)
    return [*(article_template(article, date) for article in articles), ui_template(date, settings.root, settings.theme)]


def extract_templates(settings: Settings, workers: int | None = None) -> list[Path]:
    """Write the POT files whose content changed, and remove those of articles that are gone; return them.

    A source that is as it was when its POT was last written is not read again (the cache
    remembers its POT: a missing or edited POT is written again from it); the others are
    read on every core.
    """
    tree = CatalogTree.of(settings)
    cache = BuildCache(settings.root)
    date = creation_date()
    sources = source_files(settings.path("source_dir"), settings.root)
    refuse_links_outside(catalog_folders(settings, ()), settings.root)
    with exclusive_lock(catalogs_lock(settings)):
        remove_stale_temporaries(catalog_folders(settings, settings.locales))
        keyed = template_sources(cache, tree, sources, template_settings(settings), settings.theme)
        domains: dict[str, str] = {}
        to_store: dict[str, bytes] = {}  # the POTs that are not in place, by cache item
        todo, remembered = [], {}
        for source in keyed:
            known = remembered[source.item] = remembered_pot(cache, source)
            if known is None:
                todo.append(source)
                continue
            domains[source.item] = known[0]
            if cache.digest(tree.pot(known[0])) != known[1]:
                to_store[source.item] = redated(known[2], date)
        made = _rendered(partial(render_template, settings, date), [source.path for source in todo], workers)
        for source, (domain, rendered) in zip(todo, made):
            domains[source.item], to_store[source.item] = domain, rendered
        check_unique_slugs((domains[s.item], shown_path(s.path, settings.root)) for s in keyed if s.path is not None)
        written = []
        with committed_together():  # every POT, or none
            for source in keyed:
                path = tree.pot(domains[source.item])
                if source.item in to_store and store_template(path, to_store[source.item], tree) is None:
                    written.append(path)
            written += orphaned_templates(tree, set(domains.values()), remove=True)
        for source in keyed:  # once the POTs are in place
            if source.item in to_store:
                remember_pot(cache, tree, source, domains[source.item], to_store[source.item], remembered[source.item])
        cache.save()
    return written


def template_settings(settings: Settings) -> tuple[object, ...]:
    """The settings that shape an article's POT besides its file: the source locale and translated front matter."""
    return settings.source_locale, tuple(settings.front_matter)


def _rendered(render: Callable[[Path | None], tuple[str, bytes]], paths: list[Path | None], workers: int | None
              ) -> list[tuple[str, bytes]]:
    """The POTs of the sources not remembered, on every core when there are many (none: no worker started)."""
    if not paths:
        return []
    from .parallel import map_jobs

    return map_jobs(render, paths, workers)


def render_template(settings: Settings, date: datetime.datetime, path: Path | None) -> tuple[str, bytes]:
    """An article's slug and its POT, rendered (in a worker process when there are many); `ui` and its POT for None."""
    if path is None:
        return UI_DOMAIN, render_catalog(ui_template(date, settings.root, settings.theme))
    from .sources import read_article

    article = read_article(path, shown_path(path, settings.root), settings.source_locale, settings.front_matter)
    return article.slug, render_catalog(article_template(article, date))


@dataclass(frozen=True)
class UpdateResult:
    """The catalogs an update wrote (or, with --check, would write)."""

    changed: list[Path]


def update_catalogs(settings: Settings, locales: Sequence[str] | None = None, check: bool = False) -> UpdateResult:
    """Extract, then bring every locale's catalogs in step with the sources; with `check`, write nothing.

    When every source, POT and PO is as it was when an update last found them in step, no
    catalog is read (the cache remembers); otherwise each locale's catalogs are merged.
    """
    tree = CatalogTree.of(settings)
    wanted = list(locales or settings.locales)
    cache = BuildCache(settings.root)
    sources = source_files(settings.path("source_dir"), settings.root)
    keyed = template_sources(cache, tree, sources, template_settings(settings), settings.theme)
    refuse_links_outside(catalog_folders(settings, wanted), settings.root)
    with exclusive_lock(catalogs_lock(settings)):
        remove_stale_temporaries(catalog_folders(settings, settings.locales))
        if _in_step(cache, tree, keyed, wanted, settings):
            return UpdateResult([])
        templates = current_templates(settings)
        with committed_together():  # every catalog, or none
            changed, in_place = extract(templates, tree, write=not check)
            changed += orphaned_templates(tree, {t.domain for t in templates}, remove=not check)
            current, unchanged = [], [t.domain for t in templates if tree.pot(t.domain) not in changed]
            for locale in wanted:
                known = {d for d in unchanged if catalogs_current(cache, tree, [locale], [d], settings.po_width)}
                if len(known) == len(templates):
                    continue  # every catalog of the locale in step: none read
                existing = {t.domain: _read_if_present(tree.po(locale, str(t.domain)), tree, locale) for t in templates}
                memory = translation_memory(c for c in existing.values() if c is not None and c.domain != UI_DOMAIN)
                for template in (t for t in templates if t.domain not in known):
                    path = tree.po(locale, template.domain)
                    before = path.read_bytes() if path.exists() else None
                    merged = merge_catalog(template, existing[template.domain], locale, memory)
                    after = render_catalog(merged, catalog_style(settings))
                    if after != before:
                        changed.append(path)
                        if not check:
                            write_atomic(path, after)
                    if not check or after == before:
                        current.append((locale, template.domain))
        for source, template in zip(keyed, templates):  # once the files are in place
            if template.domain in in_place:
                remember_pot(cache, tree, source, template.domain, in_place[template.domain])
        for locale, domain in current:
            if domain in in_place:
                remember_current(cache, tree, locale, domain, settings.po_width)
        cache.save()
    return UpdateResult(changed)


def _in_step(cache: BuildCache, tree: CatalogTree, keyed: list[TemplateSource], locales: Sequence[str],
             settings: Settings) -> bool:
    """Whether every source, POT and PO of these locales is as an update last left them, in step."""
    domains = templates_unchanged(cache, tree, keyed)
    return (domains is not None and len(set(domains)) == len(domains)
            and not orphaned_templates(tree, set(domains), remove=False)
            and catalogs_current(cache, tree, locales, domains, settings.po_width))


def orphaned_templates(tree: CatalogTree, domains: set[str], remove: bool) -> list[Path]:
    """The POTs of articles that no longer exist (and, with `remove`, delete them). A PO is never deleted."""
    folder = tree.pot(UI_DOMAIN).parent
    gone = sorted(p for p in folder.glob("*.pot") if p.stem not in domains | {UI_DOMAIN}) if folder.is_dir() else []
    for path in gone if remove else ():
        try:
            path.unlink()
        except OSError as exc:
            raise CatalogError(f"cannot remove the template of an article that is gone: {exc.strerror or exc}",
                               tree.rel(path)) from None
    return gone


def orphaned_catalogs(settings: Settings, locales: Sequence[str] | None, domains: set[str]) -> list[Path]:
    """The PO files of no current domain (article slug or `ui`): kept, for `status` to list, translations and all."""
    tree = CatalogTree.of(settings)
    found = []
    for locale in locales or settings.locales:
        folder = tree.po(locale, UI_DOMAIN).parent
        found += sorted(p for p in folder.glob("*.po") if p.stem not in domains) if folder.is_dir() else []
    return found


def catalog_style(settings: Settings) -> Style | None:
    """How new and changed catalog lines are wrapped: the `po_width` setting, or (None) each file's own style."""
    if settings.po_width is None:
        return None
    return Style(settings.po_width or None)


def compile_all(settings: Settings, locales: Sequence[str] | None = None) -> list[Path]:
    """Compile the PO files of the locales into MO files where they are out of date."""
    tree = CatalogTree.of(settings)
    refuse_links_outside(catalog_folders(settings, locales or settings.locales), settings.root)
    paths = [
        tree.po(locale, domain)
        for locale in locales or settings.locales
        for domain in _domains(tree, locale)
    ]
    cache = BuildCache(settings.root)
    done = compile_catalogs(paths, tree, mo_compiler(cache, tree))
    cache.save()
    return done


def translation_status(settings: Settings, locales: Sequence[str] | None = None) -> list[CatalogStatus]:
    """Per locale and article (and the ui domain): messages and words translated, fuzzy and left."""
    tree = CatalogTree.of(settings)
    templates = current_templates(settings)
    rows = []
    for locale in locales or settings.locales:
        for template in templates:
            path = tree.po(locale, template.domain)
            translations = load_translations(path, tree, locale)
            rows.append(catalog_status(locale, template.domain, template_msgids(template), translations, tree.rel(path)))
    return rows


def check_catalogs(settings: Settings, locales: Sequence[str] | None = None, ui_only: bool = False) -> Report:
    """Run the catalog rules on every translation of every locale (pseudo-locales are generated: skipped).

    With `ui_only`, only the templates' own strings (a build checks articles' catalogs per article).
    """
    tree = CatalogTree.of(settings)
    if ui_only:
        articles, templates = [], [ui_template(creation_date(), settings.root, settings.theme)]
    else:
        articles = read_articles(settings)
        templates = current_templates(settings, articles)
    kinds = {a.slug: unit_kinds(a) for a in articles} | {UI_DOMAIN: {}}
    findings = []
    for locale in locales or settings.locales:
        if parse_locale(locale).pseudo:
            continue
        context = catalog_context(settings, tree, locale)
        for template in templates:
            path = tree.po(locale, template.domain)
            if path.exists():
                catalog = read_catalog(path, tree, locale)
                wanted = set(template_msgids(template))
                findings += catalog_findings(catalog, tree.rel(path), locale, kinds[template.domain], wanted,
                                             context, settings.disabled_rules)
    return Report(findings=sorted(findings, key=lambda f: f.sort_key()))


def unit_kinds(article: Article) -> dict[str, str]:
    """What each message of an article is (its first unit's kind), for rules that care."""
    return {unit.text: unit.kind for unit in reversed(article.units)}


def catalog_context(settings: Settings, tree: CatalogTree, locale: str) -> CheckContext:
    """What the catalog rules need for a locale: the source language and its glossary."""
    from .checks.catalogs import CheckContext, load_glossary

    path = glossary_file(tree, locale)
    return CheckContext(parse_locale(settings.source_locale).language, load_glossary(path, tree.rel(path)))


def glossary_file(tree: CatalogTree, locale: str) -> Path:
    """Where a locale's glossary is (it may not exist)."""
    return tree.folder / parse_locale(locale).gettext / "glossary.csv"


def catalog_findings(
    catalog: Catalog,
    file: str,
    locale: str,
    kinds: Mapping[str, str],
    wanted: Container[str],
    context: CheckContext,
    disabled: Sequence[str],
) -> list[Finding]:
    """The catalog rules' findings on the messages of a catalog that the source still has."""
    from .checks.catalogs import Entry, allowed_rules, check_entries

    entries = [
        Entry(
            msgid=m.msgid,
            msgstr=m.msgstr if m.msgstr.strip() else "",
            fuzzy=m.fuzzy,
            line=m.line,
            file=file,
            locale=locale,
            domain=catalog.domain,
            kind=kinds.get(m.msgid),
            format_flags=frozenset(m.flags),
            allowed=allowed_rules(m.translator_comments, m.flags),
        )
        for m in catalog
        if m.msgid and m.msgid_plural is None and m.msgid in wanted
    ]
    return check_entries(entries, context, disabled)


def _read_if_present(path: Path, tree: CatalogTree, locale: str) -> Catalog | None:
    """A locale's catalog if it exists yet."""
    return read_catalog(path, tree, locale) if path.exists() else None


def _domains(tree: CatalogTree, locale: str) -> list[str]:
    """The domains that have a PO file in a locale, sorted."""
    folder = tree.po(locale, UI_DOMAIN).parent
    return sorted(p.stem for p in folder.glob("*.po")) if folder.is_dir() else []
