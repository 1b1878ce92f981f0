"""The integrations users of such tools expect: pre-commit hooks, run by pre-commit itself on a
sample content repository, and a composite GitHub Action that the example workflow uses."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from .installs import REPO, tracked

HOOKS = ["pipeline-catalogs-current", "pipeline-check-catalogs", "pipeline-check-readability"]


def git(folder: Path, *args: str) -> None:
    """Run git in `folder`, as an anonymous author."""
    identity = ["-c", "user.name=test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", *identity, *args], cwd=folder, check=True, capture_output=True)


def sample_repository(folder: Path) -> Path:
    """A content project under git: this repository's settings, sources and catalogs."""
    for name in tracked():
        if name.startswith(("source/", "locales/")) or name == "pyproject.toml":
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(REPO / name, folder / name)
    git(folder, "init", "-q")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "content")
    return folder


def try_repo(sample: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """`pre-commit try-repo` of this repository's hooks, on every file of the sample."""
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "--all-files"], cwd=sample,
                          env=env, capture_output=True, text=True, timeout=1800)


def test_the_hooks_are_the_documented_commands():
    hooks = {hook["id"]: hook for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}
    assert list(hooks) == HOOKS
    assert hooks["pipeline-catalogs-current"]["entry"] == "pipeline update --check"
    assert all(hook["language"] == "python" and hook["pass_filenames"] is False for hook in hooks.values())


def test_pre_commit_runs_the_hooks_and_fails_on_an_out_of_date_catalog(tmp_path):
    sample = sample_repository(tmp_path / "content")
    home = tmp_path / "pre-commit-home"
    passing = try_repo(sample, home)
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert passing.stdout.count("Passed") == len(HOOKS), passing.stdout  # each hook ran, none skipped

    article = next((sample / "source").glob("*.md"))
    article.write_text(article.read_text(encoding="utf-8") + "\nA sentence no catalog has yet.\n", encoding="utf-8")
    git(sample, "commit", "-q", "-am", "a new paragraph")
    failing = try_repo(sample, home)
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "catalogs follow the source" in failing.stdout and "Failed" in failing.stdout
    assert "out of date: locales/" in failing.stdout


def test_the_workflow_builds_through_the_action_and_the_action_installs_the_lock():
    action = yaml.safe_load((REPO / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    scripts = "\n".join(step.get("run", "") for step in action["runs"]["steps"])
    assert "requirements/run.txt" in scripts and "pipeline ${{ inputs.command }}" in scripts
    assert action["inputs"]["command"]["default"] == "build"
    uses = [step.get("uses", "") for step in action["runs"]["steps"]]
    assert any(u.startswith("actions/upload-artifact@") for u in uses)
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "pipeline.yml").read_text())
    assert any(step.get("uses") == "./" for step in workflow["jobs"]["build"]["steps"])
    # Sharded: a matrix of `build --shard`, and a merge of their artifacts through the action.
    assert any("pipeline build --shard" in step.get("run", "") for step in workflow["jobs"]["shard"]["steps"])
    merge = [step for step in workflow["jobs"]["merge"]["steps"] if step.get("uses") == "./"]
    assert workflow["jobs"]["merge"]["needs"] == "shard" and merge[0]["with"]["command"] == "merge"
    assert "requirements/test-newest" in [step.get("run") for step in workflow["jobs"]["newest"]["steps"]]
