"""Properties of XLIFF export and import, on hypothesis-generated texts and catalogs."""

from __future__ import annotations

import codecs
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.catalogs import CatalogTree, read_catalog, render_catalog
from pipeline.catalogs.po import Catalog, Message
from pipeline.markdown import parse_inline
from pipeline.xliff.exchange import merge_units
from pipeline.xliff.inline import Tag, join, split_inline, target_problem
from pipeline.xliff.read import read_xliff
from pipeline.xliff.units import xliff_file
from pipeline.xliff.write import render_xliff

#: Pieces of Markdown that make and break inline codes, with words, right-to-left text and escapes.
MARKUP = st.sampled_from([
    "*", "**", "_", "__", "~~", "`", "``", "[", "]", "(", ")", "![", "](https://example.org/a_b)", "](tel:+1800)",
    "<https://example.org/>", "<a@b.example>", "\\", "\\*", "&amp;", "&#42;", "  \n", "\\\n", "\n", " ", "  ",
    "word", "Dose", "مرحبا", "שלום", "\u200f", "😀", "\t", "\r\n", "2*3", "x_y", '"', "'", "#", ">", "|",
])
TEXTS = st.lists(MARKUP, min_size=1, max_size=25).map("".join)


def rotate(text: str) -> str:
    """A stand-in translation of a text run: letters changed, everything Markdown cares about kept."""
    return codecs.encode(text, "rot13")


def translated(msgid: str) -> str:
    """A translation that keeps every inline code of its source."""
    return join(rotate(p) if isinstance(p, str) else p for p in split_inline(msgid))


@settings(max_examples=1000, deadline=None)
@given(TEXTS)
def test_pieces_join_to_the_text_and_match_the_projects_parser(text: str):
    pieces = split_inline(text)
    assert join(pieces) == text
    assert target_problem(pieces, pieces) is None
    assert target_problem(pieces, split_inline(translated(text))) is None
    if "\r" not in text:  # the project's parser normalises line ends; ours keeps them to give the text back
        made = [t.type for t in parse_inline(text) if t.nesting == 1 or t.type in ("image", "code_inline", "hardbreak")]
        assert len([p for p in pieces if isinstance(p, Tag) and p.role != "close"]) == len(made)


@st.composite
def catalogs(draw: st.DrawFn, msgids: list[str] | None = None) -> Catalog:
    """A catalog of an article: Markdown msgids, some translated, some fuzzy, some with msgctxt and comments."""
    messages = []
    for msgid in msgids if msgids is not None else draw(st.lists(TEXTS, min_size=1, max_size=6, unique=True)):
        kind = draw(st.sampled_from(["untranslated", "translated", "any"]))
        string = {"untranslated": "", "translated": translated(msgid), "any": draw(TEXTS)}[kind]
        messages.append(Message(
            msgid, string, msgctxt="menu" if len(msgid) % 3 == 0 else None,
            flags=["fuzzy"] if string and draw(st.booleans()) else [],
            extracted_comments=draw(st.sampled_from([[], ["paragraph"], ["page title", "heading level 1"]])),
            translator_comments=draw(st.sampled_from([[], ["checked by Dr. Ruiz"]])),
            references=[f"source/article.md:{draw(st.integers(1, 500))}"],
            previous_msgid=draw(st.sampled_from([None, "An older text"])) if string else None,
        ))
    return Catalog("article", messages=messages)


def read_back(catalog: Catalog, folder: Path) -> tuple[Catalog, bytes]:
    """A catalog as the tool writes and reads it from disk."""
    path = folder / "locales/es/LC_MESSAGES/article.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    data = render_catalog(catalog)
    path.write_bytes(data)
    return read_catalog(path, CatalogTree(folder, folder / "locales"), "es"), data


def exported(catalog: Catalog, version: str, folder: Path):
    """A catalog exported to XLIFF and read back as an import reads it."""
    path = folder / f"article.{version}.xlf"
    path.write_bytes(render_xliff(xliff_file(catalog, "article", "locales/es/LC_MESSAGES/article.po", "en", "es"), version))
    [read] = read_xliff(path, path.name)
    return read


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogs(), st.sampled_from(["1.2", "2.1"]))
def test_export_then_import_changes_nothing(catalog: Catalog, version: str):
    with tempfile.TemporaryDirectory() as folder:
        ours, data = read_back(catalog, Path(folder))
        assert merge_units(exported(ours, version, Path(folder)), ours) == 0
        assert render_catalog(ours) == data


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.sampled_from(["1.2", "2.1"]))
def test_import_brings_every_translation_and_state_across(data: st.DataObject, version: str):
    msgids = data.draw(st.lists(TEXTS, min_size=1, max_size=6, unique=True))
    before = data.draw(catalogs(msgids))
    after = data.draw(catalogs(msgids))
    for message in after:  # what a translator did in the CAT tool: translations that keep the codes
        if message.msgstr:
            message.msgstr = translated(message.msgid)
    with tempfile.TemporaryDirectory() as folder:
        ours, _ = read_back(before, Path(folder))
        merge_units(exported(after, version, Path(folder)), ours)
        for message in after:
            got = ours.get(message.msgid, message.msgctxt)
            old = before.get(message.msgid, message.msgctxt)
            if message.msgstr:
                assert (got.msgstr, got.fuzzy) == (message.msgstr, message.fuzzy)
            else:
                assert (got.msgstr, got.fuzzy) == (old.msgstr, old.fuzzy)
