"""The README's layout section names every module, so a newcomer finds each one from it.

A module is named by a row of its own (`build.py`), or by the row of a package that holds it
(`checks/a11y/`), which mentions its file (`page.py`) or its name (`` `accname` ``); a package's
`__init__.py` by the rows of what it holds. Rules are the exception: each rule folder is named
once, its modules are named by their rule's id.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pipeline"


def module_rows() -> dict[str, str]:
    """The README's module table: first cell (a module or package path) -> the whole row."""
    layout = ROOT.joinpath("README.md").read_text(encoding="utf-8").split("\n## Layout\n", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([^`]+)` \|(.*)$", layout, flags=re.M)
    return {first: rest for first, rest in rows}


def named(module: Path, rows: dict[str, str]) -> bool:
    """Whether a row names the module, or the row of a folder around it does."""
    parts = module.relative_to(PACKAGE).parts
    if "/".join(parts) in rows:
        return True
    if module.name == "__init__.py":  # a package is named by the rows of what it holds, or as a folder
        package = "/".join(parts[:-1]) + "/"
        if any(first.startswith(package) for first in rows):
            return True
        parts, names = parts[:-1], (f"`{parts[-2]}/`",)
    else:
        names = (f"`{module.name}`", f"`{module.stem}`")
    folders = {"/".join(parts[:depth]) + "/": "/".join(parts[depth:]) for depth in range(1, len(parts))}
    return any(name in rows[folder] or f"`{inner}`" in rows[folder]
               for folder, inner in folders.items() if folder in rows for name in names)


def test_the_layout_section_names_every_module():
    rows = module_rows()
    modules = [p for p in sorted(PACKAGE.rglob("*.py")) if p.parent.name != "rules"
               and p.relative_to(PACKAGE).as_posix() not in ("__init__.py", "__main__.py")]
    missing = [p.relative_to(PACKAGE).as_posix() for p in modules if not named(p, rows)]
    assert not missing, f"README.md's module table does not name: {', '.join(missing)}"


def test_the_layout_section_names_no_module_that_is_gone():
    gone = [first for first in module_rows() if first.endswith(".py") and not (PACKAGE / first).exists()]
    assert not gone, f"README.md's module table names modules that do not exist: {', '.join(gone)}"
