"""`pipeline build`, written out top to bottom: one job per article, then the site, the bundle, the reports.

Each job (`jobs.py`) translates, checks and renders one article in every locale; jobs run
in parallel on every core, and a job whose inputs have not changed is not run again: its
pages are taken from the bundle in place and its results from the cache (`cache.py`).
The output is the same, byte for byte, whichever way it was made. `merge` ends as a build
does (`finish_build`), from the job outputs that the shards of a build (`shards.py`) recorded.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable, Sequence

from .bundle import MANIFEST, BundleWriter, sitemap_xml, zip_archive
from .cache import FOLDER as CACHE_FOLDER, BuildCache, CacheEntry, Value, project_lock
from .errors import ShardError
from .files import StagedFiles, refuse_links_outside, remove_stale_temporaries, write_if_changed
from .freshness import LastBuild, common_key, inputs_key, job_keys, record_build, written_stats
from .catalogs import UI_DOMAIN, CatalogTree, ui_translations
from .build_checks import check_built_pages, page_facts, rule_infos
from .checks.a11y import head_only
from .checks.readability import load_languages
from .config import CONFIG_FILE, Settings
from .jobs import JOB_OUTPUT, ArticleJob, ArticleOutput, report_lines, run_article
from .layout import LINKED_FILES, UNIT_ATTRIBUTE, locale_folder, page_file, shown_path
from .model import Finding, Report
from .parallel import iter_jobs
from .render import IndexEntry, RenderedPage, Renderer, SiteEditions
from .reports import FindingLines, KnownLines, apply_baseline, baseline_file, manifest_json, write_baseline, write_reports
from .shards import (FORMAT, Shard, ShardRecord, check_outputs, check_shards, copy_pages, encode_record, read_record,
                     record_file, shard_of)
from .project import check_unique_slugs, source_files
from .sources import relative_path
from .summary import assemble_figures
from .workflow import check_catalogs

#: The accessibility findings of one index page, by the page's HTML; and of the rules across them, by all of theirs.
SITE_PAGE_FINDINGS: CacheEntry[list[Finding]] = CacheEntry("site-page", list[Finding])
#: Each locale's index page as rendered, by its entries, the site and what every job reads alike (see `_site_pages`).
LOCALE_INDEX: CacheEntry[RenderedPage] = CacheEntry("locale-index", RenderedPage)
#: The catalog rules' findings on the templates' strings (each locale's ui.po), by what every job reads alike.
UI_CATALOG_FINDINGS: CacheEntry[list[Finding]] = CacheEntry("ui-catalogs", list[Finding])

#: Said once when the bundle's address is unknown: alternates and the sitemap need absolute URLs.
NO_BASE_URL = Finding(
    rule="no-base-url",
    severity="warning",
    message="base_url is not set, so the pages have no hreflang alternates and the bundle no sitemap.xml: set "
            "base_url in [tool.pipeline] to the address the bundle is published under, such as "
            "\"https://health.example.org/\"",
    file=CONFIG_FILE,
    check="build",
)


@dataclass
class BuildResult:
    """What a build wrote and found."""

    report: Report
    files: dict[str, str] = field(default_factory=dict)  # bundle path -> sha256
    reports: list[str] = field(default_factory=list)  # the report files written
    jobs_run: int = 0  # articles whose job ran (the others came from the cache)
    baseline: str | None = None  # the baseline file, when this build wrote it


def build(
    settings: Settings,
    locales: Sequence[str] | None = None,
    make_zip: bool = False,
    progress: Callable[[int], None] | None = None,
    workers: int | None = None,
    cache: BuildCache | None = None,
    update_baseline: bool = False,
    shard: Shard | None = None,
) -> BuildResult:
    """Build, check and report every article in the requested locales: `dist_dir` and `reports_dir`.

    With a cache, only the articles whose inputs changed are built again; whether there is
    anything to do at all is `freshness.last_build`'s to say, before this is called. With
    `update_baseline`, every finding is accepted, in the reports and in the baseline file.
    With a shard, only its articles are built, and its record is written for `merge`.
    The project's lock is held throughout: a build, an update or a preview's rebuild wait for it.
    """
    with project_lock(settings.root):
        return _build(settings, tuple(locales or settings.all_locales), make_zip, progress, workers, cache,
                      update_baseline, shard)


def _build(
    settings: Settings,
    wanted: tuple[str, ...],
    make_zip: bool,
    progress: Callable[[int], None] | None,
    workers: int | None,
    cache: BuildCache | None,
    update_baseline: bool,
    shard: Shard | None,
) -> BuildResult:
    """The build itself, under the project's lock."""
    _prepare_outputs(settings)
    sources = source_files(settings.path("source_dir"), settings.root)
    if shard is not None:
        inputs = inputs_key(cache or BuildCache(settings.root), settings, wanted, make_zip)
        sources = [path for path in sources if shard.holds(path)]
    keys = job_keys(cache, settings, sources, wanted) if cache is not None else []
    # The reports are written with the bundle and renamed into place once it is swapped in: a
    # failure anywhere (a full disk, a folder that cannot be written) replaces none of them.
    with StagedFiles() as reports, BundleWriter(settings.path("dist_dir")) as bundle:
        jobs = [ArticleJob(settings, path, wanted, bundle.staging, cache is not None) for path in sources]  # type: ignore[arg-type]
        outputs, lines, ran = _run_jobs(jobs, keys, cache, bundle, workers, progress)
        report, written = finish_build(settings, wanted, outputs, bundle, reports, make_zip, cache, update_baseline, lines)
        if shard is not None:
            record = ShardRecord(FORMAT, shard.number, shard.count, inputs, wanted, make_zip, settings.fail_on, outputs)  # type: ignore[arg-type]
            with reports.staging():
                write_if_changed(record_file(settings), encode_record(record))
            written.append(shown_path(record_file(settings), settings.root))
    files = dict(sorted(bundle.hashes.items()))
    # What a build with nothing changed returns, once its bundle is in place (a shard's is not the whole build's).
    if cache is not None and shard is None:
        last = LastBuild(report.failing(), report.figures, files, written, written_stats(settings, written))
        record_build(cache, settings, wanted, make_zip, keys, last)
    return BuildResult(report, files, written, ran, _baseline_shown(settings, update_baseline))


