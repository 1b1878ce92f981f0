"""Every bad input: exit code 2, one line naming the file (and line), no traceback, nothing written."""

import os
from pathlib import Path

import pytest

from .conftest import run, translate_everything, write_project

COMMANDS = [
    ["extract"], ["update"], ["update", "--check"], ["compile"], ["status"],
    ["check", "catalogs"], ["check", "readability"], ["build"],
]


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file a user owns in the project (the tool's cache and a replaced bundle being deleted left out)."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".pipeline-cache" not in p.parts and not p.relative_to(root).parts[0].startswith(".retired-")
    }


@pytest.fixture
def built(project: Path) -> Path:
    """A project translated into Spanish and built once, so that 'nothing written' can be seen."""
    translate_everything(project, "es")
    assert run(project, "build").exit_code in (0, 1)
    return project


def assert_refused(root: Path, commands: list[list[str]], *fragments: str) -> None:
    before = snapshot(root)
    for command in commands:
        result = run(root, *command)
        assert result.exit_code == 2, (command, result.output)
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), (command, result.output)
        assert "Traceback" not in result.output
        for fragment in fragments:
            assert fragment in lines[0], (command, lines[0])
        assert snapshot(root) == before, command


def po(root: Path) -> Path:
    return root / "locales/es/LC_MESSAGES/leg-cramps.po"


def test_a_po_with_a_syntax_error_is_never_rewritten(built):
    text = po(built).read_text()
    po(built).write_text(text.replace('msgstr "ES Drink enough water."', 'msgstr "ES Drink enough water.'))
    line = next(n for n, l in enumerate(po(built).read_text().splitlines(), 1) if 'msgstr "ES Drink enough water.' in l)
    assert_refused(built, [c for c in COMMANDS if c != ["extract"]],
                   f"locales/es/LC_MESSAGES/leg-cramps.po:{line}:", "not a valid PO")


def test_a_po_whose_language_contradicts_its_folder(built):
    po(built).write_text(po(built).read_text().replace('"Language: es\\n"', '"Language: de\\n"'))
    assert_refused(built, [c for c in COMMANDS if c != ["extract"]], "leg-cramps.po:", "Language header says 'de'")


def test_a_po_that_is_not_text_in_its_charset(built):
    po(built).write_bytes(po(built).read_bytes().replace(b"ES Drink", b"ES \xff\xfe Drink"))
    assert_refused(built, [["status"], ["build"], ["update"]], "leg-cramps.po")


@pytest.mark.parametrize("spelled, fragment", [
    (b"\x00", "control character U+0000"),  # an MO file would end the string there; a page shows U+FFFD
    (b"\x1b", "control character U+001B"),
    ("\u0085".encode(), "control character U+0085"),
    (b"\\a", "the escape \\a"),  # GNU reads a BEL, polib two letters
    (b"\\033", "the escape \\0"),
])
def test_a_po_string_with_a_control_character_a_page_cannot_show(built, spelled, fragment):
    po(built).write_bytes(po(built).read_bytes().replace(b"ES Drink", b"ES " + spelled + b" Drink"))
    line = next(n for n, l in enumerate(po(built).read_bytes().split(b"\n"), 1) if spelled in l)
    assert_refused(built, [c for c in COMMANDS if c != ["extract"]], f"leg-cramps.po:{line}:", fragment)


def test_a_source_with_a_control_character(built):
    (built / "source/bad.md").write_bytes(b"---\ntitle: T\n---\n\nText \x07 here.\n")
    assert_refused(built, [["extract"], ["update"], ["status"], ["check", "readability"], ["build"]],
                   "source/bad.md:5:", "control character U+0007")


