"""Helpers for the tests that install the package as users do: files git tracks, new venvs."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

#: The lock of the exact versions the project is tested with (see its header).
RUN_LOCK = REPO / "requirements" / "run.txt"


def tracked(folder: str = "") -> list[str]:
    """The files git tracks in this repository (under `folder`), as they are in the work tree."""
    listing = subprocess.run(["git", "ls-files", "-z", *([folder] if folder else [])], cwd=REPO,
                             capture_output=True, check=True).stdout.decode()
    return [name for name in listing.split("\0") if name and (REPO / name).exists()]


def new_venv(folder: Path, python: str = sys.executable) -> Path:
    """A new virtual environment made by `python` in `folder`; its interpreter."""
    subprocess.run([python, "-m", "venv", str(folder)], check=True, timeout=300)
    return folder / "bin" / "python"


def pip_install(python: Path, *args: str) -> None:
    """`pip install` into the environment of `python`, quietly."""
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", *args],
                   check=True, timeout=900)


def install_dependencies(python: Path) -> None:
    """The package's run-time dependencies, from the lock where there is one."""
    if RUN_LOCK.exists():
        pip_install(python, "-r", str(RUN_LOCK))
    else:
        pip_install(python, *tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"])
