"""The ACT rules of issue 7 on the cases their fixtures do not show: where HTML decides, and where a person must."""

from __future__ import annotations

import pytest

from pipeline.checks.a11y import all_rules, check_html

RULE_IDS = [rule.id for rule in all_rules()]


def outcomes(body: str, rule: str, head: str = "", html: str = '<html lang="en">') -> list[tuple[str, str | None]]:
    """(outcome, selector) of one rule on a page around a fragment of body HTML, every outcome included."""
    page = f"<!DOCTYPE html>{html}<head><title>Leg cramps</title>{head}</head><body>{body}</body></html>"
    return [(f.outcome, f.selector) for f in check_html(page, "p.html", all_outcomes=True, level="AAA")
            if f.rule == rule]


def test_an_element_hidden_with_aria_hidden_that_a_script_may_steer_focus_from_is_left_to_a_person():
    script = '<script>document.getElementById("l").addEventListener("focus", e => e.target.blur())</script>'
    body = '<div aria-hidden="true"><a href="/" id="l">x</a></div>'
    assert outcomes(body, "aria-hidden-focus") == [("failed", "div")]
    assert outcomes(body + script, "aria-hidden-focus") == [("cantTell", "div")]
    assert outcomes('<div aria-hidden="true"><a href="/" tabindex="-1">x</a></div>', "aria-hidden-focus") == [
        ("passed", "div")]


@pytest.mark.parametrize(
    ("object_html", "outcome"),
    [
        ('<object data="calf.png"></object>', "failed"),
        ('<object data="clip.mp4" type="video/mp4"></object>', "failed"),
        ('<object data="chart.xyz"></object>', "cantTell"),  # what it shows is not known without the file
        ('<object data="calf.png" title="The calf muscle"></object>', "passed"),
    ],
)
def test_an_object_is_named_when_it_shows_an_image_sound_or_video(object_html: str, outcome: str):
    assert outcomes(object_html, "object-alt") == [(outcome, "object")]


def test_a_frame_out_of_the_tab_order_whose_page_is_not_at_hand_is_left_to_a_person():
    frame = '<iframe src="widget.html" title="Dose calculator"{}></iframe>'
    assert outcomes(frame.format(' tabindex="-1"'), "frame-focusable-content") == [("cantTell", "iframe")]
    assert outcomes(frame.format(""), "frame-focusable-content") == [("inapplicable", None)]
    text_only = ' tabindex="-1" srcdoc="&lt;p&gt;Text only&lt;/p&gt;"'  # nothing to reach: the rule does not apply
    assert outcomes(frame.format(text_only), "frame-focusable-content") == [("inapplicable", None)]
    link = ' tabindex="-1" srcdoc="&lt;a href=&quot;/&quot;&gt;Start&lt;/a&gt;"'
    assert outcomes(frame.format(link), "frame-focusable-content") == [("failed", "iframe")]


@pytest.mark.parametrize(
    ("control", "outcome"),
    [
        ('<input role="combobox" aria-expanded="false" aria-label="Symptom">', "passed"),
        ('<input role="combobox" aria-expanded="true" aria-label="Symptom">', "failed"),  # what pops up?
        ('<input type="checkbox" role="switch" aria-label="Reminders">', "passed"),  # checkedness is aria-checked
        ('<div role="switch" tabindex="0" aria-label="Reminders"></div>', "failed"),
        ('<div role="heading">What helps</div>', "failed"),  # ARIA 1.2: no default level
    ],
)
def test_required_states_may_come_from_html_but_not_from_old_defaults(control: str, outcome: str):
    assert [result for result, _ in outcomes(control, "aria-required-attr")] == [outcome]


def test_id_references_that_reach_nothing_fail_where_the_reference_is_the_point():
    body = ('<a href="/" aria-describedby="nothing">x</a><div role="heading" aria-level="two">y</div>'
            '<div role="tree" aria-label="t" aria-owns="gone">z</div>'
            '<div role="tree" aria-label="t" aria-owns="gone" aria-expanded="false">z</div>'
            '<button aria-haspopup="menu" aria-expanded="true" aria-controls="later">m</button>')
    assert set(outcomes(body, "aria-valid-attr-value")) == {
        ("cantTell", "a"),  # a description may be added later: axe-core asks, and so do we
        ("failed", "div:nth-of-type(1)"), ("failed", "div:nth-of-type(2)"), ("passed", "div:nth-of-type(3)"),
        ("cantTell", "button")}  # a popup is often made when it opens


def test_a_cell_that_names_itself_as_its_header_fails():
    table = '<table><tr><th id="h">Dose</th></tr><tr><td id="c" headers="c">5 mg</td></tr></table>'
    assert outcomes(table, "td-headers-attr") == [("failed", "#c")]


def test_only_controls_with_presentational_children_may_hold_nothing_focusable():
    """A link may hold a checkbox (ACT 307n5z: links do not make their children presentational)."""
    body = '<a href="/"><span role="checkbox" aria-checked="false" tabindex="0">Remember</span></a>'
    assert outcomes(body, "nested-interactive") == [("passed", "span")]
    assert outcomes('<button>Print <a href="/print/">this page</a></button>', "nested-interactive") == [
        ("failed", "button")]


