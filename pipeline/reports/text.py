"""Results for a terminal: tables, findings one per line, the build's one-screen summary."""

from __future__ import annotations

import dataclasses
from collections import Counter
from typing import Iterable, Sequence

from ..model import SEVERITIES, CatalogStatus, Report
from ..wording import percent, quoted, severity_count

#: Quotes in a terminal table are cut to about this many characters.
QUOTE_WIDTH = 60


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
    """Findings one per line: where, severity, rule, locale, what it quotes (if any does) and the message; then counts."""
    if not report.findings:
        return "no findings"
    quotes = any(f.quote for f in report.findings)
    rows = [
        (f"{f.file}:{f.line}" if f.line else f.file or "", f.severity, f.rule, f.locale or "",
         *((quoted(f.quote, QUOTE_WIDTH) if f.quote else "",) if quotes else ()), f.message)
        for f in report.findings
    ]
    headers = ("where", "severity", "rule", "locale", *(("quote",) if quotes else ()), "message")
    counts = Counter(f.severity for f in report.findings)
    summary = ", ".join(severity_count(counts[s], s) for s in reversed(SEVERITIES) if counts[s])
    return format_table(headers, rows, numeric_from=99) + f"\n\n{summary}"


def build_summary(figures: dict, files: int, dist: str) -> str:
    """One screen after a build: per locale its articles, coverage and findings, then what was left out."""
    rows = []
    for locale, total in figures["totals"].items():
        rows.append((locale, total["published"], len(total["left_out"]), percent(total["coverage"]),
                     *total["findings"].values()))
    lines = [format_table(("locale", "articles", "left out", "words translated", "errors", "warnings", "infos"), rows)]
    for locale, total in figures["totals"].items():
        for slug in total["left_out"]:
            coverage = figures["cells"][locale][slug]["coverage"]
            lines.append(f"left out of {locale}: {slug} ({percent(coverage)} of its words translated)")
    lines.append(f"wrote {files} files to {dist}/")
    return "\n".join(lines)
