"""The checker's CSS: media queries for a 1280 px screen, linked style sheets, var(), shorthands, colours, contrast."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from pipeline.checks.a11y import check_html, check_paths
from pipeline.checks.a11y.page import Page
from pipeline.checks.a11y.semantics.colour import BLACK, WHITE, Colour, contrast_ratio, parse_colour
from pipeline.checks.a11y.semantics.media import DARK, LIGHT, query_list_applies
from pipeline.checks.a11y.semantics.shorthands import longhand
from pipeline.checks.a11y.semantics.stylesheets import disk_style_sheets

STYLE = Path(__file__).resolve().parent.parent / "pipeline" / "static" / "style.css"


@pytest.mark.parametrize(
    ("query", "applies"),
    [
        ("", True), ("all", True), ("screen", True), ("print", False), ("speech", False), ("not print", True),
        ("only screen", True), ("not screen", False), ("screen, print", True), ("print, tv", False),
        ("(min-width: 1024px)", True), ("(min-width: 1281px)", False), ("(max-width: 30rem)", False),
        ("(max-width: 80em)", True), ("(min-width: 80em)", True), ("(min-width: 80.1em)", False),
        ("screen and (min-width: 40em) and (max-width: 100em)", True), ("screen and (max-width: 600px)", False),
        ("(width >= 1280px)", True), ("(width > 1280px)", False), ("(600px <= width <= 1400px)", True),
        ("(400px < width < 700px)", False), ("(orientation: landscape)", True), ("(orientation: portrait)", False),
        ("(hover: hover) and (pointer: fine)", True), ("(hover: none)", False), ("(hover)", True),
        ("(prefers-reduced-motion: reduce)", False), ("(prefers-color-scheme: dark)", False),
        ("(prefers-color-scheme: light)", True), ("not (min-width: 2000px)", True),
        ("(min-width: 2000px) or (orientation: landscape)", True), ("(min-aspect-ratio: 16/10)", True),
        ("(min-aspect-ratio: 16/9)", False), ("(min-resolution: 2dppx)", False), ("(min-resolution: 96dpi)", True),
        ("(unknown-feature: 1)", False), ("(min-width: 40em) and (unknown: 1)", False), ("func(x)", False),
        ("screen and", False), ("(a) and (b) or (c)", False), ("(color)", True), ("(monochrome)", False),
    ],
)
def test_media_queries_are_decided_for_a_1280_pixel_screen(query: str, applies: bool):
    assert query_list_applies(query) is applies


def test_the_dark_screen_differs_only_in_its_colour_scheme():
    assert query_list_applies("(prefers-color-scheme: dark)", DARK)
    assert not query_list_applies("(prefers-color-scheme: light)", DARK)
    assert query_list_applies("(min-width: 1024px)", DARK) and LIGHT.width == DARK.width == 1280


def _site(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def _colour_of(page: Page, ident: str) -> str | None:
    return page.styles.computed(page.elements_by_id(ident)[0], "color")


PAGE = '<!DOCTYPE html><html lang="en"><head><title>t</title>{head}</head><body>{body}</body></html>'


def test_linked_local_sheets_and_their_imports_cascade_in_document_order(tmp_path: Path):
    root = _site(tmp_path, {
        "css/base.css": '@import "parts/ink.css"; #a { color: red; }',
        "css/parts/ink.css": "#a, #b { color: blue; } #c { color: green; }",
        "css/late.css": "#b { color: teal; }",
        "css/print.css": "#c { color: black; }",
        "en/index.html": PAGE.format(
            head='<link rel="stylesheet" href="../css/base.css?v=2"><style>#c { color: purple; }</style>'
                 '<link rel="stylesheet" href="../css/late.css"><link rel="stylesheet" media="print" '
                 'href="../css/print.css"><link rel="alternate stylesheet" href="../css/print.css">',
            body='<p id="a">a</p><p id="b">b</p><p id="c">c</p>'),
    })
    page = Page((root / "en/index.html").read_bytes(), "en/index.html", style_sheets=disk_style_sheets(root))
    assert (_colour_of(page, "a"), _colour_of(page, "b"), _colour_of(page, "c")) == ("red", "teal", "purple")


def test_a_sheet_on_the_web_or_missing_is_not_read_and_an_import_cycle_ends(tmp_path: Path):
    root = _site(tmp_path, {
        "a.css": '@import "b.css"; #x { color: red; }',
        "b.css": '@import "a.css"; #x { color: blue; } #y { color: green; }',
        "index.html": PAGE.format(head='<link rel="stylesheet" href="https://cdn.example/x.css">'
                                       '<link rel="stylesheet" href="missing.css"><link rel="stylesheet" href="a.css">',
                                  body='<p id="x">x</p><p id="y">y</p>'),
    })
    page = Page((root / "index.html").read_bytes(), "index.html", style_sheets=disk_style_sheets(root))
    assert (_colour_of(page, "x"), _colour_of(page, "y")) == ("red", "green")


@pytest.mark.parametrize(
    ("css", "expected"),
    [
        (":root { --ink: #123456 } p { color: var(--ink) }", "#123456"),
        ("p { color: var(--missing, var(--also-missing, #abcdef)) }", "#abcdef"),
        ("div { --ink: red } p { --ink: blue; color: var(--ink) }", "blue"),
        ("p { --a: var(--b); --b: var(--a); color: var(--a) }", None),  # a cycle is invalid: no author value
        ("p { color: var(--missing) }", None),
        ("p { color: green } div p { color: inherit } div { color: olive }", "olive"),
        ("div { color: olive } p { color: initial }", None),
    ],
)
def test_custom_properties_are_inherited_and_substituted(css: str, expected: str | None):
    page = Page(PAGE.format(head=f"<style>{css}</style>", body='<div><p id="p">x</p></div>'), "p.html")
    assert _colour_of(page, "p") == expected


@pytest.mark.parametrize(
    ("css", "expected"),
    [
        ('b::before { content: "Close" } b::after { content: "Now" }', ("Close", "Now")),  # case kept
        ('b::before { content: "\\2197" }', ("\u2197", "")),
        ('b::before { content: attr(data-label) " page" }', ("Next page", "")),
        ('b::before { content: attr(data-missing) }', ("", "")),
        ('b::before { content: url(icon.svg) / "Print" }', ("Print", "")),
        ('b::before { content: "\\00d7" / "" }', ("", "")),
        ('b { --label: "Search" } b::before { content: var(--label) }', ("Search", "")),
        ('b::before { content: var(--missing, "Fallback") }', ("Fallback", "")),
        ('b::before { content: "Menu" } p b::before { content: NONE }', ("", "")),  # the more specific rule wins
        ('p b::before { content: "Menu" !important } b::before { content: none }', ("Menu", "")),
        ('b::before { content: "More"; display: none }', ("", "")),
        ('b::before { content: "Menu" } b::before { content: normal }', ("", "")),
        ('b::after { content: "Menu" } b::before { content: inherit }', ("", "Menu")),
        ('b::before { color: red }', ("", "")),  # no content: nothing drawn
    ],
)
def test_generated_text_is_what_the_cascade_gives_each_pseudo_element(css: str, expected: tuple[str, str]):
    page = Page(PAGE.format(head=f"<style>{css}</style>", body='<p><b id="b" data-label="Next"></b></p>'), "p.html")
    assert page.generated_text(page.element_by_id("b")) == expected


@pytest.mark.parametrize(
    ("shorthand", "name", "value", "expected"),
    [
        ("background", "background-color", "#fff url(a.png) no-repeat", "#fff"),
        ("background", "background-image", "#fff url(a.png) no-repeat", "url(a.png)"),
        ("background", "background-color", "url(a.png), rgb(0 0 0 / 50%)", "rgb(0 0 0 / 50%)"),
        ("background", "background-color", "none", "transparent"),
        ("background", "background-image", "linear-gradient(red, blue)", "linear-gradient(red, blue)"),
        ("font", "font-size", "italic bold 1.2em/1.5 Georgia, serif", "1.2em"),
        ("font", "font-weight", "italic bold 1.2em/1.5 Georgia, serif", "bold"),
        ("font", "font-weight", "16px sans-serif", "normal"),
        ("font", "font-size", "menu", None),
        ("margin", "margin-left", "1px 2px 3px", "2px"),
        ("margin", "margin-bottom", "1px 2px", "1px"),
    ],
)
def test_shorthands_set_their_longhands(shorthand: str, name: str, value: str, expected: str | None):
    assert longhand(shorthand, name, value) == expected


def test_a_later_longhand_beats_an_earlier_shorthand_and_the_reverse():
    page = Page(PAGE.format(head="<style>#a { background: red; background-color: blue } "
                                 "#b { background-color: blue; background: none }</style>",
                            body='<p id="a">a</p><p id="b">b</p>'), "p.html")
    values = [page.styles.value(page.elements_by_id(i)[0], "background-color") for i in ("a", "b")]
    assert values == ["blue", "transparent"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("white", WHITE), ("#000", BLACK), ("#00000080", Colour(0, 0, 0, 128 / 255)),
        ("rgb(255 255 255 / 50%)", Colour(1, 1, 1, 0.5)), ("rgba(0, 0, 0, 0.25)", Colour(0, 0, 0, 0.25)),
        ("hsl(0, 0%, 100%)", WHITE), ("hsla(0 0% 0% / 0.5)", Colour(0, 0, 0, 0.5)), ("transparent", Colour(0, 0, 0, 0)),
        ("currentColor", Colour(0.5, 0.5, 0.5)), ("Canvas", WHITE), ("light-dark(black, white)", BLACK),
        ("oklch(0.7 0.1 200)", None), ("not-a-colour", None),
    ],
)
def test_colours_are_read_as_srgb(value: str, expected: Colour | None):
    found = parse_colour(value, Colour(0.5, 0.5, 0.5))
    assert found == expected if expected is None else all(abs(a - b) < 1e-6 for a, b in zip(found, expected))


def test_contrast_ratios_are_wcags():
    assert contrast_ratio(BLACK, WHITE) == pytest.approx(21.0)
    assert contrast_ratio(parse_colour("#767676", BLACK), WHITE) == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio(parse_colour("#595959", BLACK), WHITE) == pytest.approx(7.0, abs=0.01)
    assert Colour(0, 0, 0, 0.5).over(WHITE) == pytest.approx(Colour(0.5, 0.5, 0.5, 1.0))


def _contrast(html: str, rule: str = "color-contrast") -> list[tuple[str, str]]:
    return [(f.outcome, f.selector or "") for f in check_html(html, "p.html", level="AAA") if f.rule == rule]


def test_the_shipped_theme_passes_in_both_colour_schemes(tmp_path: Path):
    """Every text of a built page, on the theme's own style sheet: enough contrast, nothing left to a person."""
    root = _site(tmp_path, {"assets/style.css": STYLE.read_text(encoding="utf-8")})
    golden = Path(__file__).resolve().parent / "golden"
    pages = sorted(golden.rglob("*.html"))
    for page in pages:
        target = root / "dist" / page.relative_to(golden)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(page.read_bytes())
    (root / "dist" / "assets").mkdir()
    (root / "dist" / "assets" / "style.css").write_text(STYLE.read_text(encoding="utf-8"), encoding="utf-8")
    findings = check_paths([root / "dist"], root, all_outcomes=True)
    contrast = [f for f in findings if f.rule == "color-contrast"]
    assert len(pages) > 10 and len([f for f in contrast if f.outcome == "passed"]) > 200
    assert [(f.file, f.selector, f.message) for f in contrast if f.outcome != "passed"] == []
    dark = STYLE.read_text(encoding="utf-8") + "\n@media (prefers-color-scheme: dark) { .x { color: red } }"
    (root / "dist" / "assets" / "style.css").write_text(dark, encoding="utf-8")
    assert [f for f in check_paths([root / "dist"], root) if f.rule == "color-contrast"] == []


def test_contrast_costs_little_on_a_page_with_many_texts():
    body = "".join(f'<div style="background: #fff"><p class="t{i % 7}">Paragraph {i} <em>with</em> text.</p></div>'
                   for i in range(2000))
    css = " ".join(f".t{i} {{ color: #{i + 8:x}{i + 8:x}{i + 8:x} }}" for i in range(7))
    start = time.process_time()
    found = _contrast(PAGE.format(head=f"<style>{css}</style>", body=body))
    assert time.process_time() - start < 20
    assert len(found) > 500
