"""Exit codes CI can trust, from a real process: 0 clean, 1 findings, 2 bad input, 3 a bug in
the tool (one line, the traceback in a log), 130 interrupted with nothing half-written.

A bug or a Ctrl-C is injected by replacing a function before the command line runs, in a
Python process of its own, exactly as the console script would run it.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from .conftest import REPO, run, write_project

#: Runs the command line in a fresh interpreter after `{inject}` has replaced what it must.
SCRIPT = """\
import os, signal, sys
{inject}
from pipeline.cli import main
sys.argv = ["pipeline", *{args!r}]
main()
"""

#: One line on stderr for a bug: what it was, and where its traceback went.
INTERNAL = re.compile(r"^internal error: (?P<what>.+); the traceback is in (?P<log>.+) \(please report it\)$")


def pipeline(root: Path, *args: str, inject: str = "", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `pipeline -C root args…` in a new process, with `inject` run first."""
    script = SCRIPT.format(inject=textwrap.dedent(inject), args=["-C", str(root), *args])
    environment = {**os.environ, "PYTHONPATH": str(REPO), "XDG_STATE_HOME": str(root.parent / "state"), **(env or {})}
    environment.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-c", script], cwd=root, env=environment,
                          capture_output=True, text=True, timeout=300)


CRASH = """
import pipeline.workflow
def crash(*args, **kwargs):
    raise RuntimeError("injected   bug\\nacross lines")
pipeline.workflow.translation_status = crash
"""


def snapshot(root: Path) -> dict[str, str]:
    """Every file under `root` and the hash of its bytes."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_clean_run_exits_0_and_findings_exit_1(project):
    assert pipeline(project, "update").returncode == 0
    assert pipeline(project, "update", "--check").returncode == 0
    assert pipeline(project, "status", "--min-coverage", "50").returncode == 1


def test_bad_input_exits_2_with_one_line(project):
    (project / "source" / "broken.md").write_text("---\ntitle: [oops\n---\nText.\n", encoding="utf-8")
    result = pipeline(project, "build")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [result.stderr.strip()] and "source/broken.md:2" in result.stderr
    assert pipeline(project, "build", "--frobnicate").returncode == 2


def test_a_bug_exits_3_with_one_line_and_the_traceback_in_a_log(project):
    result = pipeline(project, "status", inject=CRASH)
    assert result.returncode == 3
    assert len(result.stderr.splitlines()) == 1, result.stderr
    line = INTERNAL.match(result.stderr.strip())
    assert line, result.stderr
    assert line["what"] == "RuntimeError: injected bug across lines"
    log = Path(line["log"])
    assert log.is_relative_to(project.parent / "state")  # the user's log folder, not the project
    text = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "in crash" in text and "injected" in text
    assert f"command: pipeline -C {project} status" in text


def test_debug_prints_the_traceback_too(project):
    result = pipeline(project, "--debug", "status", inject=CRASH)
    assert result.returncode == 3
    assert "Traceback (most recent call last)" in result.stderr and "in crash" in result.stderr
    assert INTERNAL.match(result.stderr.splitlines()[-1])


def test_without_a_writable_log_folder_the_log_goes_to_the_temporary_folder(project, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    result = pipeline(project, "status", inject=CRASH, env={"XDG_STATE_HOME": str(blocked), "TMPDIR": str(temporary)})
    assert result.returncode == 3
    log = Path(INTERNAL.match(result.stderr.strip())["log"])
    assert log.parent == temporary and "injected" in log.read_text(encoding="utf-8")


def test_a_bug_in_the_command_line_itself_is_a_bug_too_not_bad_input(project):
    inject = """
    import pipeline.cli
    def crash(*args, **kwargs):
        raise AttributeError("no such thing")
    pipeline.cli._settings = crash
    """
    result = pipeline(project, "extract", inject=inject)
    assert result.returncode == 3 and INTERNAL.match(result.stderr.strip())


def test_help_and_readme_document_every_exit_code(project):
    result = run(project, "--help")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for code in ("0", "1", "2", "3", "130"):
        assert re.search(rf"^\s*{code}\s+\S", result.output, re.M), code
        assert f"**{code}**" in readme, code


INTERRUPT_AT = """
import importlib
# Ctrl-C reaches a terminal's foreground process with SIGINT's default action, even when the tests
# themselves were started in the background by a shell without job control (which ignores SIGINT).
signal.signal(signal.SIGINT, signal.default_int_handler)
target = importlib.import_module("{module}")
original = getattr(target, "{name}")
calls = []
def interrupted(*args, **kwargs):
    calls.append(1)
    if len(calls) == {at}:
        os.kill(os.getpid(), signal.SIGINT)  # as Ctrl-C does, in the middle of the work
    return original(*args, **kwargs)
setattr(target, "{name}", interrupted)
"""


@pytest.mark.parametrize("at", [1, 3])
def test_ctrl_c_in_a_build_exits_130_and_leaves_the_last_bundle_whole(project, at):
    assert run(project, "build").exit_code == 0
    before = snapshot(project / "dist")
    reports = snapshot(project / "reports")
    inject = INTERRUPT_AT.format(module="pipeline.bundle", name="write_into", at=at)
    result = pipeline(project, "build", "--no-cache", inject=inject)
    assert result.returncode == 130, result.stderr
    assert result.stderr.strip() == "interrupted: nothing was half-written"
    assert snapshot(project / "dist") == before
    assert snapshot(project / "reports") == reports
    leftovers = [p.name for p in project.rglob("*") if p.name.startswith((".staging-", ".retired-")) or p.suffix == ".tmp"]
    assert leftovers == []


def test_ctrl_c_while_a_catalog_is_written_leaves_it_as_it_was(project):
    assert run(project, "update").exit_code == 0
    (project / "source" / "leg-cramps.md").write_text(
        (project / "source" / "leg-cramps.md").read_text(encoding="utf-8") + "\nA new paragraph.\n", encoding="utf-8")
    before = snapshot(project / "locales")
    # A batch's sync to the disk runs after the new bytes are in the temporary files, before any rename.
    result = pipeline(project, "update", inject=INTERRUPT_AT.format(module="pipeline.files", name="sync_to_disk", at=1))
    assert result.returncode == 130, result.stderr
    assert snapshot(project / "locales") == before
    assert not [p for p in project.rglob("*.tmp")]
    assert pipeline(project, "update").returncode == 0  # the lock was released
