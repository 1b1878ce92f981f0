"""Parallel and incremental builds: the same bytes as a clean serial build, with less work."""

import os
from pathlib import Path

from pipeline.build import build
from pipeline.cache import BuildCache
from pipeline.config import load_settings
from pipeline.freshness import last_build

from .conftest import ARTICLE, run, translate_everything, write_project


def read_tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def outputs(root: Path) -> dict[str, bytes]:
    """Everything a build writes: the bundle and the reports."""
    return {f"dist/{k}": v for k, v in read_tree(root / "dist").items()} | {
        f"reports/{k}": v for k, v in read_tree(root / "reports").items()}


def many_articles(root: Path, count: int = 10) -> Path:
    """A project with enough articles for the build to use worker processes."""
    articles = {f"article-{i:02d}.md": ARTICLE.replace("Leg cramps at night", f"Leg cramps, part {i}") for i in range(count)}
    write_project(root, articles)
    translate_everything(root, "es")
    return root


def built_in_two_locales(root: Path) -> Path:
    """The one-article project translated into Spanish and French, built with the cache."""
    write_project(root, locales='["es", "fr"]')
    translate_everything(root, "es")
    translate_everything(root, "fr", lambda text: f"FR {text}")
    build(load_settings(root), cache=BuildCache(root))
    return root


def clean_build(root: Path, workers: int = 1) -> dict[str, bytes]:
    build(load_settings(root), workers=workers, cache=None)
    return outputs(root)


def test_a_parallel_build_writes_the_same_bytes_as_a_serial_one(tmp_path):
    root = many_articles(tmp_path / "p")
    serial = clean_build(root, workers=1)
    assert clean_build(root, workers=2) == serial


def test_a_rebuild_with_nothing_changed_runs_no_job_and_changes_nothing(tmp_path):
    root = many_articles(tmp_path / "p")
    settings = load_settings(root)
    first = build(settings, cache=BuildCache(root))
    assert first.jobs_run == 10
    before = outputs(root)
    again = build(load_settings(root), cache=BuildCache(root))
    assert again.jobs_run == 0
    assert outputs(root) == before


def test_a_rebuild_after_one_catalog_edit_redoes_one_article_and_equals_a_clean_build(tmp_path):
    root = many_articles(tmp_path / "p")
    build(load_settings(root), cache=BuildCache(root))
    po = root / "locales/es/LC_MESSAGES/article-03.po"
    po.write_text(po.read_text().replace('msgstr "ES Drink enough water."', 'msgstr "Beba suficiente agua."'))
    incremental = build(load_settings(root), cache=BuildCache(root))
    assert incremental.jobs_run == 1
    assert "Beba suficiente agua." in (root / "dist/es/article-03/index.html").read_text()
    assert outputs(root) == clean_build(root)


def test_a_changed_setting_or_source_redoes_what_depends_on_it(tmp_path):
    root = many_articles(tmp_path / "p", count=3)
    build(load_settings(root), cache=BuildCache(root))
    settings_file = root / "pyproject.toml"
    settings_file.write_text(settings_file.read_text().replace("[tool.pipeline]", "[tool.pipeline]\nthreshold = 50"))
    assert build(load_settings(root), cache=BuildCache(root)).jobs_run == 3
    source = root / "source/article-01.md"
    source.write_text(source.read_text().replace("Drink enough water.", "Drink water."))
    assert build(load_settings(root), cache=BuildCache(root)).jobs_run == 1
    assert outputs(root) == clean_build(root)


def test_a_bundle_changed_by_hand_is_rebuilt_where_it_lacks_files(tmp_path):
    root = many_articles(tmp_path / "p", count=3)
    build(load_settings(root), cache=BuildCache(root))
    (root / "dist/es/article-02/index.html").unlink()
    rebuilt = build(load_settings(root), cache=BuildCache(root))
    assert rebuilt.jobs_run == 1 and (root / "dist/es/article-02/index.html").exists()


