"""The HTML report for people: a matrix of articles × locales, charts as inline SVG, a page per article.

No scripts, fonts or images from elsewhere: the report opens from a CI artifact as it is,
and it passes the accessibility checker it reports on.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..model import SEVERITIES, Finding, Report
from .formats import tool_version

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "report"
BAR_WIDTH = 320  # px for 100 %
ROW_HEIGHT = 28


@dataclass(frozen=True)
class Bar:
    """One labelled bar of a chart: its parts (share, severity or state) and its label."""

    label: str
    parts: tuple[tuple[float, str], ...]  # (width in px, CSS class)
    value: str
    y: int


@functools.lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True,
                              lstrip_blocks=True, undefined=jinja2.StrictUndefined)


def render_report_index(report: Report, fail_on: str, rows: list[str]) -> str:
    """The report's front page: counts, charts, the matrix of articles × locales (rows from `render_matrix_row`)."""
    figures = report.figures
    articles = {a["slug"] for a in figures["articles"]}
    return _environment().get_template("index.html").render(
        figures=figures,
        version=tool_version(),
        fail_on=fail_on,
        exit_code=report.exit_code(fail_on),  # type: ignore[arg-type]
        counts=_counts(report.findings),
        accepted=len(report.accepted),
        severities=list(reversed(SEVERITIES)),
        coverage_chart=_coverage_bars(figures),
        findings_chart=_findings_bars(report.findings, [l["code"] for l in figures["locales"]]),
        chart_height=lambda bars: len(bars) * ROW_HEIGHT + 8,
        other=[f for f in report.findings if f.article not in articles],
        rows=rows,
    )


def render_matrix_row(article: dict, locales: list[dict], cells: dict[str, dict]) -> str:
    """One article's row of the front page's matrix: its coverage, readability and findings per locale."""
    return _environment().get_template("row.html").render(article=article, locales=locales, cells=cells)


def render_article_report(article: dict, locales: list[dict], cells: dict[str, dict], findings: list[Finding]) -> str:
    """The report's page of one article: its figures per locale and its findings."""
    return _environment().get_template("article.html").render(
        version=tool_version(), article=article, locales=locales, cells=cells, by_locale=_group(findings)
    )


def _counts(findings: list[Finding]) -> dict[str, int]:
    counts = Counter(f.severity for f in findings)
    return {s: counts[s] for s in reversed(SEVERITIES)}


def _group(findings: list[Finding]) -> dict[str, list[Finding]]:
    grouped: dict[str, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault(finding.locale or "", []).append(finding)
    return grouped


def _coverage_bars(figures: dict) -> list[Bar]:
    """Per locale, the share of source words translated across its articles."""
    bars = []
    for index, locale in enumerate(figures["locales"]):
        cells = figures["cells"][locale["code"]].values()
        words = sum(c["words"] for c in cells)
        share = sum(c["words_translated"] for c in cells) / words if words else 1.0
        state = "ok" if share * 100 >= figures["threshold"] else "low"
        bars.append(Bar(f"{locale['name']} ({locale['code']})", ((share * BAR_WIDTH, state),), f"{share:.0%}",
                        index * ROW_HEIGHT))
    return bars


def _findings_bars(findings: list[Finding], locales: list[str]) -> list[Bar]:
    """Per locale, its findings by severity, scaled to the locale with the most."""
    counts = {locale: Counter(f.severity for f in findings if f.locale == locale) for locale in locales}
    most = max((sum(c.values()) for c in counts.values()), default=0) or 1
    bars = []
    for index, locale in enumerate(locales):
        parts = tuple((counts[locale][s] / most * BAR_WIDTH, s) for s in reversed(SEVERITIES) if counts[locale][s])
        value = ", ".join(f"{counts[locale][s]} {s}" for s in reversed(SEVERITIES) if counts[locale][s]) or "none"
        bars.append(Bar(locale, parts, value, index * ROW_HEIGHT))
    return bars
