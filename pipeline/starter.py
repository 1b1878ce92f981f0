"""`pipeline init`: a new content project that builds at once.

The files come from `pipeline/starter/`: settings, an example article with its Spanish
translation, a `.gitignore`, a CI workflow and a pre-commit configuration. Nothing that
exists is overwritten: one file in the way and nothing is written.
"""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

from .errors import OutputError
from .files import write_atomic

STARTER = Path(__file__).parent / "starter"
#: Starter files kept under another name in the package (packaging tools leave out dot files).
RENAMED = {
    "gitignore": ".gitignore",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "github/workflows/content.yml": ".github/workflows/content.yml",
}


def starter_files() -> dict[str, bytes]:
    """The files of a new project by their path in it, the install command filled in."""
    distribution, version = _installed()
    files = {}
    for path in sorted(STARTER.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            name = path.relative_to(STARTER).as_posix()
            text = path.read_bytes().replace(b"@distribution@", distribution.encode()).replace(b"@version@", version.encode())
            files[RENAMED.get(name, name)] = text
    return files


def create_project(target: Path) -> list[Path]:
    """Write a new project into `target` (made if missing), its catalogs brought in step with this version.

    Refuses, writing nothing, if any of its files is there already.
    """
    files = starter_files()
    in_the_way = sorted(name for name in files if (target / name).exists() or (target / name).is_symlink())
    if in_the_way:
        raise OutputError("exists already: pipeline init writes only files that do not exist yet, "
                          "nothing was written", target / in_the_way[0])
    written = []
    try:
        for name, content in files.items():
            path = target / name
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, content)
            written.append(path)
    except OSError as exc:
        for path in written:
            path.unlink(missing_ok=True)
        raise OutputError(f"cannot write the new project: {exc.strerror or exc}", target) from None
    from .config import load_settings
    from .workflow import update_catalogs

    update_catalogs(load_settings(target))  # the templates, and the catalogs as this version writes them
    return written + sorted((target / "locales" / "templates").glob("*.pot"))


def _installed() -> tuple[str, str]:
    """The distribution this package was installed from, and its version, for the workflow's install step."""
    names = importlib.metadata.packages_distributions().get(__package__ or "pipeline", [])
    for name in names:
        try:
            return name, importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue
    raise OutputError("pipeline is not installed as a package: install it (pip install .) to run init")
