"""Reports: terminal tables, JSON (the source of truth), SARIF, CI annotations and the HTML report."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from ..files import write_atomic, write_if_changed
from ..layout import shown_path
from ..model import Report, RuleInfo
from .baseline import apply_baseline, baseline_file, write_baseline
from .ci import github_annotations, step_summary
from .formats import (
    FindingLines,
    KnownLines,
    LinesOf,
    ReportBlocks,
    finding_lines,
    fingerprint,
    findings_json,
    lines_of_blocks,
    report_blocks,
    report_json_chunks,
    sarif_chunks,
    sarif_log,
    top_level_json,
)
from .html import render_article_report, render_matrix_row, render_report_index
from .text import build_summary, findings_table, format_table, status_row, status_table

__all__ = [
    "FindingLines",
    "KnownLines",
    "ReportBlocks",
    "apply_baseline",
    "baseline_file",
    "build_summary",
    "findings_json",
    "finding_lines",
    "findings_table",
    "fingerprint",
    "format_table",
    "github_annotations",
    "lines_of_blocks",
    "manifest_json",
    "render_article_report",
    "render_matrix_row",
    "report_blocks",
    "sarif_log",
    "status_row",
    "status_table",
    "step_summary",
    "write_file",
    "write_baseline",
    "write_reports",
    "written_files",
]

JSON_REPORT = "report.json"
SARIF_REPORT = "report.sarif"
HTML_REPORT = "html/index.html"


def written_files(folder: Path) -> list[Path]:
    """The report files a build writes that tell whether the last one is still in place (for freshness)."""
    return [folder / JSON_REPORT, folder / SARIF_REPORT]


def write_file(folder: Path, name: str, content: str | bytes) -> Path:
    """Write one report file (atomically, only when it changed); text is written as UTF-8."""
    path = folder / name
    write_if_changed(path, content.encode("utf-8") if isinstance(content, str) else content)
    return path


def write_reports(
    folder: Path,
    root: Path,
    report: Report,
    rules: Sequence[RuleInfo],
    articles: dict[str, tuple[str, bytes]],
    lines_of: LinesOf = finding_lines,
) -> list[str]:
    """Write the JSON, SARIF and HTML reports; return the main files' paths.

    `articles` holds each article's matrix row and page of the HTML report, by slug;
    `lines_of` gives each finding's lines of JSON and SARIF (those its job encoded, or new ones).
    """
    write_atomic(folder / JSON_REPORT, report_json_chunks(report, lines_of))
    write_atomic(folder / SARIF_REPORT, sarif_chunks(report, rules, lines_of))
    pages = {HTML_REPORT: render_report_index(report, [row for row, _ in articles.values()])}
    pages.update({f"html/articles/{slug}.html": page for slug, (_, page) in sorted(articles.items())})
    for name, content in pages.items():
        write_file(folder, name, content)
    return [shown_path(folder / name, root) for name in (JSON_REPORT, SARIF_REPORT, HTML_REPORT)]


def manifest_json(hashes: dict[str, str], figures: dict) -> str:
    """The bundle's files with their hashes; per locale and article its figures, then each locale's totals."""
    files = {path: {"sha256": digest} for path, digest in sorted(hashes.items())}
    return top_level_json({"files": files, "locales": figures["cells"], "totals": figures["totals"],
                           "findings": figures["findings"]})
