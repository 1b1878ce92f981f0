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
