from .conftest import run, write_project


def test_build_exits_0_and_writes_the_bundle(project):
    result = run(project, "build")
    assert result.exit_code == 0, result.output
    assert (project / "dist/en/leg-cramps/index.html").exists()


def assert_one_line_error(result, *fragments):
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in lines[0]


def test_broken_front_matter_exits_2_with_one_line_naming_the_file(tmp_path):
    root = write_project(tmp_path, {"broken.md": "---\ntitle: [oops\n---\nText.\n"})
    assert_one_line_error(run(root, "build"), "source/broken.md:2", "not valid YAML")
    assert not (root / "dist").exists()


def test_a_non_utf8_file_exits_2(tmp_path):
    root = write_project(tmp_path, {})
    (root / "source" / "latin1.md").write_bytes("---\ntitle: Caf\xe9\n---\nText.\n".encode("latin-1"))
    assert_one_line_error(run(root, "build"), "source/latin1.md:2", "not UTF-8")


def test_an_unknown_setting_exits_2_naming_the_key(project):
    settings = project / "pyproject.toml"
    settings.write_text(settings.read_text() + 'locals = ["de"]\n')
    assert_one_line_error(run(project, "build"), "unknown key 'locals' (did you mean 'locales'?)")


def test_an_unknown_option_exits_2_with_one_line(project):
    assert_one_line_error(run(project, "build", "--frobnicate"), "No such option", "--frobnicate")


def test_help_lists_only_working_commands(project):
    result = run(project, "--help")
    assert result.exit_code == 0
    assert "build" in result.output


def test_check_readability_fails_on_warnings_only_when_asked(project):
    assert run(project, "check", "readability", "--locale", "en").exit_code == 0
    result = run(project, "check", "readability", "--locale", "en", "--fail-on", "warning")
    assert result.exit_code == 1 and "too-little-text" in run(project, "check", "readability", "--format", "json").output


def test_check_a11y_on_files_exits_by_what_it_finds(tmp_path):
    import json

    clean = tmp_path / "clean.html"
    clean.write_text('<!DOCTYPE html><html lang="en"><head><title>T</title>'
                     '<meta name="viewport" content="width=device-width"></head>'
                     '<body><a href="#main">Skip</a><main id="main"><h1>T</h1><p>Text.</p></main></body></html>')
    broken = tmp_path / "broken.html"
    broken.write_text(clean.read_text().replace('<html lang="en">', "<html>"))
    write_project(tmp_path / "p", {})
    (tmp_path / "p/source/a.md").write_text("# A\n\nText.\n")
    assert run(tmp_path / "p", "check", "a11y", str(clean)).exit_code == 0
    result = run(tmp_path / "p", "check", "a11y", str(broken), "--format", "json")
    assert result.exit_code == 1
    [finding] = json.loads(result.output)["findings"]
    assert (finding["rule"], finding["outcome"], finding["severity"]) == ("html-has-lang", "failed", "error")
    sarif = json.loads(run(tmp_path / "p", "check", "a11y", str(broken), "--format", "sarif").output)
    assert sarif["runs"][0]["results"][0]["ruleId"] == "html-has-lang"


def test_every_command_exits_with_its_reports_return_code():
    """The Report alone decides the exit code: the commands end with `sys.exit(<report>.return_code)`."""
    import ast
    from pathlib import Path

    import pipeline.cli

    tree = ast.parse(Path(pipeline.cli.__file__).read_text(encoding="utf-8"))
    handlers = {"main", "_fail", "_internal_error"}  # bad input (2), bugs (3), Ctrl-C (130): not a run's verdict
    exits = [(function.name, call) for function in ast.walk(tree) if isinstance(function, ast.FunctionDef)
             and function.name not in handlers for call in ast.walk(function)
             if isinstance(call, ast.Call) and ast.unparse(call.func) in ("sys.exit", "ctx.exit")]
    assert len(exits) >= 5
    for name, call in exits:
        assert isinstance(call.args[0], ast.Attribute) and call.args[0].attr == "return_code", (name, ast.unparse(call))


def test_the_fail_on_help_shows_the_projects_setting(project):
    settings = project / "pyproject.toml"
    settings.write_text(settings.read_text() + 'fail_on = "warning"\n')
    assert "[default: warning, the fail_on setting]" in " ".join(run(project, "check", "a11y", "--help").output.split())


