"""Translations are untrusted: nothing a catalog says can run in a reader's browser or in a template."""

import pytest
from bs4 import BeautifulSoup

from pipeline.build import build
from pipeline.catalogs import CatalogTree, read_catalog, render_catalog
from pipeline.config import load_settings

from .conftest import translate_everything

PARAGRAPH = "Cramps are *sudden* and painful. See [the NHS page](https://www.nhs.uk/)."


def build_with(project, translations: dict[str, str], ui: dict[str, str] | None = None):
    """Translate the fixture article into Spanish, with some messages replaced, then build."""
    translate_everything(project, "es", lambda text: translations.get(text, f"ES {text}"))
    if ui:
        tree = CatalogTree(project, project / "locales")
        path = tree.po("es", "ui")
        catalog = read_catalog(path, tree, "es")
        for msgid, msgstr in ui.items():
            catalog.get(msgid).msgstr = msgstr
        path.write_bytes(render_catalog(catalog))
    result = build(load_settings(project))
    html = (project / "dist/es/leg-cramps/index.html").read_text(encoding="utf-8")
    return result, html, BeautifulSoup(html, "lxml")


@pytest.mark.parametrize("attack", [
    "<script>alert(1)</script> texto",
    "<img src=x onerror=alert(1)> texto",
    "<a href='javascript:alert(1)'>clic</a>",
    "<iframe src='https://evil.example'></iframe>",
])
def test_raw_html_in_a_translation_is_shown_as_text(project, attack):
    _, html, soup = build_with(project, {PARAGRAPH: attack})
    assert not soup.find_all(["script", "iframe"]) and not soup.find_all(attrs={"onerror": True})
    assert attack in soup.get_text()  # the reader sees the markup as text


@pytest.mark.parametrize("target", [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "&#106;avascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
])
def test_links_to_dangerous_schemes_are_removed_and_reported(project, target):
    result, html, soup = build_with(project, {PARAGRAPH: f"Vea [la página]({target})."})
    hrefs = [a.get("href", "") for a in soup.find_all("a")]
    assert not [h for h in hrefs if h.lower().startswith(("javascript", "data", "vbscript", "file"))]
    assert "la página" in soup.get_text()
    assert any(f.rule == "unsafe-link" and f.locale == "es" for f in result.report.findings)


def test_an_autolink_to_a_dangerous_scheme_is_removed(project):
    result, _, soup = build_with(project, {PARAGRAPH: "Vea <javascript:alert(1)>."})
    assert not [a for a in soup.find_all("a") if "javascript" in a.get("href", "").lower()]
    assert any(f.rule == "unsafe-link" for f in result.report.findings)


def test_attribute_values_from_translations_are_escaped(project):
    _, html, soup = build_with(project, {
        "A person stretching a calf": 'x" onerror="alert(1)',
        "Why legs cramp at night and what helps.": '"><script>alert(1)</script>',
    })
    image = soup.find("img")
    assert image["alt"] == 'x" onerror="alert(1)' and not image.has_attr("onerror")
    assert soup.find("meta", attrs={"name": "description"})["content"] == '"><script>alert(1)</script>'
    assert not soup.find_all("script")


def test_template_syntax_in_catalogs_is_text_not_template(project):
    _, html, soup = build_with(
        project,
        {PARAGRAPH: "{{ 7 * 7 }} y {% for x in range(3) %}x{% endfor %} ${7*7}"},
        ui={"Skip to main content": "{{ 7 * 7 }} <script>alert(1)</script>"},
    )
    assert "{{ 7 * 7 }} y {% for x in range(3) %}x{% endfor %}" in soup.get_text()
    assert "49" not in soup.get_text()
    skip = soup.find("a", class_="skip-link")
    assert skip.get_text() == "{{ 7 * 7 }} <script>alert(1)</script>" and not soup.find_all("script")


def test_markdown_block_syntax_in_a_translation_stays_inline(project):
    """A translation cannot add headings, lists or code blocks: it is inline Markdown only."""
    _, _, soup = build_with(project, {"What helps": "# Título falso\n\n- lista"})
    assert len(soup.find_all("h1")) == 1 and soup.find("h2").get_text().startswith("# Título falso")


NOTE = "Some passages are not translated yet; they are shown in %(language)s."


def test_a_literal_percent_in_a_template_string_is_shown_as_written(project):
    result, _, soup = build_with(project, {PARAGRAPH: ""}, ui={"Health library": "100 % de los consejos",
                                                              NOTE: "Algunos pasajes (10 %) se muestran en %(language)s."})
    assert soup.find("p", class_="site-name").get_text() == "100 % de los consejos"
    assert soup.find("p", class_="fallback-note").get_text() == "Algunos pasajes (10 %) se muestran en inglés."


@pytest.mark.parametrize("wrong", [
    "Algunos pasajes se muestran en %(idioma)s.",  # a name the template does not pass: KeyError
    "Algunos pasajes se muestran en %(language)d.",  # the wrong conversion: TypeError
    "Algunos pasajes se muestran en otro idioma.",  # the placeholder dropped: the page loses the value
])
def test_a_translation_with_the_wrong_placeholders_is_reported_and_shows_the_source(project, wrong):
    result, _, soup = build_with(project, {PARAGRAPH: ""}, ui={NOTE: wrong})
    assert soup.find("p", class_="fallback-note").get_text() == NOTE % {"language": "inglés"}
    assert [f.rule for f in result.report.findings if f.file == "locales/es/LC_MESSAGES/ui.po"] == ["placeholders"]


@pytest.mark.parametrize("translation", [
    'H<sub onclick="alert(1)">2</sub>O <script>alert(1)</script>',
    'H<sub>2</sub>O <sub style="x" onmouseover=alert(1)>x</sub> <SCRIPT SRC=//evil.example/x.js></SCRIPT>',
    'H<sub>2</sub>O <abbr title="x" onclick="alert(1)">NHS</abbr> <!-- <script>alert(1)</script> -->',
    'H<sub>2</sub>O <sub\nonclick=alert(1)>2</sub> <a href="javascript:alert(1)">x</a>',
])
def test_inline_html_in_a_translation_is_its_sources_tags_sanitized_or_text(project, translation):
    """Only the tags the source unit has pass, and without attributes the allowlist lacks; the rest is text."""
    source = "Water is H<sub>2</sub>O."
    article = project / "source" / "leg-cramps.md"
    article.write_text(article.read_text() + f"\n{source}\n")
    result, html, soup = build_with(project, {source: translation})
    main = soup.find("main")
    assert not main.find_all(["script", "a", "abbr"], href=lambda h: h and "javascript" in h)
    assert not main.find_all(["script", "abbr"]) and not [t for t in main.find_all(True) if
                                                        any(a.startswith("on") or a == "style" for a in t.attrs)]
    assert main.find("sub") is not None
    assert any(f.rule == "inline-html" and f.locale == "es" for f in result.report.findings)
