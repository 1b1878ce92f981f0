"""Results for a terminal: tables, findings one per line, the build's one-screen summary."""

from __future__ import annotations

import dataclasses
from collections import Counter
from typing import Iterable, Sequence

from ..model import SEVERITIES, CatalogStatus, Finding, LocalizedArticle, Report


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


def build_summary(published: dict[str, list[LocalizedArticle]], left_out: dict[str, list[LocalizedArticle]],
                  report: Report, files: int, dist: str) -> str:
    """One screen after a build: per locale its pages, coverage and findings, then what was left out."""
    rows = []
    for locale, editions in published.items():
        mine = [f for f in report.findings if f.locale == locale]
        words = sum(e.words_total for e in editions)
        done = sum(e.words_translated for e in editions)
        rows.append((
            locale, len(editions), len(left_out.get(locale, [])), f"{100 * done / words:.1f}" if words else "-",
            *(sum(1 for f in mine if f.severity == s) for s in ("error", "warning", "info")),
        ))
    lines = [format_table(("locale", "articles", "left out", "% words", "errors", "warnings", "infos"), rows)]
    for locale, editions in left_out.items():
        for edition in editions:
            lines.append(
                f"left out of {locale}: {edition.article.slug} ({edition.coverage:.0%} of its words translated)"
            )
    lines.append(f"wrote {files} files to {dist}/")
    return "\n".join(lines)
