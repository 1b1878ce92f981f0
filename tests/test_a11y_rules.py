"""Rule behaviour beyond the fixtures: site-wide alternates, build-only rules, edge cases users meet."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.checks.a11y import FallbackPassage, PageContext, check_html, check_pages, check_paths
from pipeline.model import Finding, Location
from tests.a11y.cases import FIXTURES

CLEAN = (FIXTURES / "clean" / "article.html").read_text(encoding="utf-8")
RTL = (FIXTURES / "clean" / "article-rtl.html").read_text(encoding="utf-8")
ES_PAGE = (FIXTURES / "lang-of-parts" / "pass-marked-fallback.html").read_text(encoding="utf-8")


def reported(findings: list[Finding]) -> list[tuple[str, str, str | None]]:
    return [(f.rule, f.outcome, f.selector) for f in findings]


def with_alternates(page: str, *links: tuple[str, str]) -> str:
    tags = "".join(f'<link rel="alternate" hreflang="{code}" href="{href}">\n' for code, href in links)
    return page.replace("</head>", tags + "</head>")


# --- hreflang-valid --------------------------------------------------------------------------------


def test_relative_alternates_are_resolved_from_the_page():
    en = with_alternates(CLEAN, ("en", "./"), ("es", "../../es/cramps/"))
    es = with_alternates(ES_PAGE, ("en", "/en/cramps/"), ("es", "./"))
    findings = check_pages([("en/cramps/index.html", en, None), ("es/cramps/index.html", es, None)])
    assert findings == []


def test_absolute_alternates_that_name_the_file_are_resolved_too():
    """`…/es/cramps/index.html`, as a bundle with directory_urls = false writes them, checked in dist/."""
    base = "https://example.org/"
    links = (("en", f"{base}en/cramps/index.html"), ("es", f"{base}es/cramps/index.html"))
    pages = [(f"dist/{code}/cramps/index.html", with_alternates(html, *links), None) for code, html in (("en", CLEAN), ("es", ES_PAGE))]
    assert check_pages(pages) == []


def test_pages_outside_the_run_are_read_from_disk(tmp_path: Path):
    base = "https://health.example.org/"
    for code, html in (("en", CLEAN), ("es", ES_PAGE)):
        folder = tmp_path / code / "cramps"
        folder.mkdir(parents=True)
        other = "es" if code == "en" else "en"
        links = [(code, f"{base}{code}/cramps/")] + ([(other, f"{base}{other}/cramps/")] if code == "en" else [])
        (folder / "index.html").write_text(with_alternates(html, *links), encoding="utf-8")
    findings = check_paths([tmp_path / "en" / "cramps" / "index.html"], tmp_path)
    assert [(f.file, f.rule, f.outcome) for f in findings] == [("en/cramps/index.html", "hreflang-valid", "failed")]
    assert "es/cramps/index.html does not link back" in findings[0].message


def test_without_a_self_reference_an_absolute_alternate_cannot_be_resolved():
    page = with_alternates(CLEAN, ("es", "https://health.example.org/es/cramps/"))
    findings = check_pages([("en/cramps/index.html", page, None)])
    assert reported(findings) == [("hreflang-valid", "cantTell", "link:nth-of-type(2)")]
    assert findings[0].severity == "warning"


def test_x_default_need_not_link_back_but_must_exist():
    base = "https://health.example.org/"
    en = with_alternates(CLEAN, ("en", f"{base}en/cramps/"), ("x-default", f"{base}en/cramps/"))
    es = with_alternates(ES_PAGE, ("es", f"{base}es/cramps/"), ("x-default", f"{base}en/gone/"))
    findings = check_pages([("en/cramps/index.html", en, None), ("es/cramps/index.html", es, None)])
    assert [(f.file, f.rule) for f in findings] == [("es/cramps/index.html", "hreflang-valid")]
    assert "does not exist" in findings[0].message


# --- lang-of-parts ----------------------------------------------------------------------------------------

CONTEXT = PageContext(locale="es", article="leg-cramps", source_locale="en")


def test_lang_of_parts_needs_the_build_context():
    unmarked = ES_PAGE.replace('<p lang="en" class="untranslated">', "<p>")
    assert check_html(unmarked, "es/leg-cramps/index.html") == []
    findings = check_html(unmarked, "es/leg-cramps/index.html", all_outcomes=True)
    assert ("lang-of-parts", "inapplicable", None) in reported(findings)


def test_a_fallback_inside_a_table_cell_may_carry_lang_on_a_span():
    page = ES_PAGE.replace("<h2>Referencias</h2>", '<table><tbody><tr><td><span lang="en" class="untranslated">'
                                                   "A cramp</span></td></tr></tbody></table>\n<h2>Referencias</h2>")
    context = PageContext(**{**CONTEXT.__dict__, "fallback_passages": (FallbackPassage("A cramp"),)})
    assert check_html(page, "es/leg-cramps/index.html", context=context) == []


def test_a_fallback_missing_from_the_page_is_reported_for_review_with_its_catalog_entry():
    origin = Location("locales/es/LC_MESSAGES/leg-cramps.po", 12)
    context = PageContext(**{**CONTEXT.__dict__, "fallback_passages": (FallbackPassage("Not on the page", origin),)})
    (finding,) = check_html(ES_PAGE, "es/leg-cramps/index.html", context=context)
    assert (finding.rule, finding.outcome, finding.related) == ("lang-of-parts", "cantTell", (origin,))


def test_an_unmarked_fallback_points_to_its_element_and_its_catalog_entry():
    origin = Location("locales/es/LC_MESSAGES/leg-cramps.po", 42)
    text = "Call a doctor if a cramp lasts longer than ten minutes."
    context = PageContext(**{**CONTEXT.__dict__, "fallback_passages": (FallbackPassage(text, origin),)})
    page = ES_PAGE.replace('<p lang="en" class="untranslated">', "<p>")
    (finding,) = check_html(page, "es/leg-cramps/index.html", context=context)
    assert (finding.rule, finding.severity) == ("lang-of-parts", "error")
    assert finding.selector == "blockquote > p"
    assert finding.related == (origin,) and 'lang="en"' in finding.message


# --- rtl-dir -----------------------------------------------------------------------------------------------


def test_an_arabic_page_marked_left_to_right_fails_on_the_html_element():
    (finding,) = check_html(RTL.replace('dir="rtl">', 'dir="ltr">', 1), "ar/leg-cramps/index.html")
    assert (finding.rule, finding.selector) == ("rtl-dir", "html")
    assert 'has dir="ltr"' in finding.message and 'add dir="rtl"' in finding.message


def test_a_passage_that_inherits_the_wrong_direction_names_where_it_comes_from():
    page = RTL.replace('<li lang="en" dir="ltr" class="untranslated">Drink', '<li lang="en" class="untranslated">Drink')
    (finding,) = check_html(page, "ar/leg-cramps/index.html")
    assert "inherits dir=\"rtl\" from <html> on line 2" in finding.message


def test_dir_auto_lets_the_browser_decide():
    page = RTL.replace('<li lang="en" dir="ltr" class="untranslated">Drink', '<li lang="en" dir="auto">Drink')
    assert check_html(page, "ar/leg-cramps/index.html") == []


# --- other rules ---------------------------------------------------------------------------------------------


def test_a_same_page_link_after_the_first_real_link_is_content_not_a_skip_link():
    page = CLEAN.replace("</header>", '</header>\n<p><a href="#main">Back to the article</a></p>')
    assert reported(check_html(page, "p.html")) == [("region", "failed", "body > p")]


def test_a_live_region_outside_landmarks_is_allowed():
    page = CLEAN.replace("</header>", '</header>\n<p aria-live="polite">Saved.</p>')
    assert check_html(page, "p.html") == []


def test_a_repeated_id_lists_every_other_place_it_is_used():
    page = CLEAN.replace("<h2>What helps</h2>", '<h2 id="x">What helps</h2>').replace(
        "<h2>References</h2>", '<h2 id="x">References</h2>').replace("<blockquote>", '<blockquote id="x">')
    (finding,) = check_html(page, "p.html")
    assert [place.selector for place in finding.related] == ["blockquote",
                                                             "h2:nth-of-type(2)"]
    assert "3 times" in finding.message


def test_ids_inside_templates_are_not_in_the_document():
    page = CLEAN.replace("<h2>What helps</h2>", '<h2 id="x">What helps</h2><template><p id="x">t</p></template>')
    assert check_html(page, "p.html") == []


@pytest.mark.parametrize(
    ("content", "problem"),
    [("width=device-width, initial-scale=1", None), ("user-scalable=no", "user-scalable=no"),
     ("user-scalable=0", "user-scalable=0"), ("user-scalable=yes, maximum-scale=1.5", "maximum-scale=1.5"),
     ("maximum-scale=2.0", None), ("maximum-scale=-1", None), ("maximum-scale=yes", "maximum-scale=yes"),
     ("initial-scale=1; maximum-scale=10", None)],
)
def test_viewport_settings_that_block_zooming(content: str, problem: str | None):
    page = CLEAN.replace("width=device-width, initial-scale=1", content)
    findings = [f for f in check_html(page, "p.html") if f.rule == "meta-viewport"]
    assert [f.rule for f in findings] == (["meta-viewport"] if problem else [])
    assert all(f"sets {problem}," in f.message for f in findings)


@pytest.mark.parametrize(
    ("content", "scale"),
    [("maximum-scale=2.0", "2.0"), ("maximum-scale=4.9, user-scalable=no", "4.9"), ("maximum-scale=3x", "3x"),
     ("maximum-scale=5", None), ("maximum-scale=1.5", None), ("maximum-scale=yes", None),
     ("maximum-scale=device-width", None), ("maximum-scale=10; maximum-scale=3", "3"),
     ("maximum-scale=-1, maximum-scale=3", "3"), ("maximum-scale=1, maximum-scale=4", "4"), ("user-scalable=no", None)],
)
def test_viewport_settings_that_keep_people_from_zooming_to_500_percent(content: str, scale: str | None):
    """As axe-core 4.14: a scale below 2 or unreadable, and user-scalable, are meta-viewport's; the first limit counts."""
    page = CLEAN.replace("width=device-width, initial-scale=1", content)
    findings = [f for f in check_html(page, "p.html") if f.rule == "meta-viewport-large"]
    assert [f.message.split(",")[0] for f in findings] == ([f"the viewport sets maximum-scale={scale}"] if scale else [])


