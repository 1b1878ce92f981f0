"""The HTML report as Chromium draws it: every chart label inside its chart, no page wider than the screen."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli

from .axe import BROWSER_DIR, _require_installation


def layout(files: list[Path], width: int) -> dict[str, dict]:
    """How Chromium draws each file at a viewport width (see tests/browser/layout.mjs)."""
    _require_installation()
    command = ["node", str(BROWSER_DIR / "layout.mjs"), "--width", str(width), *map(str, files)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=True)
    return {Path(page["file"]).name: page for page in json.loads(done.stdout)["pages"]}


@pytest.mark.parametrize("width", [1280, 375])
def test_the_report_fits_the_screen_and_its_chart_labels_fit_their_charts(repo_copy, width):
    CliRunner().invoke(cli, ["-C", str(repo_copy), "build"], catch_exceptions=False)
    pages = layout(sorted((repo_copy / "reports/html").rglob("*.html")), width)
    assert len(pages) == 3
    for name, drawn in pages.items():
        assert drawn["width"] == width
        assert drawn["clipped"] == [], name
        assert drawn["scrollWidth"] <= width, name
