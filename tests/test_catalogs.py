"""The translator workflow on real catalogs: extract, update, compile, status."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from .conftest import run, write_project

PO = "locales/es/LC_MESSAGES/restless-leg-syndrome-cause.po"


def read(path: Path):
    with open(path, "rb") as handle:
        return read_po(handle)


def translations(path: Path) -> dict[str, str]:
    catalog = read(path)
    return {m.id: m.string for m in catalog if m.id} | {m.id: m.string for m in catalog.obsolete.values()}


def all_po_files(root: Path) -> list[Path]:
    return sorted((root / "locales").glob("*/LC_MESSAGES/*.po"))


def test_extract_then_update_keeps_every_translation(repo_copy):
    before = {p: translations(p) for p in all_po_files(repo_copy)}
    assert run(repo_copy, "extract").exit_code == 0
    assert run(repo_copy, "update").exit_code == 0
    assert {p: translations(p) for p in all_po_files(repo_copy)} == before


def test_an_edited_heading_comes_back_fuzzy_with_its_previous_msgid(repo_copy):
    source = repo_copy / "source/restless-leg-syndrome-cause.md"
    source.write_text(source.read_text().replace("## Vascular Factors and RLS", "## Vascular Factors in RLS"))
    old = translations(repo_copy / PO)["Vascular Factors and RLS"]
    assert run(repo_copy, "update").exit_code == 0
    message = read(repo_copy / PO).get("Vascular Factors in RLS")
    assert message.string == old and message.fuzzy
    assert '#| msgid "Vascular Factors and RLS"' in (repo_copy / PO).read_text()


def test_a_removed_unit_becomes_obsolete_and_comes_back_when_restored(repo_copy):
    source = repo_copy / "source/restless-leg-syndrome-cause.md"
    original = source.read_text()
    source.write_text(original.replace("## Conclusion\n", ""))
    run(repo_copy, "update")
    catalog = read(repo_copy / PO)
    assert "Conclusion" not in catalog and catalog.obsolete["Conclusion"].string == "Conclusión"
    source.write_text(original)
    run(repo_copy, "update")
    catalog = read(repo_copy / PO)
    assert catalog["Conclusion"].string == "Conclusión" and not catalog["Conclusion"].fuzzy
    assert "Conclusion" not in catalog.obsolete


def test_update_check_writes_nothing_and_exits_1_when_out_of_date(repo_copy):
    assert run(repo_copy, "update", "--check").exit_code == 0
    source = repo_copy / "source/restless-legs-leg-cramps.md"
    source.write_text(source.read_text().replace("## References", "## Sources"))
    files = {p: p.read_bytes() for p in (repo_copy / "locales").rglob("*.po*")}
    result = run(repo_copy, "update", "--check")
    assert result.exit_code == 1
    assert "out of date: locales/templates/restless-legs-leg-cramps.pot" in result.output
    assert "out of date: locales/de/LC_MESSAGES/restless-legs-leg-cramps.po" in result.output
    assert {p: p.read_bytes() for p in (repo_copy / "locales").rglob("*.po*")} == files


EDITS = {  # what an editor does to an article: each must leave update and update --check agreeing
    "a word in a translated paragraph": ("critical role", "key role"),
    "the heading": ("# The Cause of Restless", "# The Causes of Restless"),
    "the title": ("title: The Cause", "title: The Causes"),
    "a list item": ("- Pregnancy:", "- Pregnancy and birth:"),
    "a paragraph gone": ("\n## Vascular Factors and RLS\n", "\n"),
    "an entity and a hard break": ("critical role", "critical&nbsp;role  \nand more"),
    "quotes, a backslash, a long address": ("critical role", '"critical" role \\\\ https://example.org/' + "a/" * 40),
    "two paragraphs alike": ("## Impact of Health", "Restless Leg Syndrome is rare.\n\nRestless Leg Syndrome is rare.\n\n## Impact of Health"),
    "a paragraph split in two": (". While the exact cause", ".\n\nWhile the exact cause"),
    "two paragraphs joined": ("movement and regulating sensations.\n\nDysfunction", "movement and regulating sensations. Dysfunction"),
    "emphasis and a link added": ("irresistible urge", "*irresistible* urge ([NHS](https://www.nhs.uk/))"),
    "the description": ("description: What research", "description: What studies"),
    "a heading removed": ("## The Role of the Nervous System\n\nThe nervous system plays",
                                             "The nervous system plays"),
}


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_after_an_edit_update_then_update_check_agree_and_a_second_update_changes_nothing(repo_copy, edit):
    source = repo_copy / "source/restless-leg-syndrome-cause.md"
    old, new = edit
    assert old in source.read_text()
    source.write_text(source.read_text().replace(old, new, 1))
    assert run(repo_copy, "update").exit_code == 0
    files = {p: p.read_bytes() for p in (repo_copy / "locales").rglob("*.po*")}
    result = run(repo_copy, "update", "--check")
    assert result.exit_code == 0, result.output
    assert run(repo_copy, "update").exit_code == 0
    assert {p: p.read_bytes() for p in (repo_copy / "locales").rglob("*.po*")} == files
    for po in all_po_files(repo_copy):
        assert subprocess.run(["msgfmt", "-c", "-o", os.devnull, str(po)], capture_output=True).returncode == 0, po


def test_templates_are_rewritten_only_when_their_content_changes(repo_copy, monkeypatch):
    pot = repo_copy / "locales/templates/restless-legs-leg-cramps.pot"
    before = pot.read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "2000000000")
    assert "templates are up to date" in run(repo_copy, "extract").output
    assert pot.read_bytes() == before
    source = repo_copy / "source/restless-legs-leg-cramps.md"
    source.write_text(source.read_text().replace("## References", "## Sources"))
    run(repo_copy, "extract")
    assert '"POT-Creation-Date: 2033-05-18 03:33+0000\\n"' in pot.read_text()


def test_msgfmt_accepts_every_catalog_and_prose_has_no_format_flags(repo_copy):
    settings = repo_copy / "pyproject.toml"
    settings.write_text(settings.read_text().replace('locales = ["es", "de", "fr", "ar"]', 'locales = ["es", "de", "fr", "ar", "en-XA"]'))
    assert run(repo_copy, "update", "--locale", "en-XA").exit_code == 0
    for path in all_po_files(repo_copy):
        result = subprocess.run(["msgfmt", "-c", "-o", os.devnull, str(path)], capture_output=True, text=True)
        assert result.returncode == 0, (path, result.stderr)
        if path.stem != "ui":
            assert "python-format" not in path.read_text() and "python-brace-format" not in path.read_text()


def test_new_catalogs_get_language_and_plural_forms_from_cldr_and_no_fuzzy_header(repo_copy):
    settings = repo_copy / "pyproject.toml"
    settings.write_text(settings.read_text().replace('locales = ["es", "de", "fr", "ar"]', 'locales = ["es", "de", "fr", "ar", "pl"]'))
    assert run(repo_copy, "update").exit_code == 0
    text = (repo_copy / "locales/pl/LC_MESSAGES/ui.po").read_text()
    assert '"Language: pl\\n"' in text
    assert "nplurals=3" in text
    assert not read(repo_copy / "locales/pl/LC_MESSAGES/ui.po").fuzzy


def test_status_counts_words_per_locale_and_article(repo_copy):
    result = run(repo_copy, "status", "--format", "json")
    rows = json.loads(result.output)
    assert {"locale", "article", "words_total", "words_translated", "words_fuzzy", "messages_total",
            "messages_translated", "messages_fuzzy"} <= set(rows[0])
    articles = [r for r in rows if r["article"] != "ui"]
    for locale in ("es", "de", "ar"):
        mine = [r for r in articles if r["locale"] == locale]
        assert sum(r["words_translated"] for r in mine) / sum(r["words_total"] for r in mine) >= 0.95
    french = {r["article"]: r["coverage"] for r in articles if r["locale"] == "fr"}
    assert french["restless-leg-syndrome-cause"] >= 80 > french["restless-legs-leg-cramps"]


def test_status_min_coverage_exits_1_naming_the_locale(repo_copy):
    result = run(repo_copy, "status", "--min-coverage", "90")
    assert result.exit_code == 1 and "fr is below 90% of words translated" in result.output
    assert run(repo_copy, "status", "--min-coverage", "50").exit_code == 0


def test_a_changed_number_in_a_spanish_translation_fails_check_catalogs(repo_copy):
    assert run(repo_copy, "check", "catalogs").exit_code == 0
    po = repo_copy / "locales/es/LC_MESSAGES/restless-legs-leg-cramps.po"
    po.write_text(po.read_text().replace("sesenta y siete por ciento", "setenta y seis por ciento"))
    result = run(repo_copy, "check", "catalogs", "--format", "json")
    assert result.exit_code == 1
    [finding] = [f for f in json.loads(result.output)["findings"] if f["rule"] == "numbers"]
    line = next(n for n, text in enumerate(po.read_text().splitlines(), 1) if "setenta y seis" in text)
    assert (finding["file"], finding["line"], finding["locale"]) == ("locales/es/LC_MESSAGES/restless-legs-leg-cramps.po", line - 1, "es")
    assert finding["severity"] == "error" and "67" in finding["message"]


def test_compile_writes_mo_files_only_when_older_than_their_po(repo_copy):
    first = run(repo_copy, "compile")
    assert "12 catalogs compiled" in first.output
    assert "up to date" in run(repo_copy, "compile").output
    po, mo = repo_copy / PO, (repo_copy / PO).with_suffix(".mo")
    os.utime(po, (mo.stat().st_mtime + 10,) * 2)
    assert "1 catalogs compiled" in run(repo_copy, "compile").output


def test_translation_memory_prefills_a_new_unit_from_another_article_as_fuzzy(repo_copy):
    source = repo_copy / "source/restless-legs-leg-cramps.md"
    source.write_text(source.read_text().replace("## References", "## Conclusion\n\n## References"))
    run(repo_copy, "update")
    message = read(repo_copy / "locales/es/LC_MESSAGES/restless-legs-leg-cramps.po").get("Conclusion")
    assert message.string == "Conclusión" and message.fuzzy


def test_pseudo_locale_keeps_links_and_grows_by_a_third(project):
    settings = project / "pyproject.toml"
    settings.write_text(settings.read_text().replace('["es"]', '["en-XA"]'))
    assert run(project, "update").exit_code == 0
    catalog = read(project / "locales/en-XA/LC_MESSAGES/leg-cramps.po")
    message = catalog["Cramps are *sudden* and painful. See [the NHS page](https://www.nhs.uk/)."]
    assert "](https://www.nhs.uk/)" in message.string and "*šûððéñ*" in message.string
    assert len(message.string) >= 1.3 * len(message.id)
    assert '"Language: en-XA\\n"' in (project / "locales/en-XA/LC_MESSAGES/leg-cramps.po").read_text()


def test_a_broken_catalog_exits_2_naming_file_and_line_and_is_not_rewritten(repo_copy):
    po = repo_copy / PO
    broken = po.read_text().replace('msgstr "Conclusión"', 'msgstr "Conclusión', 1)
    po.write_text(broken)
    for command in (["update"], ["status"], ["check", "catalogs"], ["compile"]):
        result = run(repo_copy, *command)
        assert result.exit_code == 2, command
        assert result.output.startswith(f"error: {PO}:") and "Traceback" not in result.output
    assert po.read_text() == broken


def test_a_catalog_whose_language_contradicts_its_folder_is_refused(repo_copy):
    po = repo_copy / PO
    po.write_text(po.read_text().replace('"Language: es\\n"', '"Language: fr\\n"'))
    result = run(repo_copy, "update")
    assert result.exit_code == 2
    assert "Language header says 'fr' but the catalog is in the folder of 'es'" in result.output


def test_catalogs_are_created_for_a_fresh_project(project):
    assert run(project, "update").exit_code == 0
    assert (project / "locales/templates/leg-cramps.pot").exists()
    assert (project / "locales/es/LC_MESSAGES/leg-cramps.po").exists()
    assert (project / "locales/es/LC_MESSAGES/ui.po").exists()


def test_extract_reads_again_only_the_articles_that_changed(repo_copy, monkeypatch):
    from pipeline import sources, workflow
    from pipeline.config import load_settings

    read = []
    original = sources.read_article
    monkeypatch.setattr(sources, "read_article", lambda *a: read.append(a[1]) or original(*a))
    settings = load_settings(repo_copy)
    workflow.extract_templates(settings, workers=1)
    assert sorted(read) == ["source/restless-leg-syndrome-cause.md", "source/restless-legs-leg-cramps.md"]
    read.clear()
    workflow.extract_templates(settings, workers=1)
    assert read == []
    source = repo_copy / "source/restless-legs-leg-cramps.md"
    source.write_text(source.read_text().replace("## References", "## Sources"))
    workflow.extract_templates(settings, workers=1)
    assert read == ["source/restless-legs-leg-cramps.md"]
    warm = {p.name: p.read_bytes() for p in (repo_copy / "locales/templates").glob("*.pot")}
    shutil.rmtree(repo_copy / ".pipeline-cache")
    workflow.extract_templates(settings, workers=1)
    assert {p.name: p.read_bytes() for p in (repo_copy / "locales/templates").glob("*.pot")} == warm


def test_a_locale_that_is_not_configured_is_refused_naming_the_setting(repo_copy):
    for command in (["update"], ["update", "--check"], ["status"], ["compile"], ["check", "catalogs"]):
        result = run(repo_copy, *command, "--locale", "fr-CA")
        assert result.exit_code == 2, command
        assert "--locale fr-CA: not configured in the `locales` setting" in result.output
    assert not (repo_copy / "locales/fr-CA").exists()
