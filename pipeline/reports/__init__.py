"""Reports: terminal tables, JSON (the source of truth), SARIF, CI annotations and the HTML report."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from ..files import write_if_changed
from ..model import Report, RuleInfo
from .ci import apply_baseline, github_annotations, step_summary, write_baseline
from .formats import finding_fragments, fingerprint, findings_json, report_json, sarif_log, top_level_json
from .html import render_article_report, render_report_index
from .text import build_summary, findings_table, format_table, status_row, status_table

__all__ = [
    "apply_baseline",
    "build_summary",
    "finding_fragments",
    "findings_json",
    "findings_table",
    "fingerprint",
    "format_table",
    "github_annotations",
    "manifest_json",
    "render_article_report",
    "report_json",
    "sarif_log",
    "status_row",
    "status_table",
    "step_summary",
    "write_baseline",
    "write_file",
    "write_reports",
]

JSON_REPORT = "report.json"
SARIF_REPORT = "report.sarif"
HTML_REPORT = "html/index.html"


def write_file(folder: Path, name: str, content: str) -> Path:
    """Write one report file (atomically, only when it changed)."""
    path = folder / name
    write_if_changed(path, content.encode("utf-8"))
    return path


def write_reports(
    folder: Path, root: Path, report: Report, rules: Sequence[RuleInfo], fail_on: str, articles: dict[str, str]
) -> list[str]:
    """Write the JSON, SARIF and HTML reports (with each article's page); return the main files' paths."""
    files = {
        JSON_REPORT: report_json(report, fail_on),
        SARIF_REPORT: sarif_log(report, rules),
        HTML_REPORT: render_report_index(report, fail_on),
    }
    files.update({f"html/articles/{slug}.html": page for slug, page in sorted(articles.items())})
    written = [write_file(folder, name, content) for name, content in files.items()]
    return [_relative(path, root) for path in written[:3]]


def manifest_json(hashes: dict[str, str], figures: dict) -> str:
    """The bundle's files with their hashes, and per locale and article its figures."""
    files = {path: {"sha256": digest} for path, digest in sorted(hashes.items())}
    return top_level_json({"files": files, "locales": figures["cells"]})


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