def test_writing_a_page_never_writes_through_a_link_into_the_previous_bundle(tmp_path):
    """Reused pages are hard links to the previous bundle; writing one again must replace the link."""
    from pipeline.bundle import write_into

    previous, staging = tmp_path / "dist", tmp_path / "staging"
    (previous / "en").mkdir(parents=True)
    (staging / "en").mkdir(parents=True)
    (previous / "en/index.html").write_text("previous", encoding="utf-8")
    os.link(previous / "en/index.html", staging / "en/index.html")
    write_into(staging, "en/index.html", "new")
    assert (previous / "en/index.html").read_text(encoding="utf-8") == "previous"
    assert (staging / "en/index.html").read_text(encoding="utf-8") == "new"


def test_a_build_with_nothing_changed_writes_nothing(tmp_path):
    root = many_articles(tmp_path / "p", count=3)
    build(load_settings(root), cache=BuildCache(root))
    stamps = {p: p.stat().st_mtime_ns for p in (root / "dist").rglob("*")} | {
        p: p.stat().st_mtime_ns for p in (root / "reports").rglob("*")}
    settings = load_settings(root)
    last = last_build(BuildCache(root), settings, settings.all_locales, False)
    assert last is not None and last.figures["cells"]["es"]["article-01"]["published"]
    assert run(root, "build").output.startswith("nothing changed since the last build")
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps


def test_a_changed_input_or_a_missing_page_is_not_mistaken_for_nothing_changed(tmp_path):
    root = many_articles(tmp_path / "p", count=3)
    build(load_settings(root), cache=BuildCache(root))
    po = root / "locales/es/LC_MESSAGES/article-02.po"
    po.write_text(po.read_text().replace('msgstr "ES Drink enough water."', 'msgstr "Beba agua."'))
    settings = load_settings(root)
    assert last_build(BuildCache(root), settings, settings.all_locales, False) is None
    build(settings, cache=BuildCache(root))
    assert last_build(BuildCache(root), settings, settings.all_locales, False) is not None
    (root / "dist/es/article-00/index.html").unlink()
    assert last_build(BuildCache(root), settings, settings.all_locales, False) is None
    assert not run(root, "build").output.startswith("nothing changed")
    assert (root / "dist/es/article-00/index.html").exists()


def test_a_rebuild_after_one_edit_encodes_the_report_lines_of_that_article_only(tmp_path, monkeypatch):
    """Each job keeps its findings' lines of report.json and report.sarif: the others are joined as they were."""
    import json

    from pipeline import jobs
    from pipeline.reports import formats

    root = many_articles(tmp_path / "p")
    build(load_settings(root), cache=BuildCache(root))
    po = root / "locales/es/LC_MESSAGES/article-03.po"
    po.write_text(po.read_text().replace('msgstr "ES Drink enough water."', 'msgstr "Beba suficiente agua."'))
    encoded = []
    for module in (jobs, formats):
        original = module.finding_lines
        monkeypatch.setattr(module, "finding_lines", lambda finding, original=original: encoded.append(finding) or original(finding))
    assert build(load_settings(root), cache=BuildCache(root), workers=1).jobs_run == 1
    findings = json.loads((root / "reports/report.json").read_text())["findings"]
    assert 0 < len(encoded) <= len(findings) / 5  # one article of ten, and what lies outside articles
    assert {f.article for f in encoded} <= {"article-03", None}
    monkeypatch.undo()
    assert outputs(root) == clean_build(root)


def test_the_rules_across_index_pages_run_again_only_when_a_head_changed(tmp_path, monkeypatch):
    """The site rules read the index pages' heads: only an edit that changes a head runs them again."""
    from pipeline import build as build_module

    root = many_articles(tmp_path / "p", count=3)
    build(load_settings(root), cache=BuildCache(root))
    scopes = []
    original = build_module.check_built_pages
    monkeypatch.setattr(build_module, "check_built_pages",
                        lambda pages, **options: scopes.append(options.get("scope")) or original(pages, **options))
    po = root / "locales/es/LC_MESSAGES/article-01.po"
    po.write_text(po.read_text().replace('msgstr "ES Drink enough water."', 'msgstr "Beba suficiente agua."'))
    assert build(load_settings(root), cache=BuildCache(root)).jobs_run == 1
    assert scopes == []
    first = root / "source/article-00.md"  # the index lists it (its entry changes), its head is as it was
    first.write_text(first.read_text().replace("Drink enough water.", "Drink water."))
    assert build(load_settings(root), cache=BuildCache(root)).jobs_run == 1
    assert "site" not in scopes
    title = root / "source/article-02.md"
    title.write_text(title.read_text().replace("Leg cramps, part 2", "Leg cramps, the second part"))
    build(load_settings(root), cache=BuildCache(root))
    assert scopes == ["pages", "pages"]  # a title is in the body of its locales' index pages (en, es), not in a head
    settings_file = root / "pyproject.toml"  # another address: every head's alternates change
    settings_file.write_text(settings_file.read_text().replace("https://example.org/", "https://example.net/"))
    build(load_settings(root), cache=BuildCache(root))
    assert "site" in scopes
    monkeypatch.undo()
    assert outputs(root) == clean_build(root)


