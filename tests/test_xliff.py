"""XLIFF export and import: OASIS schemas, translate-toolkit, and export-then-import as the identity."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from lxml import etree

from pipeline.catalogs import CatalogTree, read_catalog
from pipeline.xliff.read import read_xliff

from .conftest import run, translate_everything, write_project

SCHEMAS = Path(os.environ.get("PIPELINE_XLIFF_SCHEMAS") or Path(__file__).parent / "xliff" / "schemas")
XML_XSD = SCHEMAS / "2.1" / "informativeCopiesOf3rdPartySchemas" / "w3c" / "xml.xsd"
SCHEMA_FILES = {"1.2": SCHEMAS / "1.2" / "xliff-core-1.2-strict.xsd", "2.1": SCHEMAS / "2.1" / "xliff_core_2.0.xsd"}

RICH = """\
---
title: Leg cramps at night
description: Why legs *cramp* at night.
---

# Leg cramps at `night`

Cramps are *sudden*, **painful** and ~~rare~~ common. See [the NHS page](https://www.nhs.uk/ "NHS")
or <https://example.org/cramps>, and call [816-396-0245](tel:+18163960245).\\
Line two, after a hard break.  
Line three.

- A list item with ![a calf](calf.png) in it and a \\*literal\\* star & 2*3.
- ***Both*** at once, and [a *nested* link](https://a.example/x_y).
"""


class _LocalXmlXsd(etree.Resolver):
    """XLIFF 1.2's schema imports xml.xsd from the W3C: served from the copy beside it, never fetched."""

    def resolve(self, url, pubid, context):  # type: ignore[no-untyped-def]
        if url == "http://www.w3.org/2001/xml.xsd":
            return self.resolve_filename(str(XML_XSD), context)
        return None


@pytest.fixture(scope="module")
def schemas() -> dict[str, etree.XMLSchema]:
    """The OASIS core schemas of XLIFF 1.2 (strict) and 2.1: asked for, they must be in place (see their README)."""
    missing = [str(p) for p in (*SCHEMA_FILES.values(), XML_XSD) if not p.is_file()]
    if missing:
        pytest.fail(f"the OASIS XLIFF schemas are not in place: {', '.join(missing)} (see tests/xliff/schemas/README.md)")
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_LocalXmlXsd())
    return {version: etree.XMLSchema(etree.parse(str(path), parser)) for version, path in SCHEMA_FILES.items()}


@pytest.fixture
def rich(tmp_path: Path) -> Path:
    """A project whose article has every kind of inline Markdown, translated into Spanish and German."""
    root = write_project(tmp_path / "rich", {"cramps.md": RICH}, locales='["es", "de"]')
    translate_everything(root, "es")
    assert run(root, "update", "--locale", "de").exit_code == 0  # German left untranslated
    return root


def catalogs(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.glob("locales/*/LC_MESSAGES/*.po"))}


def test_export_writes_one_file_per_article_and_locale(repo_copy: Path):
    result = run(repo_copy, "export", "xliff")
    assert result.exit_code == 0, result.output
    files = sorted(p.relative_to(repo_copy).as_posix() for p in (repo_copy / "locales/xliff").rglob("*.xlf"))
    slugs = sorted(p.stem for p in (repo_copy / "locales/templates").glob("*.pot") if p.stem != "ui")
    assert files == [f"locales/xliff/{l}/{s}.xlf" for l in sorted(["es", "de", "fr", "ar"]) for s in slugs]
    again = run(repo_copy, "export", "xliff")
    assert "0 XLIFF files written, 8 already up to date" in again.output


@pytest.mark.oasis_schemas
@pytest.mark.parametrize("version", ["1.2", "2.1"])
def test_exports_validate_against_the_oasis_schemas(repo_copy: Path, rich: Path, schemas, version: str):
    for root in (repo_copy, rich):
        assert run(root, "export", "xliff", "--xliff-version", version, "-o", str(root / "out")).exit_code == 0
        files = sorted((root / "out").rglob("*.xlf"))
        assert files
        for path in files:
            document = etree.parse(str(path))
            assert schemas[version].validate(document), (path, schemas[version].error_log)