def merge(settings: Settings, folders: Sequence[Path], update_baseline: bool = False) -> BuildResult:
    """Merge the folders of a sharded build's jobs into what one whole build writes: `dist_dir` and `reports_dir`.

    The build is the one the shards were made by (its locales, archives and failing severity);
    folders that are not its N shards, each once, of this project's inputs, are refused.
    """
    with project_lock(settings.root):
        _prepare_outputs(settings)
        records = [(folder, read_record(folder, settings)) for folder in folders]
        check_shards(records)
        first = records[0][1]
        settings = settings.with_overrides(fail_on=first.fail_on)
        if not set(first.locales) <= set(settings.all_locales) or inputs_key(
                BuildCache(settings.root), settings, first.locales, first.make_zip) != first.inputs:
            raise ShardError("a shard of other inputs than this project's (other sources, catalogs, settings, "
                             "options or version of pipeline)", records[0][0])
        sources = [relative_path(path, settings.root) for path in source_files(settings.path("source_dir"), settings.root)]
        outputs: dict[str, tuple[ArticleOutput, list[FindingLines]]] = {}
        with StagedFiles() as reports, BundleWriter(settings.path("dist_dir")) as bundle:
            for folder, record in records:
                lines = check_outputs(folder, record, [s for s in sources if shard_of(Path(s).name, first.shards) == record.shard],
                                      settings)
                for output, its_lines in zip(record.outputs, lines):
                    copy_pages(folder, output, settings, bundle)
                    outputs[output.source] = output, its_lines
            ordered = [outputs[source][0] for source in sources]
            report, written = finish_build(settings, first.locales, ordered, bundle, reports, first.make_zip, None,
                                           update_baseline, [outputs[source][1] for source in sources])
        return BuildResult(report, dict(sorted(bundle.hashes.items())), written, 0,
                           _baseline_shown(settings, update_baseline))


def finish_build(
    settings: Settings,
    wanted: Sequence[str],
    outputs: list[ArticleOutput],
    bundle: BundleWriter,
    reports: StagedFiles,
    make_zip: bool,
    cache: BuildCache | None,
    update_baseline: bool,
    lines: Sequence[Sequence[FindingLines]] = (),
) -> tuple[Report, list[str]]:
    """A build once its articles are done, as `build` and `merge` end: the site's pages, the bundle, the reports.

    `outputs` are every article's job output in the order of their files, their pages
    already in the bundle's staging folder; `lines`, each output's findings' lines of the
    reports, checked (`jobs.report_lines`). Returns the report and the main report files.
    """
    check_unique_slugs((o.slug, o.source) for o in outputs)
    site = SiteEditions(
        source_locale=settings.source_locale,
        locales=tuple(l for l in settings.all_locales if any(l in o.published for o in outputs)),
        editions={o.slug: o.published for o in outputs},
        base_url=settings.base_url,
        directory_urls=settings.directory_urls,
    )
    pages = _site_pages(settings, site, wanted, outputs, CatalogTree.of(settings), cache, bundle)
    findings = [f for o in outputs for f in o.findings] + ([] if settings.base_url else [NO_BASE_URL])
    findings += _check_site_pages(pages, settings, cache)
    findings += _check_ui_catalogs(settings, [l for l in wanted if l != settings.source_locale], cache)

    figures = assemble_figures(settings, wanted, ((o.slug, o.title, o.source, o.cells) for o in outputs), findings)
    report = Report(sorted(findings, key=lambda f: f.sort_key()), figures, fail_on=settings.fail_on)  # type: ignore[arg-type]
    baseline = baseline_file(settings.path("reports_dir"))
    report = apply_baseline(report, baseline, accept_all=update_baseline)
    for page in pages:
        bundle.write(page.path, page.publishable)
    assets = settings.theme.assets()
    for name, path in assets.items():
        bundle.write(name, path.read_bytes())
    if settings.base_url:
        bundle.write("sitemap.xml", sitemap_xml(_sitemap_urls(site)))
    bundle.write(MANIFEST, manifest_json(bundle.hashes, figures))
    if make_zip:
        for locale in wanted:
            bundle.write(f"{locale}.zip", zip_archive(_zip_members(bundle.staging, bundle.hashes, locale, assets)))
    articles = {o.slug: (o.report_row, o.report_page) for o in outputs}
    with reports.staging():
        known = KnownLines(zip((o.findings for o in outputs), lines))
        written = write_reports(settings.path("reports_dir"), settings.root, report, rule_infos(), articles, known)
        if update_baseline:
            write_baseline(report.accepted, baseline)
    return report, written