def test_the_templates_strings_are_checked_again_only_when_what_every_job_reads_changed(tmp_path, monkeypatch):
    """The catalog rules on ui.po run again when a ui.po (or a glossary, a setting, a template) changed, not on an edit
    of an article."""
    import json

    from pipeline import build as build_module

    root = many_articles(tmp_path / "p", count=2)
    build(load_settings(root), cache=BuildCache(root))
    checked = []
    original = build_module.check_catalogs
    monkeypatch.setattr(build_module, "check_catalogs",
                        lambda settings, locales, **options: checked.append(locales)
                        or original(settings, locales, **options))
    po = root / "locales/es/LC_MESSAGES/article-01.po"
    po.write_text(po.read_text().replace('msgstr "ES Drink enough water."', 'msgstr "Beba suficiente agua."'))
    assert build(load_settings(root), cache=BuildCache(root)).jobs_run == 1
    assert checked == []
    ui = root / "locales/es/LC_MESSAGES/ui.po"
    ui.write_text(ui.read_text().replace("ES Some passages are not translated yet; they are shown in %(language)s.",
                                         "ES Some passages are not translated yet."))
    build(load_settings(root), cache=BuildCache(root))
    assert checked == [["es"]]
    findings = json.loads((root / "reports/report.json").read_text())["findings"]
    assert [f["rule"] for f in findings if f["file"] == "locales/es/LC_MESSAGES/ui.po"] == ["placeholders"]
    po.write_text(po.read_text().replace('msgstr "Beba suficiente agua."', 'msgstr "Beba agua."'))
    build(load_settings(root), cache=BuildCache(root))  # the kept findings of ui.po are reported again
    assert checked == [["es"]]
    monkeypatch.undo()
    assert outputs(root) == clean_build(root)


def test_an_edit_of_one_locales_catalog_checks_that_catalog_alone(tmp_path, monkeypatch):
    """The catalog rules' findings are kept per article and locale: the other locales' catalogs are not checked again."""
    from pipeline import jobs

    root = built_in_two_locales(tmp_path / "p")
    checked = []
    original = jobs.catalog_findings
    monkeypatch.setattr(jobs, "catalog_findings",
                        lambda catalog, file, *rest: checked.append(file) or original(catalog, file, *rest))
    po = root / "locales/fr/LC_MESSAGES/leg-cramps.po"
    po.write_text(po.read_text().replace('msgstr "FR Drink enough water."', 'msgstr "Buvez assez."'))
    assert build(load_settings(root), cache=BuildCache(root)).jobs_run == 1
    assert checked == ["locales/fr/LC_MESSAGES/leg-cramps.po"]
    glossary = root / "locales/es/glossary.csv"  # a glossary is read by its locale's rules
    glossary.write_text("term,translation,note\ncramps,calambres,\n", encoding="utf-8")
    build(load_settings(root), cache=BuildCache(root))
    assert checked[1:] == ["locales/es/LC_MESSAGES/leg-cramps.po"]
    monkeypatch.undo()
    assert outputs(root) == clean_build(root)


