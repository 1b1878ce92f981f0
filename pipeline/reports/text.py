"""Results for a terminal: tables, findings one per line, the build's one-screen summary."""

from __future__ import annotations

import dataclasses
from collections import Counter
from typing import Iterable, Sequence

from ..model import SEVERITIES, CatalogStatus, Report


def format_table(headers: Sequence[str], rows: Iterable[Sequence[object]], numeric_from: int = 1) -> str:
    """A plain-text table: text columns left-aligned, numbers (from column `numeric_from`) right-aligned."""
    cells = [[str(h) for h in headers], *([str(c) for c in row] for row in rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        return "  ".join(
            cell.rjust(widths[i]) if i >= numeric_from else cell.ljust(widths[i]) for i, cell in enumerate(row)
        ).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(cells[0]), rule, *(line(row) for row in cells[1:])])


def status_row(row: CatalogStatus) -> dict:
    """One status row as JSON: counts in messages and words, and the percentage of words done."""
    data = dataclasses.asdict(row)
    data.update(
        messages_untranslated=row.messages_untranslated,
        words_untranslated=row.words_untranslated,
        coverage=round(row.coverage, 1),
    )
    return data


def status_table(rows: Sequence[CatalogStatus], totals: dict[str, CatalogStatus]) -> str:
    """Per locale and article: words done, fuzzy and left, then each locale's total."""
    headers = ("locale", "article", "words", "done", "fuzzy", "left", "messages", "done", "fuzzy", "% words")
    lines = []
    for locale in dict.fromkeys(r.locale for r in rows):
        for row in [r for r in rows if r.locale == locale] + ([totals[locale]] if locale in totals else []):
            lines.append((
                row.locale, row.article, row.words_total, row.words_translated, row.words_fuzzy,
                row.words_untranslated, row.messages_total, row.messages_translated, row.messages_fuzzy,
                f"{row.coverage:.1f}",
            ))
    return format_table(headers, lines, numeric_from=2)


def findings_table(report: Report) -> str:
    """Findings one per line, `file:line  severity  rule  message`, then counts by severity."""
    if not report.findings:
        return "no findings"
    rows = [
        (f"{f.file}:{f.line}" if f.line else f.file or "", f.severity, f.rule, f.locale or "", f.message)
        for f in report.findings
    ]
    counts = Counter(f.severity for f in report.findings)
    summary = ", ".join(f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in reversed(SEVERITIES) if counts[s])
    return format_table(("where", "severity", "rule", "locale", "message"), rows, numeric_from=99) + f"\n\n{summary}"


def build_summary(figures: dict, files: int, dist: str) -> str:
    """One screen after a build: per locale its articles, coverage and findings, then what was left out."""
    rows = []
    totals = locale_totals(figures)
    for locale, total in totals.items():
        coverage = f"{total['coverage']:.1f}" if total["coverage"] is not None else "-"
        rows.append((locale, total["published"], len(total["left_out"]), coverage, *total["findings"].values()))
    lines = [format_table(("locale", "articles", "left out", "% words", "errors", "warnings", "infos"), rows)]
    for locale, total in totals.items():
        for slug in total["left_out"]:
            coverage = figures["cells"][locale][slug]["coverage"]
            lines.append(f"left out of {locale}: {slug} ({coverage:.0f}% of its words translated)")
    lines.append(f"wrote {files} files to {dist}/")
    return "\n".join(lines)


def locale_totals(figures: dict) -> dict[str, dict]:
    """Per locale: articles published and left out, words translated, findings by severity."""
    totals = {}
    for locale, cells in figures["cells"].items():
        published = [c for c in cells.values() if c["published"]]
        words = sum(c["words"] for c in published)
        findings = Counter()
        for cell in cells.values():
            for by_severity in cell["findings"].values():
                findings.update(by_severity)
        totals[locale] = {
            "published": len(published),
            "left_out": [slug for slug, c in cells.items() if not c["published"]],
            "coverage": 100 * sum(c["words_translated"] for c in published) / words if words else None,
            "findings": {s: findings[s] for s in reversed(SEVERITIES)},
        }
    return totals
