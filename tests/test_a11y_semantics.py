"""What assistive technology sees, as the shared modules compute it: CSS hiding, roles, names, selectors."""

from __future__ import annotations

import pytest
from lxml import etree

from pipeline.checks.a11y.semantics.language import direction_of, is_valid_language_tag
from pipeline.checks.a11y.semantics.selectors import css_identifier
from pipeline.checks.a11y.page import Page


def page_of(body: str, head: str = "") -> Page:
    """A page around a fragment of body HTML."""
    html = f'<!DOCTYPE html><html lang="en"><head><title>t</title>{head}</head><body>{body}</body></html>'
    return Page(html, "p.html")


def by_id(page: Page, ident: str) -> etree._Element:
    return page.elements_by_id(ident)[0]


# --- CSS hiding -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("style", "hidden"),
    [
        (".note { display: none }", True),
        ("p.note { visibility: hidden }", True),
        ("body > div .note { display:none }", True),
        ("#x { display: none } .note { display: block }", True),  # the id is more specific
        (".note { display: none } .note { display: block }", False),  # the later rule wins
        (".note { display: none !important } #x { display: block }", True),  # importance beats specificity
        ("@media print { .note { display: none } }", False),
        ("@media screen { .note { display: none } }", True),
        ("@supports (display: grid) { .note { display: none } }", True),
        (".note:hover { display: none }", False),
        (".note::before { display: none }", False),
        (".note, :unknown-pseudo { display: none }", False),  # one bad selector drops the rule
        (":not(.other) > .note { display: none }", True),
        ("div:first-child .note:nth-of-type(1) { display: none }", True),
        ("[data-kind|=warning] .note { display: none }", True),
        ("[DATA-KIND^=WARN i] .note { display: none }", True),
    ],
)
def test_style_blocks_hide_elements_through_the_cascade(style: str, hidden: bool):
    page = page_of('<div data-kind="warning-box"><p class="note" id="x">Note</p></div>', f"<style>{style}</style>")
    assert page.is_hidden(by_id(page, "x")) is hidden


def test_inline_style_beats_style_blocks_unless_they_are_important():
    page = page_of('<p id="a" class="n" style="display: block">a</p><p id="b" class="i" style="display: block">b</p>',
                   "<style>.n { display: none } .i { display: none !important }</style>")
    assert not page.is_hidden(by_id(page, "a"))
    assert page.is_hidden(by_id(page, "b"))


def test_visibility_is_inherited_and_can_be_undone_by_a_child():
    page = page_of('<div style="visibility: hidden"><p id="gone">x</p>'
                   '<p id="back" style="visibility: visible">y</p></div>')
    assert page.is_hidden(by_id(page, "gone"))
    assert not page.is_hidden(by_id(page, "back"))


def test_display_none_hides_the_whole_subtree_whatever_the_children_say():
    page = page_of('<div style="display:none"><p id="child" style="display:block; visibility: visible">x</p></div>')
    assert page.is_hidden(by_id(page, "child"))


def test_the_hidden_attribute_can_be_overridden_by_author_style():
    page = page_of('<p id="shown" hidden class="reveal">x</p><p id="still" hidden>y</p>',
                   "<style>.reveal { display: block }</style>")
    assert not page.is_hidden(by_id(page, "shown"))
    assert page.is_hidden(by_id(page, "still"))


def test_aria_hidden_and_inert_hide_from_assistive_technology():
    page = page_of('<div aria-hidden="true"><p id="a">x</p></div><div inert><p id="b">y</p></div><p id="c">z</p>')
    assert page.is_hidden(by_id(page, "a")) and page.is_hidden(by_id(page, "b"))
    assert not page.is_hidden(by_id(page, "c"))


def test_a_closed_details_shows_only_its_summary():
    page = page_of('<details><summary id="s">More</summary><p id="p">Hidden until opened</p></details>')
    assert not page.is_hidden(by_id(page, "s")) and page.is_hidden(by_id(page, "p"))


