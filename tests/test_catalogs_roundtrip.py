"""Read then write is the identity on catalogs saved by the translators' tools and by this one.

hypothesis makes catalogs with every part an entry can have (comments, references, flags,
msgctxt, plural forms, previous msgids, obsolete entries with `#~|`, non-ASCII text and long
lines); each is saved by msgcat at a random width or with `--no-wrap`, by `msgmerge
--previous` against a changed template, by translate-toolkit (Weblate's PO layer, a test-only
dependency) after an edit, or by this tool in one of its styles. The file read and written
back must keep every byte, and what is read must be what was written.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.catalogs import Catalog, CatalogTree, Header, Message, read_catalog, render_catalog
from pipeline.catalogs.style import GNU, NO_WRAP, WEBLATE, Style

# GNU gettext is installed by tests/browser/setup (as .ci/run does): without it these tests fail, never skip.

#: Letters from several scripts, marks, wide characters, quotes and backslashes, a line separator.
LETTERS = list("abcdefghijklmnopqrstuvwxyzABCXYZ0123456789") + [
    "é", "ß", "ñ", "ü", "e\u0301", "中", "文", "日", "ا", "ل", "س", "ש", "ל", "😀", "ﬁ", '"', "\\", "'", "%", "\u00a0",
    "\u2028", "…", "—",
]
WORDS = ["leg", "cramps", "tablet", "Pierna", "calambre", "قدم", "רגל", "x" * 90, "https://example.org/a/b?c=d", "{name}"]
word = st.one_of(st.sampled_from(WORDS), st.lists(st.sampled_from(LETTERS), min_size=1, max_size=14).map("".join))
gap = st.sampled_from([" ", " ", " ", " ", ", ", ". ", ".", "-", "/", "\n", "\t", "  ", ": "])
text = st.lists(st.tuples(word, gap), min_size=1, max_size=24).map(lambda pairs: "".join(w + g for w, g in pairs)[:-1] or "a")
#: A comment never ends with a backslash: GNU would join the next line to it (the tool refuses such a file).
comment = st.lists(st.sampled_from([*LETTERS, " "]), max_size=40).map(lambda c: "".join(c).rstrip("\\"))
reference = st.tuples(st.sampled_from(["source/a.md", "source/leg-cramps.md", "b.md", "source/café.md"]),
                      st.integers(1, 9999)).map(lambda r: f"{r[0]}:{r[1]}")
FLAGS = ["ignore-same", "ignore-length", "max-length:80", "no-wrap"]
#: The flags GNU gettext knows: msgcat and msgmerge drop the others (Weblate's among them).
GNU_FLAGS = {"fuzzy", "no-wrap"}


@st.composite
def messages(draw: st.DrawFn, obsolete: bool) -> Message:
    """An entry with any of the parts GNU gettext writes for it, as GNU writes them."""
    plural = draw(st.none() | text)
    translation = text if obsolete else st.just("") | text  # GNU drops an obsolete entry without a translation
    forms = [draw(translation)] if plural is None else draw(st.lists(translation, min_size=2, max_size=2))
    fuzzy = all(forms) and draw(st.booleans())  # GNU drops the flag of an untranslated entry
    message = Message(
        msgid=draw(text),
        msgstr=forms[0] if plural is None else "",
        msgctxt=draw(st.none() | comment.filter(bool)),
        msgid_plural=plural,
        msgstr_plural=forms if plural is not None else [],
        translator_comments=draw(st.lists(comment, max_size=2)),
        extracted_comments=[] if obsolete else draw(st.lists(comment.filter(bool), max_size=2)),
        references=[] if obsolete else draw(st.lists(reference, max_size=5, unique=True)),
        flags=(["fuzzy"] if fuzzy else []) + draw(st.lists(st.sampled_from(FLAGS), unique=True, max_size=2)),
        obsolete=obsolete,
    )
    if fuzzy and draw(st.booleans()):
        message.previous_msgid = draw(text)
        message.previous_msgctxt = draw(st.none() | comment.filter(bool))
        message.previous_msgid_plural = draw(text) if plural is not None else None
    return message


def header() -> Header:
    fields = [("Project-Id-Version", " a 1"), ("Report-Msgid-Bugs-To", " EMAIL@ADDRESS"),
              ("POT-Creation-Date", " 2024-03-01 00:00+0000"), ("PO-Revision-Date", " 2024-03-02 10:00+0100"),
              ("Last-Translator", " Ana <ana@example.org>"), ("Language", " es"), ("Language-Team", " none"),
              ("Plural-Forms", " nplurals=2; plural=(n != 1);"), ("MIME-Version", " 1.0"),
              ("Content-Type", " text/plain; charset=UTF-8"), ("Content-Transfer-Encoding", " 8bit")]
    return Header([" Spanish translation of a.", " Ana <ana@example.org>, 2024."], [], fields)


catalogs = st.tuples(
    st.lists(messages(obsolete=False), min_size=1, max_size=8, unique_by=lambda m: m.key),
    st.lists(messages(obsolete=True), max_size=3, unique_by=lambda m: m.key),
).filter(lambda c: not {m.key for m in c[0]} & {m.key for m in c[1]}).map(
    lambda c: Catalog("a", header(), [*c[0], *c[1]]))
widths = st.one_of(st.just(None), st.integers(20, 140))  # None: --no-wrap
styles = st.sampled_from([NO_WRAP, GNU, WEBLATE, Style(40), Style(120)])


def parts(message: Message, flags: set[str] | None = None) -> tuple:
    """What a message holds, every part of it (of its flags, only those in `flags` when given)."""
    return (message.msgctxt, message.msgid, message.msgid_plural, message.msgstr, tuple(message.msgstr_plural),
            tuple(message.translator_comments), tuple(message.extracted_comments), tuple(message.references),
            tuple(f for f in message.flags if flags is None or f in flags), message.previous_msgctxt,
            message.previous_msgid, message.previous_msgid_plural, message.obsolete)


def read(path: Path) -> Catalog:
    return read_catalog(path, CatalogTree(path.parent, path.parent))


def assert_read_then_write_is_the_identity(path: Path) -> Catalog:
    catalog = read(path)
    assert render_catalog(catalog) == path.read_bytes()
    return catalog


def assert_written_again_in_its_own_style(path: Path) -> None:
    """Every entry written afresh (no line of it kept) in the style read from the file gives the file again."""
    catalog = read(path)
    for entry in [catalog.header, *catalog.messages]:
        entry.original, entry.original_text = {}, None
    assert render_catalog(catalog, catalog.style).decode() == path.read_text(encoding="utf-8")


def as_translate_toolkit_reads_it(path: Path) -> list[tuple]:
    """What translate-toolkit (another reader, Weblate's) finds in a file."""
    from translate.storage import pypo
    return [(unit.getcontext() or None, str(unit.source),
             [str(form) for form in (unit.target.strings if unit.hasplural() else [unit.target])],
             unit.isobsolete(), unit.isfuzzy(), unit.getlocations(), str(unit.prev_source) or None)
            for unit in pypo.pofile.parsefile(str(path)).units if not unit.isheader()]


def as_we_read_it(catalog: Catalog) -> list[tuple]:
    return [(m.msgctxt, m.msgid, m.msgstr_plural if m.msgid_plural is not None else [m.msgstr], m.obsolete, m.fuzzy,
             m.references, m.previous_msgid) for m in catalog.messages]


def wrapping(width: int | None) -> list[str]:
    return ["--no-wrap"] if width is None else [f"--width={width}"]


SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(catalog=catalogs, style=styles)
def test_the_tools_own_files(catalog, style):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.po"
        path.write_bytes(render_catalog(catalog, style))
        subprocess.run(["msgfmt", "--check-format", "-o", "/dev/null", str(path)], check=True)
        read_back = assert_read_then_write_is_the_identity(path)
        assert [parts(m) for m in read_back.messages] == [parts(m) for m in catalog.messages]
        assert_written_again_in_its_own_style(path)


@SETTINGS
@given(catalog=catalogs, width=widths)
def test_files_saved_by_msgcat_at_any_width(catalog, width):
    with tempfile.TemporaryDirectory() as folder:
        ours, path = Path(folder) / "ours.po", Path(folder) / "a.po"
        ours.write_bytes(render_catalog(catalog))
        subprocess.run(["msgcat", *wrapping(width), "-o", str(path), str(ours)], check=True)
        read_back = assert_read_then_write_is_the_identity(path)
        assert [parts(m) for m in read_back.messages] == [parts(m, GNU_FLAGS) for m in catalog.messages]
        assert_written_again_in_its_own_style(path)


@SETTINGS
@given(catalog=catalogs, width=widths, data=st.data())
def test_files_saved_by_msgmerge_against_a_changed_template(catalog, width, data):
    active = list(catalog)
    kept = data.draw(st.lists(st.sampled_from(active), unique_by=lambda m: m.key, max_size=len(active)))
    changed = data.draw(st.lists(st.tuples(st.sampled_from(active), word), max_size=3))
    template = Catalog("a", header(), [Message(m.msgid, msgctxt=m.msgctxt, msgid_plural=m.msgid_plural,
                                               extracted_comments=m.extracted_comments, references=m.references)
                                       for m in kept])
    keys = {m.key for m in template.messages}
    for message, extra in changed:  # a source edit: msgmerge makes a fuzzy entry with `#| msgid`
        edited = Message(f"{message.msgid} {extra}", msgctxt=message.msgctxt, msgid_plural=message.msgid_plural)
        if edited.key not in keys:
            keys.add(edited.key)
            template.messages.append(edited)
    with tempfile.TemporaryDirectory() as folder:
        ours, pot, path = Path(folder) / "ours.po", Path(folder) / "a.pot", Path(folder) / "a.po"
        ours.write_bytes(render_catalog(catalog))
        pot.write_bytes(render_catalog(template))
        subprocess.run(["msgmerge", "--quiet", "--previous", *wrapping(width), "-o", str(path), str(ours), str(pot)],
                       check=True)
        read_back = assert_read_then_write_is_the_identity(path)
        assert_written_again_in_its_own_style(path)
        assert as_we_read_it(read_back) == as_translate_toolkit_reads_it(path)


@SETTINGS
@given(catalog=catalogs, width=widths, edited=st.lists(st.tuples(st.integers(0, 7), text), max_size=3))
def test_files_saved_by_translate_toolkit_after_an_edit(catalog, width, edited):
    from translate.storage import pypo
    with tempfile.TemporaryDirectory() as folder:
        ours, path = Path(folder) / "ours.po", Path(folder) / "a.po"
        ours.write_bytes(render_catalog(catalog))
        subprocess.run(["msgcat", *wrapping(width), "-o", str(path), str(ours)], check=True)
        store = pypo.pofile.parsefile(str(path))
        units = [unit for unit in store.units if not unit.isheader() and not unit.isobsolete()]
        for index, target in edited:  # a translator's edit in Weblate: the unit is written again, at 77
            unit = units[index % len(units)]
            if not unit.hasplural():
                unit.target = target
        path.write_bytes(bytes(store))
        read_back = assert_read_then_write_is_the_identity(path)
        assert as_we_read_it(read_back) == as_translate_toolkit_reads_it(path)
