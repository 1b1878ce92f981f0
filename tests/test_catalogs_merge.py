"""update as msgmerge --previous decides, and beyond it: nothing translated is lost, fuzzy stays fuzzy."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from pipeline.catalogs import CatalogTree, Message, read_catalog, render_catalog

from .conftest import run, write_project

ARTICLE = "---\ntitle: Doses\n---\n\n{body}\n"


def project_with(tmp_path: Path, *paragraphs: str) -> Path:
    root = write_project(tmp_path / "p", {"doses.md": ARTICLE.format(body="\n\n".join(paragraphs))})
    assert run(root, "update").exit_code == 0
    return root


def edit(root: Path, *paragraphs: str) -> None:
    (root / "source/doses.md").write_text(ARTICLE.format(body="\n\n".join(paragraphs)), encoding="utf-8")
    assert run(root, "update").exit_code == 0


def catalog(root: Path):
    return read_catalog(root / "locales/es/LC_MESSAGES/doses.po", CatalogTree(root, root / "locales"), "es")


def translate(root: Path, translations: dict[str, str]) -> None:
    found = catalog(root)
    for message in found:
        if message.msgid in translations:
            message.msgstr = translations[message.msgid]
            message.fuzzy = False
    (root / "locales/es/LC_MESSAGES/doses.po").write_bytes(render_catalog(found))


def test_take_1_tablet_stays_fuzzy_through_obsolescence_and_restoration(tmp_path):
    root = project_with(tmp_path, "Take 1 tablet a day.", "Drink water.")
    translate(root, {"Take 1 tablet a day.": "Tome 1 comprimido al día."})
    edit(root, "Take 2 tablets a day.", "Drink water.")
    message = catalog(root).get("Take 2 tablets a day.")
    assert message.fuzzy and message.msgstr == "Tome 1 comprimido al día."
    assert message.previous_msgid == "Take 1 tablet a day."
    edit(root, "Drink water.")  # the item is deleted: obsolete, and still fuzzy
    [obsolete] = catalog(root).obsolete
    assert obsolete.fuzzy and obsolete.msgstr == "Tome 1 comprimido al día."
    assert "#, fuzzy\n#~| msgid \"Take 1 tablet a day.\"\n#~ msgid \"Take 2 tablets a day.\"" in (
        root / "locales/es/LC_MESSAGES/doses.po").read_text()
    edit(root, "Take 2 tablets a day.", "Drink water.")  # back again: the page must not say 1 tablet
    restored = catalog(root).get("Take 2 tablets a day.")
    assert restored.fuzzy and restored.msgstr == "Tome 1 comprimido al día." and not catalog(root).obsolete


def test_after_two_edits_the_previous_msgid_is_the_text_the_translation_was_made_for(tmp_path):
    root = project_with(tmp_path, "Stretch your calf before bed.")
    translate(root, {"Stretch your calf before bed.": "Estire la pantorrilla antes de dormir."})
    edit(root, "Stretch your calves before bed.")
    edit(root, "Stretch both calves before bed.")
    message = catalog(root).get("Stretch both calves before bed.")
    assert message.fuzzy and message.previous_msgid == "Stretch your calf before bed."
    assert run(root, "update", "--check").exit_code == 0
    edit(root, "Stretch your calf before bed.")  # the text the translation was made for: confirmed again
    message = catalog(root).get("Stretch your calf before bed.")
    assert not message.fuzzy and message.previous_msgid is None
    assert message.msgstr == "Estire la pantorrilla antes de dormir."


def test_update_changes_only_the_edited_entry_whatever_tool_saved_the_file(tmp_path):
    paragraphs = [f"Paragraph {n}: leg cramps are common at night and stretching before bed often helps a lot."
                  for n in range(6)]
    root = project_with(tmp_path, *paragraphs)
    translate(root, {p: p.replace("leg cramps", "los calambres") for p in paragraphs})
    po = root / "locales/es/LC_MESSAGES/doses.po"
    for tool in (["msgcat", "-w", "79"], ["msgcat", "--no-wrap"], ["msgcat", "-w", "60"]):
        subprocess.run([*tool, str(po), "-o", str(po)], check=True)
        saved = po.read_text()
        assert run(root, "update", "--check").exit_code == 0, tool
        edited = [*paragraphs[:2], paragraphs[2].replace("common", "frequent"), *paragraphs[3:]]
        edit(root, *edited)
        changed = [block for block in po.read_text().split("\n\n") if block not in saved.split("\n\n")]
        assert len(changed) == 1 and "Paragraph 2" in changed[0] and "#| " in changed[0], (tool, changed)
        assert run(root, "update", "--check").exit_code == 0
        before = po.read_bytes()
        assert run(root, "update").exit_code == 0 and po.read_bytes() == before  # twice: the same bytes
        edit(root, *paragraphs)
        translate(root, {paragraphs[2]: paragraphs[2].replace("leg cramps", "los calambres")})


def test_a_catalog_saved_by_translate_toolkit_passes_update_check_and_keeps_its_entries(tmp_path):
    from translate.storage import pypo
    long = "Leg cramps are common at night, and stretching the calf before bed (for a minute or two) often helps."
    root = project_with(tmp_path, long, "Drink water.")
    po = root / "locales/es/LC_MESSAGES/doses.po"
    store = pypo.pofile.parsefile(str(po))
    for unit in store.units:
        if unit.source == long:
            unit.target = "Los calambres son frecuentes de noche, y estirar la pantorrilla antes de dormir ayuda."
    po.write_bytes(bytes(store))
    saved = po.read_bytes()
    assert run(root, "update", "--check").exit_code == 0
    assert run(root, "update").exit_code == 0 and po.read_bytes() == saved
    assert catalog(root).get(long).msgstr.startswith("Los calambres")


def test_plural_forms_and_contexts_survive_an_update(repo_copy):
    po = repo_copy / "locales/ar/LC_MESSAGES/ui.po"
    tree = CatalogTree(repo_copy, repo_copy / "locales")
    found = read_catalog(po, tree, "ar")
    found.messages.append(Message("One tablet", msgid_plural="%(n)s tablets", msgctxt="dose", obsolete=True,
                                  msgstr_plural=[f"صيغة {n}" for n in range(6)]))
    po.write_bytes(render_catalog(found))
    assert run(repo_copy, "update").exit_code == 0
    [kept] = [m for m in read_catalog(po, tree, "ar").obsolete if m.msgctxt == "dose"]
    assert kept.msgstr_plural == [f"صيغة {n}" for n in range(6)] and kept.msgid_plural == "%(n)s tablets"
    subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po)], check=True)


def test_po_width_wraps_new_lines_and_leaves_the_others(tmp_path):
    long = "Leg cramps are common at night, and stretching the calf before bed (for a minute or two) often helps."
    root = project_with(tmp_path, "Drink water.")
    settings = root / "pyproject.toml"
    settings.write_text(settings.read_text().replace("[tool.pipeline]", "[tool.pipeline]\npo_width = 79"))
    edit(root, "Drink water.", long)
    text = (root / "locales/es/LC_MESSAGES/doses.po").read_text()
    assert 'msgid ""\n"Leg cramps are common at night, and stretching the calf before bed (for a "\n' in text
    assert 'msgid "Drink water."' in text


def test_a_catalog_started_by_msginit_in_gnu_header_order_is_up_to_date(tmp_path):
    long = "Leg cramps are common at night, and stretching the calf before bed (for a minute or two) often helps."
    root = project_with(tmp_path, long, "Drink water.")
    po = root / "locales/es/LC_MESSAGES/doses.po"
    subprocess.run(["msginit", "--no-translator", "-l", "es", "-i", str(root / "locales/templates/doses.pot"),
                    "-o", str(po)], check=True, capture_output=True)
    translate(root, {"Drink water.": "Beba agua."})
    saved = po.read_text()
    fields = [line.split(":")[0] for line in saved.split("\n\n")[0].splitlines() if line.startswith('"')]
    assert fields.index('"Language') > fields.index('"Content-Type') and "charset=UTF-8" in saved  # GNU's order
    assert run(root, "update", "--check").exit_code == 0
    edit(root, long.replace("common", "frequent"), "Drink water.")
    after = po.read_text().splitlines()
    changed = [(a, b) for a, b in zip(saved.splitlines(), after) if a != b and "POT-Creation-Date" not in a]
    assert len(after) == len(saved.splitlines()) and changed and all(
        "common" in a and "frequent" in b for a, b in changed), changed  # the header and the other entry as they were
    assert run(root, "update", "--check").exit_code == 0
