"""Results as people and machines read them: terminal tables and JSON."""

from __future__ import annotations

import dataclasses
from typing import Iterable, Sequence

from .model import CatalogStatus


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
