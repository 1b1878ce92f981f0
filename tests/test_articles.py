"""Articles as people write them, through extract, translate and build: what translators get and what readers see.

The cases follow the CommonMark cases of the peers' suites (translate-toolkit's
tests/translate/storage/test_markdown.py, po4a's t/fmt/commonmark/): tables, nested lists,
link reference definitions, HTML blocks, footnotes, entities, hard breaks, images.
Each is written anew here; each is extracted, translated and built, and the page asserted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest
from bs4 import BeautifulSoup

from pipeline.build import build
from pipeline.catalogs import CatalogTree, read_catalog
from pipeline.config import load_settings

from .conftest import translate_everything, write_project

FRONT = "---\ntitle: Case\ndescription: A case.\n---\n\n"


class Built:
    """A one-article project after extract, translate and build."""

    def __init__(self, root: Path, result):
        self.root, self.result = root, result
        tree = CatalogTree(root, root / "locales")
        self.msgids = [m.msgid for m in read_catalog(root / "locales/templates/case.pot", tree)][2:]

    def page(self, locale: str) -> BeautifulSoup:
        return BeautifulSoup((self.root / f"dist/{locale}/case/index.html").read_text(encoding="utf-8"), "lxml")

    def findings(self, rule: str) -> list:
        return [f for f in self.result.report.findings if f.rule == rule]


def build_case(tmp_path: Path, body: str, translate: Callable[[str], str] | dict[str, str] | None = None) -> Built:
    """Write an article, extract it, translate every message into Spanish (`ES …` by default) and build."""
    root = write_project(tmp_path / "case", {"case.md": FRONT + body})
    table = translate if isinstance(translate, dict) else {}
    function = translate if callable(translate) else lambda text: table.get(text, f"ES {text}")
    translate_everything(root, "es", function)
    return Built(root, build(load_settings(root)))


def test_table_cells_are_units_and_the_table_keeps_its_shape(tmp_path):
    built = build_case(tmp_path, "| First cell | Second cell |\n| ---------- | ----------- |\n| Third      | Fourth      |\n")
    assert built.msgids == ["First cell", "Second cell", "Third", "Fourth"]
    page = built.page("es")
    assert [th.get_text() for th in page.select("main table thead th")] == ["ES First cell", "ES Second cell"]
    assert [td.get_text() for td in page.select("main table tbody td")] == ["ES Third", "ES Fourth"]


def test_nested_lists_keep_their_nesting_and_joined_lines(tmp_path):
    body = "* Item 1\n* This item paragraph runs over\n  several lines.\n  * Nested item 1\n    * Sub-sub item\n  * Nested item 2\n"
    built = build_case(tmp_path, body)
    assert built.msgids == ["Item 1", "This item paragraph runs over several lines.", "Nested item 1", "Sub-sub item",
                            "Nested item 2"]
    for locale, prefix in (("en", ""), ("es", "ES ")):
        deepest = built.page(locale).select("main ul > li > ul > li > ul > li")
        assert [li.get_text(strip=True) for li in deepest] == [f"{prefix}Sub-sub item"]


def test_reference_links_are_written_inline_so_every_translation_has_its_link(tmp_path):
    body = ('[railroad link][foo *bar*] hello, see [NICE] and ![a train][].\n\n'
            '[foo *bar*]: train.html "train & tracks"\n[NICE]: <https://www.nice.org.uk/a b>\n[a train]: https://x.org/t.png\n')
    built = build_case(tmp_path, body)
    [msgid] = built.msgids
    assert msgid == ('[railroad link](train.html "train & tracks") hello, see [NICE](https://www.nice.org.uk/a%20b) '
                     'and ![a train](https://x.org/t.png).')
    for locale in ("en", "es"):
        links = built.page(locale).select("main a")
        assert [(a["href"], a.get("title")) for a in links] == [("train.html", "train & tracks"),
                                                                 ("https://www.nice.org.uk/a%20b", None)]
        assert built.page(locale).select_one("main img")["src"] == "https://x.org/t.png"


def test_html_comments_are_never_units_nor_on_a_page_and_html_blocks_are_sanitized(tmp_path):
    body = ("<!-- editor: check the dose -->\n\nTake 2 tablets <!-- not 3 --> a day.\n\n"
            '<div class="box" onclick="x()">\nKeep <sup>this</sup> <script>alert(1)</script>\n</div>\n')
    built = build_case(tmp_path, body)
    assert built.msgids == ["Take 2 tablets a day."]
    for locale in ("en", "es"):
        html = str(built.page(locale).find("main"))
        assert "editor" not in html and "not 3" not in html and "<!--" not in html
        assert "<script" not in html and "alert" not in html and "onclick" not in html
    block = built.page("es").select_one("main div.html-block")
    assert block["lang"] == "en" and block.decode_contents() == "Keep <sup>this</sup>"  # not translated: marked


def test_inline_html_of_the_source_is_kept_and_a_translation_may_use_only_the_same(tmp_path):
    body = 'Water is H<sub>2</sub>O, says the <abbr title="National Health Service" onclick="x()">NHS</abbr>.\n\nPress <kbd>Enter</kbd>.\n'
    built = build_case(tmp_path, body, {
        'Water is H<sub>2</sub>O, says the <abbr title="National Health Service" onclick="x()">NHS</abbr>.':
            'El agua es H<sub>2</sub>O, dice el <abbr title="Servicio Nacional de Salud">NHS</abbr>.',
        "Press <kbd>Enter</kbd>.": "Pulse <b onmouseover=x()>Intro</b>.",
    })
    page = built.page("es")
    abbr = page.select_one("main abbr")
    assert page.select_one("main sub").get_text() == "2" and abbr.attrs == {"title": "Servicio Nacional de Salud"}
    assert not page.select("main b") and "Pulse <b onmouseover=x()>Intro</b>." in page.get_text()
    assert {f.message for f in built.findings("inline-html")} >= {
        "the translation uses <b>, which its source does not: readers see it as text"}
    assert built.page("en").select_one("main abbr").attrs == {"title": "National Health Service"}


def test_footnotes_link_to_their_note_and_back_and_each_note_is_a_unit(tmp_path):
    body = "Cramps are common.[^1] Most go away.[^long]\n\n[^long]: Within *minutes*.\n[^1]: One study, 2000.\n"
    built = build_case(tmp_path, body, lambda text: f"ES {text}".replace("[^long]", "[^1]") if "common" in text
                       else f"ES {text}")
    assert built.msgids == ["Cramps are common.[^1] Most go away.[^long]", "One study, 2000.", "Within *minutes*."]
    for locale in ("en", "es"):
        page = built.page(locale)
        refs = page.select("main sup.footnote-ref a")
        notes = page.select("main section.footnotes li")
        assert [a["href"] for a in refs] == ["#fn1", "#fn2"] if locale == "en" else ["#fn1", "#fn1"]
        assert [li["id"] for li in notes] == ["fn1", "fn2"]
        for back in page.select("main a.footnote-backref"):
            assert page.find(id=back["href"][1:]) is not None  # every way back leads to a reference
    es = built.page("es")
    assert es.select_one("#fn1").get_text(" ", strip=True).startswith("ES One study, 2000.")
    assert es.select_one("#notes-heading").get_text() == "ES Notes"  # from ui.po
    assert {f.rule for f in built.findings("references")} == {"references"}  # [^long] dropped, [^1] doubled


def test_citation_markers_link_to_the_references_list_in_every_locale(tmp_path):
    body = "One study showed it.[1] Another did not.[2] Not a citation: [3].\n\n## References\n\n1. Hirai M. 2000.\n2. Smith J. 2008.\n"
    built = build_case(tmp_path, body)
    for locale in ("en", "es"):
        page = built.page(locale)
        assert [(a["href"], a.get_text()) for a in page.select("main p a.citation")] == [("#ref-1", "[1]"), ("#ref-2", "[2]")]
        assert [li["id"] for li in page.select("main ol li")] == ["ref-1", "ref-2"]


def test_entities_become_characters_in_msgids_and_pages(tmp_path):
    body = "f&ouml;&ouml; &ndash; AT&amp;T, &lt;5 mg, &#42;not emphasis&#42; &copy;\n"
    built = build_case(tmp_path, body)
    assert built.msgids == ["föö – AT&T, <5 mg, \\*not emphasis\\* ©"]
    assert built.page("es").select_one("main p").get_text() == "ES föö – AT&T, <5 mg, *not emphasis* ©"
    assert built.page("en").select_one("main p").get_text() == "föö – AT&T, <5 mg, *not emphasis* ©"


def test_hard_line_breaks_are_one_plain_newline_in_the_msgid_whichever_way_they_are_written(tmp_path):
    built = build_case(tmp_path, "alpha\nbeta\\\ngamma  \ndelta\nepsilon\n")
    assert built.msgids == ["alpha beta\ngamma\ndelta epsilon"]
    for locale in ("en", "es"):
        paragraph = built.page(locale).select_one("main p")
        assert len(paragraph.find_all("br")) == 2
    assert [t.strip() for t in built.page("es").select_one("main p").strings] == ["ES alpha beta", "gamma", "delta epsilon"]


def test_heading_ids_stay_out_of_the_msgid_and_are_the_same_in_every_locale(tmp_path):
    built = build_case(tmp_path, "## Anonymous learners {#anonymous}\n\n{#registered}\n## Registered learners\n")
    assert built.msgids == ["Anonymous learners", "Registered learners"]
    for locale in ("en", "es"):
        assert [h["id"] for h in built.page(locale).select("main h2")] == ["anonymous", "registered"]


def test_a_standalone_images_alt_text_and_title_are_units(tmp_path):
    built = build_case(tmp_path, '![A calf being stretched](https://x.org/calf.png "Stretch before bed")\n')
    assert built.msgids == ["A calf being stretched", "Stretch before bed"]
    image = built.page("es").select_one("main img")
    assert (image["alt"], image["title"]) == ("ES A calf being stretched", "ES Stretch before bed")


@pytest.mark.parametrize("attack", ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<!-- x -->"])
def test_inline_html_a_source_does_not_have_is_text_in_a_translation(tmp_path, attack):
    built = build_case(tmp_path, "Water is H<sub>2</sub>O.\n", {"Water is H<sub>2</sub>O.": f"H<sub>2</sub>O {attack}"})
    main = built.page("es").find("main")
    assert not main.find_all(["script", "img"]) and attack in main.get_text() and main.find("sub")
    assert built.findings("inline-html")


def write_files(root: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        (root / "source" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "source" / name).write_bytes(data)


def test_images_and_pdfs_beside_the_article_are_copied_once_and_a_locale_may_have_its_own(tmp_path):
    root = write_project(tmp_path / "case", {
        "case.md": FRONT + "![A calf](images/calf.png)\n\nRead [the leaflet](docs/leaflet.pdf#page=2) or [another page](other.md).\n",
        "other.md": FRONT.replace("Case", "Other") + "![Same calf](images/calf.png)\n\n![Copy](images/copy.png)\n",
    })
    write_files(root, {"images/calf.png": b"calf", "images/copy.png": b"calf", "images/calf.es.png": b"ternero",
                       "docs/leaflet.pdf": b"%PDF-1.4"})
    translate_everything(root, "es")
    result = build(load_settings(root))
    dist = root / "dist"
    copies = sorted(p.relative_to(dist).as_posix() for p in (dist / "files").rglob("*") if p.is_file())
    assert len(copies) == 4 and {(dist / c).read_bytes() for c in copies} == {b"calf", b"ternero", b"%PDF-1.4"}
    assert len([c for c in copies if (dist / c).read_bytes() == b"calf"]) == 2  # calf.png and copy.png: one folder
    for locale, content in (("en", b"calf"), ("es", b"ternero")):
        page = dist / locale / "case" / "index.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        image = (page.parent / soup.select_one("main img")["src"]).resolve()
        assert image.read_bytes() == content and image.is_relative_to(dist.resolve())
        leaflet, other = soup.select("main p a")
        assert leaflet["href"].endswith("/leaflet.pdf#page=2")
        assert (page.parent / leaflet["href"].split("#")[0]).resolve().read_bytes() == b"%PDF-1.4"
        assert other["href"] == "other.md"  # a page, not a file to copy
    assert not [f for f in result.report.findings if f.rule == "missing-file"]
    assert f"files/{copies[0].split('/')[1]}/" in (dist / "manifest.json").read_text()


def test_a_missing_or_outside_file_is_an_error_at_its_markdown_line(tmp_path):
    root = write_project(tmp_path / "case", {"case.md": FRONT + "Intro.\n\n![A calf](images/none.png)\n\n[x](../../secret.txt)\n"})
    (tmp_path / "secret.txt").write_text("no")
    result = build(load_settings(root))
    found = sorted((f.file, f.line, f.severity, f.message) for f in result.report.findings if f.rule == "missing-file")
    assert found == [("source/case.md", 8, "error", "links to images/none.png, which is not in the source folder"),
                     ("source/case.md", 10, "error",
                      "links to ../../secret.txt, which is outside the source folder: it is not copied")]
    assert not (root / "dist/files").exists() and result.report.return_code == 1


def test_a_changed_image_is_copied_again_by_an_incremental_build(tmp_path):
    from pipeline.cache import BuildCache

    root = write_project(tmp_path / "case", {"case.md": FRONT + "![A calf](calf.png)\n"})
    write_files(root, {"calf.png": b"one"})
    settings = load_settings(root)
    build(settings, cache=BuildCache(root))
    write_files(root, {"calf.png": b"two"})
    build(settings, cache=BuildCache(root))
    soup = BeautifulSoup((root / "dist/en/case/index.html").read_text(encoding="utf-8"), "lxml")
    assert (root / "dist/en/case" / soup.select_one("main img")["src"]).resolve().read_bytes() == b"two"


def test_a_front_matter_typo_is_a_warning_naming_the_key_meant_and_declared_keys_are_translated(tmp_path):
    root = write_project(tmp_path / "case", {"case.md": "---\ntitle: Case\ndescripton: Typo.\nsummary: In short.\n"
                                                        "author: Dr. Who\n---\n\nText.\n"})
    settings_file = root / "pyproject.toml"
    settings_file.write_text(settings_file.read_text() + 'front_matter = ["summary"]\n')
    translate_everything(root, "es")
    result = build(load_settings(root))
    warned = sorted((f.line, f.severity, f.message) for f in result.report.findings if f.rule == "front-matter-key")
    assert [line for line, _, _ in warned] == [3, 5] and {severity for _, severity, _ in warned} == {"warning"}
    assert "unknown front-matter key 'descripton' (did you mean 'description'?)" in warned[0][2]
    assert "did you mean" not in warned[1][2]  # author: nothing near it
    tree = CatalogTree(root, root / "locales")
    entries = {m.msgid: m.extracted_comments for m in read_catalog(root / "locales/templates/case.pot", tree)}
    assert entries["In short."] == ["front-matter field summary"] and "Typo." not in entries and "Dr. Who" not in entries


def test_extract_removes_the_template_of_a_deleted_article_and_status_lists_its_kept_catalogs(tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import cli

    from .conftest import run

    root = write_project(tmp_path / "case", {"case.md": FRONT + "Text.\n", "gone.md": FRONT.replace("Case", "Gone") + "Old.\n"})
    translate_everything(root, "es")
    po = root / "locales/es/LC_MESSAGES/gone.po"
    kept = po.read_bytes()
    (root / "source/gone.md").unlink()
    result = run(root, "extract")
    assert "removed locales/templates/gone.pot" in result.output
    assert not (root / "locales/templates/gone.pot").exists() and (root / "locales/templates/case.pot").exists()
    assert run(root, "update").exit_code == 0 and po.read_bytes() == kept  # a PO is never deleted, nor changed
    status = CliRunner().invoke(cli, ["-C", str(root), "status", "--format", "json"])
    assert "locales/es/LC_MESSAGES/gone.po: its article is gone" in status.output  # on stderr


DONE_WHEN = """---
title: Leg cramps at night
descripton: Why legs cramp.
---

