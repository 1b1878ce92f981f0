"""The checks a build runs on what it made, and what reports say about every rule.

Each rendered page is checked with its context: its locale and article, the passages shown
in the source language, its reading grade, and where each of its parts is edited (the
`data-unit` marks the renderer left), so findings lead back to a Markdown line, a PO entry
or a template.
"""

from __future__ import annotations

import hashlib
from functools import partial
from pathlib import Path
from typing import Mapping, Sequence

from .checks import a11y, catalogs
from .checks import readability as readability_checks
from .checks.a11y import FallbackPassage, PageContext, WcagLevel, check_pages, head_only
from .checks.a11y.engine import Scope, _finding_order
from .checks.a11y.semantics.stylesheets import bundle_style_sheets
from .checks.a11y.semantics.wcag import CRITERIA
from .cache import BuildCache, CacheEntry
from .catalogs import CatalogTree, load_translations
from .checks.readability import ReadabilityReport, check_readability
from .config import Settings
from .model import Article, Finding, LocalizedArticle, Location, RuleInfo
from .render import RenderedPage
from .sources import load_articles
from .translate import localize, source_edition

#: The findings of one page's own accessibility rules (not those across pages), by the page's bundle path.
PAGE_FINDINGS: CacheEntry[list[Finding]] = CacheEntry("page", list[Finding])

WCAG_UNDERSTANDING = "https://www.w3.org/WAI/WCAG22/Understanding/"
RULES_DOCS = "https://health.example.org/pipeline/rules/"
#: Rules the build itself reports.
BUILD_RULES = (
    RuleInfo("below-threshold", "build", "An article whose translation covers too few of its words is left out of its locale."),
    RuleInfo("unsafe-link", "build", "A link target outside http, https, mailto and tel is removed from the page."),
    RuleInfo("no-base-url", "build", "Without base_url the pages have no hreflang alternates and the bundle no sitemap."),
    RuleInfo("front-matter-key", "build", "A front-matter key the pipeline does not read, most likely a typo of one it does."),
    RuleInfo("missing-file", "build", "A file the article links to (an image, a PDF) is not beside it in the source folder."),
)


def load_editions(settings: Settings, articles: list[Article], locales: Sequence[str]) -> dict[str, list[LocalizedArticle]]:
    """Every article in each locale: the source as written, the others from their catalogs."""
    tree = CatalogTree.of(settings)
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
    articles = load_articles(settings.path("source_dir"), settings.root, settings.source_locale, settings.front_matter)
    editions = load_editions(settings, articles, locales or settings.all_locales)
    return _score(settings, articles, editions), [e for localized in editions.values() for e in localized]


def _score(settings: Settings, articles: list[Article], editions: dict[str, list[LocalizedArticle]]) -> ReadabilityReport:
    """The readability report of the editions, translations compared with their sources."""
    sources = {e.article.slug: e for e in editions.get(settings.source_locale, [])}
    if not sources:
        sources = {e.article.slug: e for e in load_editions(settings, articles, [settings.source_locale])[settings.source_locale]}
    flat = [e for localized in editions.values() for e in localized]
    return check_readability(flat, settings.readability, sources=sources, disabled=settings.disabled_rules)


def check_built_pages(
    pages: Sequence[RenderedPage],
    dist: str,
    source_locale: str,
    scores: ReadabilityReport | None,
    disabled: Sequence[str],
    scope: Scope = "all",
    heads_only: bool = False,
    assets: Mapping[str, Path] | None = None,
    level: WcagLevel = "AA",
    enable: Sequence[str] = (),
) -> list[Finding]:
    """Run the accessibility rules on rendered pages together (site rules see all of them).

    `heads_only` gives the rules each page up to `</head>`: enough for the site rules, which
    read languages and alternates, and much less to parse for large index pages. `assets`
    are the bundle's shared files by bundle path (`assets/style.css`): the style sheets pages link to.
    `level` is the WCAG level checked (rules above it are left out); `enable` names rules off by default to run.
    """
    inputs = [(f"{dist}/{page.path}", head_only(page.html.encode()) if heads_only else page.html,
               _context(page, source_locale, scores)) for page in pages]
    sheets = bundle_style_sheets(dist, dict(assets)) if assets is not None else None
    return check_pages(inputs, disabled=disabled, scope=scope, style_sheets=sheets, level=level, enable=enable)


