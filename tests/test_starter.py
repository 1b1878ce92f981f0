"""`pipeline init`: a new content project that builds at once, and never overwrites anything."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import cli

from .conftest import run


def init(folder: Path):
    return CliRunner().invoke(cli, ["init", str(folder)], catch_exceptions=False)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_new_project_builds_checks_and_is_current_at_once(tmp_path):
    root = tmp_path / "health-site"
    result = init(root)
    assert result.exit_code == 0, result.output
    assert {".gitignore", ".pre-commit-config.yaml", ".github/workflows/content.yml", "pyproject.toml",
            "source/drink-water.md", "locales/templates/drink-water.pot", "locales/es/LC_MESSAGES/drink-water.po",
            "locales/es/LC_MESSAGES/ui.po"} <= set(tree(root))
    assert run(root, "update", "--check").exit_code == 0
    assert run(root, "check", "catalogs").exit_code == 0
    assert run(root, "check", "readability").exit_code == 0
    assert run(root, "build").exit_code == 0
    spanish = (root / "dist" / "es" / "drink-water" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Beba suficiente agua</h1>" in spanish and "Saltar al contenido principal" in spanish
    assert run(root, "check", "a11y").exit_code == 0


def test_the_workflow_installs_the_version_that_made_the_project(tmp_path):
    assert init(tmp_path / "site").exit_code == 0
    workflow = (tmp_path / "site" / ".github" / "workflows" / "content.yml").read_text()
    distribution = importlib.metadata.packages_distributions()["pipeline"][0]
    assert f'pip install "{distribution}=={importlib.metadata.version(distribution)}"' in workflow
    assert "pipeline update --check" in (tmp_path / "site" / ".pre-commit-config.yaml").read_text()


def test_init_never_overwrites_and_writes_nothing_when_a_file_is_in_the_way(tmp_path):
    root = tmp_path / "site"
    root.mkdir()
    (root / "pyproject.toml").write_text("[project]\nname = 'mine'\n")
    result = init(root)
    assert result.exit_code == 2
    assert result.output.strip().endswith("pyproject.toml: exists already: pipeline init writes only files that "
                                          "do not exist yet, nothing was written")
    assert tree(root) == {"pyproject.toml": b"[project]\nname = 'mine'\n"}

    other = tmp_path / "other"
    assert init(other).exit_code == 0
    before = tree(other)
    assert init(other).exit_code == 2 and tree(other) == before
