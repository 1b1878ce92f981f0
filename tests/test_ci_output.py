"""Under GitHub Actions, nothing a translator or a file name brings can pass for a workflow command."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.reports.ci import neutralize_commands

from .conftest import translate_everything

#: What GitHub's runner reads as a command: `::` first on a line after white space, or `##[` anywhere.
COMMAND = re.compile(r"^\s*::|##\[")
OURS = re.compile(r"^::(error|warning|notice) file=[^\r\n]*::")


def pipeline(root: Path, *args: str) -> subprocess.CompletedProcess:
    """The command line in a process of its own, with real stdout and stderr, as a CI runner reads them."""
    environment = {"GITHUB_ACTIONS": "true", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(Path(__file__).parent.parent)}
    return subprocess.run([sys.executable, "-m", "pipeline", "-C", str(root), *args], capture_output=True,
                          text=True, env=environment)


def commands_in(output: str) -> list[str]:
    """The lines a runner would take for workflow commands (split as .NET's ReadLine splits), ours aside."""
    return [line for line in re.split(r"\r\n|\r|\n", output) if COMMAND.search(line) and not OURS.match(line)]


@pytest.mark.parametrize("text, expected", [
    ("::add-mask::secret", "%3A:add-mask::secret"),
    ("  ::error::x", "  %3A:error::x"),
    ("\u00a0::stop-commands::t", "\u00a0%3A:stop-commands::t"),
    ("a ##[add-mask]b", "a ##%5Badd-mask]b"),
    ("line\r::warning::x", "line%0D::warning::x"),
    ("a::b::c and 80 % of it", "a::b::c and 80 % of it"),
])
def test_command_markers_are_broken_up_and_the_rest_is_kept(text, expected):
    assert neutralize_commands(text) == expected


def test_a_po_file_name_with_a_workflow_command_is_printed_escaped(project):
    translate_everything(project, "es")
    folder = project / "locales/es/LC_MESSAGES"
    hostile = folder / "x\n::add-mask::secret\r::error::fake.po"
    hostile.write_bytes((folder / "leg-cramps.po").read_bytes().replace(b"leg-cramps", b"x"))
    legacy = folder / "y ##[add-mask]secret.po"
    legacy.write_bytes((folder / "leg-cramps.po").read_bytes())
    result = pipeline(project, "compile")
    assert result.returncode == 0, result.stderr
    assert "x%0A::add-mask::secret%0D::error::fake.mo" in result.stdout
    assert commands_in(result.stdout + result.stderr) == []


def test_a_translation_with_workflow_commands_reaches_no_output_raw(project):
    translate_everything(project, "es", translate=lambda text: f"ES {text}\n::add-mask::{text}\n##[error]{text}")
    for command in (["check", "catalogs"], ["build"], ["status"]):
        result = pipeline(project, *command)
        assert result.returncode in (0, 1), result.stderr
        assert commands_in(result.stdout + result.stderr) == [], command
    assert any(OURS.match(line) for line in pipeline(project, "check", "catalogs").stdout.splitlines())


def test_an_error_naming_a_hostile_file_is_one_safe_line(project):
    translate_everything(project, "es")
    bad = project / "locales/es/LC_MESSAGES/z ##[add-mask]secret\n::error::x.po"
    bad.write_text('msgid "unterminated\n', encoding="utf-8")
    result = pipeline(project, "compile")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and commands_in(result.stderr) == []
