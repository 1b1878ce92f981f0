"""Tables, refreshes, autofill tokens, lengths and language subtags, as the ACT rules read them."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from pipeline.checks.a11y.page import Page
from pipeline.checks.a11y.semantics.language import has_known_primary_language, registered_languages
from pipeline.checks.a11y.semantics.refresh import refresh_time
from pipeline.checks.a11y.semantics.spacing import line_height_px, spacing_px
from tests.test_a11y_aria import by_id, page_of

autocomplete = importlib.import_module("pipeline.checks.a11y.rules.autocomplete-valid")

# --- tables ------------------------------------------------------------------------------------------------------

AGES = (
    '<table id="t"><tr><td></td><th id="night" scope="col">Night</th><th id="day" scope="col">Day</th></tr>'
    '<tr><th id="young" scope="row">Under 50</th><td id="d1">Rare</td><td id="d2">Rare</td></tr>'
    '<tr><th id="old" rowspan="2" scope="row">Over 50</th><td id="d3" colspan="2">Common</td></tr>'
    '<tr><td id="d4" headers="day">Often</td><td id="d5">Rare</td></tr></table>'
)


@pytest.mark.parametrize(
    ("cell", "headers"),
    [("d1", ["young", "night"]), ("d2", ["young", "day"]), ("d3", ["old", "night", "day"]),
     ("d4", ["day"]), ("d5", ["old", "day"])],
)
def test_data_cells_get_their_headers_by_the_html_table_algorithm(cell: str, headers: list[str]):
    """Spans cover the slots they reach; a headers attribute replaces the scan."""
    page = page_of(AGES)
    table = page.table(by_id(page, "t"))
    found = table.headers_of(page, table.cell_of(by_id(page, cell)))
    assert [header.element.get("id") for header in found] == headers


def test_a_header_without_scope_heads_columns_only_when_its_row_holds_no_data():
    page = page_of('<table id="t"><tr><td></td><th id="a">Night</th></tr><tr><th id="b">Sign</th></tr>'
                   '<tr><td>x</td></tr></table>')
    table = page.table(by_id(page, "t"))
    night, sign = table.cell_of(by_id(page, "a")), table.cell_of(by_id(page, "b"))
    assert not table.is_column_header(night)  # the empty <td> beside it is a data cell
    assert table.is_column_header(sign)


def test_an_aria_table_is_read_from_its_rows_and_cells():
    page = page_of('<div role="table" id="t"><div role="row"><span role="columnheader" id="h">Dose</span></div>'
                   '<div role="row"><span role="cell" id="c">5 mg</span></div></div>')
    table = page.table(by_id(page, "t"))
    assert [h.element.get("id") for h in table.headers_of(page, table.cell_of(by_id(page, "c")))] == ["h"]


def test_text_a_parser_moves_out_of_a_table_is_not_the_tables():
    """libxml2 leaves stray text inside <table>; an HTML parser moves it before the table (foster parenting)."""
    page = page_of('<table id="t">\nNote<tr><td>x</td></tr></table>')
    assert "Note" not in [child for child in page.tree.children(by_id(page, "t")) if isinstance(child, str)]


# --- refresh --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "seconds"),
    [("0", 0), ("5; url=next.html", 5), ("5.9; next.html", 5), (" 3 ", 3), ("7,url=x", 7), ("5 x", 5),
     (".5", 0), ("0;URL='a b'", 0), ("-1", None), ("abc", None), ("", None), ("1e3", None)],
)
def test_refresh_times_follow_the_html_declarative_refresh_steps(content: str, seconds: int | None):
    assert refresh_time(content) == seconds


# --- autofill -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "valid"),
    [("email", True), ("EMAIL", True), ("section-x shipping email", True), ("home email", True),
     ("work tel", True), ("billing home tel", True), ("username webauthn", True),
     ("home bday", False), ("e-mail", False), ("shipping", False), ("webauthn", False), ("email tel", False),
     ("section- email", False), ("email webauthn webauthn", False), ("webauthn email", False)],
)
def test_autofill_detail_tokens_follow_the_html_grammar(value: str, valid: bool):
    assert (autocomplete.autofill_field(value) is not None) is valid


# --- lengths ----------------------------------------------------------------------------------------------------------


def test_spacing_and_line_height_in_pixels():
    assert spacing_px("0.12em", 16) == pytest.approx(1.92)
    assert spacing_px("normal", 16) == 0 and spacing_px("2px", 16) == 2
    assert spacing_px("1rem", 20, root_font_size=10) == 10
    assert spacing_px("calc(1em + 1px)", 16) is None  # left for a person
    assert line_height_px("1.5", 16) == line_height_px("150%", 16) == 24
    assert line_height_px("normal", 10) == pytest.approx(12)


def test_font_sizes_follow_the_cascade_from_the_root():
    page = Page('<html><head><style>html { font-size: 10px }</style></head><body><div style="font-size: 20px">'
                '<p id="a" style="font-size: 1.5em">x</p><p id="b" style="font-size: 50%">y</p><p id="c">z</p>'
                '<p id="d" style="font-size: 2rem">w</p><h2 id="e">v</h2></div></body></html>', "p.html")
    sizes = [page.rendering.font_size(by_id(page, ident)) for ident in "abcde"]
    assert sizes == [30, 10, 20, 20, 30]


@pytest.mark.parametrize(
    ("html", "visible"),
    [
        ('<p id="e">Shown</p>', True),
        ('<p id="e" style="position:absolute; left:-9999px">Off screen</p>', False),
        ('<p id="e" style="opacity:0">Transparent</p>', False),
        ('<p id="e" style="position:absolute; clip:rect(0 0 0 0); width:1px; height:1px">Visually hidden</p>', False),
        ('<img id="e" src="pixel.gif" width="1" height="1">', False),
        ('<div style="margin-left:-2000px"><p id="e">Inside something off screen</p></div>', False),
    ],
)
def test_what_a_reader_can_see(html: str, visible: bool):
    page = page_of(html)
    assert page.is_visible(by_id(page, "e")) is visible
    assert not page.is_hidden(by_id(page, "e"))  # out of sight is still in the accessibility tree


# --- language subtags -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "known"),
    [("en", True), ("en-XX", True), ("pt-BR", True), ("tlh", True), ("qaa", True),
     ("eng", False),  # ISO 639-2 codes with a two-letter equivalent are not registered subtags
     ("zz", False), ("i-klingon", False), ("x-private", False), ("english", False), ("xyz", False),
     ("qtz", True), ("qua", True), ("qzz", False), ("en-", True), ("", False), ("é", False),
     # registered individual languages CLDR aliases to a two-letter code (issue 19)
     *[(code, True) for code in "cmn arb zsm swh pes ekk lvs khk".split()]],
)
def test_the_primary_language_subtag_must_be_registered(tag: str, known: bool):
    assert has_known_primary_language(tag) is known


def test_the_shipped_registry_list_is_the_language_tags_packages():
    """pipeline/data/iana lists every subtag of Type: language that the language-tags package ships."""
    import language_tags as package
    records = json.loads((Path(package.__file__).parent / "data" / "json" / "registry.json").read_text("utf-8"))
    subtags, ranges = registered_languages()
    assert ranges == (("qaa", "qtz"),)
    shipped = {record["Subtag"].lower() for record in records if record.get("Type") == "language"}
    assert subtags | {"qaa..qtz"} == shipped


def test_a_large_table_is_checked_in_linear_time():
    """40 columns by 100 rows: each cell's headers are found once, not once per header (was 160 s)."""
    import time

    from pipeline.checks.a11y import check_html

    rows = "".join("<tr>" + "".join(f"<td>{r}.{c}</td>" for c in range(40)) + "</tr>" for r in range(100))
    head = "<tr>" + "".join(f"<th>H{c}</th>" for c in range(40)) + "</tr>"
    page = f"<!doctype html><html lang=en><title>T</title><main><table><thead>{head}</thead><tbody>{rows}</tbody>"
    start = time.process_time()
    findings = check_html(page + "</table></main>", "t.html")
    assert time.process_time() - start < 10
    assert not [f for f in findings if f.rule == "th-has-data-cells"]
