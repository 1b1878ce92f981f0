"""Bad XLIFF and bad export requests: exit code 2, one line naming the file and line, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run, translate_everything, write_project
from .test_bad_input import assert_refused, snapshot

ARTICLE = """\
---
title: Leg cramps
---

# Leg cramps

Cramps are *sudden*. See [the NHS page](https://www.nhs.uk/) or call `111`.

Drink water.
"""


@pytest.fixture
def exported(tmp_path: Path) -> tuple[Path, Path]:
    """A project translated into Spanish, its article exported to XLIFF 1.2."""
    root = write_project(tmp_path / "project", {"cramps.md": ARTICLE}, locales='["es", "de"]')
    translate_everything(root, "es")
    assert run(root, "update").exit_code == 0
    assert run(root, "export", "xliff").exit_code == 0
    return root, root / "locales/xliff/es/cramps.xlf"


def edit(path: Path, old: str, new: str) -> int:
    """Replace text in an XLIFF file; the line of the change."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def edit_target(path: Path, old: str, new: str) -> int:
    """Replace text in the first target that holds it; the target's line."""
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(n for n, line in enumerate(lines) if "<target" in line and old in line)
    lines[number] = lines[number].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    return number + 1


def importing(root: Path, path: Path, line: int, *fragments: str) -> None:
    """The import of the file is refused, naming it and the line."""
    assert_refused(root, [["import", "xliff", str(path)]], f"{path}:{line}:", *fragments)


LINK = '<bpt id="2" ctype="link">[</bpt>the NHS page<ept id="2">](https://www.nhs.uk/)</ept>'
EMPHASIS = '<bpt id="1" ctype="italic">*</bpt>sudden<ept id="1">*</ept>'
CODE = '<ph id="3" ctype="x-code">`111`</ph>'


@pytest.mark.parametrize("old, new, fragments", [
    (LINK, "the NHS page", ["it has 0 link where the source has 1"]),
    (LINK, LINK + LINK, ["inline code 2 is there 2 times"]),
    ('<ept id="2">](https://www.nhs.uk/)</ept>', "", ["inline code 2 starts and never ends"]),
    (CODE, "111", ["it has 0 code where the source has 1"]),
    (EMPHASIS, '<bpt id="1" ctype="italic">*</bpt> sudden<ept id="1">*</ept>', ["its text breaks inline code 1 (emphasis)"]),
    (EMPHASIS + ". See " + LINK,
     '<bpt id="1">*</bpt>sudden. See <bpt id="2">[</bpt>the NHS page<ept id="1">*</ept><ept id="2">](https://www.nhs.uk/)</ept>',
     ["inline code 1 ends inside 2: pairs must nest"]),
    (CODE, '<ph id="9">`111`</ph> ya', ["inline code 9 is not one of the source's"]),
    (CODE, '<g id="3">`111`</g>', ["<g> is not an inline element pipeline wrote"]),
    (EMPHASIS, '<bpt id="1">*</bpt>sudden<ept id="1">_</ept>', ["its text breaks inline code 1"]),
])
def test_a_target_that_breaks_its_inline_codes(exported, old, new, fragments):
    root, path = exported
    line = edit_target(path, old, new)
    importing(root, path, line, *fragments)


def test_a_translator_tools_plain_text_setter_that_doubles_the_codes(exported):
    """translate-toolkit's `unit.target = text` keeps the old codes after the new text: refused."""
    from translate.storage import xliff
    root, path = exported
    store = xliff.xlifffile.parsestring(path.read_bytes())
    unit = next(u for u in store.units if u.source.startswith("Cramps are"))
    unit.target = "Los calambres son *repentinos*. Vea [la página](https://www.nhs.uk/) o llame al `111`."
    path.write_bytes(bytes(store))
    line = next(n for n, l in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "Los calambres" in l)
    importing(root, path, line, "the target is refused", "where the source has 1")


@pytest.mark.parametrize("old, new, fragments", [
    ('target-language="es"', 'target-language="it"', ["the file is for locale 'it', which is not configured"]),
    ('target-language="es"', 'target-language="de"', ["not for a catalog of this project in de"]),
    ('source-language="en"', 'source-language="fr"', ["the file translates from 'fr'"]),
    ('original="locales/es/LC_MESSAGES/cramps.po"', 'original="locales/es/LC_MESSAGES/other.po"',
     ["locales/es/LC_MESSAGES/other.po, which does not exist"]),
    ('original="locales/es/LC_MESSAGES/cramps.po"', 'original="../../etc/passwd"', ["not for a catalog of this project"]),
])
def test_a_file_for_another_article_or_locale(exported, old, new, fragments):
    root, path = exported
    line = edit(path, old, new)
    importing(root, path, line, *fragments)


def test_an_edited_source(exported):
    root, path = exported
    lines = path.read_text(encoding="utf-8").splitlines()
    source = next(n for n, line in enumerate(lines, 1) if "<source>Drink water.</source>" in line)
    unit_line = max(n for n, line in enumerate(lines[:source], 1) if "<trans-unit" in line)
    edit(path, "<source>Drink water.</source>", "<source>Drink more water.</source>")
    importing(root, path, unit_line, "its source is not the catalog's text")


def test_a_unit_the_catalog_does_not_have(exported):
    root, path = exported
    text = path.read_text(encoding="utf-8")
    start = text.index('<trans-unit id="')
    unit_id = text[start + len('<trans-unit id="'):text.index('"', start + len('<trans-unit id="'))]
    line = edit(path, f'<trans-unit id="{unit_id}"', '<trans-unit id="u00000000000000000000"')
    edit(path, "<source>Leg cramps</source>", "<source>Leg pain</source>")
    importing(root, path, line, "unit u00000000000000000000 is not in the catalog")


@pytest.mark.parametrize("content, line, fragment", [
    (b'<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file>\n', 4, "not well-formed XML"),
    (b"\xff\xfe<xliff", 1, "not well-formed XML"),
    (b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n'
     b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file/></xliff>\n', 1, "a DOCTYPE is not allowed"),
    (b'<?xml version="1.0"?>\n<!DOCTYPE x SYSTEM "http://127.0.0.1:9/evil.dtd">\n<x/>\n', 1, "a DOCTYPE is not allowed"),
    (b'<?xml version="1.0"?>\n<html><body/></html>\n', 2, "not an XLIFF 1.2 or 2.x document"),
])
def test_malformed_or_hostile_xml(exported, content, line, fragment):
    root, path = exported
    path.write_bytes(content)
    importing(root, path, line, fragment)


def test_one_bad_file_and_no_catalog_is_written(exported):
    """Files are all checked before any catalog is written: the good file's work waits for the bad one."""
    root, good = exported
    assert run(root, "export", "xliff", "--locale", "de").exit_code == 0
    bad = root / "locales/xliff/de/cramps.xlf"
    edit(good, "ES Drink water.</target>", "Beba agua.</target>")
    line = edit(bad, 'target-language="de"', 'target-language="xx"')
    before = snapshot(root)
    result = run(root, "import", "xliff", str(good), str(bad))
    assert result.exit_code == 2 and f"{bad}:{line}:" in result.output
    assert snapshot(root) == before


def test_the_same_catalog_twice(exported):
    root, path = exported
    copy = path.with_name("copy.xlf")
    copy.write_bytes(path.read_bytes())
    assert_refused(root, [["import", "xliff", str(path), str(copy)]], f"{copy}:3:", "also the catalog of")


def test_export_bad_requests(exported):
    root, _ = exported
    (root / "locales/xliff").rename(root / "old-xliff")
    assert_refused(root, [["export", "xliff", "--locale", "it"]], "--locale it: not configured")
    assert_refused(root, [["export", "xliff", "--locale", "en"]], "the source locale has no translations")
    assert_refused(root, [["export", "xliff", "--xliff-version", "3.0"]], "'3.0' is not one of")
    (root / "locales/de/LC_MESSAGES/cramps.po").unlink()
    assert_refused(root, [["export", "xliff"]], "locales/de/LC_MESSAGES/cramps.po", "run `pipeline update --locale de`")


def test_export_refuses_a_broken_catalog_and_a_character_xliff_12_cannot_carry(exported):
    root, _ = exported
    po = root / "locales/es/LC_MESSAGES/cramps.po"
    text = po.read_text(encoding="utf-8")
    # A form feed: a catalog may hold it (\\f) and a page shows it as a space, but XML 1.0 cannot carry it.
    po.write_text(text.replace('msgstr "ES Drink water."', 'msgstr "ES Drink\\f water."'), encoding="utf-8")
    line = next(n for n, l in enumerate(po.read_text(encoding="utf-8").splitlines(), 1) if l.startswith('msgid "Drink'))
    assert_refused(root, [["export", "xliff", "--locale", "es"]], f"cramps.po:{line}:", "U+000C")
    assert run(root, "export", "xliff", "--locale", "es", "--xliff-version", "2.1").exit_code == 0
    assert '<cp hex="000C"/>' in (root / "locales/xliff/es/cramps.xlf").read_text(encoding="utf-8")
    po.write_text(text.replace('msgstr "ES Drink water."', 'msgstr "ES Drink water.'), encoding="utf-8")
    assert_refused(root, [["export", "xliff"]], "cramps.po:", "not a valid PO")