@pytest.mark.parametrize("version", ["1.2", "2.1"])
def test_inline_markdown_becomes_protected_codes(rich: Path, version: str):
    assert run(rich, "export", "xliff", "--xliff-version", version, "--locale", "es").exit_code == 0
    text = (rich / "locales/xliff/es/cramps.xlf").read_text(encoding="utf-8")
    if version == "1.2":
        assert '<bpt id="4" ctype="link">[</bpt>the NHS page<ept id="4">](https://www.nhs.uk/ "NHS")</ept>' in text
        assert '<bpt id="1" ctype="italic">*</bpt>sudden<ept id="1">*</ept>' in text
        assert '<bpt id="2" ctype="bold">**</bpt>painful<ept id="2">**</ept>' in text
        assert '<ph id="1" ctype="x-code">`night`</ph>' in text
        assert '<ph id="5" ctype="x-link">&lt;https://example.org/cramps&gt;</ph>' in text
        # Both hard breaks reach the catalog as a newline (`msgids`), and XLIFF as a protected code.
        assert '<ph id="7" ctype="lb">\n</ph>Line two, after a hard break.<ph id="8" ctype="lb">\n</ph>' in text
        assert '<bpt id="1" ctype="x-image">![</bpt>a calf<ept id="1">](calf.png)</ept>' in text
        assert 'state="needs-review-translation"' not in text and 'state="translated"' in text
    else:
        assert '<pc id="4" canCopy="no" canDelete="no" type="link" dataRefStart="d' in text
        assert 'type="fmt" subType="xlf:i"' in text and 'type="fmt" subType="xlf:b"' in text
        assert 'type="fmt" subType="xlf:lb"' in text and '<data id="d1">`night`</data>' in text
        assert '<note category="location">source/cramps.md:6</note>' in text
    assert "\\*literal\\* star &amp; 2*3" in text  # escapes stay as written; a lone * is text


@pytest.mark.parametrize("version", ["1.2", "2.1"])
def test_export_then_import_is_the_identity(repo_copy: Path, rich: Path, version: str):
    for root in (repo_copy, rich):
        before = catalogs(root)
        assert run(root, "export", "xliff", "--xliff-version", version).exit_code == 0
        files = [str(p) for p in sorted((root / "locales/xliff").rglob("*.xlf"))]
        result = run(root, "import", "xliff", *files)
        assert result.exit_code == 0, result.output
        assert "0 entries changed in 0 catalogs" in result.output
        assert catalogs(root) == before


@pytest.mark.parametrize("version", ["1.2", "2.1"])
def test_an_edited_target_comes_back_with_its_state(rich: Path, version: str):
    assert run(rich, "export", "xliff", "--xliff-version", version, "--locale", "es").exit_code == 0
    path = rich / "locales/xliff/es/cramps.xlf"
    text = path.read_text(encoding="utf-8")
    old = "ES Leg cramps at night</target>"
    assert old in text
    text = text.replace(old, "Calambres nocturnos</target>")
    if version == "1.2":
        text = text.replace('<target state="translated">Calambres', '<target state="needs-review-translation">Calambres')
    else:  # the unit's segment goes back to a draft: the state of the segment holding that target
        head, _, tail = text.partition("Calambres nocturnos</target>")
        cut = head.rindex('<segment state="translated">')
        text = head[:cut] + '<segment state="initial">' + head[cut + len('<segment state="translated">'):] + "Calambres nocturnos</target>" + tail
    path.write_text(text, encoding="utf-8")
    result = run(rich, "import", "xliff", str(path))
    assert result.exit_code == 0, result.output
    assert "1 entries changed in 1 catalogs" in result.output
    catalog = read_catalog(rich / "locales/es/LC_MESSAGES/cramps.po", CatalogTree(rich, rich / "locales"), "es")
    assert catalog.get("Leg cramps at night").msgstr == "Calambres nocturnos"
    assert catalog.get("Leg cramps at night").fuzzy
    assert not catalog.get("Why legs *cramp* at night.").fuzzy


def test_a_translation_into_an_untranslated_locale_keeps_its_codes(rich: Path):
    assert run(rich, "export", "xliff", "--locale", "de").exit_code == 0
    path = rich / "locales/xliff/de/cramps.xlf"
    text = path.read_text(encoding="utf-8")
    source = '<source>Why legs <bpt id="1" ctype="italic">*</bpt>cramp<ept id="1">*</ept> at night.</source>'
    assert source in text and "<target" not in text
    target = '<target state="translated">Warum Beine nachts <bpt id="1">*</bpt>krampfen<ept id="1">*</ept>.</target>'
    path.write_text(text.replace(source, source + target), encoding="utf-8")
    assert run(rich, "import", "xliff", str(path)).exit_code == 0
    catalog = read_catalog(rich / "locales/de/LC_MESSAGES/cramps.po", CatalogTree(rich, rich / "locales"), "de")
    assert catalog.get("Why legs *cramp* at night.").msgstr == "Warum Beine nachts *krampfen*."
    assert not catalog.get("Why legs *cramp* at night.").fuzzy
    assert sum(1 for m in catalog if m.msgstr) == 1  # units not in the file (or without target) untouched


