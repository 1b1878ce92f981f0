"""What each command that can fail runs, from its settings to the `Report` it exits with.

The CLI calls one function here, prints what it returns and exits with the report's
`return_code`: it decides no exit code itself. A check's findings pass the baseline stage
here, so the report the CLI prints already says which findings are new. The checks are
imported by the functions that run them: `update` and `status` do not wait for textstat, nor
`check a11y` for the catalogs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

from .config import Settings
from .layout import shown_path
from .model import CatalogStatus, Finding, LocalizedArticle, Report

if TYPE_CHECKING:
    from .checks.readability import ReadabilityReport


def checked(settings: Settings, findings: Iterable[Finding], figures: dict | None = None) -> Report:
    """A check's findings as its run's report: failing at the settings' severity, the baseline applied."""
    from .reports import apply_baseline, baseline_file

    report = Report(list(findings), figures or {}, fail_on=settings.fail_on)  # type: ignore[arg-type]
    return apply_baseline(report, baseline_file(settings.path("reports_dir")))


def catalogs_report(settings: Settings, locales: Sequence[str]) -> Report:
    """`check catalogs`: every translation of the locales checked."""
    from .workflow import check_catalogs

    return checked(settings, check_catalogs(settings, locales).findings)


def readability_report(
    settings: Settings, locales: Sequence[str]
) -> tuple[ReadabilityReport, list[LocalizedArticle], Report]:
    """`check readability`: the scores, the editions scored, and the findings as the run's report."""
    from .build_checks import readability

    scores, editions = readability(settings, locales)
    return scores, editions, checked(settings, scores.findings, {"readability": [r.to_json() for r in scores.results]})


def a11y_report(settings: Settings, paths: Sequence[Path], all_outcomes: bool) -> Report:
    """`check a11y`: the pages under the paths (default: the bundle) checked."""
    from .checks.a11y import check_paths

    targets = list(paths) or [settings.path("dist_dir")]
    return checked(settings, check_paths(targets, settings.root, disabled=settings.disabled_rules,
                                         all_outcomes=all_outcomes, level=settings.wcag_level,
                                         enable=settings.enabled_rules))


def update_report(settings: Settings, locales: Sequence[str], check: bool) -> tuple[list[Path], Report]:
    """`update`: the catalogs written (with `check`, those out of date, each an error), and the report."""
    from .workflow import update_catalogs

    changed = update_catalogs(settings, locales, check=check).changed
    findings = [Finding("out-of-date", "error", "out of date: run 'pipeline update'", file=shown_path(path, settings.root),
                        check="catalogs") for path in changed] if check else []
    return changed, Report(findings)


def coverage_report(totals: dict[str, CatalogStatus], minimum: float | None) -> Report:
    """`status --min-coverage`: each locale with less of its words translated is an error."""
    return Report([
        Finding("below-min-coverage", "error",
                f"{locale} is below {minimum:g}% of words translated ({total.coverage:.1f}%)", locale=locale,
                check="catalogs")
        for locale, total in totals.items() if minimum is not None and total.coverage < minimum
    ])
