"""ARIA as data (WAI-ARIA 1.2, HTML-AAM) and what it decides: roles, attributes, context, ownership, focus."""

from __future__ import annotations

import pytest
from lxml import etree

from pipeline.checks.a11y.semantics import aria
from pipeline.checks.a11y.semantics.ariadata import ARIA_12_ROLES, ATTRIBUTES, GLOBAL_ARIA_12, ROLES
from pipeline.checks.a11y.page import Page


def page_of(body: str) -> Page:
    """A page around a fragment of body HTML."""
    return Page(f'<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>{body}</body></html>', "p.html")


def by_id(page: Page, ident: str) -> etree._Element:
    return page.elements_by_id(ident)[0]


# --- the data -------------------------------------------------------------------------------------------------


def test_every_role_named_in_the_data_exists():
    for name, role in ROLES.items():
        named = set(role.superclasses) | set(role.context)
        named |= {part for entry in role.owned for part in entry.split(">")}
        assert named <= set(ROLES), (name, named - set(ROLES))


def test_every_attribute_named_in_the_data_exists():
    for name, role in ROLES.items():
        named = set(role.supported) | set(role.required) | set(role.prohibited)
        assert named <= set(ATTRIBUTES), (name, named - set(ATTRIBUTES))
    assert GLOBAL_ARIA_12 <= set(ATTRIBUTES)


@pytest.mark.parametrize(
    ("role", "required"),
    [
        ("slider", {"aria-valuenow"}),
        ("checkbox", {"aria-checked"}),
        ("combobox", {"aria-expanded"}),
        ("heading", {"aria-level"}),
        ("scrollbar", {"aria-controls", "aria-valuenow"}),
        ("separator", set()),  # only a focusable separator needs a value: the rule asks for that
        ("button", set()),
    ],
)
def test_required_states_and_properties_are_those_of_aria_1_2(role: str, required: set[str]):
    assert aria.required_attributes(role) == required


def test_supported_attributes_are_inherited_from_superclasses():
    assert "aria-checked" in aria.allowed_attributes("switch")  # switch < checkbox
    assert "aria-readonly" in aria.allowed_attributes("searchbox")  # searchbox < textbox
    assert "aria-checked" not in aria.allowed_attributes("button")
    assert aria.is_a("searchbox", "textbox") and aria.is_a("menuitemradio", "menuitem")
    assert not aria.is_a("link", "button") and not aria.is_a(None, "widget")


def test_naming_is_prohibited_on_generic_and_presentational_roles():
    for role in ("generic", "presentation", "none", "code", "caption", "paragraph"):
        assert {"aria-label", "aria-labelledby"} <= aria.prohibited_attributes(role), role
    assert not aria.prohibited_attributes("img")


def test_context_and_owned_elements():
    assert set(ROLES["listitem"].context) == {"list", "directory"}
    assert set(ROLES["row"].context) >= {"table", "grid", "rowgroup", "treegrid"}
    assert "group>menuitem" in ROLES["menu"].owned  # a menu may hold groups of menu items
    assert not ROLES["button"].owned


def test_names_are_required_of_widgets_and_come_from_content_where_aria_says():
    assert aria.name_required("button") and aria.name_required("img") and not aria.name_required("generic")
    assert aria.name_from_content("heading") and aria.name_from_content("link")
    assert not aria.name_from_content("list") and not aria.name_from_content(None)


def test_roles_of_later_specifications_are_known_but_not_aria_1_2():
    assert {"button", "widget"} <= ARIA_12_ROLES
    assert not {"doc-abstract", "graphics-symbol", "mark", "image"} & ARIA_12_ROLES
    assert {"doc-abstract", "graphics-symbol", "mark", "image"} <= aria.CONCRETE_ROLES
    assert "widget" in aria.ABSTRACT_ROLES and "widget" not in aria.CONCRETE_ROLES


