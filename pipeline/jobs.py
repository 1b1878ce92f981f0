"""The work of one article: its editions in every locale, checked, rendered and written.

A build runs one job per article. A job needs nothing of the other articles — a page's
switcher and alternates list the locales of the same article — so jobs run in any process
and any order and give the same result; their outputs are what the build cache keeps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .bundle import write_into
from .cache import BuildCache, CacheEntry
from .catalogs import UI_DOMAIN, Catalog, CatalogTree, read_catalog, translations_of, ui_translations
from .build_checks import check_pages_kept
from .checks.readability import ReadabilityReport, ReadabilityResult, check_readability
from .config import Settings
from .linked import linked_files
from .locales import parse_locale
from .model import Article, Finding, LocalizedArticle
from .pseudo import pseudo_translations
from .render import IndexEntry, Renderer, SiteEditions
from .reports import (FindingLines, ReportBlocks, finding_lines, lines_of_blocks, render_article_report,
                      render_matrix_row, report_blocks)
from .sources import read_article, relative_path
from .summary import EditionCell, coverage, edition_cell, locales_described
from .translate import localize, source_edition
from .wording import percent
from .workflow import catalog_context, catalog_findings, glossary_file, unit_kinds


@dataclass(frozen=True)
class ArticleJob:
    """What one job is asked: an article, the locales to build, where to write its pages."""

    settings: Settings
    source: Path
    locales: tuple[str, ...]
    staging: Path
    cached: bool = False  # keep and reuse each edition's readability in the build cache


@dataclass
class ArticleOutput:
    """What one job made: its pages, their figures, its findings and its pieces of the HTML report."""

    slug: str
    title: str
    source: str
    published: tuple[str, ...]  # every configured locale that publishes the article
    cells: dict[str, EditionCell]  # figures per built locale
    entries: dict[str, IndexEntry]  # per built locale that publishes it: its entry on the locale's index
    pages: dict[str, str]  # bundle path -> sha256
    report_page: bytes = b""  # the article's page of the HTML report (UTF-8)
    report_row: str = ""  # and its row of the report's matrix
    findings: list[Finding] = field(default_factory=list)
    report_blocks: ReportBlocks = field(default_factory=ReportBlocks)  # its findings' JSON and SARIF, in their order


#: What the cache keeps of a job, by the article's file name.
JOB_OUTPUT: CacheEntry[ArticleOutput] = CacheEntry("job", ArticleOutput)
#: What the catalog rules found in an article's catalog of one locale, by slug and locale.
CATALOG_FINDINGS: CacheEntry[list[Finding]] = CacheEntry("catalog-findings", list[Finding])
#: An edition's readability: its results and findings, by slug and locale.
READABILITY: CacheEntry[tuple[list[ReadabilityResult], list[Finding]]] = CacheEntry(
    "readability", tuple[list[ReadabilityResult], list[Finding]])


def run_article(job: ArticleJob) -> ArticleOutput:
    """Translate, check, render and write one article in the job's locales."""
    settings = job.settings
    tree = CatalogTree.of(settings)
    article = read_article(job.source, relative_path(job.source, settings.root), settings.source_locale,
                           settings.front_matter)
    catalogs = {l: read_catalog(tree.po(l, article.slug), tree, l)
                if tree.po(l, article.slug).exists() and not parse_locale(l).pseudo else None for l in settings.locales}
    editions = _editions(article, catalogs, settings, tree)
    published = tuple(l for l in settings.all_locales if meets_threshold(editions[l], settings))

    linked = linked_files(article, settings.path("source_dir"), job.locales)
    findings: list[Finding] = [f for f in (*article.findings, *linked.findings) if f.rule not in settings.disabled_rules]
    cache = BuildCache(settings.root) if job.cached else None
    for locale in (l for l in job.locales if l != settings.source_locale):
        if locale not in published:
            findings.append(below_threshold(editions[locale], settings))
        findings += _catalog_findings(article, catalogs[locale], locale, settings, tree, cache)
    scores = readability_of([editions[l] for l in job.locales], editions[settings.source_locale], settings, cache)
    findings += scores.findings

    site = SiteEditions(settings.source_locale, published, {article.slug: published}, settings.base_url, settings.directory_urls)
    renderers = {l: Renderer(l, site, ui_translations(tree.po(l, UI_DOMAIN), tree, l), settings.theme) for l in job.locales}
    pages = [renderers[l].article_page(editions[l], linked.for_locale(l)) for l in job.locales if l in published]
    findings += [f for page in pages for f in page.findings]
    findings += check_pages_kept(pages, cache, settings.dist_dir, settings.source_locale, scores, settings.disabled_rules,
                                 settings.theme.assets(), settings.wcag_level, settings.enabled_rules)
    findings.sort(key=lambda f: f.sort_key())

    cells = {l: edition_cell(settings, editions[l], l in published, scores, findings) for l in job.locales}
    described = {"slug": article.slug, "title": article.title, "source": article.path}
    return ArticleOutput(
        slug=article.slug,
        title=article.title,
        source=article.path,
        published=published,
        cells=cells,
        entries={l: renderers[l].index_entry(editions[l]) for l in job.locales if l in published},
        pages={**{page.path: write_into(job.staging, page.path, page.publishable) for page in pages},
               **{path: write_into(job.staging, path, file.read_bytes()) for path, file in sorted(linked.copies.items())}},
        report_page=render_article_report(described, locales_described(job.locales), cells, findings),
        report_row=render_matrix_row(described, locales_described(job.locales), cells),
        findings=findings,
        report_blocks=report_blocks([finding_lines(f) for f in findings]),
    )


