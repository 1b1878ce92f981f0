"""The accessibility checker's public API: findings as data, paths, errors, rule discovery."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pipeline.checks.a11y import FallbackPassage, PageContext, PageError, all_rules, check_html, check_pages, check_paths
from pipeline.checks.a11y.engine import RuleDefinitionError, discover_rules, run_rules
from pipeline.checks.a11y.page import Page
from pipeline.checks.a11y.site import Site
from pipeline.errors import PipelineError
from pipeline.model import Report
from tests.a11y.cases import FIXTURES

CLEAN = (FIXTURES / "clean" / "article.html").read_text(encoding="utf-8")
NO_ALT = CLEAN.replace('alt="A person stretching a calf against a wall"', "")


def test_a_clean_page_has_no_findings():
    assert check_html(CLEAN, "en/leg-cramps/index.html") == []


def test_a_finding_says_what_where_and_how_grave():
    (finding,) = check_html(NO_ALT, "dist/es/leg-cramps/index.html")
    assert finding.rule == "image-alt"
    assert finding.outcome == "failed"
    assert finding.impact == "critical"
    assert finding.severity == "error"
    assert finding.wcag == ("1.1.1",)
    assert finding.check == "a11y"
    assert "stretch.png" in finding.message and "alt" in finding.message
    assert finding.file == "dist/es/leg-cramps/index.html"
    assert finding.line == NO_ALT.splitlines().index('<p><img src="stretch.png" ></p>') + 1
    assert finding.selector == "img"
    assert (finding.locale, finding.article) == ("es", "leg-cramps")


def test_locale_and_article_come_from_the_context_when_the_build_gives_one():
    context = PageContext(locale="pt-BR", article="cramps", source_locale="en")
    (finding,) = check_html(NO_ALT, "page.html", context=context)
    assert (finding.locale, finding.article) == ("pt-BR", "cramps")


@pytest.mark.parametrize(
    ("file", "locale", "article"),
    [("dist/ar/leg-cramps/index.html", "ar", "leg-cramps"), ("es/index.html", "es", None),
     ("index.html", None, None), ("tests/a11y/list/fail-x.html", None, None)],
)
def test_locale_and_article_are_read_from_the_bundle_layout(file: str, locale: str | None, article: str | None):
    (finding,) = check_html(NO_ALT, file)
    assert (finding.locale, finding.article) == (locale, article)


def test_best_practices_and_review_items_are_warnings():
    page = CLEAN.replace("<h2>What helps</h2>", "<h4>What helps</h4>").replace(
        "<h2>References</h2>", '<p><a href="/a/">Read more</a> <a href="/b/">Read more</a></p>\n<h2>References</h2>')
    severities = {(f.rule, f.outcome, f.severity) for f in check_html(page, "p.html", level="AAA")}
    assert severities == {("heading-order", "failed", "warning"),
                          ("identical-links-same-purpose", "cantTell", "warning")}


def test_reading_level_is_a_warning_because_wcag_3_1_5_is_aaa():
    context = PageContext(locale="en", reading_grade=12.5, reading_target=8)
    (finding,) = check_html(CLEAN, "en/leg-cramps/index.html", context=context)
    assert (finding.rule, finding.severity, finding.wcag) == ("reading-level", "warning", ("3.1.5",))
    assert "12.5" in finding.message and "8" in finding.message
    assert Report([finding]).return_code == 0 and Report([finding], fail_on="warning").return_code == 1


def test_disabled_rules_are_not_run():
    assert check_html(NO_ALT, "p.html", disabled=["image-alt"]) == []


def test_a_renamed_rule_id_switches_off_the_rules_that_took_its_place():
    form = CLEAN.replace("</main>", '<form><p><input name="q"> <span role="checkbox" aria-checked="false" tabindex="0"></span></p></form></main>')
    assert [f.rule for f in check_html(form, "p.html")] == ["aria-toggle-field-name", "label"]
    assert check_html(form, "p.html", disabled=["form-field-name"]) == []


def test_all_outcomes_adds_passed_and_inapplicable_results():
    default = check_html(CLEAN, "p.html")
    everything = check_html(CLEAN, "p.html", all_outcomes=True)
    assert default == []
    outcomes = {(f.rule, f.outcome) for f in everything}
    assert ("image-alt", "passed") in outcomes and ("frame-title", "inapplicable") in outcomes
    assert {f.severity for f in everything} == {"info"}
    assert {f.rule for f in everything} == {r.id for r in all_rules() if r.runs_at("AA") and r.on_by_default}


def test_rules_off_by_default_run_only_when_asked_for_and_disabling_wins():
    off = {r.id for r in all_rules() if not r.on_by_default}
    assert {"hidden-content", "duplicate-id-active"} <= off
    hidden = CLEAN.replace("<h2>What helps</h2>", '<h2>What helps</h2>\n<p hidden>Stretch the calf.</p>')
    assert check_html(hidden, "p.html") == []
    (finding,) = check_html(hidden, "p.html", enable=["hidden-content"])
    assert (finding.rule, finding.outcome, finding.selector) == ("hidden-content", "cantTell", "p:nth-of-type(3)")
    assert check_html(hidden, "p.html", enable=["hidden-content"], disabled=["hidden-content"]) == []
    everything = check_html(CLEAN, "p.html", all_outcomes=True, enable=sorted(off))
    assert off <= {f.rule for f in everything}


#: Grey text on white at 4.48:1: below AA's 4.5:1 (1.4.3) and AAA's 7:1 (1.4.6).
LOW_CONTRAST = CLEAN.replace("<h2>What helps</h2>", '<h2>What helps</h2>\n<p style="color: #777">Stretch the calf.</p>')


@pytest.mark.parametrize(("level", "rules"), [
    ("A", set()),
    ("AA", {"color-contrast"}),
    ("AAA", {"color-contrast", "color-contrast-enhanced"}),
])
def test_a_wcag_level_leaves_out_the_rules_above_it(level: str, rules: set[str]):
    assert {f.rule for f in check_html(LOW_CONTRAST, "p.html", level=level)} == rules


def test_the_default_level_is_aa_and_best_practices_run_at_every_level():
    assert check_html(LOW_CONTRAST, "p.html") == check_html(LOW_CONTRAST, "p.html", level="AA")
    by_id = {rule.id: rule for rule in all_rules()}
    off_at_aa = {rule.id for rule in all_rules() if not rule.runs_at("AA")}
    assert off_at_aa == {"color-contrast-enhanced", "identical-links-same-purpose", "meta-refresh-no-exceptions"}
    assert all(rule.runs_at("A") for rule in all_rules() if rule.best_practice)
    assert by_id["reading-level"].runs_at("A") and by_id["duplicate-id"].runs_at("A")  # own target; 4.1.1 obsolete
    assert not by_id["color-contrast"].runs_at("A") and by_id["image-alt"].runs_at("A")


def test_an_svg_image_is_checked_as_an_image_not_as_a_page():
    svg = '<svg xmlns="http://www.w3.org/2000/svg" role="img"><circle r="3"/></svg>'
    assert [(f.rule, f.outcome) for f in check_html(svg, "assets/icon.svg")] == [("svg-img-alt", "failed")]
    assert {f.rule for f in check_html(svg, "icon.html")} >= {"landmark-one-main", "svg-img-alt"}


def test_scripts_and_styles_are_not_read_as_pages():
    for file, text in (("assets/app.js", "document.title = '<img src=x>';"), ("assets/site.css", "p { color: red }")):
        outcomes = {(f.rule, f.outcome) for f in check_html(text, file, all_outcomes=True, level="AAA")}
        assert outcomes == {(rule.id, "inapplicable") for rule in all_rules() if rule.on_by_default}


def test_findings_are_sorted_and_identical_between_runs():
    page = NO_ALT.replace("<h2>What helps</h2>", "<h2></h2>").replace("<title>", "<title>\n")
    first = check_html(page, "p.html")
    assert first == check_html(page, "p.html")
    assert [f.line for f in first] == sorted(f.line for f in first)


def test_bytes_in_their_declared_encoding_are_read():
    page = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="iso-8859-1"><title>Night cramps</title></head>\n'
        '<body><main><h1>Night cramps</h1>\n<p>Étirez le mollet.</p></main></body></html>\n'
    ).encode("iso-8859-1")
    context = PageContext(locale="en", source_locale="fr", fallback_passages=(FallbackPassage("Étirez le mollet."),))
    (finding,) = check_html(page, "p.html", context=context)
    assert (finding.rule, finding.outcome, finding.line) == ("lang-of-parts", "failed", 4)


def test_check_paths_walks_folders_and_names_files_relative_to_the_root(tmp_path: Path):
    (tmp_path / "site" / "en" / "a").mkdir(parents=True)
    (tmp_path / "site" / "en" / "a" / "index.html").write_text(NO_ALT, encoding="utf-8")
    (tmp_path / "site" / "en" / "index.html").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "site" / "notes.txt").write_text("not a page", encoding="utf-8")
    findings = check_paths([tmp_path / "site"], tmp_path)
    reported = [(f.file, f.rule, f.locale, f.article) for f in findings]
    assert reported == [("site/en/a/index.html", "image-alt", "en", "a")]


def test_check_paths_accepts_files_and_folders_together_without_checking_twice(tmp_path: Path):
    (tmp_path / "a.html").write_text(NO_ALT, encoding="utf-8")
    findings = check_paths([tmp_path / "a.html", tmp_path], tmp_path)
    assert [f.file for f in findings] == ["a.html"]


def test_a_missing_path_is_a_pipeline_error_naming_it(tmp_path: Path):
    with pytest.raises(PipelineError) as caught:
        check_paths([tmp_path / "nowhere.html"], tmp_path)
    assert "nowhere.html" in str(caught.value) and caught.value.exit_code == 2


def test_an_unreadable_page_is_a_pipeline_error_naming_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    page = tmp_path / "locked.html"
    page.write_text(CLEAN, encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(PageError, match="locked.html.*Permission denied"):
        check_paths([page], tmp_path)


@pytest.mark.parametrize("content", [b"", b"   \n"])
def test_an_empty_file_is_a_pipeline_error(tmp_path: Path, content: bytes):
    (tmp_path / "empty.html").write_bytes(content)
    with pytest.raises(PageError, match="empty.html.*empty"):
        check_paths([tmp_path / "empty.html"], tmp_path)


def test_check_pages_lets_site_rules_see_every_page():
    english = CLEAN.replace("</head>", '<link rel="alternate" hreflang="es" href="../../es/cramps/">\n</head>')
    spanish = CLEAN.replace('lang="en"', 'lang="es"', 1)
    findings = check_pages([("en/cramps/index.html", english, None), ("es/cramps/index.html", spanish, None)])
    assert [(f.file, f.rule) for f in findings] == [("en/cramps/index.html", "hreflang-valid")]
    assert "does not link back" in findings[0].message


# --- rule discovery -------------------------------------------------------------------------------


ISSUE_7_RULES = {
    "aria-valid-attr", "aria-valid-attr-value", "aria-required-attr", "aria-required-id-refs", "aria-allowed-attr",
    "aria-roles", "aria-required-children", "aria-required-parent", "aria-prohibited-attr", "aria-hidden-focus",
    "presentation-role-conflict", "nested-interactive", "label", "select-name", "aria-input-field-name",
    "aria-toggle-field-name", "autocomplete-valid", "td-headers-attr", "th-has-data-cells", "svg-img-alt", "object-alt",
    "input-image-alt", "summary-name", "aria-command-name", "button-name", "input-button-name",
    "frame-focusable-content", "avoid-inline-spacing", "html-xml-lang-mismatch",
    "duplicate-attribute", "meta-refresh-no-exceptions",
}


def test_the_rules_of_issues_6_and_7_are_all_discovered_with_their_metadata():
    ids = [rule.id for rule in all_rules()]
    assert ids == sorted(ids) and len(ids) == 100 and ISSUE_7_RULES <= set(ids)
    assert all(rule.act for rule in all_rules() if rule.id in ISSUE_7_RULES)
    for rule in all_rules():
        assert rule.help and rule.help == rule.description.splitlines()[0]
        assert "Fails:" in rule.description and "Passes:" in rule.description
        assert rule.impact in ("minor", "moderate", "serious", "critical")
        assert rule.check is not None or rule.check_site is not None


def _rule_package(tmp_path: Path, name: str, modules: dict[str, str]) -> str:
    package = tmp_path / name
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    for module, source in modules.items():
        (package / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    return name


RULE_SOURCE = '''
    """Help line.

    Fails:

        <x>

    Passes:

        <y>
    """
    IMPACT = "minor"
    WCAG = ("1.3.1",)

    def check(page):
        yield from ()
'''


def test_a_duplicate_rule_id_is_rejected_at_discovery(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(sys, "path", list(sys.path))
    extra = _rule_package(tmp_path, "extra_rules_dup", {"image-alt": RULE_SOURCE})
    with pytest.raises(RuleDefinitionError, match="image-alt"):
        discover_rules(["pipeline.checks.a11y.rules", extra])


@pytest.mark.parametrize(
    ("module", "source", "problem"),
    [
        ("no-impact", RULE_SOURCE.replace('IMPACT = "minor"', ""), "IMPACT"),
        ("bad-wcag", RULE_SOURCE.replace('"1.3.1"', '"9.9.9"'), "WCAG"),
        ("no-examples", RULE_SOURCE.replace("Fails:", "Bad:"), "docstring"),
        ("Not_Kebab", RULE_SOURCE, "kebab-case"),
        ("bad-act", RULE_SOURCE.replace('IMPACT =', 'ACT = ("5F99A7",)\n    IMPACT ='), "ACT"),
        ("act-not-tuple", RULE_SOURCE.replace('IMPACT =', 'ACT = "5f99a7"\n    IMPACT ='), "ACT"),
    ],
)
def test_a_rule_breaking_the_contract_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  module: str, source: str, problem: str):
    monkeypatch.setattr(sys, "path", list(sys.path))
    package = _rule_package(tmp_path, f"extra_rules_{module.replace('-', '_').lower()}", {module: source})
    with pytest.raises(RuleDefinitionError, match=problem):
        discover_rules([package])


def test_a_new_rule_file_is_discovered_without_being_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(sys, "path", list(sys.path))
    package = _rule_package(tmp_path, "extra_rules_new", {"my-new-rule": RULE_SOURCE})
    assert [rule.id for rule in discover_rules([package])] == ["my-new-rule"]


def test_a_rule_folder_holds_only_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(sys, "path", list(sys.path))
    package = _rule_package(tmp_path, "extra_rules_helper", {"my-new-rule": RULE_SOURCE, "helpers": "X = 1\n"})
    with pytest.raises(RuleDefinitionError, match="only rules"):
        discover_rules([package])


def _pip(*arguments: str) -> None:
    done = subprocess.run([sys.executable, "-m", "pip", *arguments], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_a_regular_install_ships_and_discovers_every_rule(tmp_path: Path):
    """A wheel (what `pip install .` installs) carries the hyphenated rule modules, and they are found."""
    repo, source = Path(__file__).resolve().parent.parent, tmp_path / "source"
    # Build from a copy: setuptools writes build/ and *.egg-info beside the sources it builds.
    shutil.copytree(repo / "pipeline", source / "pipeline", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(repo / name, source)
    wheels, target = tmp_path / "wheels", tmp_path / "installed"
    _pip("wheel", "--no-deps", "--quiet", "-w", str(wheels), str(source))
    (wheel,) = wheels.glob("*.whl")  # the distribution is health-content-pipeline
    _pip("install", "--no-deps", "--quiet", "--target", str(target), str(wheel))
    # -S: no site processing, so the editable install of the repository is out of sight.
    dependencies = next(p for p in sys.path if p.endswith("site-packages"))
    probe = "import pipeline.checks.a11y as a; print(a.__file__); print(' '.join(r.id for r in a.all_rules()))"
    done = subprocess.run([sys.executable, "-S", "-c", probe], capture_output=True, text=True, check=False,
                          env={"PYTHONPATH": os.pathsep.join([str(target), dependencies])}, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    location, ids = done.stdout.splitlines()
    assert Path(location).is_relative_to(target)
    assert ids.split() == [rule.id for rule in all_rules()]


def test_a_rule_may_say_why_it_does_not_apply(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(sys, "path", list(sys.path))
    source = RULE_SOURCE.replace("yield from ()", 'yield page.inapplicable("no video on the page")')
    package = _rule_package(tmp_path, "extra_rules_reasons", {"video-caption": source})
    (rule,) = discover_rules([package])
    page = Page(CLEAN, "p.html")
    (finding,) = run_rules([page], [rule], Site([page]), all_outcomes=True)
    assert (finding.outcome, finding.message) == ("inapplicable", "no video on the page")
    assert run_rules([page], [rule], Site([page]), all_outcomes=False) == []


@pytest.mark.parametrize("all_outcomes", [False, True])
def test_a_folder_checked_in_jobs_on_every_cpu_gives_what_checking_every_page_together_gives(
        tmp_path, monkeypatch, all_outcomes):
    """`check_paths` holds a few pages at a time (in worker processes): the findings are those of one pass over all."""
    from pipeline.checks.a11y import engine
    from pipeline.checks.a11y.semantics.stylesheets import disk_style_sheets

    for case in ("hreflang-valid", "color-contrast", "image-alt", "link-name", "heading-order", "bidi-isolation"):
        shutil.copytree(FIXTURES / case, tmp_path / "site" / case)
    files = sorted((tmp_path / "site").rglob("*.html"))
    assert len(files) >= 29  # enough for jobs of 3 pages to start workers (parallel.PARALLEL_FROM is 8 jobs)
    jobs = []
    check_files = engine._check_files
    monkeypatch.setattr(engine, "PAGES_PER_JOB", 3)
    monkeypatch.setattr(engine, "_check_files", lambda *args: jobs.append(len(args[-1])) or check_files(*args))
    together = check_pages([(p.relative_to(tmp_path).as_posix(), p.read_bytes(), None) for p in files],
                           root=tmp_path, all_outcomes=all_outcomes, style_sheets=disk_style_sheets(tmp_path))
    in_this_process = check_paths([tmp_path / "site"], tmp_path, all_outcomes=all_outcomes, workers=1)
    assert max(jobs[:-1]) == 3 and jobs[-1] == len(files)  # jobs of 3 pages, then every page's head
    assert {f.rule for f in together} >= {"hreflang-valid", "color-contrast", "image-alt", "link-name"}
    assert in_this_process == together
    monkeypatch.setattr(engine, "_check_files", check_files)  # (a worker is sent the function itself)
    assert check_paths([tmp_path / "site"], tmp_path, all_outcomes=all_outcomes, workers=2) == together
