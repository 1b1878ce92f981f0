"""The package as users get it: the wheel and the sdist hold every file the tool reads, and
every command works from the wheel installed in a new virtual environment.

An editable install reads the package from the work tree, so a file left out of the wheel
goes unnoticed there; these tests build the distributions, install the wheel elsewhere and
run the commands on a copy of this repository's content.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

from .installs import REPO, install_dependencies, new_venv, pip_install, tracked

#: Every command, in the order a project runs them, with the exit code the shipped content gives.
COMMANDS = [
    (["--version"], 0),
    (["extract"], 0),
    (["update", "--check"], 0),
    (["status"], 0),
    (["check", "catalogs"], 0),
    (["check", "readability"], 0),
    (["compile"], 0),
    (["build"], 0),
    (["check", "a11y"], 0),
]


@pytest.fixture(scope="module")
def distributions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sdist and the wheel, built as `python -m build` builds them (the wheel from the sdist)."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(REPO)],
                   check=True, capture_output=True, timeout=600)
    return {"sdist": next(out.glob("*.tar.gz")), "wheel": next(out.glob("*.whl"))}


@pytest.fixture(scope="module")
def installed(distributions: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment with the wheel installed in it (not editable): its bin folder."""
    python = new_venv(tmp_path_factory.mktemp("venv"))
    install_dependencies(python)
    pip_install(python, "--no-deps", str(distributions["wheel"]))
    return python.parent


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the repository's content (settings, sources, catalogs), without the package."""
    for name in tracked():
        if name.split("/")[0] in {"pipeline", "tests", "bench"}:
            continue
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target)
    return tmp_path


def test_the_wheel_holds_every_file_of_the_package(distributions):
    with zipfile.ZipFile(distributions["wheel"]) as wheel:
        names = set(wheel.namelist())
    missing = [name for name in tracked("pipeline") if name not in names]
    assert missing == []
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]


def test_the_sdist_holds_the_package_its_licences_and_its_metadata(distributions):
    with tarfile.open(distributions["sdist"]) as sdist:
        top = sdist.getnames()[0].split("/")[0]
        names = {name.removeprefix(f"{top}/") for name in sdist.getnames()}
    wanted = [*tracked("pipeline"), "pyproject.toml", "README.md", "LICENSE"]
    assert [name for name in wanted if name not in names] == []


def test_every_command_works_from_the_installed_wheel(installed, content):
    where = subprocess.run([str(installed / "python"), "-c", "import pipeline; print(pipeline.__file__)"],
                           cwd=content, capture_output=True, text=True, check=True).stdout.strip()
    assert Path(where).is_relative_to(installed.parent), where  # the wheel's copy, not the work tree's
    env = {key: value for key, value in os.environ.items() if key not in {"PYTHONPATH", "GITHUB_ACTIONS"}}
    for args, code in COMMANDS:
        result = subprocess.run([str(installed / "pipeline"), *args], cwd=content, env=env,
                                capture_output=True, text=True, timeout=600)
        shown = f"pipeline {' '.join(args)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
        assert result.returncode == code, shown
        assert "Traceback" not in result.stderr, shown
    assert (content / "reports" / "html" / "index.html").is_file()
    assert (content / "dist" / "index.html").is_file()
    assert "templates are up to date" in subprocess.run(
        [str(installed / "pipeline"), "extract"], cwd=content, capture_output=True, text=True).stdout


def test_the_installed_command_prints_its_version_before_loading_click(installed, content):
    """The console script answers `--version` itself: a hook or an editor does not wait for the command line."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"} | {"PYTHONPROFILEIMPORTTIME": "1"}
    done = subprocess.run([str(installed / "pipeline"), "--version"], cwd=content, env=env, capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout == f"pipeline, version {pipeline_version()}\n", done
    imported = {line.rpartition("|")[2].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert "pipeline.__main__" in imported and "click" not in imported


def pipeline_version() -> str:
    """The release the package declares (pyproject reads it from `pipeline.__version__`)."""
    return re.search(r'^__version__ = "([^"]+)"', (REPO / "pipeline" / "__init__.py").read_text(encoding="utf-8"), re.M)[1]


def fresh_machine_commands() -> list[str]:
    """The README's commands for a fresh machine: one builds, one runs the tests."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## On a fresh machine", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_ci_runs_the_readmes_test_command_and_both_install_the_lock():
    build, test = fresh_machine_commands()
    assert build.startswith("python3 -m venv .venv && .venv/bin/pip install -r requirements/run.txt ")
    assert build.endswith(" && .venv/bin/pipeline build")
    assert test.startswith("python3 -m venv .venv && .venv/bin/pip install -r requirements/test.txt ")
    assert test.endswith(" && .venv/bin/pytest")
    assert test in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def locked(lock: Path) -> dict[str, str]:
    """The packages a lock pins (normalised name -> version), each of which must carry hashes."""
    text = lock.read_text(encoding="utf-8")
    pins = re.findall(r"^([A-Za-z0-9._-]+)==(\S+)(?: ;[^\\\n]*)? \\\n\s+--hash=sha256:", text, re.M)
    assert len(pins) == len(re.findall(r"^[A-Za-z0-9]", text, re.M)), "every requirement pinned with hashes"
    return {re.sub(r"[-_.]+", "-", name).lower(): version for name, version in pins}


def test_the_locks_pin_every_dependency_with_hashes():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]

    def names(requirements: list[str]) -> set[str]:
        return {re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9._-]+", r)[0]).lower() for r in requirements}

    run, test = locked(REPO / "requirements" / "run.txt"), locked(REPO / "requirements" / "test.txt")
    assert names(project["dependencies"]) <= run.keys(), "run requirements/lock after changing pyproject.toml"
    assert names(project["dependencies"] + project["optional-dependencies"]["test"]) <= test.keys()
    assert {name: run[name] for name in run.keys() & test.keys()} == {name: test[name] for name in run.keys() & test.keys()}