def _prepare_outputs(settings: Settings) -> None:
    """Refuse output folders linked outside the project; remove what killed runs left half-written."""
    written_here = [settings.path("reports_dir"), settings.root / CACHE_FOLDER]
    refuse_links_outside(written_here, settings.root)
    remove_stale_temporaries(written_here)


def _baseline_shown(settings: Settings, update_baseline: bool) -> str | None:
    """The baseline file as shown, when this run wrote it."""
    return shown_path(baseline_file(settings.path("reports_dir")), settings.root) if update_baseline else None


def _run_jobs(
    jobs: list[ArticleJob],
    keys: list[str],
    cache: BuildCache | None,
    bundle: BundleWriter,
    workers: int | None,
    progress: Callable[[int], None] | None,
) -> tuple[list[ArticleOutput], list[list[FindingLines]], int]:
    """Every job's output and its findings' report lines, in the jobs' order: from the cache where nothing changed, else run."""
    outputs: dict[int, ArticleOutput] = {}
    lines: dict[int, list[FindingLines]] = {}
    for index, job in enumerate(jobs):
        if cache is None:
            continue
        cached = cache.load(JOB_OUTPUT, (job.source.name,), keys[index])
        found = report_lines(cached) if cached is not None else None
        if cached is not None and found is not None and bundle.reuse(cached.pages):
            outputs[index], lines[index] = cached, found
            if progress:
                progress(1)
    todo = [i for i in range(len(jobs)) if i not in outputs]
    running = [jobs[i] for i in todo]
    for index, output in zip(todo, iter_jobs(run_article, running, workers, prepare=_scoring(running, cache))):
        outputs[index] = _done(output, progress)
        lines[index] = report_lines(output) or []  # (a job's own: always whole)
    if cache is not None:
        for index in todo:
            bundle.written(outputs[index].pages)
            cache.store(JOB_OUTPUT, (jobs[index].source.name,), keys[index], outputs[index])
        cache.save()
    else:
        for index in todo:
            bundle.written(outputs[index].pages)
    return [outputs[i] for i in range(len(jobs))], [lines[i] for i in range(len(jobs))], len(todo)


def _scoring(jobs: list[ArticleJob], cache: BuildCache | None) -> Callable[[], None] | None:
    """What workers scoring readability would each load (German's syllable patterns: a second), to load before they fork.

    Only for jobs that have no output kept at all (a build from scratch): a job that ran before
    reads its editions' readability back from the cache, and its worker loads nothing.
    """
    fresh = [job for job in jobs if cache is None or not cache.holds(JOB_OUTPUT, (job.source.name,))]
    return partial(load_languages, fresh[0].locales) if len(fresh) > 1 else None


def _done(output: ArticleOutput, progress: Callable[[int], None] | None) -> ArticleOutput:
    if progress:
        progress(1)
    return output


