"""Fixture projects built in tmp_path: a small one written by hand, and a copy of this repository."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.cli import cli

REPO = Path(__file__).resolve().parent.parent

SETTINGS = """\
[project]
name = "fixture"

[tool.pipeline]
source_locale = "en"
locales = {locales}
base_url = "https://example.org/"
"""

ARTICLE = """\
---
title: Leg cramps at night
description: Why legs cramp at night and what helps.
date: 2024-03-01
---

# Leg cramps at night

Cramps are *sudden* and painful. See [the NHS page](https://www.nhs.uk/).

## What helps

- Stretch your calf before bed.
- Drink enough water.

> Call a doctor if the cramps last long.

| Sign | Meaning |
|------|---------|
| Pain | A cramp |

![A person stretching a calf](stretch.png)
"""


#: A one-pixel PNG.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000b49444154789c63600002"
                    "00000500017a5eab3f0000000049454e44ae426082")


def write_project(root: Path, articles: dict[str, str] | None = None, locales: str = '["es"]') -> Path:
    """A project folder with settings and articles (file name -> Markdown)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text(SETTINGS.format(locales=locales), encoding="utf-8")
    source = root / "source"
    source.mkdir(exist_ok=True)
    for name, text in (articles if articles is not None else {"leg-cramps.md": ARTICLE}).items():
        (source / name).write_text(textwrap.dedent(text), encoding="utf-8")
    (source / "stretch.png").write_bytes(PNG)  # the image ARTICLE shows, beside it as a build expects
    return root


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A small project with one English article and Spanish as its target locale."""
    return write_project(tmp_path / "project")


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """A copy of this repository's content: settings, source articles and catalogs."""
    root = tmp_path / "repo"
    root.mkdir()
    shutil.copy(REPO / "pyproject.toml", root)
    for folder in ("source", "locales"):
        if (REPO / folder).exists():
            shutil.copytree(REPO / folder, root / folder, ignore=shutil.ignore_patterns("*.mo"))
    return root


def translate_everything(root: Path, locale: str = "es", translate=lambda text: f"ES {text}") -> None:
    """Create the locale's catalogs and fill every message, as a (quick) translator would."""
    from pipeline.catalogs import CatalogTree, read_catalog, render_catalog

    assert run(root, "update", "--locale", locale).exit_code == 0
    tree = CatalogTree(root, root / "locales")
    for po in sorted((root / "locales" / locale / "LC_MESSAGES").glob("*.po")):
        catalog = read_catalog(po, tree, locale)
        for message in catalog:
            message.msgstr = translate(message.msgid)
        po.write_bytes(render_catalog(catalog))


def run(root: Path, *args: str) -> Result:
    """Run the command line in a project folder, as a user would."""
    return CliRunner().invoke(cli, ["-C", str(root), *args], catch_exceptions=False)