def test_check_a11y_takes_the_wcag_level_from_level_or_the_setting(tmp_path):
    import json

    page = tmp_path / "grey.html"
    page.write_text('<!DOCTYPE html><html lang="en"><head><title>T</title>'
                    '<meta name="viewport" content="width=device-width"></head>'
                    '<body><a href="#main">Skip</a><main id="main"><h1>T</h1>'
                    '<p style="color: #666">Grey text: 5.7:1, enough for AA, not for AAA.</p></main></body></html>')
    write_project(tmp_path / "p", {})
    (tmp_path / "p/source/a.md").write_text("# A\n\nText.\n")

    def rules(*options: str) -> list[str]:
        result = run(tmp_path / "p", "check", "a11y", str(page), "--format", "json", *options)
        return [finding["rule"] for finding in json.loads(result.output)["findings"]]

    assert rules() == [] and rules("--level", "A") == []
    assert rules("--level", "AAA") == ["color-contrast-enhanced"]
    settings = tmp_path / "p" / "pyproject.toml"
    settings.write_text(settings.read_text() + 'wcag_level = "AAA"\n')
    assert rules() == ["color-contrast-enhanced"] and rules("--level", "AA") == []
    assert run(tmp_path / "p", "check", "a11y", str(page), "--level", "AAAA").exit_code == 2


def test_a_rule_id_renamed_for_axe_core_still_switches_its_rules_off_with_one_warning(tmp_path):
    import json

    page = tmp_path / "form.html"
    page.write_text('<!DOCTYPE html><html lang="en"><head><title>T</title>'
                    '<meta name="viewport" content="width=device-width"></head>'
                    '<body><a href="#main">Skip</a><main id="main"><h1>T</h1>'
                    '<form><p><input name="q"> <select name="s"><option>A</option></select></p></form></main></body></html>')
    write_project(tmp_path / "p", {})
    (tmp_path / "p/source/a.md").write_text("# A\n\nText.\n")
    loud = run(tmp_path / "p", "check", "a11y", str(page), "--format", "json")
    assert [f["rule"] for f in json.loads(loud.stdout)["findings"]] == ["label", "select-name"]
    settings = tmp_path / "p" / "pyproject.toml"
    settings.write_text(settings.read_text() + 'disabled_rules = ["form-field-name"]\n')
    quiet = run(tmp_path / "p", "check", "a11y", str(page), "--format", "json")
    assert quiet.exit_code == 0 and json.loads(quiet.stdout)["findings"] == []
    assert quiet.stderr == ("warning: pyproject.toml: [tool.pipeline] disabled_rules: rule 'form-field-name' is now "
                            "'label', 'select-name', 'aria-input-field-name', 'aria-toggle-field-name', axe-core's ids: "
                            "write those instead\n")


def test_check_a11y_runs_a_rule_off_by_default_when_asked_for_and_refuses_an_unknown_one(tmp_path):
    import json

    page = tmp_path / "faq.html"
    page.write_text('<!DOCTYPE html><html lang="en"><head><title>T</title>'
                    '<meta name="viewport" content="width=device-width"></head>'
                    '<body><main><h1>T</h1><p>Shown.</p><p hidden>Shown when asked.</p></main></body></html>')
    write_project(tmp_path / "p", {})
    assert json.loads(run(tmp_path / "p", "check", "a11y", str(page), "--format", "json").stdout)["findings"] == []
    asked = run(tmp_path / "p", "check", "a11y", str(page), "--format", "json", "--rule", "hidden-content")
    assert [(f["rule"], f["outcome"]) for f in json.loads(asked.stdout)["findings"]] == [("hidden-content", "cantTell")]
    wrong = run(tmp_path / "p", "check", "a11y", str(page), "--rule", "hiden-content")
    assert wrong.exit_code == 2 and wrong.stdout == ""
    assert wrong.stderr == "error: --rule: no rule 'hiden-content' (did you mean 'hidden-content'?)\n"
    settings = tmp_path / "p" / "pyproject.toml"
    settings.write_text(settings.read_text() + 'enabled_rules = ["hidden-contents"]\n')
    line = len(settings.read_text().splitlines())
    (tmp_path / "p/source/a.md").write_text("# A\n\nText.\n")
    for command in (("check", "a11y", str(page)), ("build",)):
        refused = run(tmp_path / "p", *command)
        assert refused.exit_code == 2 and refused.stderr == (
            f"error: pyproject.toml:{line}: [tool.pipeline] enabled_rules: no rule 'hidden-contents' (did you mean "
            "'hidden-content'?)\n"), command
    assert not (tmp_path / "p" / "dist").exists()