# --- roles of HTML elements (HTML-AAM) ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "role"),
    [
        ('<select id="e"></select>', "combobox"),
        ('<select id="e" multiple></select>', "listbox"),
        ('<select id="e" size="4"></select>', "listbox"),
        ('<input id="e" type="range">', "slider"),
        ('<input id="e" type="number">', "spinbutton"),
        ('<input id="e" type="email" list="l"><datalist id="l"></datalist>', "combobox"),
        ('<input id="e" type="image" src="go.png">', "button"),
        ('<svg id="e"></svg>', "graphics-document"),
        ('<svg id="e" role="img"></svg>', "img"),
        ('<table role="grid"><tr><td id="e">x</td></tr></table>', "gridcell"),
        ('<table><tr><td id="e">x</td></tr></table>', "cell"),
        # The parts of a table not exposed as one have no role (HTML-AAM; Chromium's tree: generic)
        ('<table role="presentation"><tr><td id="e">x</td></tr></table>', None),
        ('<table role="none"><tr><th id="e">x</th></tr></table>', None),
        ('<table role="presentation"><tr id="e"><td>x</td></tr></table>', None),
        ('<table role="none"><tbody id="e"><tr><td>x</td></tr></tbody></table>', None),
        ('<table role="heading" aria-level="1"><tr><td id="e">x</td></tr></table>', None),
        ('<table role="presentation" tabindex="0"><tr><td id="e">x</td></tr></table>', "cell"),  # focusable: a table
        ('<details><summary id="e">More</summary></details>', "button"),
        ('<output id="e"></output>', "status"),
        ('<menu id="e"><li>x</li></menu>', "list"),
        ('<area id="e" href="/">', "link"),
        ('<div id="e" role="butten">x</div>', "generic"),  # not a role: the element keeps its own
        ('<div id="e" role="widget">x</div>', "generic"),  # abstract roles may not be used
        ('<div id="e" role="butten link">x</div>', "link"),  # the first role the browser knows
    ],
)
def test_html_elements_have_the_roles_html_aam_gives_them(html: str, role: str | None):
    page = page_of(html)
    assert page.role(by_id(page, "e")) == role


# --- names ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "name"),
    [
        ('<input id="e" type="image" src="go.png" alt="Search">', "Search"),
        ('<input id="e" type="image" src="go.png" title="Search">', "Search"),
        ('<input id="e" type="image" src="go.png">', "Submit Query"),  # the browser's default
        ('<svg id="e" role="img"><title>Warning</title><circle r="2"></circle></svg>', "Warning"),
        ('<details><summary id="e"></summary></details>', ""),
        ('<div role="menuitem" id="e" title="Print"></div>', "Print"),
    ],
)
def test_names_of_image_buttons_svg_and_menu_items(html: str, name: str):
    page = page_of(html)
    assert page.name(by_id(page, "e")) == name


# --- the accessibility tree -------------------------------------------------------------------------------------------


def test_aria_owns_moves_an_element_under_its_owner():
    page = page_of('<div id="list" role="list" aria-owns="b"><span id="a" role="listitem">a</span></div>'
                   '<span id="b" role="listitem">b</span>')
    assert page.tree.parent(by_id(page, "b")) is by_id(page, "list")
    assert [child.get("id") for child in page.tree.children(by_id(page, "list"))] == ["a", "b"]


def test_an_owner_cycle_does_not_loop():
    page = page_of('<div id="a" role="list" aria-owns="b"><p>x</p></div><div id="b" role="list" aria-owns="a"></div>')
    a, b = by_id(page, "a"), by_id(page, "b")
    assert page.tree.parent(b) is a  # the first claim wins; b owning its own owner is ignored
    assert page.tree.parent(a) is page.body
    assert a not in list(page.tree.children(b))


def test_generic_wrappers_are_transparent_to_required_children():
    page = page_of('<div id="list" role="list"><div><span id="item" role="listitem">x</span></div></div>')
    assert [child.get("id") for child in page.tree.children(by_id(page, "list"))] == ["item"]


# --- sequential focus ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "focusable"),
    [
        ('<a id="e" href="/">x</a>', True),
        ('<a id="e">x</a>', False),
        ('<div id="e" tabindex="0"></div>', True),
        ('<div id="e" tabindex="-1"></div>', False),
        ('<button id="e" disabled>x</button>', False),
        ('<fieldset disabled><input id="e"></fieldset>', False),
        ('<fieldset disabled><legend><input id="e"></legend></fieldset>', True),  # the first legend stays enabled
        ('<details><summary id="e">x</summary></details>', True),
        ('<div id="e" contenteditable="true">x</div>', True),
        ('<iframe id="e" src="a.html"></iframe>', True),
        ('<audio id="e" controls></audio>', True),
        ('<input id="e" type="hidden">', False),
        ('<a id="e" href="/" style="display:none">x</a>', False),
    ],
)
def test_what_is_in_the_tab_order(html: str, focusable: bool):
    page = page_of(html)
    assert page.in_tab_order(by_id(page, "e")) is focusable