def _site_pages(
    settings: Settings,
    site: SiteEditions,
    wanted: Sequence[str],
    outputs: list[ArticleOutput],
    tree: CatalogTree,
    cache: BuildCache | None,
    bundle: BundleWriter,
) -> list[RenderedPage]:
    """The pages that list articles: each locale's index, and the language chooser.

    An index page lists every article of its locale: after one edit, the other locales'
    pages are the same, and are read from the cache rather than rendered again. Their key is
    what a page is made of: its entries, the site, and what every job reads alike (the
    settings, the templates' strings, the theme; the tool's code is in every key). A cached
    page is taken only as the bundle in place publishes it: the cache is not trusted with HTML.
    """
    common = common_key(cache, settings, wanted) if cache is not None else ""
    pages = []
    for locale in (l for l in wanted if l in site.locales):
        entries = [o.entries[locale] for o in outputs if locale in o.entries]

        def render(locale: str = locale, entries: list[IndexEntry] = entries) -> RenderedPage:
            translations = ui_translations(tree.po(locale, UI_DOMAIN), tree, locale)
            return Renderer(locale, site, translations, settings.theme).locale_index(entries)

        pages.append(_kept(cache, LOCALE_INDEX, (locale,), common, locale, site, entries, run=render,
                           accept=lambda page, path=page_file(locale): page.path == path
                           and bundle.publishes(path, page.publishable)))
    pages.append(Renderer(settings.source_locale, site, theme=settings.theme).language_chooser())
    return pages


def _check_site_pages(pages: list[RenderedPage], settings: Settings, cache: BuildCache | None) -> list[Finding]:
    """The accessibility findings of the index pages: their rules run again only where a page changed.

    An index page lists every article of its locale; when one title changes, the other
    locales' pages need no new check. The rules across pages (reciprocal alternates) read
    only the pages' heads, and run again when any page's head (or place) changed; a page's own
    rules, when its HTML or what the build knows of it (`page_facts`: where each part is edited…) changed.
    """
    check = partial(check_built_pages, dist=settings.dist_dir, source_locale=settings.source_locale, scores=None,
                    disabled=settings.disabled_rules, assets=settings.theme.assets(), level=settings.wcag_level,
                    enable=settings.enabled_rules)

    def kept(item: tuple[str, ...], *parts: object, run: Callable[[], list[Finding]]) -> list[Finding]:
        return _kept(cache, SITE_PAGE_FINDINGS, item, settings.disabled_rules, settings.enabled_rules,
                     settings.wcag_level, *parts, run=run, files=settings.theme.own_files())

    findings = list(kept((), "site", settings.dist_dir, settings.source_locale, [_site_part(page) for page in pages],
                         run=lambda: check(pages, scope="site", heads_only=True)))
    for page in pages:
        findings += kept((page.path,), page_facts(page, None), run=partial(check, [page], scope="pages"))
    return findings


def _check_ui_catalogs(settings: Settings, locales: list[str], cache: BuildCache | None) -> list[Finding]:
    """The catalog rules on each locale's templates' strings: run again only when what every job reads changed
    (the settings, each locale's ui.po and glossary, the theme's own templates; the shipped ones are the tool's code)."""
    return _kept(cache, UI_CATALOG_FINDINGS, (), common_key(cache, settings, locales) if cache else "", locales,
                 run=lambda: check_catalogs(settings, locales, ui_only=True).findings)


def _kept(cache: BuildCache | None, entry: CacheEntry[Value], item: tuple[str, ...], *parts: object,
          run: Callable[[], Value], files: Sequence[Path] = (), accept: Callable[[Value], bool] = lambda value: True
          ) -> Value:
    """The value (findings, a page) kept for an item under a key of these parts and files, if `accept` takes it;
    else found now (and kept, with a cache)."""
    if cache is None:
        return run()
    key = cache.key(*parts, files=files)
    found = cache.load(entry, item, key)
    if found is None or not accept(found):
        found = run()
        cache.store(entry, item, key, found)
    return found


def _site_part(page: RenderedPage) -> tuple:
    """What the rules across pages read of a page: its head, where it is, and the origins of units its head shows."""
    head = head_only(page.html.encode())
    origins = sorted(page.origins.items()) if UNIT_ATTRIBUTE.encode() in head else ()
    return (page.path, page.locale, page.article, page.template, page.base_template, page.fallbacks, origins,
            hashlib.blake2b(head).hexdigest())


def _sitemap_urls(site: SiteEditions) -> dict[str, dict[str, str]]:
    """Every published page's URL and the URLs of its editions in other locales."""
    urls: dict[str, dict[str, str]] = {}
    url = site.links.url
    indexes = {l: url(page_file(l)) for l in site.locales}
    for locale in site.locales:
        urls[indexes[locale]] = indexes
    for slug, locales in site.editions.items():
        alternates = {l: url(page_file(l, slug)) for l in locales}
        for locale in locales:
            urls[url(page_file(locale, slug))] = alternates
    return dict(sorted(urls.items()))


def _zip_members(staging: Path | None, hashes: dict[str, str], locale: str, assets: dict[str, Path]) -> dict[str, bytes]:
    """The files of one locale's archive, as written: its pages and the shared assets."""
    assert staging is not None
    names = [p for p in hashes if p.startswith((locale_folder(locale), LINKED_FILES))] + list(assets)
    return {name: (staging / name).read_bytes() for name in names}