def test_a_style_block_for_print_only_is_ignored():
    page = page_of('<p id="x" class="n">x</p>', '<style media="print">.n { display: none }</style>')
    assert not page.is_hidden(by_id(page, "x"))


# --- roles ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "role"),
    [
        ('<header id="e">x</header>', "banner"),
        ('<article><header id="e">x</header></article>', None),
        ('<footer id="e">x</footer>', "contentinfo"),
        ('<main><footer id="e">x</footer></main>', None),
        ('<section id="e">x</section>', None),
        ('<section id="e" aria-label="Symptoms">x</section>', "region"),
        ('<form id="e" aria-label="Search"></form>', "form"),
        ('<aside id="e">x</aside>', "complementary"),
        ('<article><aside id="e">x</aside></article>', None),
        ('<img id="e" src="a.png" alt="">', "presentation"),
        ('<img id="e" src="a.png" alt="" aria-label="x">', "img"),
        ('<a id="e" href="/">x</a>', "link"),
        ('<a id="e">x</a>', "generic"),
        ('<input id="e" type="search">', "searchbox"),
        ('<input id="e" list="l"><datalist id="l"></datalist>', "combobox"),
        ('<div id="e" role="foo navigation">x</div>', "navigation"),
        ('<button id="e" role="none">x</button>', "button"),  # focusable: role none is ignored
        ('<ul id="e" role="none"><li>x</li></ul>', "none"),
        ('<table><tr><th id="e">h</th><td>d</td></tr></table>', "rowheader"),
        ('<table><thead><tr><th id="e">h</th></tr></thead></table>', "columnheader"),
    ],
)
def test_roles_follow_html_aam_and_aria_conflict_resolution(html: str, role: str | None):
    page = page_of(html)
    assert page.role(by_id(page, "e")) == role


def test_heading_levels_come_from_aria_level_first():
    page = page_of('<h2 id="a" aria-level="4">x</h2><div id="b" role="heading">y</div>'
                   '<h3 id="c" aria-level="zero">z</h3>')
    assert [(page.selector(e), level) for e, level in page.headings()] == [("#a", 4), ("#b", 2), ("#c", 3)]


# --- accessible names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "name"),
    [
        ('<a id="e" href="/">  Leg\n cramps </a>', "Leg cramps"),
        ('<a id="e" href="/"><img src="a.png" alt="Home"></a>', "Home"),
        ('<a id="e" href="/" aria-label="Start page">Home</a>', "Start page"),
        ('<a id="e" href="/" aria-labelledby="l1 l2">x</a><span id="l1">Read</span><span id="l2">more</span>',
         "Read more"),
        ('<a id="e" href="/" aria-labelledby="h">x</a><span id="h" hidden>Hidden <b>label</b></span>', "Hidden label"),
        ('<a id="e" href="/" aria-labelledby="v">x</a><span id="v">Shown <b hidden>not this</b></span>', "Shown"),
        ('<a id="e" href="/" aria-labelledby="e">Self</a>', "Self"),
        ('<a id="e" href="/" aria-labelledby="missing">Fallback</a>', "Fallback"),
        ('<a id="e" href="/"><span aria-hidden="true">★</span> Rate</a>', "Rate"),
        ('<a id="e" href="/" title="Print"></a>', "Print"),
        ('<a id="e" href="/">Next<span style="display:none"> page</span></a>', "Next"),
        ('<button id="e"><div>Save</div><div>draft</div></button>', "Save draft"),
        ('<button id="e">Sav<b>e</b></button>', "Save"),
        ('<label for="e">Email</label><input id="e" type="email">', "Email"),
        ('<label>Age <input id="e" type="number"></label>', "Age"),
        # Several labels in document order, as Chromium joins them (HTML's `labels`), the one around the field first
        ('<label>Height <input id="e" type="number"></label> <label for="e">cm</label>', "Height cm"),
        ('<label for="e">Weight</label> <input id="e" type="number"> <label for="e">kg</label>', "Weight kg"),
        ('<input id="e" type="submit">', "Submit"),
        ('<input id="e" type="button" value="Go">', "Go"),
        ('<input id="e" placeholder="Search the library">', "Search the library"),
        ('<a id="e" href="/" aria-labelledby="s-wrap">x</a>'
         '<span id="s-wrap">Size <select><option>Large</option><option selected>Small</option></select></span>',
         "Size Small"),
        ('<table id="e"><caption>Signs of a cramp</caption><tr><td>x</td></tr></table>', "Signs of a cramp"),
        ('<figure id="e"><img src="a.png" alt=""><figcaption>Calf stretch</figcaption></figure>', "Calf stretch"),
        ('<div id="e">Generic text</div>', ""),
        ('<h2 id="e"><img src="a.png" alt="What helps"></h2>', "What helps"),
    ],
)
def test_accessible_names_follow_the_w3c_algorithm(html: str, name: str):
    page = page_of(html)
    assert page.name(by_id(page, "e")) == name