# Leg cramps at night

<!-- editor: check the dose with Dr. Mart&iacute;n -->

Cramps are common in older adults.[^1] Read the [NHS page][nhs] or the
[NICE summary][] and take 2 tablets <!-- not 3 --> a day.
Stretch f&ouml;r 30 seconds &ndash; then rest.\\
Drink H<sub>2</sub>O, as the <abbr title="National Health Service">NHS</abbr> says.[1]

![A calf being stretched](images/calf.png "Stretch before bed")

## References

1. Hirai M. Muscle cramps and varicose veins. Vasa. 2000.

[^1]: Most cramps last a few *minutes*.

[nhs]: https://www.nhs.uk/conditions/leg-cramps/ "NHS: leg cramps"
[NICE summary]: https://cks.nice.org.uk/topics/leg-cramps/
"""


def skeleton(main) -> list[tuple]:
    """The structure of a page's main content: elements with their ids, classes and link targets, no text."""
    return [(el.name, el.get("id"), tuple(el.get("class") or ()), el.get("href"), el.get("src")) for el in main.find_all(True)]


def test_an_article_as_people_write_it_builds_in_every_locale_with_the_same_structure(tmp_path):
    """The issue's test: links, notes, comment, inline HTML, entities, hard break, image, front-matter typo."""
    root = write_project(tmp_path / "case", {"case.md": DONE_WHEN}, locales='["es", "ar"]')
    write_files(root, {"images/calf.png": b"\x89PNG calf", "images/calf.es.png": b"\x89PNG ternero"})
    for locale in ("es", "ar"):
        translate_everything(root, locale, lambda text, locale=locale: f"{locale.upper()}: {text}")
    result = build(load_settings(root))

    [typo] = [f for f in result.report.findings if f.rule == "front-matter-key"]
    assert (typo.line, typo.severity) == (3, "warning") and "did you mean 'description'?" in typo.message
    assert not [f for f in result.report.findings if f.severity == "error"], result.report.findings
    shapes = {}
    for locale in ("en", "es", "ar"):
        page = BeautifulSoup((root / f"dist/{locale}/case/index.html").read_text(encoding="utf-8"), "lxml")
        main = page.find("main")
        text = main.get_text(" ")
        assert "editor" not in text and "not 3" not in text and "<!--" not in str(main)
        links = {a.get_text(): a["href"] for a in main.select("p a")}
        assert links["NHS page"] == "https://www.nhs.uk/conditions/leg-cramps/"
        assert main.select_one('a[href="https://www.nhs.uk/conditions/leg-cramps/"]')["title"] == "NHS: leg cramps"
        assert main.select_one('a[href="https://cks.nice.org.uk/topics/leg-cramps/"]') is not None
        assert main.select_one("sup.footnote-ref a")["href"] == "#fn1" and main.select_one("#fn1") is not None
        assert main.select_one("a.footnote-backref")["href"] == "#fnref1" and main.select_one("#fnref1") is not None
        assert main.select_one("a.citation")["href"] == "#ref-1" and main.select_one("#ref-1") is not None
        assert main.select_one("sub").get_text() == "2" and main.select_one("abbr")["title"].endswith("National Health Service")
        assert "för 30 seconds – then rest." in text and main.select_one("p br") is not None
        image = main.select_one("img")
        expected = b"\x89PNG ternero" if locale == "es" else b"\x89PNG calf"
        assert (root / f"dist/{locale}/case" / image["src"]).resolve().read_bytes() == expected
        assert image["alt"].endswith("A calf being stretched") and image["title"].endswith("Stretch before bed")
        shape = skeleton(main)
        shapes[locale] = [(name, i, c, h, None) for name, i, c, h, s in shape]  # the image differs in es by design
    assert shapes["en"] == shapes["es"] == shapes["ar"]
