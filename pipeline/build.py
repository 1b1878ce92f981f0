"""`pipeline build`, written out top to bottom: sources -> catalogs -> translate -> render -> write.

Every configured locale is translated (so switchers, alternates and the sitemap know every
edition, even when a CI job builds only some locales with --locale); an article whose
translation covers less than the threshold of its words is left out of that locale.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from .bundle import BundleWriter, sitemap_xml, zip_archive
from .checks.readability import ReadabilityReport, check_readability
from .catalogs import UI_DOMAIN, CatalogTree, load_translations, ui_translations
from .config import Settings
from .checking import check_built_pages, rule_infos
from .model import Article, Finding, LocalizedArticle, Report
from .render import STYLESHEET, RenderedPage, Renderer, Site
from .reports import apply_baseline, manifest_json, write_reports
from .sources import load_articles
from .summary import build_figures
from .translate import localize, source_edition
from .workflow import check_catalogs


@dataclass
class BuildResult:
    """What a build wrote and found."""

    report: Report
    published: dict[str, list[LocalizedArticle]]  # per built locale, the articles it shows
    left_out: dict[str, list[LocalizedArticle]]  # per built locale, the articles under the threshold
    files: dict[str, str] = field(default_factory=dict)  # bundle path -> sha256
    sitemap: bool = False
    reports: list[str] = field(default_factory=list)  # the report files written


def load_editions(settings: Settings, articles: list[Article], locales: Sequence[str]) -> dict[str, list[LocalizedArticle]]:
    """Every article in each locale: the source as written, the others from their catalogs."""
    tree = CatalogTree(settings.root, settings.path("locales_dir"))
    editions: dict[str, list[LocalizedArticle]] = {}
    for locale in locales:
        if locale == settings.source_locale:
            editions[locale] = [source_edition(article) for article in articles]
            continue
        editions[locale] = []
        for article in articles:
            path = tree.po(locale, article.slug)
            editions[locale].append(localize(article, locale, load_translations(path, tree, locale), tree.rel(path)))
    return editions


def readability(settings: Settings, locales: Sequence[str] | None = None) -> tuple[ReadabilityReport, list[LocalizedArticle]]:
    """Score every article in the locales (all configured ones by default), fallbacks excluded."""
    articles = load_articles(settings.path("source_dir"), settings.root, settings.source_locale)
    editions = load_editions(settings, articles, locales or settings.all_locales)
    return _score(settings, articles, editions), [e for localized in editions.values() for e in localized]


def _score(settings: Settings, articles: list[Article], editions: dict[str, list[LocalizedArticle]]) -> ReadabilityReport:
    """The readability report of the editions, translations compared with their sources."""
    sources = {e.article.slug: e for e in editions.get(settings.source_locale, [])}
    if not sources:
        sources = {e.article.slug: e for e in load_editions(settings, articles, [settings.source_locale])[settings.source_locale]}
    flat = [e for localized in editions.values() for e in localized]
    report = check_readability(flat, settings.readability, sources=sources)
    report.findings = [f for f in report.findings if f.rule not in settings.disabled_rules]
    return report


def build(
    settings: Settings,
    locales: Sequence[str] | None = None,
    make_zip: bool = False,
    progress: Callable[[int], None] | None = None,
) -> BuildResult:
    """Build the bundle of every published article in the requested locales, check it, report."""
    articles = load_articles(settings.path("source_dir"), settings.root, settings.source_locale)
    editions = load_editions(settings, articles, settings.all_locales)
    wanted = locales or settings.all_locales

    published = {l: [e for e in eds if _meets_threshold(e, settings)] for l, eds in editions.items()}
    left_out = {l: [e for e in editions[l] if not _meets_threshold(e, settings)] for l in wanted}
    site = Site(
        source_locale=settings.source_locale,
        locales=tuple(l for l in settings.all_locales if published[l]),
        editions={a.slug: tuple(l for l in settings.all_locales if any(e.article is a for e in published[l])) for a in articles},
        base_url=settings.base_url,
    )
    findings = [_below_threshold(e, settings) for l in wanted for e in left_out[l]]
    findings += check_catalogs(settings, [l for l in wanted if l != settings.source_locale]).findings
    scores = _score(settings, articles, {l: editions[l] for l in wanted})
    findings += scores.findings

    pages = _render(settings, site, wanted, published, progress)
    findings += [f for page in pages for f in page.findings]
    findings += check_built_pages(pages, settings.dist_dir, settings.source_locale, scores, settings.disabled_rules)

    figures = build_figures(settings, articles, {l: editions[l] for l in wanted}, scores, findings)
    report = apply_baseline(Report(sorted(findings, key=lambda f: f.sort_key()), figures), baseline_path(settings))
    with BundleWriter(settings.path("dist_dir")) as bundle:
        for page in pages:
            bundle.write(page.path, page.publishable)
        bundle.write("assets/style.css", STYLESHEET.read_bytes())
        if settings.base_url:
            bundle.write("sitemap.xml", sitemap_xml(_sitemap_urls(site)))
        bundle.write("manifest.json", manifest_json(bundle.hashes, figures))
        if make_zip:
            for locale in wanted:
                bundle.write(f"{locale}.zip", zip_archive(_locale_files(pages, locale)))
    written = write_reports(settings.path("reports_dir"), settings.root, report, rule_infos(), settings.fail_on)
    return BuildResult(
        report, {l: published[l] for l in wanted}, left_out, dict(sorted(bundle.hashes.items())),
        bool(settings.base_url), written,
    )


def _render(
    settings: Settings,
    site: Site,
    wanted: Sequence[str],
    published: dict[str, list[LocalizedArticle]],
    progress: Callable[[int], None] | None,
) -> list[RenderedPage]:
    """Every page of the requested locales: articles, each locale's index, the language chooser."""
    tree = CatalogTree(settings.root, settings.path("locales_dir"))
    pages: list[RenderedPage] = []
    for locale in (l for l in wanted if published[l]):
        renderer = Renderer(locale, site, ui_translations(tree.po(locale, UI_DOMAIN), tree, locale))
        for edition in published[locale]:
            pages.append(renderer.article_page(edition))
            if progress:
                progress(1)
        pages.append(renderer.locale_index(published[locale]))
    pages.append(Renderer(settings.source_locale, site).language_chooser())
    return pages