def test_line_height_matters_only_for_text_that_wraps():
    short = '<p style="line-height: 1 !important">Stretch first.</p>'
    long = '<div style="line-height: 1 !important"><p>' + "Stretch your calf before bed. " * 60 + "</p></div>"
    assert outcomes(short, "avoid-inline-spacing") == [("inapplicable", None)]
    assert outcomes(long, "avoid-inline-spacing") == [("failed", "div")]  # the element whose style says so


def test_an_important_spacing_on_an_ancestor_binds_the_text_inside():
    body = ('<div style="letter-spacing: 0.1em !important"><p>Stretch first.</p>'
            '<p style="letter-spacing: 0.2em">Then rest.</p></div>')
    assert outcomes(body, "avoid-inline-spacing") == [("failed", "div")]
    page = f"<!DOCTYPE html><html lang=\"en\"><head><title>Leg cramps</title></head><body>{body}</body></html>"
    finding, = check_html(page, "p.html", disabled=[r for r in RULE_IDS if r != "avoid-inline-spacing"])
    assert [place.selector for place in finding.related] == ["p:nth-of-type(1)"]  # the text too tight, not "Then rest."


def test_spacing_in_rem_is_relative_to_the_root_font_size():
    body = '<p style="word-spacing: 0.1rem !important">Stretch your calf.</p>'
    assert outcomes(body, "avoid-inline-spacing", head="<style>html { font-size: 40px }</style>") == [
        ("failed", "p")]  # 4px between words of 40px text is less than 0.16em


def test_duplicate_attributes_are_read_from_the_markup_outside_scripts_and_comments():
    body = ('<script>var s = "<p class=a class=b>";</script><!-- <p id=a id=b> -->'
            '<p title="Calf" TITLE="Leg">x</p>')
    assert outcomes(body, "duplicate-attribute") == [("failed", "p")]


def test_a_focusable_element_marked_decorative_keeps_its_role():
    assert outcomes('<nav role="none" tabindex="0">x</nav>', "presentation-role-conflict") == [
        ("failed", "nav")]
    assert outcomes('<nav role="none">x</nav>', "presentation-role-conflict") == [("passed", "nav")]


def test_a_field_hidden_from_assistive_technology_needs_no_name():
    assert outcomes('<input type="text" aria-hidden="true">', "label") == [("inapplicable", None)]
    assert outcomes('<div role="textbox" contenteditable="true"></div>', "aria-input-field-name") == [
        ("failed", "div")]


@pytest.mark.parametrize(
    ("html", "outcome"),
    [
        ('<html lang="en" xml:lang="en-GB">', "passed"),  # the same primary language
        ('<html lang="en" xml:lang="fr">', "failed"),
        ('<html lang="xyz" xml:lang="fr">', "inapplicable"),  # xyz is no registered language: html-lang-valid says so
        ('<html lang="en">', "inapplicable"),
    ],
)
def test_lang_and_xml_lang_name_the_same_language(html: str, outcome: str):
    assert [result for result, _ in outcomes("<p>Cramps</p>", "html-xml-lang-mismatch", html=html)] == [outcome]


@pytest.mark.parametrize(
    ("content", "failures"),
    [("0; url=/en/", set()), ("30", {"meta-refresh", "meta-refresh-no-exceptions"}),
     ("72001", {"meta-refresh-no-exceptions"})],
)
def test_refreshes_after_a_delay_break_the_aaa_rule_whatever_the_delay(content: str, failures: set[str]):
    head = f'<meta http-equiv="refresh" content="{content}">'
    found = {rule for rule in ("meta-refresh", "meta-refresh-no-exceptions")
             if ("failed", "meta") in outcomes("<p>x</p>", rule, head=head)}
    assert found == failures


@pytest.mark.parametrize(
    ("frame", "outcome"),
    [
        ('<iframe src="map.html" role="none"></iframe>', "inapplicable"),  # decorative: not in the tree (ACT cae760)
        ('<iframe src="map.html" role="presentation" title=""></iframe>', "failed"),  # titled: announced, as "group"
        ('<iframe src="map.html" role="none" title="Map of clinics"></iframe>', "passed"),
        ('<iframe src="map.html" role="none" aria-label=""></iframe>', "failed"),  # global ARIA: role=none is ignored
        ('<iframe src="map.html" role="none" tabindex="0"></iframe>', "failed"),  # focusable: role=none is ignored
    ],
)
def test_a_frame_marked_decorative_needs_a_name_once_it_has_a_title_or_aria(frame: str, outcome: str):
    assert outcomes(frame, "frame-title") == [(outcome, None if outcome == "inapplicable" else "iframe")]


@pytest.mark.parametrize(
    ("object_html", "outcome"),
    [
        ('<object data="calf.png" role="img"></object>', "failed"),  # ACT leaves roles out; unnamed, it fails
        ('<object data="calf.png" role="img" title="The calf"></object>', "inapplicable"),
        ('<object data="calf.png" role="none"></object>', "inapplicable"),  # decorative, nothing overrides it
        ('<object data="calf.png" role="none" tabindex="0"></object>', "failed"),  # focus undoes role=none
        ('<object data="calf.png" role="separator"></object>', "inapplicable"),  # a role that needs no name
        ('<object data="page.html"><p>The dose table</p></object>', "inapplicable"),  # its fallback stands in
    ],
)
def test_an_object_with_a_role_is_judged_by_what_its_role_needs(object_html: str, outcome: str):
    assert [result for result, _ in outcomes(object_html, "object-alt")] == [outcome]