def test_links_that_differ_only_in_case_and_punctuation_read_the_same():
    page = CLEAN.replace("<h2>References</h2>", '<p><a href="/a/">Read more!</a> <a href="/b/">read more</a> '
                                                '<a href="/a/index.html">Read more</a></p>\n<h2>References</h2>')
    (finding,) = check_html(page, "p.html", level="AAA")  # 2.4.9 is AAA
    assert (finding.rule, finding.outcome, len(finding.related)) == ("identical-links-same-purpose", "cantTell", 2)


def test_a_list_whose_items_all_lost_their_role_fails():
    page = CLEAN.replace("<li>Stretch your calf before bed.</li>\n<li>",
                         '<li role="button">Stretch</li>\n<li role="tab">')
    # A tab outside a tablist also breaks the tab's required context (W3C ACT ff89c9); ARIA in HTML
    # does not allow role="button" on an <li> (aria-allowed-role).
    assert sorted(f.rule for f in check_html(page, "p.html")) == ["aria-allowed-role", "aria-required-parent", "list"]


def test_a_page_without_links_has_nothing_to_bypass():
    page = ('<!DOCTYPE html><html lang="en"><head><title>Printable leaflet</title></head><body>'
            "<p>Stretch your calf before bed.</p></body></html>")
    findings = check_html(page, "leaflet.html", all_outcomes=True)
    assert ("bypass", "inapplicable", None) in reported(findings)