def report_lines(output: ArticleOutput) -> list[FindingLines] | None:
    """Each finding's lines of the reports, from a job output; None unless its blocks hold one JSON line per finding."""
    return lines_of_blocks(output.report_blocks, len(output.findings))


def _editions(
    article: Article, catalogs: dict[str, Catalog | None], settings: Settings, tree: CatalogTree
) -> dict[str, LocalizedArticle]:
    """The article as written, and in every configured locale from its catalog (all of them: switchers need it)."""
    editions = {settings.source_locale: source_edition(article)}
    for locale, catalog in catalogs.items():
        if parse_locale(locale).pseudo:  # made from the source now: findings lead to the source line
            editions[locale] = localize(article, locale, pseudo_translations(article), article.path)
            continue
        translations = translations_of(catalog) if catalog is not None else {}
        editions[locale] = localize(article, locale, translations, tree.rel(tree.po(locale, article.slug)))
    return editions


def _catalog_findings(
    article: Article, catalog: Catalog | None, locale: str, settings: Settings, tree: CatalogTree, cache: BuildCache | None
) -> list[Finding]:
    """What the catalog rules find in the article's catalog of a locale (pseudo-locales are generated: none).

    With a cache, a catalog is checked again only when it, its glossary, or the source's units changed:
    an edit of one locale's catalog re-checks that locale's alone.
    """
    if catalog is None or parse_locale(locale).pseudo:
        return []
    kinds = unit_kinds(article)
    po = tree.po(locale, article.slug)
    if cache is None:
        return catalog_findings(catalog, tree.rel(po), locale, kinds, kinds, catalog_context(settings, tree, locale),
                                settings.disabled_rules)
    # The rules read the catalog, the glossary, each message's kind, the source language and the rules switched off.
    key = cache.key(tree.rel(po), locale, sorted(kinds.items()), settings.source_locale, settings.disabled_rules,
                    files=[po, glossary_file(tree, locale)])
    found = cache.load(CATALOG_FINDINGS, (article.slug, locale), key)
    if found is None:
        found = _catalog_findings(article, catalog, locale, settings, tree, None)
        cache.store(CATALOG_FINDINGS, (article.slug, locale), key, found)
    return found


def readability_of(
    editions: list[LocalizedArticle], source: LocalizedArticle, settings: Settings, cache: BuildCache | None
) -> ReadabilityReport:
    """The readability of an article's editions; with a cache, an unchanged edition is not scored again."""
    sources = {source.article.slug: source}
    if cache is None:
        return check_readability(editions, settings.readability, sources=sources, disabled=settings.disabled_rules)
    # An edition's scores and findings depend on its units (texts, kinds, where they are
    # edited), on its source (a translation much harder than its source), on the targets and
    # on the rules switched off.
    keys = {e.locale: cache.key(_units_of(e), _units_of(source), settings.readability, settings.disabled_rules)
            for e in editions}
    known = {e.locale: cache.load(READABILITY, (e.article.slug, e.locale), keys[e.locale]) for e in editions}
    missing = [edition for edition in editions if known[edition.locale] is None]
    if missing:  # scored together, so that their source is read and scored once, or not at all when it is known
        source_known = known.get(source.locale)
        scored = check_readability(missing, settings.readability, sources=sources, disabled=settings.disabled_rules,
                                   source_results={source.article.slug: source_known[0][0]}
                                   if source_known is not None and len(source_known[0]) == 1 else None)
        for edition in missing:
            own = ([r for r in scored.results if r.locale == edition.locale],
                   [f for f in scored.findings if f.locale == edition.locale])
            known[edition.locale] = own
            cache.store(READABILITY, (edition.article.slug, edition.locale), keys[edition.locale], own)
    report = ReadabilityReport()
    for edition in editions:
        results, findings = known[edition.locale]  # type: ignore[misc]
        report.results += results
        report.findings += findings
    return report


def _units_of(edition: LocalizedArticle) -> tuple:
    """Everything of an edition that its readability depends on."""
    return edition.locale, tuple((u.unit.kind, u.text, u.translated, u.lang, u.origin) for u in edition.units)


def meets_threshold(edition: LocalizedArticle, settings: Settings) -> bool:
    """Whether an edition translates enough of its source words to be published."""
    return edition.locale == settings.source_locale or edition.coverage * 100 >= settings.threshold


def below_threshold(edition: LocalizedArticle, settings: Settings) -> Finding:
    """The finding that reports an article left out of a locale."""
    return Finding(
        rule="below-threshold",
        severity="warning",
        message=f"left out of {edition.locale}: {percent(coverage(edition.words_translated, edition.words_total))} "
        f"of its words are translated, the threshold is {settings.threshold:g}%",
        file=edition.catalog,
        locale=edition.locale,
        article=edition.article.slug,
        check="build",
    )
