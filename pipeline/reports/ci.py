"""CI conventions: GitHub annotations and step summary, and a baseline of accepted findings."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Iterable

from ..errors import ConfigError
from ..files import write_atomic
from ..model import SEVERITIES, Report
from ..wording import finding_text
from .formats import fingerprint

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
    counts = Counter(f.severity for f in report.findings)
    lines = ["## pipeline build", "", "```", table, "```", ""]
    lines.append("Findings: " + ", ".join(f"{counts[s]} {s}" for s in reversed(SEVERITIES)))
    if report.accepted:
        lines.append(f"Accepted by the baseline: {len(report.accepted)}")
    lines += ["", "Reports: " + ", ".join(f"`{r}`" for r in reports), ""]
    return "\n".join(lines)


def apply_baseline(report: Report, baseline: Path) -> Report:
    """The report with findings the baseline accepts moved to `accepted`; only new ones can fail."""
    if not baseline.exists():
        return report
    try:
        accepted = Counter(json.loads(baseline.read_text(encoding="utf-8"))["fingerprints"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"not a baseline written by --update-baseline: {exc}", baseline) from None
    new, known = [], []
    for finding in report.findings:
        key = fingerprint(finding)
        if accepted[key] > 0:
            accepted[key] -= 1
            known.append(finding)
        else:
            new.append(finding)
    return Report(new, report.figures, report.accepted + known)


def write_baseline(report: Report, baseline: Path) -> None:
    """Accept today's findings: later runs fail only on findings that are not in this file."""
    counts = Counter(fingerprint(f) for f in (*report.findings, *report.accepted))
    document = {"schema_version": 1, "fingerprints": dict(sorted(counts.items()))}
    write_atomic(baseline, (json.dumps(document, indent=2) + "\n").encode("utf-8"))


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