def test_a_fallback_title_that_only_reaches_the_head_is_not_reported():
    title = "Calambres en las piernas por la noche · Biblioteca de salud"
    description = "Por qué se producen calambres nocturnos y qué ayuda."
    passages = (FallbackPassage(title), FallbackPassage(description))
    context = PageContext(**{**CONTEXT.__dict__, "fallback_passages": passages})
    assert check_html(ES_PAGE, "es/leg-cramps/index.html", context=context) == []


def test_a_passage_can_be_given_as_its_rendered_html():
    passage = FallbackPassage.from_html('Call a doctor if a cramp lasts <em>longer</em> than ten&nbsp;minutes.')
    assert passage.text == "Call a doctor if a cramp lasts longer than ten\xa0minutes."
    page = ES_PAGE.replace('<p lang="en" class="untranslated">Call a doctor if a cramp lasts longer than ten minutes.',
                           "<p>Call a doctor if a cramp lasts <em>longer</em> than ten&nbsp;minutes.")
    context = PageContext(**{**CONTEXT.__dict__, "fallback_passages": (passage,)})
    assert [f.rule for f in check_html(page, "es/leg-cramps/index.html", context=context)] == ["lang-of-parts"]


def test_an_alternate_on_another_site_is_left_for_review():
    base = "https://health.example.org/"
    page = with_alternates(CLEAN, ("en", f"{base}en/cramps/"), ("es", "https://salud.example.es/calambres/"))
    (finding,) = check_pages([("en/cramps/index.html", page, None)])
    assert finding.outcome == "cantTell" and f"outside the site checked ({base})" in finding.message
