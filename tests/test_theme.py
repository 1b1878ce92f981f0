"""A publisher's own look: templates and static files that override the shipped ones by name."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import run, translate_everything, write_project

FOOTER = """\
{% extends "pipeline/base.html" %}
{% block footer %}
<footer class="site-footer"><p>{{ _("Call the clinic nurse line any time.") }}</p></footer>
{% endblock %}
"""


def themed_project(root: Path) -> Path:
    """A project whose base template replaces the footer and whose static folder replaces the stylesheet."""
    write_project(root)
    settings = root / "pyproject.toml"
    settings.write_text(settings.read_text() + 'templates_dir = "theme/templates"\nstatic_dir = "theme/static"\n')
    (root / "theme" / "templates").mkdir(parents=True)
    (root / "theme" / "templates" / "base.html").write_text(FOOTER, encoding="utf-8")
    (root / "theme" / "static" / "img").mkdir(parents=True)
    (root / "theme" / "static" / "style.css").write_text("body { color: #111; background: #fff; }\n")
    (root / "theme" / "static" / "img" / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>\n')
    return root


def test_the_publishers_templates_and_static_files_override_the_shipped_ones(tmp_path):
    root = themed_project(tmp_path / "project")
    translate_everything(root)
    assert run(root, "build").exit_code == 0
    page = (root / "dist" / "es" / "leg-cramps" / "index.html").read_text(encoding="utf-8")
    assert "Call the clinic nurse line any time." in page
    assert "does not replace advice" not in page  # the shipped footer is replaced
    assert 'class="skip-link"' in page  # and the rest of the shipped base is kept
    assert (root / "dist" / "assets" / "style.css").read_text() == "body { color: #111; background: #fff; }\n"
    assert (root / "dist" / "assets" / "img" / "logo.svg").is_file()


def test_the_publishers_strings_are_extracted_for_translators(tmp_path):
    root = themed_project(tmp_path / "project")
    assert run(root, "extract").exit_code == 0
    pot = (root / "locales" / "templates" / "ui.pot").read_text(encoding="utf-8")
    assert "#: theme/templates/base.html:3\n" in pot
    assert 'msgid "Call the clinic nurse line any time."' in pot
    assert 'msgid "Skip to main content"' in pot  # the shipped strings the theme still uses


def test_findings_on_the_publishers_template_point_at_its_file(tmp_path):
    root = themed_project(tmp_path / "project")
    broken = FOOTER.replace("<p>", '<p><a href="/call"></a>')
    (root / "theme" / "templates" / "base.html").write_text(broken, encoding="utf-8")
    assert run(root, "build").exit_code == 1
    findings = json.loads((root / "reports" / "report.json").read_text())["findings"]
    empty_links = [f for f in findings if f["rule"] == "link-name"]
    assert empty_links and {f["file"] for f in empty_links} == {"theme/templates/base.html"}


def test_a_changed_template_rebuilds_the_pages(tmp_path):
    root = themed_project(tmp_path / "project")
    assert run(root, "build").exit_code == 0
    assert "nothing changed" in run(root, "build").output
    base = root / "theme" / "templates" / "base.html"
    base.write_text(base.read_text().replace("any time", "day and night"), encoding="utf-8")
    assert "nothing changed" not in run(root, "build").output
    assert "day and night" in (root / "dist" / "en" / "leg-cramps" / "index.html").read_text(encoding="utf-8")


def test_a_missing_theme_folder_is_bad_input(tmp_path):
    root = write_project(tmp_path / "project")
    settings = root / "pyproject.toml"
    settings.write_text(settings.read_text() + 'templates_dir = "../elsewhere"\n')
    result = run(root, "build")
    assert result.exit_code == 2 and "templates_dir must be a folder inside the project" in result.output


def test_a_theme_folder_that_does_not_exist_is_named(tmp_path):
    root = write_project(tmp_path / "project")
    settings = root / "pyproject.toml"
    settings.write_text(settings.read_text() + 'static_dir = "theme/static"\n')
    result = run(root, "build")
    assert result.exit_code == 2
    assert result.output.strip() == "error: pyproject.toml: [tool.pipeline] static_dir: no folder 'theme/static' in the project"


def test_every_locale_renders_through_templates_compiled_once_each_with_its_own_strings(tmp_path, monkeypatch):
    import jinja2

    from pipeline import render
    from pipeline.template_code import SharedCode

    root = themed_project(tmp_path / "project")
    settings = root / "pyproject.toml"
    settings.write_text(settings.read_text().replace('locales = ["es"]', 'locales = ["es", "fr"]'), encoding="utf-8")
    translate_everything(root, "es", lambda text: f"ES {text}")
    translate_everything(root, "fr", lambda text: f"FR {text}")
    compiled: list[str] = []
    compile_template = jinja2.Environment.compile

    def counted(self, source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(filename)
        return compile_template(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    monkeypatch.setattr(render, "_TEMPLATE_CODE", SharedCode())
    render._environment.cache_clear()  # environments made before would keep the code they compiled
    assert run(root, "build", "--jobs", "1").exit_code == 0
    render._environment.cache_clear()
    assert {Path(name).name for name in compiled} >= {"base.html", "article.html", "index.html"}
    assert sorted(compiled) == sorted(set(compiled))  # three locales' environments, each template compiled once
    for locale in ("es", "fr"):
        page = (root / "dist" / locale / "leg-cramps" / "index.html").read_text(encoding="utf-8")
        assert f"{locale.upper()} Call the clinic nurse line any time." in page
