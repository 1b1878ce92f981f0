"""Catalogs survive the translators' own tools: every part of an entry read and written back as it was."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Callable

import pytest

from pipeline.catalogs import CatalogTree, Message, read_catalog, render_catalog
from pipeline.catalogs.pofile import PoSyntaxError, parse, render
from pipeline.catalogs.style import GNU, NO_WRAP, WEBLATE, Style, escape, message_lines

from .conftest import run
from .test_linear_time import assert_linear

EVERY_PART = r'''# Translator's note.
#. paragraph
#: source/a.md:3 source/a.md:9
#, fuzzy, ignore-same
#| msgctxt "old"
#| msgid "Take 1 tablet a day."
msgctxt "dose"
msgid "Take 2 tablets a day."
msgstr "Tome 1 comprimido al día."

msgid "One tablet"
msgid_plural "%d tablets"
msgstr[0] "Un comprimido"
msgstr[1] "%d comprimidos"
msgstr[2] "%d de comprimidos"

msgid "Line one\nline two"
msgstr ""
"Línea uno\n"
"línea dos"

#, fuzzy
#~| msgid "Drink water."
#~ msgid "Drink more water."
#~ msgstr "Beba agua."
'''


def header(charset: str = "UTF-8", language: str = "es") -> str:
    return (f'msgid ""\nmsgstr ""\n"Project-Id-Version: a 1\\n"\n"Language: {language}\\n"\n"MIME-Version: 1.0\\n"\n'
            f'"Content-Type: text/plain; charset={charset}\\n"\n"Content-Transfer-Encoding: 8bit\\n"\n'
            f'"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 ? 1 : 2);\\n"\n\n')


def write(tmp_path: Path, text: str, charset: str = "UTF-8", name: str = "a.po") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(charset))
    return path


def reread(path: Path) -> bytes:
    tree = CatalogTree(path.parent, path.parent)
    return render_catalog(read_catalog(path, tree))


def test_every_part_of_an_entry_is_read(tmp_path):
    path = write(tmp_path, header() + EVERY_PART)
    catalog = read_catalog(path, CatalogTree(tmp_path, tmp_path))
    dose = catalog.get("Take 2 tablets a day.", "dose")
    assert dose.translator_comments == ["Translator's note."] and dose.extracted_comments == ["paragraph"]
    assert dose.references == ["source/a.md:3", "source/a.md:9"] and dose.flags == ["fuzzy", "ignore-same"]
    assert (dose.previous_msgctxt, dose.previous_msgid) == ("old", "Take 1 tablet a day.")
    plural = catalog.get("One tablet")
    assert plural.msgid_plural == "%d tablets" and len(plural.msgstr_plural) == 3
    [obsolete] = catalog.obsolete
    assert obsolete.fuzzy and obsolete.previous_msgid == "Drink water." and obsolete.msgstr == "Beba agua."
    assert reread(path) == path.read_bytes()


@pytest.mark.parametrize("width", ["--no-wrap", "-w79", "-w40", "-w120"])
def test_msgcat_output_reads_and_writes_back_byte_for_byte(tmp_path, width):
    source = write(tmp_path, header() + EVERY_PART, name="source.po")
    path = tmp_path / "a.po"
    subprocess.run(["msgcat", width, str(source), "-o", str(path)], check=True)
    assert reread(path) == path.read_bytes()


def test_a_latin1_catalog_is_written_back_in_latin1_without_escapes(tmp_path):
    path = write(tmp_path, header("ISO-8859-1") + 'msgid "Café"\nmsgstr "Café au lait"\n', "ISO-8859-1")
    catalog = read_catalog(path, CatalogTree(tmp_path, tmp_path))
    catalog.get("Café").msgstr = "Café crème"
    data = render_catalog(catalog)
    assert "Café crème".encode("latin-1") in data and b"\\u" not in data
    path.write_bytes(data)
    subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], check=True)


def test_text_latin1_cannot_hold_turns_the_catalog_into_utf8_as_msgmerge_does(tmp_path):
    path = write(tmp_path, header("ISO-8859-1") + 'msgid "Café"\nmsgstr "Café"\n', "ISO-8859-1")
    catalog = read_catalog(path, CatalogTree(tmp_path, tmp_path))
    catalog.messages.append(Message("Dose — daily", "Dosis — diaria"))
    data = render_catalog(catalog)
    assert b"charset=UTF-8" in data and "Dosis — diaria".encode() in data and "Café".encode() in data


def test_a_duplicate_msgid_is_refused_naming_both_lines(repo_copy):
    po = repo_copy / "locales/es/LC_MESSAGES/restless-leg-syndrome-cause.po"
    text = po.read_text()
    po.write_text(text + '\nmsgid "Conclusion"\nmsgstr "Otra conclusión"\n')
    first = next(n for n, line in enumerate(text.splitlines(), 1) if line == 'msgid "Conclusion"')
    second = len(text.splitlines()) + 2
    for command in (["update"], ["check", "catalogs"], ["status"]):
        result = run(repo_copy, *command)
        assert result.exit_code == 2, command
        assert f"duplicate message definition: 'Conclusion' is defined on line {first} and again on line {second}" in result.output
    assert "Otra conclusión" in po.read_text()


def test_a_whitespace_only_translation_counts_as_untranslated(repo_copy):
    po = repo_copy / "locales/es/LC_MESSAGES/restless-leg-syndrome-cause.po"
    po.write_text(po.read_text().replace('msgstr "Conclusión"', 'msgstr "   "'))
    tree = CatalogTree(repo_copy, repo_copy / "locales")
    message = read_catalog(po, tree, "es").get("Conclusion")
    assert not message.translated and not message.has_translation


def test_styles_are_detected_from_the_files_own_lines(tmp_path):
    long = "Leg cramps and restless legs are often the first symptoms of varicose veins, and treating the veins helps."
    source = write(tmp_path, header() + f'msgid "{long}"\nmsgstr "{long}"\n', name="source.po")
    for args, style in ((["--no-wrap"], NO_WRAP), (["-w79"], GNU), (["-w60"], Style(60))):
        path = tmp_path / "a.po"
        subprocess.run(["msgcat", *args, str(source), "-o", str(path)], check=True)
        found = read_catalog(path, CatalogTree(tmp_path, tmp_path)).style
        assert found == style or (style.width and found.width and found.width >= style.width and not found.toolkit)


def test_translate_toolkit_output_is_read_as_weblate_writes_it(tmp_path):
    from translate.storage import pypo
    long = ("Treatment of varicose veins may alleviate the symptoms of resless legs (RLS). In fact, one study "
            "found that ninety-eight percent of patients with RLS and varicose veins noted that the symptoms improved.")
    path = write(tmp_path, header() + f'msgid "{long}"\nmsgstr ""\n')
    store = pypo.pofile.parsefile(str(path))
    store.units[1].target = long  # Weblate wraps it before the full stop, where GNU never breaks
    path.write_bytes(bytes(store))
    assert read_catalog(path, CatalogTree(tmp_path, tmp_path)).style == WEBLATE
    assert reread(path) == path.read_bytes()



@pytest.mark.parametrize("text", ["77😀uatmnv9\\Zt\\.leg", "\\béb?é,:9t; c,\\:acé\\/caلa", "see C:\\,and D:\\;then E",
                                  "(/.ש😀a(a(??aaa,\\.a-Z,(;-"])
def test_a_full_stop_after_an_escaped_backslash_breaks_before_a_letter_as_msgcat_does(tmp_path, text):
    path = write(tmp_path, header() + f'msgid "{escape(text)}"\nmsgstr ""\n')
    saved = subprocess.run(["msgcat", "-w", "22", str(path)], capture_output=True, text=True, check=True).stdout
    assert message_lines(Message(text), Style(22)) == saved.split("\n\n")[1].strip("\n").split("\n")


#: Strings that make a PO reader, a wrapper or a style detector backtrack or rescan, as functions of a size.
HOSTILE_STRINGS: dict[str, Callable[[int], str]] = {
    "one long word": lambda n: "a" * n,
    "spaces": lambda n: " " * n + "a",
    "escapes": lambda n: "\\" * n + '"',
    "new lines": lambda n: "a\n" * (n // 2),
    "hyphens": lambda n: "a-" * (n // 2),
    "a web address of punctuation": lambda n: "see https://" + "./" * (n // 2),
    "wide letters": lambda n: "痛み" * (n // 2),
    "line separators": lambda n: "a\u2028 " * (n // 3),
    "Arabic": lambda n: "لا " * (n // 3),
}


@pytest.mark.parametrize("style", [NO_WRAP, GNU, WEBLATE, Style(20)], ids=["no-wrap", "gnu", "weblate", "gnu-20"])
@pytest.mark.parametrize("family", sorted(HOSTILE_STRINGS))
def test_reading_and_writing_hostile_strings_takes_linear_time(family, style):
    def measure(size: int) -> Callable[[], object]:
        text = HOSTILE_STRINGS[family](size)
        data = render_catalog_text(text, style)

        def read_and_write() -> None:
            catalog = parse(data, "a")
            catalog.messages[0].msgstr += "."  # changed: written again in the style
            render(catalog, style)
        return read_and_write

    assert_linear(measure, f"{family} in {style}")


#: Lines that are not valid PO, as functions of a size: each must be refused, at once.
INVALID_LINES: dict[str, Callable[[int], str]] = {
    "spaces, then a letter": lambda n: " " * n + "x",
    "a keyword, spaces, a letter": lambda n: "msgid" + " " * n + "x",
    "a previous msgid of spaces": lambda n: "#~|" + " " * n + "msgid x",
    "an unterminated string of escapes": lambda n: 'msgstr "' + "\\\\" * (n // 2),
    "a comment of backslashes": lambda n: "# " + "\\" * n,
    "a string of stray backslashes": lambda n: '"' + "a\\" * (n // 2),
}


@pytest.mark.parametrize("family", sorted(INVALID_LINES))
def test_an_invalid_line_is_refused_in_linear_time(family):
    def measure(size: int) -> Callable[[], object]:
        data = (header() + 'msgid "a"\nmsgstr "b"\n' + INVALID_LINES[family](size) + "\n").encode()

        def refuse() -> None:
            with pytest.raises(PoSyntaxError):
                parse(data, "a")
        return refuse

    assert_linear(measure, f"refusing {family}")


def render_catalog_text(text: str, style: Style) -> bytes:
    """A catalog of one message holding the text as its msgid and msgstr, written in a style."""
    catalog = parse(header().encode(), "a")
    catalog.messages.append(Message(text, text, extracted_comments=["paragraph"], references=["source/a.md:1"]))
    return render(catalog, style)
