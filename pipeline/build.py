"""`pipeline build`, written out top to bottom: sources -> translate -> render -> write."""

from __future__ import annotations

from dataclasses import dataclass, field

from .bundle import BundleWriter
from .config import Settings
from .model import LocalizedArticle, Report
from .render import STYLESHEET, RenderedPage, Renderer, Site
from .sources import load_articles
from .translate import source_edition


@dataclass
class BuildResult:
    """What a build wrote and found: per locale the articles built, and the report."""

    report: Report
    built: dict[str, list[LocalizedArticle]] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # bundle path -> sha256


def build(settings: Settings) -> BuildResult:
    """Build the bundle of every article in the source locale into `dist_dir`."""
    articles = load_articles(settings.path("source_dir"), settings.root, settings.source_locale)
    editions = {settings.source_locale: [source_edition(article) for article in articles]}

    site = Site(
        source_locale=settings.source_locale,
        locales=tuple(editions),
        editions={a.slug: tuple(l for l, built in editions.items() if any(e.article is a for e in built)) for a in articles},
        base_url=settings.base_url,
    )
    pages: list[RenderedPage] = []
    for locale, localized in editions.items():
        renderer = Renderer(locale, site)
        pages.extend(renderer.article_page(edition) for edition in localized)
        pages.append(renderer.locale_index(localized))
    pages.append(Renderer(settings.source_locale, site).language_chooser())

    with BundleWriter(settings.path("dist_dir")) as bundle:
        for page in pages:
            bundle.write(page.path, page.html)
        bundle.write("assets/style.css", STYLESHEET.read_bytes())

    report = Report(findings=sorted((f for p in pages for f in p.findings), key=lambda f: f.sort_key()))
    return BuildResult(report, editions, dict(sorted(bundle.hashes.items())))
