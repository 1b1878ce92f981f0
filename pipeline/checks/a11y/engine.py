"""The accessibility engine: its rules, run over pages, their results made into Findings.

A rule follows the contract of every rule (`pipeline/checks/rules.py`): a module of `rules/`
named by its id (`rules/image-alt.py`), with a docstring and `WCAG`; it also defines `IMPACT`,
optionally `BEST_PRACTICE = True` and `ACT` (the ids of the W3C ACT rules it implements, as
axe-core keeps `actIds`), and `check(page)` and/or `check_site(site)`, generators of
results. Its severity follows from its criteria. Rules import only the engine (`page`,
`site`) and `semantics/`.

A check runs at a WCAG level (`A`, `AA` or `AAA`, default `AA`, as axe-core's defaults): a rule
serving only criteria above it is left out; best practices run at every level. A rule with
`ENABLED = False` runs only when `enable` names it, as axe-core's rules off by default.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from types import ModuleType
from typing import Literal

from ...errors import PipelineError
from ...layout import shown_path
from ...model import WCAG_LEVELS, Finding, Location, Severity, WcagLevel
from ..rules import Rule, RuleDefinitionError, discover, enabled
from ..rules import rule_from_module as read_rule
from .context import PageContext, context_from_path
from .page import Page, Result, head_only
from .semantics.document import PageParseError
from .semantics.stylesheets import LocalStyleSheets, disk_style_sheets
from .semantics.wcag import CRITERIA, is_conformance_requirement, level_of
from .site import Site

Impact = Literal["minor", "moderate", "serious", "critical"]
IMPACTS: tuple[Impact, ...] = ("minor", "moderate", "serious", "critical")
ACT_ID = re.compile(r"^[0-9a-z]{6}$")
PageInput = tuple[str, str | bytes, PageContext | None]  # (file, html, context)


class PageError(PipelineError):
    """A page to check cannot be read, or is not an HTML document."""


@dataclass(frozen=True)
class AccessibilityRule(Rule):
    """An accessibility rule: the contract of every rule, and what only this engine reads."""

    impact: Impact = "minor"
    best_practice: bool = False
    act: tuple[str, ...] = ()  # the W3C ACT rules it implements
    check_site: Callable[[Site], Iterable[Result]] | None = field(default=None, repr=False, compare=False)

    def runs_at(self, level: WcagLevel) -> bool:
        """Whether a check at this WCAG level runs the rule: some criterion of it at or below the level.

        Best practices, and rules of no conformance level (4.1.1 is obsolete), run at every level.
        """
        levels = [WCAG_LEVELS.index(lv) for lv in (level_of(c) for c in self.wcag) if lv in WCAG_LEVELS]
        return self.best_practice or not levels or min(levels) <= WCAG_LEVELS.index(level)


def rule_from_module(rule_id: str, module: ModuleType) -> AccessibilityRule:
    """Read an accessibility rule module; raise RuleDefinitionError naming what is wrong.

    Its severity follows from its criteria: error when a failure fails WCAG at level A or AA,
    warning for best practices and AAA.
    """
    rule = read_rule(CHECK, rule_id, module, "warning", entry_points=("check", "check_site"))
    where = f"rule module {module.__name__}"
    impact = getattr(module, "IMPACT", None)
    if impact not in IMPACTS:
        raise RuleDefinitionError(f"{where}: IMPACT must be one of {', '.join(IMPACTS)}, not {impact!r}")
    wcag = getattr(module, "WCAG", None)
    if not isinstance(wcag, tuple) or not all(isinstance(c, str) and c in CRITERIA for c in wcag):
        raise RuleDefinitionError(f"{where}: WCAG must be a tuple of WCAG 2.2 success criteria such as '1.1.1'")
    act = getattr(module, "ACT", ())
    if not isinstance(act, tuple) or not all(isinstance(a, str) and ACT_ID.match(a) for a in act):
        raise RuleDefinitionError(f"{where}: ACT must be a tuple of W3C ACT rule ids such as '5c01ea'")
    best_practice = bool(getattr(module, "BEST_PRACTICE", False))
    severity: Severity = "error" if not best_practice and is_conformance_requirement(wcag) else "warning"
    shared = {f.name: getattr(rule, f.name) for f in fields(Rule)} | {"severity": severity}
    return AccessibilityRule(**shared, impact=impact, best_practice=best_practice, act=act,
                             check_site=getattr(module, "check_site", None))


RULES_PACKAGE = f"{__package__}.rules"
CHECK = "a11y"


def discover_rules(packages: Sequence[str] = (RULES_PACKAGE,)) -> tuple[AccessibilityRule, ...]:
    """Every rule of the rule packages, sorted by id (each module must be a rule)."""
    found: dict[str, AccessibilityRule] = {}
    for package in packages:
        for rule in discover(package, CHECK, rule_from_module):
            if rule.id in found:
                raise RuleDefinitionError(f"two rules have the id {rule.id!r}: {package} and another package")
            found[rule.id] = rule  # type: ignore[assignment]
    return tuple(found[rule_id] for rule_id in sorted(found))


@functools.cache
def all_rules() -> tuple[AccessibilityRule, ...]:
    """The rules of this package, discovered once per process, sorted by id."""
    return discover_rules()


# --- running ---------------------------------------------------------------------------------


def check_html(
    html: str | bytes,
    file: str,
    *,
    context: PageContext | None = None,
    disabled: Collection[str] = (),
    all_outcomes: bool = False,
    level: WcagLevel = "AA",
    enable: Collection[str] = (),
) -> list[Finding]:
    """Check one page held in memory; `file` is where its findings point."""
    return check_pages([(file, html, context)], disabled=disabled, all_outcomes=all_outcomes, level=level,
                       enable=enable)


def check_pages(
    pages: Sequence[PageInput],
    *,
    root: Path | None = None,
    disabled: Collection[str] = (),
    all_outcomes: bool = False,
    scope: Scope = "all",
    style_sheets: LocalStyleSheets | None = None,
    level: WcagLevel = "AA",
    enable: Collection[str] = (),
) -> list[Finding]:
    """Check pages together, so rules that look across pages (hreflang-valid) see all of them.

    `scope` runs only the page rules, or only the site rules (a build that checked unchanged
    pages before runs the page rules on the changed ones and the site rules on all).
    `style_sheets` reads the local files pages link to; without it, only `<style>` and `style` count.
    `enable` names rules off by default to run too (`disabled` wins).
    """
    parsed = [_parsed(html, file, context, style_sheets) for file, html, context in pages]
    chosen = [rule for rule in enabled(all_rules(), disabled, enable) if rule.runs_at(level)]
    return run_rules(parsed, chosen, Site(parsed, root), all_outcomes, scope)


def _parsed(html: str | bytes, file: str, context: PageContext | None, style_sheets: LocalStyleSheets | None) -> Page:
    """A page parsed for checking; one that is not an HTML document is the user's error, naming its file."""
    try:
        return Page(html, file, context, style_sheets)
    except PageParseError as error:
        raise PageError(f"cannot check this page: {error}", file) from None


