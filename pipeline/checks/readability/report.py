"""What `check_readability` returns: a result per article and locale, and the findings.

`to_json()` is the report's source of truth; `format_table()` is the terminal's view of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...model import Finding, Location
from ...wording import verdict_words
from ...model import ReadabilityTarget
from .targets import Verdict


@dataclass(frozen=True)
class ReadabilityResult:
    """An article in one locale: its size, its scores, and its verdict against the target."""

    article: str  # the slug
    locale: str
    file: str  # where the text is edited: the PO catalog, or the source article
    words: int
    sentences: int
    metrics: dict[str, float]  # every formula of the language; empty when not scored
    formula: str | None  # the primary formula's id ("smog"), the one the target is in
    formula_name: str | None  # and its name ("SMOG grade")
    score: float | None
    target: ReadabilityTarget | None
    verdict: Verdict
    reason: str = ""  # why it is not scored
    grade: float | None = None  # the school grade, when the primary formula gives one
    above_lower_secondary: bool | None = None  # WCAG 2.2 SC 3.1.5 (Reading Level) fails when True
    start: Location | None = None  # where its prose starts: the Markdown line or PO entry an editor opens first

    @property
    def scored(self) -> bool:
        """Whether the edition got a score."""
        return self.score is not None

    def to_json(self) -> dict[str, Any]:
        """The result as JSON data (numbers rounded to two decimals)."""
        target = None if self.target is None else {"warning": self.target.warning, "error": self.target.error}
        return {
            "article": self.article,
            "locale": self.locale,
            "file": self.file,
            "words": self.words,
            "sentences": self.sentences,
            "metrics": {name: round(value, 2) for name, value in self.metrics.items()},
            "formula": self.formula,
            "score": None if self.score is None else round(self.score, 2),
            "target": target,
            "verdict": self.verdict,
            "reason": self.reason or None,
            "grade": None if self.grade is None else round(self.grade, 2),
            "above_lower_secondary": self.above_lower_secondary,
        }


@dataclass
class ReadabilityReport:
    """The results of every article and locale, and the findings, sorted by file and line."""

    results: list[ReadabilityResult] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    _index: dict[tuple[str, str], ReadabilityResult] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def result_for(self, article: str, locale: str) -> ReadabilityResult | None:
        """The result of one article in one locale, if it was checked (a lookup, not a search)."""
        if len(self._index) != len(self.results):
            self._index = {(r.article, r.locale): r for r in self.results}
        return self._index.get((article, locale))

    def to_json(self) -> dict[str, Any]:
        """{"results": [...], "findings": [...]}: the JSON report."""
        return {
            "results": [result.to_json() for result in self.results],
            "findings": [_finding_json(finding) for finding in self.findings],
        }


def _finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "severity": finding.severity,
        "message": finding.message,
        "file": finding.file,
        "line": finding.line,
        "locale": finding.locale,
        "article": finding.article,
        "wcag": list(finding.wcag),
        "quote": finding.quote,
    }


def describe_target(result: ReadabilityResult) -> str:
    """A target as the table shows it: "> 8 / > 10" (grade) or "< 55 / < 40" (ease)."""
    target = result.target
    if target is None:
        return "-"
    sign = ">" if target.error >= target.warning else "<"
    return f"{sign} {target.warning:g} / {sign} {target.error:g}"


def format_table(report: ReadabilityReport) -> str:
    """The terminal view of the scores: one row per article and locale (score, target, verdict)."""
    header = ("article", "locale", "words", "sentences", "formula", "score", "target (warn / error)", "verdict")
    rows = [header]
    for r in report.results:
        verdict = f"not scored: {r.reason}" if r.verdict == "not scored" else verdict_words(r.verdict)
        score = "-" if r.score is None else f"{r.score:.1f}"
        formula = r.formula_name or "-"
        rows.append((r.article, r.locale, str(r.words), str(r.sentences), formula, score, describe_target(r), verdict))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header) - 1)]
    numeric = {2, 3, 5}  # right-aligned below the header
    lines = []
    for row in rows:
        cells = [
            cell.rjust(width) if column in numeric and row is not header else cell.ljust(width)
            for column, (cell, width) in enumerate(zip(row, widths))
        ]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths) + "  " + "-" * len(header[-1]))
    return "\n".join(lines)