def test_an_edit_of_one_locales_catalog_checks_the_accessibility_of_that_locales_page_alone(tmp_path, monkeypatch):
    """A page's own rules' findings are kept by all they read: the article's other pages are not checked again."""
    from pipeline import build_checks

    root = built_in_two_locales(tmp_path / "p")
    checked = []
    original = build_checks.check_built_pages
    monkeypatch.setattr(build_checks, "check_built_pages", lambda pages, **options: checked.append(
        (options.get("scope"), [page.path for page in pages])) or original(pages, **options))
    po = root / "locales/fr/LC_MESSAGES/leg-cramps.po"
    po.write_text(po.read_text().replace('msgstr "FR Drink enough water."', 'msgstr "Buvez assez."'))
    assert build(load_settings(root), cache=BuildCache(root)).jobs_run == 1
    pages = ["en/leg-cramps/index.html", "es/leg-cramps/index.html", "fr/leg-cramps/index.html"]
    assert checked == [("pages", ["fr/leg-cramps/index.html"]), ("site", pages)]
    monkeypatch.undo()
    assert outputs(root) == clean_build(root)


def test_an_index_page_is_rendered_again_only_when_what_it_shows_changed(tmp_path, monkeypatch):
    """An edit of one locale's title renders that locale's index page alone; the others are read from the cache,
    and an edit of the templates' strings renders them all again."""
    from pipeline.render import Renderer

    root = built_in_two_locales(tmp_path / "p")
    rendered = []
    original = Renderer.locale_index
    monkeypatch.setattr(Renderer, "locale_index",
                        lambda renderer, entries: rendered.append(renderer.locale.code) or original(renderer, entries))
    po = root / "locales/fr/LC_MESSAGES/leg-cramps.po"
    po.write_text(po.read_text().replace('msgstr "FR Leg cramps at night"', 'msgstr "Crampes nocturnes"'))
    assert build(load_settings(root), cache=BuildCache(root)).jobs_run == 1
    assert rendered == ["fr"]
    assert "Crampes nocturnes" in (root / "dist/fr/index.html").read_text()
    ui = root / "locales/es/LC_MESSAGES/ui.po"
    ui.write_text(ui.read_text().replace('msgstr "ES ', 'msgstr "ES: '))
    build(load_settings(root), cache=BuildCache(root))
    assert rendered[1:] == ["en", "es", "fr"]
    assert "ES: " in (root / "dist/es/index.html").read_text()
    monkeypatch.undo()
    assert outputs(root) == clean_build(root)


def test_a_cached_index_page_is_published_only_as_the_bundle_in_place_holds_it(tmp_path, monkeypatch):
    """The cache is not trusted with HTML: an index page planted in it (with the right key) is rendered again."""
    from pipeline import build as build_module

    root = built_in_two_locales(tmp_path / "p")
    original = BuildCache.load

    def planted(cache, entry, item, key):
        value = original(cache, entry, item, key)
        if entry is build_module.LOCALE_INDEX and value is not None:
            value.html = value.html.replace("</main>", "<script>alert(1)</script></main>")
        return value

    monkeypatch.setattr(BuildCache, "load", planted)
    po = root / "locales/fr/LC_MESSAGES/leg-cramps.po"
    po.write_text(po.read_text().replace('msgstr "FR Leg cramps at night"', 'msgstr "Crampes nocturnes"'))
    build(load_settings(root), cache=BuildCache(root))
    assert not [p for p in (root / "dist").rglob("*.html") if "<script>" in p.read_text()]
    monkeypatch.undo()
    assert outputs(root) == clean_build(root)


def test_an_index_pages_findings_are_kept_by_where_its_parts_are_edited_too(tmp_path, monkeypatch):
    """The same HTML with its parts edited elsewhere (a PO entry moved) is checked again: findings point there."""
    from dataclasses import replace

    from pipeline import build as build_module
    from pipeline.model import Location
    from pipeline.render import RenderedPage

    root = write_project(tmp_path / "p")
    settings = load_settings(root)
    checked = []
    monkeypatch.setattr(build_module, "check_built_pages", lambda pages, **options: checked.append(options["scope"]) or [])
    html = '<html lang="es"><head><title>Hola</title></head><body><h1 data-unit="1">Hola</h1></body></html>'
    page = RenderedPage("es/index.html", html, "es")
    for origins in ({1: Location("locales/es/LC_MESSAGES/a.po", 10)}, {1: Location("locales/es/LC_MESSAGES/a.po", 14)}):
        build_module._check_site_pages([replace(page, origins=origins)], settings, BuildCache(root))
    assert checked == ["site", "pages", "pages"]  # the heads are the same: the rules across pages ran once
