"""CI conventions: GitHub workflow annotations and the step summary."""

from __future__ import annotations

from typing import Iterable

from ..model import SEVERITIES, Report
from ..wording import finding_text, severity_count

ANNOTATION_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def github_annotations(report: Report) -> list[str]:
    """`::error file=…,line=…,title=…::message` workflow commands, one per new finding."""
    lines = []
    for finding in report.findings:
        properties = []
        if finding.file:
            properties.append(f"file={_escape_property(finding.file)}")
        if finding.line:
            properties.append(f"line={finding.line}")
        properties.append(f"title={_escape_property(finding.rule)}")
        message = f"{finding_text(finding)} [{finding.locale}]" if finding.locale else finding_text(finding)
        lines.append(f"::{ANNOTATION_LEVELS[finding.severity]} {','.join(properties)}::{_escape_data(message)}")
    return lines


def step_summary(report: Report, table: str, reports: Iterable[str]) -> str:
    """A Markdown summary for $GITHUB_STEP_SUMMARY: the build's table, counts and report files."""
    counts = report.figures["findings"]
    lines = ["## pipeline build", "", "```", table, "```", ""]
    lines.append("Findings: " + ", ".join(severity_count(counts[s], s) for s in reversed(SEVERITIES)))
    if report.accepted:
        lines.append(f"Accepted by the baseline: {len(report.accepted)}")
    lines += ["", "Reports: " + ", ".join(f"`{r}`" for r in reports), ""]
    return "\n".join(lines)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
