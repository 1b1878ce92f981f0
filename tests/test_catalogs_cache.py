"""What extract, update and compile remember between runs: no work while nothing changed, the same files as without it."""

import shutil
from pathlib import Path

from .conftest import run

PO = "locales/es/LC_MESSAGES/restless-leg-syndrome-cause.po"
SOURCE = "source/restless-leg-syndrome-cause.md"


def catalog_files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "locales").rglob("*.[mp]o*"))}


def counting(monkeypatch, module, name: str) -> list:
    calls = []
    original = getattr(module, name)
    monkeypatch.setattr(module, name, lambda *a, **k: calls.append(a) or original(*a, **k))
    return calls


def without_cache(root: Path, *command: str) -> dict[str, bytes]:
    """The catalogs the command writes from the same files with nothing remembered."""
    copy = root.parent / f"{root.name}-cold"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(root, copy, symlinks=True)
    shutil.rmtree(copy / ".pipeline-cache", ignore_errors=True)
    assert run(copy, *command).exit_code in (0, 1)
    return catalog_files(copy)


def test_update_reads_no_catalog_while_everything_is_in_step(repo_copy, monkeypatch):
    from pipeline import sources, workflow

    assert run(repo_copy, "update").exit_code == 0
    reads = counting(monkeypatch, workflow, "read_catalog")
    articles = counting(monkeypatch, sources, "load_articles")
    assert run(repo_copy, "update").exit_code == 0
    assert run(repo_copy, "update", "--check").exit_code == 0
    assert run(repo_copy, "update", "--locale", "es").exit_code == 0
    assert reads == [] and articles == []


def test_update_merges_again_after_any_edit_as_it_would_without_the_cache(repo_copy, monkeypatch):
    from pipeline import workflow

    assert run(repo_copy, "update").exit_code == 0
    reads = counting(monkeypatch, workflow, "read_catalog")
    po = repo_copy / PO
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "Conclusión"', 'msgstr "Conclusiones"'), encoding="utf-8")
    expected = without_cache(repo_copy, "update")
    reads.clear()
    assert run(repo_copy, "update").exit_code == 0
    assert reads and {locale for _, _, locale in reads} == {"es"}  # the other locales' catalogs are not read
    assert catalog_files(repo_copy) == expected
    source = repo_copy / SOURCE
    source.write_text(source.read_text().replace("## Conclusion\n", "## Conclusions\n"))
    expected = without_cache(repo_copy, "update", "--check")
    assert run(repo_copy, "update", "--check").exit_code == 1  # out of date, and nothing written
    assert catalog_files(repo_copy) == expected
    assert run(repo_copy, "update", "--check").exit_code == 1  # still: the check remembered nothing wrong
    expected = without_cache(repo_copy, "update")
    assert run(repo_copy, "update").exit_code == 0
    assert catalog_files(repo_copy) == expected and "Conclusions" in po.read_text(encoding="utf-8")
    assert run(repo_copy, "update", "--check").exit_code == 0


def test_update_brings_back_a_deleted_po_and_removes_the_pot_of_a_deleted_article(repo_copy):
    assert run(repo_copy, "update").exit_code == 0
    (repo_copy / PO).unlink()
    assert run(repo_copy, "update", "--check").exit_code == 1
    assert run(repo_copy, "update").exit_code == 0 and (repo_copy / PO).exists()
    (repo_copy / SOURCE).unlink()
    assert run(repo_copy, "update", "--check").exit_code == 1
    assert run(repo_copy, "update").exit_code == 0
    assert not (repo_copy / "locales/templates/restless-leg-syndrome-cause.pot").exists()


def test_extract_writes_a_deleted_pot_again_without_reading_its_source(repo_copy, monkeypatch):
    from pipeline import sources, workflow
    from pipeline.config import load_settings

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # a POT written again is dated now: the same now
    settings = load_settings(repo_copy)
    workflow.extract_templates(settings, workers=1)
    for pot in (repo_copy / "locales/templates").glob("*.pot"):
        pot.unlink()
    expected = without_cache(repo_copy, "extract")
    reads = counting(monkeypatch, sources, "read_article")
    assert len(workflow.extract_templates(settings, workers=1)) == 3  # two articles and the ui domain
    assert reads == [] and catalog_files(repo_copy) == expected


def test_extract_dates_a_pot_written_again_from_the_cache_as_now(repo_copy, monkeypatch):
    pot = repo_copy / "locales/templates/restless-leg-syndrome-cause.pot"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    assert run(repo_copy, "extract").exit_code == 0
    pot.unlink()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")  # 2027-01-01
    assert run(repo_copy, "extract").exit_code == 0
    assert '"POT-Creation-Date: 2027-01-01 00:00+0000\\n"' in pot.read_text(encoding="utf-8")
    assert catalog_files(repo_copy) == without_cache(repo_copy, "extract")  # nothing else to write


def test_compile_writes_the_remembered_mo_and_compiles_an_edited_po_again(repo_copy, monkeypatch):
    from pipeline.catalogs import remembered

    assert run(repo_copy, "compile").exit_code == 0
    cold = catalog_files(repo_copy)
    for mo in (repo_copy / "locales").rglob("*.mo"):
        mo.unlink()
    reads = counting(monkeypatch, remembered, "read_catalog")
    assert run(repo_copy, "compile").exit_code == 0
    assert reads == [] and catalog_files(repo_copy) == cold
    po = repo_copy / PO
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "Conclusión"', 'msgstr "Conclusiones"'), encoding="utf-8")
    expected = without_cache(repo_copy, "compile")
    reads.clear()
    assert run(repo_copy, "compile").exit_code == 0
    assert len(reads) == 1 and catalog_files(repo_copy) == expected
    assert b"Conclusiones" in (repo_copy / PO).with_suffix(".mo").read_bytes()