#: Which checks of the rules run: each page's (`check`), the site's (`check_site`), or both.
Scope = Literal["all", "pages", "site"]


#: Pages one job reads, parses and checks together: what `check_paths` holds in memory per CPU.
PAGES_PER_JOB = 50


def check_paths(
    paths: Sequence[Path],
    root: Path,
    *,
    disabled: Collection[str] = (),
    all_outcomes: bool = False,
    level: WcagLevel = "AA",
    enable: Collection[str] = (),
    workers: int | None = None,
) -> list[Finding]:
    """Check HTML files, and every *.html under folders; findings name files relative to `root`.

    The pages are checked PAGES_PER_JOB at a time, on every CPU the process may use, so memory
    stays that of a few pages whatever the site's size; the rules that look across pages
    (hreflang-valid) then read every page's head, as a build checks its site (`head_only`).
    """
    files = _html_files(paths)
    chosen = [rule for rule in enabled(all_rules(), disabled, enable) if rule.runs_at(level)]
    page_rules = tuple(rule.id for rule in chosen if rule.check_site is None)
    site_rules = tuple(rule.id for rule in chosen if rule.check_site is not None)
    jobs = [files[start:start + PAGES_PER_JOB] for start in range(0, len(files), PAGES_PER_JOB)]
    check = functools.partial(_check_files, root, page_rules, all_outcomes, False)
    if len(jobs) > 1:
        from ...parallel import map_jobs  # (one page's check starts no worker)

        found = [finding for findings in map_jobs(check, jobs, workers) for finding in findings]
    else:
        found = [finding for files_of_job in jobs for finding in check(files_of_job)]
    if site_rules:
        found += _check_files(root, site_rules, all_outcomes, True, files)
    return sorted(found, key=_finding_order)


