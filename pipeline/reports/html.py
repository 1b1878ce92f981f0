"""The HTML report for people: a matrix of articles × locales, charts as inline SVG, a page per article.

No scripts, fonts or images from elsewhere: the report opens from a CI artifact as it is,
and it passes the accessibility checker it reports on.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import SEVERITIES, Finding, Report
from ..theme import SHIPPED_TEMPLATES
from ..wording import percent, severity_count, verdict_words
from .formats import tool_version

if TYPE_CHECKING:
    import jinja2

TEMPLATES = SHIPPED_TEMPLATES / "report"
BAR_WIDTH = 300  # px for 100 %, or for the locale with the most findings
ROW_HEIGHT = 44  # a line of text (the label and its value), then the bar under it
CHARACTER_WIDTH = 7.5  # px, a generous average for 13 px system-ui text, so labels never overflow


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: its label and value (written above it) and its parts (width in px, CSS class)."""

    text: str
    parts: tuple[tuple[float, str], ...]
    y: int


@dataclass(frozen=True)
class Chart:
    """A bar chart as the template draws it: its bars and its size."""

    bars: tuple[Bar, ...]
    width: int
    height: int


def chart(bars: list[Bar]) -> Chart:
    """A chart wide enough for its longest label and its bars, and tall enough for its rows."""
    longest = max((len(bar.text) for bar in bars), default=0)
    return Chart(tuple(bars), max(BAR_WIDTH, round(longest * CHARACTER_WIDTH)) + 4, len(bars) * ROW_HEIGHT + 4)


@functools.lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    import jinja2  # only a command that writes the HTML report waits for it

    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True,
                                     lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    environment.globals.update(severity_count=severity_count, percent=percent,
                               verdict_words=verdict_words, findings_in=findings_in)
    return environment


def findings_in(cell: dict) -> int:
    """How many findings an article has in a locale, every check and severity together."""
    return sum(sum(counts.values()) for counts in cell["findings"].values())


def render_report_index(report: Report, rows: list[str]) -> str:
    """The report's front page: counts, charts, the matrix of articles × locales (rows from `render_matrix_row`)."""
    figures = report.figures
    articles = {a["slug"] for a in figures["articles"]}
    return _environment().get_template("index.html").render(
        figures=figures,
        version=tool_version(),
        fail_on=report.fail_on,
        exit_code=report.return_code,
        accepted=len(report.accepted),
        severities=list(reversed(SEVERITIES)),
        coverage_chart=_coverage_chart(figures),
        bar_width=BAR_WIDTH,
        findings_chart=_findings_chart(figures),
        other=[f for f in report.findings if f.article not in articles],
        rows=rows,
    )


def render_matrix_row(article: dict, locales: list[dict], cells: dict[str, dict]) -> str:
    """One article's row of the front page's matrix: its coverage, readability and findings per locale."""
    return _environment().get_template("row.html").render(article=article, locales=locales, cells=cells)


def render_article_report(article: dict, locales: list[dict], cells: dict[str, dict], findings: list[Finding]) -> bytes:
    """The report's page of one article: its figures per locale and its findings, as the file's UTF-8 bytes.

    A build holds every article's page until it writes the reports: as bytes it takes a byte a
    character (two or four as text, once one character is beyond Latin-1: Arabic, an emoji).
    """
    return _environment().get_template("article.html").render(
        version=tool_version(), article=article, locales=locales, cells=cells, by_locale=_group(findings)
    ).encode("utf-8")


def _group(findings: list[Finding]) -> dict[str, list[Finding]]:
    grouped: dict[str, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault(finding.locale or "", []).append(finding)
    return grouped


def _coverage_chart(figures: dict) -> Chart:
    """Per locale, the share of its source words translated across its articles, against the threshold."""
    bars = []
    for index, locale in enumerate(figures["locales"]):
        share = figures["totals"][locale["code"]]["coverage"]
        state = "ok" if share >= figures["threshold"] else "low"
        text = f"{locale['name']} ({locale['code']}): {percent(share)}"
        bars.append(Bar(text, ((share / 100 * BAR_WIDTH, state),), index * ROW_HEIGHT))
    return chart(bars)


def _findings_chart(figures: dict) -> Chart:
    """Per locale, its findings by severity, scaled to the locale with the most."""
    totals = figures["totals"]
    most = max((sum(t["findings"].values()) for t in totals.values()), default=0) or 1
    bars = []
    for index, (locale, total) in enumerate(totals.items()):
        counts = total["findings"]
        parts = tuple((n / most * BAR_WIDTH, severity) for severity, n in counts.items() if n)
        value = ", ".join(severity_count(n, severity) for severity, n in counts.items() if n) or "none"
        bars.append(Bar(f"{locale}: {value}", parts, index * ROW_HEIGHT))
    return chart(bars)