@pytest.mark.parametrize("content, fragments", [
    (b"---\ntitle: Caf\xe9\n---\nText.\n", ["source/bad.md:2", "not UTF-8"]),
    (b"---\ntitle: [unclosed\n---\nText.\n", ["source/bad.md:2", "not valid YAML"]),
    (b"---\ntitle: T\ndate: 12\n---\nText.\n", ["source/bad.md:3", "'date' must be a date"]),
    (b"---\ntitle: T\ndescription: [1, 2]\n---\nText.\n", ["source/bad.md:3", "'description' must be text"]),
    (b"\n\n", ["source/bad.md", "empty article"]),
    (b"---\ntitle: T\n---\n\n", ["source/bad.md:4", "empty article"]),
    (b"---\ntitle: T\nslug: ../../etc\n---\nText.\n", ["source/bad.md:3", "slug '../../etc'"]),
    (b"---\ntitle: T\nslug: a/b\n---\nText.\n", ["source/bad.md:3", "slug 'a/b'"]),
])
def test_a_bad_source_file(built, content, fragments):
    (built / "source/bad.md").write_bytes(content)
    assert_refused(built, [["extract"], ["update"], ["status"], ["check", "readability"], ["build"]], *fragments)


def test_duplicate_slugs(built):
    (built / "source/copy.md").write_text((built / "source/leg-cramps.md").read_text().replace("title:", "slug: leg-cramps\ntitle:", 1))
    assert_refused(built, [["extract"], ["build"]], "slug 'leg-cramps' is already used by source/copy.md")


def test_a_link_that_leaves_the_source_folder(built, tmp_path):
    outside = tmp_path / "outside.md"
    outside.write_text("---\ntitle: Outside\n---\nSecret.\n")
    os.symlink(outside, built / "source/outside.md")
    assert_refused(built, [["extract"], ["build"]], "source/outside.md", "outside the source folder")


def test_a_missing_source_folder(built):
    settings = built / "pyproject.toml"
    settings.write_text(settings.read_text().replace("[tool.pipeline]", '[tool.pipeline]\nsource_dir = "articles"'))
    assert_refused(built, [["extract"], ["build"], ["status"]], "articles: source folder not found")


def test_an_unknown_locale(built):
    settings = built / "pyproject.toml"
    settings.write_text(settings.read_text().replace('locales = ["es"]', 'locales = ["es", "xx-YY"]'))
    assert_refused(built, COMMANDS, "pyproject.toml", "unknown locale 'xx-YY'")


def test_an_unknown_locale_on_the_command_line(built):
    assert_refused(built, [["update", "--locale", "qq"], ["build", "--locale", "qq"]], "unknown locale 'qq'")


def test_a_mistyped_setting_names_the_nearest_key(built):
    settings = built / "pyproject.toml"
    settings.write_text(settings.read_text() + "treshold = 70\n")
    assert_refused(built, COMMANDS, "unknown key 'treshold' (did you mean 'threshold'?)")


def test_a_setting_of_the_wrong_type(built):
    settings = built / "pyproject.toml"
    settings.write_text(settings.read_text().replace('locales = ["es"]', 'locales = ["es"]\nthreshold = "high"'))
    assert_refused(built, [["build"]], "threshold must be a percentage")


def test_an_unreadable_catalog(built):
    po(built).unlink()
    po(built).mkdir()  # a folder where a file should be: it cannot be read as one
    assert_refused(built, [["status"], ["build"]], "leg-cramps.po", "cannot read")


def test_an_unreadable_source_file(built):
    (built / "source/folder.md").mkdir()
    assert_refused(built, [["build"]], "source/folder.md", "cannot read")


@pytest.mark.parametrize("setting", ["dist_dir", "reports_dir"])
def test_an_unwritable_output_folder(built, setting):
    (built / "blocked").write_text("a file where a folder should be")
    settings = built / "pyproject.toml"
    settings.write_text(settings.read_text().replace("[tool.pipeline]", f'[tool.pipeline]\n{setting} = "blocked/out"'))
    assert_refused(built, [["build"]], "blocked")