def check_pages_kept(
    pages: Sequence[RenderedPage],
    cache: BuildCache | None,
    dist: str,
    source_locale: str,
    scores: ReadabilityReport | None,
    disabled: Sequence[str],
    assets: Mapping[str, Path],
    level: WcagLevel = "AA",
    enable: Sequence[str] = (),
) -> list[Finding]:
    """`check_built_pages` on pages together; with a cache, each page's own rules run only on a page that changed.

    A page's rules read its HTML, where it is, what the build knows of it (`_context`: its locale, article,
    fallbacks, reading grade, where each part is edited, its templates) and the style sheets it links to: all
    in its key, with the rules chosen. The rules across pages then read every page's head, as for index pages.
    """
    check = partial(check_built_pages, dist=dist, source_locale=source_locale, scores=scores, disabled=disabled,
                    assets=assets, level=level, enable=enable)
    if cache is None:
        return check(pages)
    found: list[Finding] = []
    for page in pages:
        key = cache.key(page_facts(page, scores), dist, source_locale, disabled, level, enable, sorted(assets.items()),
                        files=assets.values())
        kept = cache.load(PAGE_FINDINGS, (page.path,), key)
        if kept is None:
            kept = check([page], scope="pages")
            cache.store(PAGE_FINDINGS, (page.path,), key, kept)
        found += kept
    found += check(pages, scope="site", heads_only=True)
    return sorted(found, key=_finding_order)  # the order of checking them together: one page's ties stay in its order


def page_facts(page: RenderedPage, scores: ReadabilityReport | None) -> tuple:
    """All a page's own rules read of a page besides the settings and style sheets: its HTML (by hash) and context."""
    return (page.path, page.locale, page.article, page.template, page.base_template, page.fallbacks,
            sorted(page.origins.items()), _reading(page, scores), hashlib.blake2b(page.html.encode()).hexdigest())


def _context(page: RenderedPage, source_locale: str, scores: ReadabilityReport | None) -> PageContext:
    """What the build knows of a page that its HTML does not say."""
    grade, target, source = _reading(page, scores)
    return PageContext(
        locale=page.locale,
        article=page.article,
        source_locale=source_locale,
        fallback_passages=tuple(FallbackPassage.from_html(html, origin) for html, origin in page.fallbacks),
        reading_grade=grade,
        reading_target=target,
        reading_source=source,
        origins=page.origins,
        templates=(page.template, page.base_template),
    )


def _reading(page: RenderedPage, scores: ReadabilityReport | None) -> tuple[float | None, float | None, Location | None]:
    """A page's reading grade, its locale's target and where an editor simplifies the text (None for index pages)."""
    result = scores.result_for(page.article, page.locale) if scores is not None and page.article else None
    if result is None:
        return None, None, None
    return result.grade, result.target.warning if result.target is not None else None, result.start


def rule_infos() -> list[RuleInfo]:
    """Every rule of every check, with help text and where to read more."""
    checks = {"catalogs": catalogs.all_rules(), "readability": readability_checks.all_rules(), "a11y": a11y.all_rules()}
    return [*BUILD_RULES, *(RuleInfo(r.id, check, r.help, _wcag_uri(r.wcag) or f"{RULES_DOCS}{check}/{r.id}", r.wcag)
                            for check, rules in checks.items() for r in rules)]


def _wcag_uri(criteria: Sequence[str]) -> str:
    """The WCAG 2.2 Understanding page of a rule's first success criterion."""
    for number in criteria:
        if number in CRITERIA:
            title = CRITERIA[number][1]
            slug = "".join(c if c.isalnum() else "-" for c in title.lower().replace("(", "").replace(")", ""))
            return WCAG_UNDERSTANDING + "-".join(filter(None, slug.split("-"))) + ".html"
    return ""