def test_msgctxt_and_comments_are_kept_as_notes():
    from pipeline.catalogs.po import Catalog, Message
    from pipeline.xliff.units import xliff_file
    from pipeline.xliff.write import render_xliff

    message = Message("Dose", "Dosis", msgctxt="medicine", extracted_comments=["heading level 2"],
                      translator_comments=["checked by pharmacist"], references=["source/a.md:3"], flags=["fuzzy"],
                      previous_msgid="Doses")  # as a PO's `#| msgid` gives it
    document = xliff_file(Catalog("a", messages=[message]), "a", "locales/es/LC_MESSAGES/a.po", "en", "es")
    text12 = render_xliff(document, "1.2").decode()
    assert '<context context-type="x-po-msgctxt">medicine</context>' in text12
    assert '<context context-type="sourcefile">source/a.md</context>' in text12
    assert '<note from="developer">heading level 2</note>' in text12
    assert '<note from="translator">checked by pharmacist</note>' in text12
    assert '<note from="pipeline">previous-source: Doses</note>' in text12
    assert '<target state="needs-review-translation">Dosis</target>' in text12
    text21 = render_xliff(document, "2.1").decode()
    assert '<note category="context">medicine</note>' in text21 and '<segment state="initial">' in text21


def test_translate_toolkit_reads_our_xliff_as_the_catalog(repo_copy: Path, rich: Path):
    """xliff2po of an exported 1.2 file gives back each entry: text, translation, fuzzy, comments, references."""
    from translate.convert import xliff2po
    for root in (repo_copy, rich):
        assert run(root, "export", "xliff").exit_code == 0
        tree = CatalogTree(root, root / "locales")
        for path in sorted((root / "locales/xliff").rglob("*.xlf")):
            ours = read_catalog(tree.po(path.parent.name, path.stem), tree, path.parent.name)
            theirs = xliff2po.xliff2po().convertstore(path.read_bytes())
            got = {(u.source, u.target, u.isfuzzy(), u.getnotes("developer"), u.getnotes("translator"),
                    tuple(u.getlocations())) for u in theirs.units if not u.isheader()}
            want = {(m.msgid, m.msgstr, bool(m.msgstr) and m.fuzzy, "\n".join(m.extracted_comments),
                     "\n".join(m.translator_comments), tuple(m.references)) for m in ours}
            assert got == want, path


def test_translate_toolkit_edits_and_po2xliff_files_come_back(rich: Path):
    """A target set through translate-toolkit's XLIFF API (as Weblate does), and po2xliff's own files, import."""
    from translate.storage import xliff
    from translate.storage.placeables import StringElem
    assert run(rich, "export", "xliff", "--locale", "es").exit_code == 0
    path = rich / "locales/xliff/es/cramps.xlf"
    store = xliff.xlifffile.parsestring(path.read_bytes())
    unit = next(u for u in store.units if u.source.startswith("Cramps are"))
    rich_target = unit.rich_target  # text and codes, as translate-toolkit's placeables see them
    rich_target[0].sub[0] = StringElem("Los calambres son ")
    unit.rich_target = rich_target
    path.write_bytes(bytes(store))
    assert run(rich, "import", "xliff", str(path)).exit_code == 0
    po = rich / "locales/es/LC_MESSAGES/cramps.po"
    catalog = read_catalog(po, CatalogTree(rich, rich / "locales"), "es")
    assert catalog.get(unit.source).msgstr == unit.source.replace("Cramps are", "Los calambres son")

    # po2xliff run in the project on its catalog, as a user would, then a target set in the file
    made = rich / "tt.xlf"
    subprocess.run([str(Path(sys.executable).parent / "po2xliff"), "locales/es/LC_MESSAGES/cramps.po", "tt.xlf"],
                   cwd=rich, check=True, capture_output=True)
    store = xliff.xlifffile.parsestring(made.read_bytes())
    assert 'source-language="en-US"' in made.read_text(encoding="utf-8")  # its default; English all the same
    next(u for u in store.units if u.source == "Leg cramps at night").target = "Calambres de noche"
    made.write_bytes(bytes(store))
    result = run(rich, "import", "xliff", str(made))
    assert result.exit_code == 0, result.output
    assert "1 entries changed in 1 catalogs" in result.output
    assert read_catalog(po, CatalogTree(rich, rich / "locales"), "es").get("Leg cramps at night").msgstr == "Calambres de noche"


def test_the_reader_refuses_doctypes_and_entities(tmp_path: Path):
    bomb = tmp_path / "bomb.xlf"
    bomb.write_text(textwrap.dedent("""\
        <?xml version="1.0"?>
        <!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file><body/></file></xliff>
        """), encoding="utf-8")
    from pipeline.xliff.read import XliffError

    with pytest.raises(XliffError, match="DOCTYPE"):
        read_xliff(bomb, "bomb.xlf")