def _check_files(root: Path, rule_ids: tuple[str, ...], all_outcomes: bool, heads_only: bool, files: Sequence[Path]
                 ) -> list[Finding]:
    """Read, parse and check pages with the rules named (in a worker process when there are many pages)."""
    sheets = None if heads_only else disk_style_sheets(root)
    with _collector_paused():
        pages = []
        for path in files:
            try:
                html = path.read_bytes()
            except OSError as error:
                raise PageError(f"cannot read this page: {error.strerror or error}", path) from None
            pages.append(_parsed(head_only(html) if heads_only else html, shown_path(path, root), None, sheets))
        rules = [rule for rule in all_rules() if rule.id in rule_ids]
        return run_rules(pages, rules, Site(pages, root), all_outcomes)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while one job's pages are checked, then back as it was.

    A page's facts are many small containers that live as long as the job (the parsed tree's
    proxies, each element's declarations), so the collections they set off free little and,
    scanning every page held, cost 1.6 % of a page's check in a job of 48 pages (callgrind);
    what the job leaves behind is collected after it, and a job holds at most PAGES_PER_JOB pages.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _html_files(paths: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*.html") if p.is_file()))
        elif path.is_file():
            files.append(path)
        else:
            raise PageError("no such file or folder", path)
    return list(dict.fromkeys(files))


def run_rules(
    pages: Sequence[Page], chosen: Sequence[AccessibilityRule], site: Site, all_outcomes: bool, scope: Scope = "all"
) -> list[Finding]:
    """Run each rule on each page, then the site rules; results become sorted Findings."""
    findings: list[Finding] = []
    for rule in chosen:
        results: list[Result] = []
        if rule.check is not None and scope != "site":
            for page in pages:
                if page.is_markup:  # scripts, styles and data documents hold nothing the rules read
                    results.extend(rule.check(page))
        if rule.check_site is not None and scope != "pages":
            results.extend(rule.check_site(site))
        if not results and scope != "all":
            continue  # the rule has nothing in this scope: its inapplicable outcome belongs to the other
        if all_outcomes:
            reported = {id(r.page) for r in results}
            results.extend(Result("inapplicable", page, None) for page in pages if id(page) not in reported)
        findings.extend(
            to_finding(rule, result)
            for result in results
            if all_outcomes or result.outcome in ("failed", "cantTell")
        )
    return sorted(findings, key=_finding_order)


def _finding_order(finding: Finding) -> tuple:
    """Findings by file, line, rule, locale, message, then selector and outcome: one order, however they were found."""
    return (*finding.sort_key(), finding.selector or "", finding.outcome)


def to_finding(rule: AccessibilityRule, result: Result) -> Finding:
    """A rule's result as a Finding: located by file, line and selector, with locale and article."""
    page, element = result.page, result.element
    where = page.context or context_from_path(page.file) or PageContext()
    severity: Severity = {"failed": rule.severity, "cantTell": "warning"}.get(result.outcome, "info")
    line = page.line(element) if element is not None else None
    selector = page.selector(element) if element is not None else None
    source = where.source_of(element if element is not None else page.root)
    if source is not None:  # lead to what a person edits; the built page stays as a second place
        file, line, related = source.file, source.line, (Location(page.file, line, selector), *result.related)
    else:
        file, related = page.file, result.related
    return Finding(
        rule=rule.id,
        severity=severity,
        message=result.message or rule.help,
        file=file,
        line=line,
        locale=where.locale,
        article=where.article,
        check="a11y",
        outcome=result.outcome,
        impact=rule.impact,
        wcag=rule.wcag,
        selector=selector,
        related=related,
    )