# --- selectors ----------------------------------------------------------------------------------------------


def test_selectors_prefer_a_unique_id_and_otherwise_count_siblings_of_a_type():
    page = page_of('<main id="main"><p>a</p><p>b <a href="/">x</a></p></main><div id="d"></div><div id="d"><p>c</p>'
                   '<p><a href="/">y</a></p></div>')
    first, second = page.elements_by_tag("a")
    assert page.selector(first) == "#main > p:nth-of-type(2) > a"  # `p:nth-of-type(2) > a` matches both links
    assert page.selector(page.elements_by_id("d")[1]) == "div:nth-of-type(2)"
    assert page.selector(second) == "div:nth-of-type(2) > p:nth-of-type(2) > a"
    assert page.selector(page.elements_by_id("main")[0]) == "#main"
    assert page.selector(page.root) == "html"


def test_a_selector_is_the_shortest_tail_of_its_path_that_selects_only_the_element():
    page = page_of('<main id="main"><article><h2>T</h2><p>a <img src="x.png"></p></article></main>')
    assert page.selector(page.elements_by_tag("img")[0]) == "img"
    assert page.selector(page.elements_by_tag("p")[0]) == "p"


def test_an_only_child_counts_as_first_of_its_type_when_a_selector_is_checked_for_uniqueness():
    """`p:nth-of-type(1)` matches a `<p>` that is its parent's only one too, as in a browser."""
    page = page_of("<main><div><p>a</p></div><div><p>b</p><p>c</p></div></main>")
    second = page.elements_by_tag("p")[1]
    assert page.selector(second) == "div:nth-of-type(2) > p:nth-of-type(1)"
    assert page.selector(page.elements_by_tag("p")[0]) == "div:nth-of-type(1) > p"


@pytest.mark.parametrize(("value", "escaped"), [("main", "main"), ("2col", "\\32 col"), ("a.b", "a\\.b"),
                                                 ("été", "été"), ("a b", "a\\20 b")])
def test_ids_are_escaped_as_css_identifiers(value: str, escaped: str):
    assert css_identifier(value) == escaped


# --- language tags --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("tag", ["en", "EN", "en-GB", "pt-BR", "zh-Hant", "sr-Latn", "es-419", " en ", "en-XA"])
def test_valid_language_tags(tag: str):
    assert is_valid_language_tag(tag)


@pytest.mark.parametrize("tag", ["", " ", "english", "en_US", "en-XX", "xx", "x-default", "sp"])
def test_invalid_language_tags(tag: str):
    assert not is_valid_language_tag(tag)


@pytest.mark.parametrize(("tag", "direction"), [("ar", "rtl"), ("he", "rtl"), ("fa-IR", "rtl"), ("ur", "rtl"),
                                                ("en", "ltr"), ("az-Arab", "rtl"), ("ar-Latn", "ltr"),
                                                ("ar-XX", "rtl"), ("english", None)])
def test_writing_direction_comes_from_the_script_or_the_language(tag: str, direction: str | None):
    assert direction_of(tag) == direction