def baseline_path(settings: Settings) -> Path:
    """Where the accepted findings are kept."""
    return settings.path("reports_dir") / "baseline.json"


def _meets_threshold(edition: LocalizedArticle, settings: Settings) -> bool:
    """Whether an edition translates enough of its source words to be published."""
    return edition.locale == settings.source_locale or edition.coverage * 100 >= settings.threshold


def _below_threshold(edition: LocalizedArticle, settings: Settings) -> Finding:
    """The finding that reports an article left out of a locale."""
    return Finding(
        rule="below-threshold",
        severity="warning",
        message=f"left out of {edition.locale}: {edition.coverage:.0%} of its words are translated, "
        f"the threshold is {settings.threshold:g}%",
        file=edition.catalog,
        locale=edition.locale,
        article=edition.article.slug,
        check="build",
    )


def _sitemap_urls(site: Site) -> dict[str, dict[str, str]]:
    """Every published page's URL and the URLs of its editions in other locales."""
    urls: dict[str, dict[str, str]] = {}
    indexes = {l: site.url(site.page_path(l)) for l in site.locales}
    for locale in site.locales:
        urls[indexes[locale]] = indexes
    for slug, locales in site.editions.items():
        alternates = {l: site.url(site.page_path(l, slug)) for l in locales}
        for locale in locales:
            urls[site.url(site.page_path(locale, slug))] = alternates
    return dict(sorted(urls.items()))


def _locale_files(pages: list[RenderedPage], locale: str) -> dict[str, bytes]:
    """The files of one locale's archive: its pages and the shared assets."""
    files = {page.path: page.publishable.encode("utf-8") for page in pages if page.path.startswith(f"{locale}/")}
    files["assets/style.css"] = STYLESHEET.read_bytes()
    return files
