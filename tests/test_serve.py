"""`pipeline serve`: the preview's pages, and an editor's session in headless Chromium."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.build import build
from pipeline.checks.a11y import check_html
from pipeline.config import load_settings
from pipeline.model import Finding, Location
from pipeline.serve import decorate, findings_by_page

from .axe import BROWSER_DIR, run_axe
from .conftest import run

ARTICLE = "source/restless-leg-syndrome-cause.md"
PAGE = "en/restless-leg-syndrome-cause/index.html"


def failures(html: str, name: str) -> set[tuple[str, str | None]]:
    return {(f.rule, f.selector) for f in check_html(html.encode(), name) if f.outcome == "failed"}


def test_the_findings_panel_passes_the_checker_it_reports_for(repo_copy):
    result = build(load_settings(repo_copy))
    page = (repo_copy / "dist" / PAGE).read_text(encoding="utf-8")
    findings = findings_by_page(result.report.findings, "dist")[PAGE]
    assert any(f.quote for f in findings) and any(f.selector for f in findings)
    decorated = decorate(page, findings, "source/x.md:2: front matter is not valid YAML", 3)
    assert decorated.count('id="pipeline-findings"') == 1 and 'role="alert"' in decorated
    assert failures(decorated, PAGE) == failures(page, PAGE)  # the panel adds no failure of its own
    served = repo_copy / "dist" / PAGE.replace("index.html", "served.html")
    served.write_text(decorated, encoding="utf-8")
    assert run_axe([served])[served.resolve()].violations == {}  # nor in axe-core's eyes
    assert "<script>" not in page and "pipeline-findings" not in page  # nothing of it reaches dist/


def test_findings_go_to_the_page_they_are_about():
    on_element = Finding("link-name", "error", "no name", "source/a.md", 3, "es", "a", "a11y", selector="#x",
                         related=(Location("dist/es/a/index.html", 9, "#x"),))
    in_catalog = Finding("numbers", "error", "lost 5", "locales/es/LC_MESSAGES/a.po", 7, "es", "a", "catalogs")
    on_index = Finding("link-name", "error", "no name", "pipeline/templates/index.html", 2, "es", None, "a11y",
                       selector="a", related=(Location("dist/es/index.html", 4, "a"),))
    assert findings_by_page([on_element, in_catalog, on_index], "dist") == {
        "es/a/index.html": [on_element, in_catalog],
        "es/index.html": [on_index],
    }


def test_an_unknown_locale_is_refused_before_serving(repo_copy):
    result = run(repo_copy, "serve", "--locale", "xx")
    assert result.exit_code == 2 and "xx" in result.output


@pytest.fixture
def preview(repo_copy):
    """`pipeline serve` on any free port in a copy of the repository, and its address."""
    # Ctrl-C reaches a terminal's foreground process with SIGINT's default action, even when the tests
    # themselves were started in the background by a shell without job control (which ignores SIGINT).
    process = subprocess.Popen([sys.executable, "-m", "pipeline", "serve", "--port", "0"], cwd=repo_copy,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    first = process.stdout.readline()
    assert first.startswith("serving http://127.0.0.1:"), first
    address = first.split()[1]
    built = process.stdout.readline()
    assert built.startswith("built in"), built
    yield process, address
    if process.poll() is None:
        process.kill()
        process.wait()


def test_an_editor_sees_findings_edits_and_errors_on_the_page(repo_copy, preview):
    process, address = preview
    done = subprocess.run(
        ["node", str(BROWSER_DIR / "preview.mjs"), address + PAGE.removesuffix("index.html"),
         str(repo_copy / ARTICLE), "RLS) is a condition", "RLS) is an edited condition"],
        capture_output=True, text=True, timeout=120, check=True)
    seen = json.loads(done.stdout)
    assert seen["findings"] > 0 and seen["title"].endswith("findings on this page")
    assert seen["highlighted"] and seen["status"] == "The text is highlighted on the page."
    # Within 2 s on a machine with a core to spare; a machine running more than one process per
    # core shares its time, and the budget grows with the load (a rebuild is ~0.2 s of CPU).
    budget = 2000 * max(1.0, os.getloadavg()[0] / (os.cpu_count() or 1))
    assert seen["editShownAfterMs"] is not None and seen["editShownAfterMs"] < budget, (seen, budget)
    assert f"{ARTICLE}:2" in seen["error"] and seen["recovered"], seen

    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=30) in (0, 130)
    dist = repo_copy / "dist"
    assert (dist / "manifest.json").is_file() and "is an edited condition" in (dist / PAGE).read_text(encoding="utf-8")
    assert not [p for p in repo_copy.iterdir() if p.name.startswith(".staging-")]
