"""The import graph keeps its direction: cli -> build/workflow -> stages -> helpers -> model/errors.

Inside a package it keeps one too: no module imports in a circle, and the parts of a package
listed in INNER_LAYERS import only from lower parts (rules from their engine and semantics).
"""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"

#: Each module's layer; a module imports only from lower layers of the package.
LAYERS = {
    "": 0,  # the package's __init__: its distribution name only
    "model": 0,
    "errors": 0,
    "cpus": 0,
    "characters": 0,
    "locales": 1,
    "wording": 1,
    "files": 1,
    "layout": 1,
    "crash": 1,
    "theme": 2,
    "project": 2,
    "template_strings": 1,
    "template_code": 1,
    "cache": 2,
    "parallel": 1,
    "msgids": 1,
    "rule_ids": 1,
    "markdown": 2,
    "bidi": 2,
    "pseudo": 3,
    "notes": 3,
    "sanitize": 3,
    "linked": 3,
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
    "build_checks": 5,
    "summary": 5,
    "jobs": 6,
    "commands": 6,
    "starter": 6,
    "xliff": 6,
    "shards": 7,
    "build": 8,
    "serve": 9,
    "cli": 10,
}


#: The checks, each an engine with a `rules/` folder that holds only rules (`pipeline/checks/rules.py`).
CHECKS = ("a11y", "catalogs", "readability")

#: Inside a package: each part's layer; a module imports only from lower parts of its package.
INNER_LAYERS = {
    "checks.a11y": {"semantics": 0, "context": 1, "page": 2, "site": 3, "rules": 4, "engine": 5, "__init__": 6},
    "checks.catalogs": {"text": 0, "__init__": 1, "rules": 2},
    "checks.readability": {"dictionary": 0, "hyphenation": 0, "number_words": 0, "sentences": 0, "formulas": 1, "languages": 2,
                           "targets": 3, "prose": 4, "report": 4, "rules": 5, "check": 6, "editor_view": 7,
                           "__init__": 8},
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


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def full_imports_of(path: Path) -> set[str]:
    """The modules of the package a module imports, by their full dotted names (`from . import x` is x)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom) or not node.level:
            continue
        parts = package.split(".") if package else []
        base = parts[: len(parts) - node.level + 1]
        target = ".".join([*base, node.module] if node.module else base)
        for alias in node.names:
            submodule = f"{target}.{alias.name}" if target else alias.name
            found.add(submodule if submodule in MODULES else target)
    return found - {""}


def import_graph() -> dict[str, set[str]]:
    """Each module of the package and the modules of the package it imports."""
    return {name: full_imports_of(path) for name, path in MODULES.items() if name not in ("", "__main__")}


def test_no_module_imports_in_a_circle():
    graph, state, path = import_graph(), {}, []

    def visit(name: str) -> None:
        state[name] = "open"
        path.append(name)
        for target in sorted(graph.get(name, ())):
            if state.get(target) == "open":
                raise AssertionError("import circle: " + " -> ".join([*path[path.index(target):], target]))
            if target not in state:
                visit(target)
        path.pop()
        state[name] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module)


def inner_part(package: str, module: str) -> str | None:
    """The part of `package` a module belongs to (its first name below the package), or None outside it."""
    if module == package:
        return "__init__"
    return module.removeprefix(package + ".").split(".")[0] if module.startswith(package + ".") else None


def test_parts_of_a_package_import_only_from_lower_parts():
    for package, layers in INNER_LAYERS.items():
        assert set(layers) >= {inner_part(package, m) for m in MODULES} - {None}, f"{package}: a part without a layer"
        for module, targets in import_graph().items():
            part = inner_part(package, module)
            for target in targets:
                other = inner_part(package, target)
                if part is None or other is None or other == part:
                    continue
                assert layers[other] < layers[part], f"{module} imports {target}"


def test_rules_import_only_their_engine_and_semantics():
    allowed = {"checks.a11y.page", "checks.a11y.site", "checks.a11y.context"}
    for module, targets in import_graph().items():
        if module.startswith("checks.a11y.rules."):
            checks = {t for t in targets if t.startswith("checks.")}  # lower layers (model, layout) are fine
            outside = {t for t in checks if t not in allowed and not t.startswith("checks.a11y.semantics")}
            assert not outside, f"{module} imports {outside}"


def test_semantics_import_nothing_above_them():
    for module, targets in import_graph().items():
        if module.startswith("checks.a11y.semantics"):
            above = {t for t in targets if t.startswith("checks.") and not t.startswith("checks.a11y.semantics")}
            assert not above, f"{module} imports {above}"


def test_nothing_imports_a_rule_module():
    for module, targets in import_graph().items():
        assert not any(t.startswith(f"checks.{check}.rules.") for t in targets for check in CHECKS), module


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