def test_an_unwritable_catalog_folder(built):
    (built / "locales/es").rename(built / "es-moved")
    (built / "locales/es").write_text("a file where the locale's folder should be")
    assert_refused(built, [["update"]], "locales/es")


def test_a_broken_glossary(built):
    (built / "locales/es/glossary.csv").write_text("term;translation\nfoo;bar\n")
    assert_refused(built, [["check", "catalogs"], ["build"]], "locales/es/glossary.csv:1", "glossary needs the columns")


def test_an_unknown_option_or_command(built):
    assert_refused(built, [["build", "--frobnicate"], ["frobnicate"], ["check", "nothing"]], "(see '")


@pytest.mark.parametrize("front_matter, fragments", [
    ("date: 2024-13-45", ["source/bad.md:3", "'2024-13-45' is not a date"]),
    ("count: !!int abc", ["source/bad.md:3", "'abc' is not a whole number"]),
    ("tags:\n  - !!float x", ["source/bad.md:4", "'x' is not a float"]),
    ("when: !!timestamp 2024-02-30", ["source/bad.md:3", "is not a date"]),
    ("flag: !!bool maybe", ["source/bad.md:3", "'maybe'"]),
])
def test_a_front_matter_value_that_is_not_what_its_tag_says(built, front_matter, fragments):
    (built / "source/bad.md").write_text(f"---\ntitle: T\n{front_matter}\n---\nText.\n")
    assert_refused(built, [["extract"], ["update"], ["build"]], *fragments)


@pytest.mark.parametrize("settings, fragments", [
    ('dist_dir = "locales"', ["pyproject.toml:", "dist_dir 'locales' is locales_dir 'locales'"]),
    ('dist_dir = "source"', ["dist_dir 'source' is source_dir 'source'"]),
    ('reports_dir = "."', ["reports_dir '.' is the project folder"]),
    ('dist_dir = "."', ["dist_dir '.' is the project folder"]),
    ('dist_dir = "out"\nlocales_dir = "out/catalogs"', ["dist_dir 'out' holds locales_dir 'out/catalogs'"]),
    ('reports_dir = "dist/reports"', ["dist_dir 'dist' holds reports_dir 'dist/reports'"]),
    ('reports_dir = "dist"', ["is reports_dir 'dist'"]),
    ('source_dir = ".pipeline-cache"', ["the cache folder '.pipeline-cache' is source_dir"]),
    ('base_url = "https://example.org/a\\"b"', ["base_url must be empty or an absolute http(s) URL"]),
    ('base_url = "example.org"', ["base_url must be"]),
    ('base_url = "javascript:alert(1)//"', ["base_url must be"]),
    ('base_url = "https://example.org/ health"', ["base_url must be"]),
])
def test_settings_that_would_replace_inputs_or_break_pages(built, settings, fragments):
    path = built / "pyproject.toml"
    path.write_text(path.read_text().replace('base_url = "https://example.org/"\n', "") + settings + "\n")
    assert_refused(built, COMMANDS, *fragments)


def test_a_folder_setting_that_links_to_an_input_is_that_input(built):
    (built / "out").symlink_to("locales")
    path = built / "pyproject.toml"
    path.write_text(path.read_text() + 'dist_dir = "out"\n')
    assert_refused(built, [["build"]], "dist_dir 'out' is locales_dir 'locales'")


def test_a_catalog_folder_linked_outside_the_project_is_never_written(built, tmp_path):
    outside = tmp_path / "outside"
    (built / "locales/es").rename(outside)
    (built / "locales/es").symlink_to(outside)
    before = {p: p.read_bytes() for p in outside.rglob("*") if p.is_file()}
    source = built / "source/leg-cramps.md"
    source.write_text(source.read_text().replace("Drink enough water.", "Drink water."))
    assert_refused(built, [["update"], ["update", "--check"], ["compile"]], "locales/es", "leads outside the project")
    assert {p: p.read_bytes() for p in outside.rglob("*") if p.is_file()} == before
