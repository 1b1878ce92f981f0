"""The import graph keeps its direction: cli -> build/workflow -> stages -> helpers -> model/errors."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"

#: Each module's layer; a module imports only from lower layers of the package.
LAYERS = {
    "": 0,  # the package's __init__: its distribution name only
    "model": 0,
    "errors": 0,
    "locales": 1,
    "wording": 1,
    "files": 1,
    "layout": 1,
    "crash": 1,
    "theme": 2,
    "cache": 2,
    "parallel": 1,
    "markdown": 2,
    "pseudo": 3,
    "config": 4,
    "sources": 4,
    "translate": 4,
    "render": 4,
    "bundle": 4,
    "catalogs": 4,
    "checks": 4,
    "reports": 4,
    "workflow": 5,
    "freshness": 5,
    "checking": 5,
    "summary": 5,
    "jobs": 6,
    "commands": 6,
    "starter": 6,
    "xliff": 6,
    "build": 7,
    "serve": 8,
    "cli": 9,
}


def module_name(path: Path) -> str:
    return path.relative_to(PACKAGE).with_suffix("").as_posix().replace("/", ".").removesuffix(".__init__")


def imports_of(path: Path) -> tuple[set[str], set[str]]:
    """(modules of the package, third-party top-level names) a module imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    own, other = set(), set()
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1] if package else []
                target = ".".join([*base, node.module] if node.module else base)
                own.add(target.split(".")[0] if target else "")
            elif node.module:
                other.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            other.update(alias.name.split(".")[0] for alias in node.names)
    return own, other


def layer(name: str) -> int:
    return LAYERS[name.split(".")[0]]


def test_every_module_has_a_layer():
    top_level = {module_name(p).split(".")[0] for p in PACKAGE.rglob("*.py")} - {""}
    assert top_level <= set(LAYERS) | {"__init__", "__main__"}, top_level - set(LAYERS)


def test_modules_import_only_from_lower_layers():
    for path in PACKAGE.rglob("*.py"):
        name = module_name(path)
        if name in ("__init__", "__main__"):
            continue
        own, _ = imports_of(path)
        for target in own - {name.split(".")[0]}:
            assert layer(target) < layer(name), f"{name} imports {target}"


def test_only_the_cli_imports_click():
    for path in PACKAGE.rglob("*.py"):
        _, other = imports_of(path)
        if "click" in other:
            assert module_name(path) in ("cli", "__main__"), path


def test_model_and_errors_import_nothing_of_the_package():
    for name in ("model", "errors"):
        own, _ = imports_of(PACKAGE / f"{name}.py")
        assert own == set(), (name, own)
