"""The package as users get it: the wheel and the sdist hold every file the tool reads, and
every command works from the wheel installed in a new virtual environment.

An editable install reads the package from the work tree, so a file left out of the wheel
goes unnoticed there; these tests build the distributions, install the wheel elsewhere and
run the commands on a copy of this repository's content.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from .installs import REPO, install_dependencies, new_venv, pip_install, tracked

#: Every command, in the order a project runs them, with the exit code the shipped content gives.
COMMANDS = [
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
