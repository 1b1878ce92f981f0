"""The baseline: findings accepted once, reported later as accepted, never failing a run.

A stage of every command that reports findings (`pipeline build`, `pipeline check …`): it
takes the run's `Report` and gives it back with the findings the baseline lists moved to
`accepted`. A finding is known by its fingerprint, counted: a baseline that accepted one
finding accepts one finding of that fingerprint, not every one.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from ..errors import ConfigError
from ..files import write_atomic
from ..rule_ids import REPORTED_BEFORE_AS
from ..model import Finding, Report
from .formats import fingerprint

BASELINE = "baseline.json"


def baseline_file(reports_dir: Path) -> Path:
    """Where the accepted findings are kept."""
    return reports_dir / BASELINE


def apply_baseline(report: Report, baseline: Path, accept_all: bool = False) -> Report:
    """The report with the findings the baseline accepts moved to `accepted`; only new ones can fail.

    With `accept_all` (`--update-baseline`), every finding found is accepted; `write_baseline`
    then keeps them, once the run's reports are written.
    """
    if accept_all:
        return replace(report, findings=[], accepted=[*report.findings, *report.accepted])
    if not baseline.exists():
        return report
    accepted = read_baseline(baseline)
    new, known = [], []
    for finding in report.findings:
        key = next((k for k in _fingerprints(finding) if accepted[k] > 0), None)
        if key is not None:
            accepted[key] -= 1
            known.append(finding)
        else:
            new.append(finding)
    return replace(report, findings=new, accepted=report.accepted + known)


def _fingerprints(finding: Finding) -> Iterator[str]:
    """The finding's fingerprint, then the ones it had under the ids its rule's findings had before."""
    yield fingerprint(finding)
    for old in REPORTED_BEFORE_AS.get(finding.rule, ()):
        yield fingerprint(replace(finding, rule=old))


def read_baseline(baseline: Path) -> Counter[str]:
    """How many findings of each fingerprint the baseline accepts."""
    try:
        return Counter(json.loads(baseline.read_text(encoding="utf-8"))["fingerprints"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"not a baseline written by --update-baseline: {exc}", baseline) from None


def write_baseline(findings: list, baseline: Path) -> None:
    """Accept these findings: later runs fail only on findings that are not in this file."""
    counts = Counter(fingerprint(f) for f in findings)
    document = {"schema_version": 1, "fingerprints": dict(sorted(counts.items()))}
    write_atomic(baseline, (json.dumps(document, indent=2) + "\n").encode("utf-8"))
