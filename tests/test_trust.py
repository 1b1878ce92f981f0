"""The package works wherever and by whomever it is installed: under umask 002 (its files
writable by the group, which NLTK 3.10's loader refuses) and 022, as root and as an ordinary
user, and from a read-only install; and the scores are the same in every case.

The package is copied as `git clone` writes it (each file's mode from the umask) into a
folder of its own, run from a new virtual environment that holds only its dependencies, and
builds a copy of this repository's content that the running user owns.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Iterator

import pytest

from .installs import REPO, install_dependencies, new_venv, tracked

#: The ordinary account the tests run as, made here when the tests run as root.
ORDINARY_USER = "pipeline-test"

#: How the package's files are installed: as a clone under each umask makes them, or read-only.
INSTALLS = {"umask-002": 0o002, "umask-022": 0o022, "read-only": None}


def ordinary_user() -> str:
    """The ordinary account, added to the system if it is not there yet."""
    try:
        pwd.getpwnam(ORDINARY_USER)
    except KeyError:
        added = subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                                ORDINARY_USER], capture_output=True, text=True)
        pwd.getpwnam(ORDINARY_USER)  # added here, or by a test run beside this one
        assert added.returncode in (0, 9), added.stderr  # 9: it exists already
    return ORDINARY_USER


@pytest.fixture(scope="module")
def shared() -> Iterator[Path]:
    """A folder every account can read (pytest's own are private to their owner)."""
    folder = Path(tempfile.mkdtemp(prefix="pipeline-trust-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def python_for_everyone() -> str:
    """An interpreter (3.11 or later) that an ordinary account can run too."""
    candidates = [sys._base_executable, shutil.which("python3.11"), "/usr/bin/python3"]
    for candidate in filter(None, candidates):
        path = Path(candidate).resolve()
        if all(os.stat(p).st_mode & 0o001 for p in [*path.parents, path]):  # every folder searchable by others
            return str(path)
    raise AssertionError(f"no Python that other accounts can run among {candidates}")


@pytest.fixture(scope="module")
def venv(shared: Path) -> Path:
    """A new virtual environment with the package's dependencies but not the package."""
    python = new_venv(shared / "venv", python_for_everyone())
    install_dependencies(python)
    return python


def install_package(target: Path, how: str) -> Path:
    """The package's files copied into `target` as a clone makes them under the install's umask."""
    mask = INSTALLS[how]
    previous = os.umask(0o022 if mask is None else mask)
    try:
        for name in tracked("pipeline"):
            destination = target / name
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(REPO / name, destination)  # the new file's mode comes from the umask
    finally:
        os.umask(previous)
    if mask is None:
        for path in [target, *target.rglob("*")]:
            path.chmod(0o555 if path.is_dir() else 0o444)
    elif mask == 0o002:
        assert (target / "pipeline" / "data").stat().st_mode & 0o020  # group-writable, as NLTK refuses
    target.chmod(0o755)
    return target


def project_for(owner: str, folder: Path) -> Path:
    """A copy of this repository's content (settings, sources, catalogs) that `owner` owns."""
    for name in tracked():
        if name.split("/")[0] not in {"pipeline", "tests", "bench", ".github", ".ci"}:
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(REPO / name, folder / name)
    account = pwd.getpwnam(owner)
    for path in [folder, *folder.rglob("*")]:
        os.chown(path, account.pw_uid, account.pw_gid)
    return folder


def build_as(user: str, python: Path, package: Path, project: Path) -> subprocess.CompletedProcess[str]:
    """`pipeline build` of `project` as `user`, with the package read from `package`."""
    account = pwd.getpwnam(user)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(package), "HOME": str(project),
           "LANG": "C.UTF-8", "NLTK_DATA": str(project / "no-nltk-data")}
    switch = {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []} if account.pw_uid != os.geteuid() else {}
    return subprocess.run([str(python), "-m", "pipeline", "build", "--no-cache"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=900, **switch)


@pytest.fixture(scope="module")
def reference_figures(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The build's figures (coverage, readability scores per article and locale) from the work tree."""
    project = project_for(pwd.getpwuid(os.geteuid()).pw_name, tmp_path_factory.mktemp("reference"))
    result = subprocess.run([sys.executable, "-m", "pipeline", "build", "--no-cache"], cwd=project,
                            env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    return json.loads((project / "reports" / "report.json").read_text(encoding="utf-8"))["figures"]


#: (install, user): each umask as root and as an ordinary user, who also runs a read-only
#: install (0444: stricter than umask 022; root could write into it anyway).
CASES = ([("umask-002", "root"), ("umask-022", "root"), ("umask-002", ORDINARY_USER), ("read-only", ORDINARY_USER)]
         if os.geteuid() == 0 else [(how, pwd.getpwuid(os.geteuid()).pw_name) for how in INSTALLS])


@pytest.mark.parametrize(("how", "user"), CASES)
def test_the_shipped_site_builds_with_the_same_scores_for_every_user_umask_and_install(
        how, user, shared, venv, reference_figures):
    if user == ORDINARY_USER:
        ordinary_user()
    package = install_package(shared / f"install-{how}-{user}", how)
    project = project_for(user, shared / f"project-{how}-{user}")
    result = build_as(user, venv, package, project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "NLTK" not in result.stderr
    assert (project / "reports" / "html" / "index.html").is_file()
    figures = json.loads((project / "reports" / "report.json").read_text(encoding="utf-8"))["figures"]
    assert figures == reference_figures
    assert figures["cells"]["en"]["restless-leg-syndrome-cause"]["readability"]["score"] > 10  # English SMOG
    if how == "read-only" and user != "root":
        assert not list(package.rglob("__pycache__"))  # nothing was written into the install
