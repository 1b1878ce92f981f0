"""Cross-check in a real browser: axe-core in headless Chromium against our checker.

For every rule both tools have, both must report the same elements with the same kind of
outcome on every fixture page; where they differ on purpose, DELIBERATE_DIFFERENCES says
why. Needs tests/browser/setup (Chromium and axe-core), which CI runs first.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import cssselect2
from lxml import etree

from pipeline.checks.a11y import all_rules, check_paths
from pipeline.checks.a11y.page import Page
from pipeline.checks.a11y.semantics.refresh import first_refresh
from tests.a11y.cases import FIXTURES, Case, all_pages, cases
from tests.axe import OFF_BY_DEFAULT, AxeResult, run_axe, select_in_chromium
from tests.conftest import run

#: (page, rule, outcome, element path): one reported element, in terms both tools share.
Report = tuple[str, str, str, str]

#: axe-core results that our rules report under another id or outcome, and why.
AXE_AS_OURS: dict[tuple[str, str], tuple[str, str]] = {
    # axe-core splits repeated ids by the kind of element; we report every repeated id as one rule.
    ("duplicate-id-active", "violations"): ("duplicate-id", "failed"),
}

#: Cases where the tools disagree on purpose: (page, rule) -> why.
DELIBERATE_DIFFERENCES: dict[tuple[str, str], str] = {
    ("html-has-lang/fail-blank-lang.html", "html-lang-valid"):
        'axe-core reports lang=" " twice, as missing and as invalid; we report it once, as missing.',
    ("meta-refresh/fail-timed-redirect.html", "meta-refresh"):
        'axe-core matches http-equiv="refresh" case-sensitively and misses http-equiv="Refresh", which '
        "browsers obey all the same.",
    ("meta-refresh/fail-timed-redirect.html", "meta-refresh-no-exceptions"):
        "axe-core's AAA rule reports only delays beyond 20 hours and leaves shorter ones to meta-refresh; "
        "W3C ACT rule bisz58 fails every delay, so both of our rules report a 20-second one.",
    ("meta-refresh/fail-timed-refresh.html", "meta-refresh-no-exceptions"):
        "As above: a 5-minute refresh breaks the AAA criterion too (ACT bisz58); axe-core leaves it to meta-refresh.",
    ("frame-focusable-content/fail-frame-out-of-tab-order.html", "frame-focusable-content"):
        "axe-core cannot run inside a srcdoc frame of a file page (frame-tested asks for review) and so finds "
        "nothing to check; we read the frame's document from srcdoc.",
    ("td-headers-attr/fail-missing-header-id.html", "td-headers-attr"):
        "axe-core reports the table; we report the cell whose headers attribute names no header (the element "
        "ACT rule a25f45 applies to).",
    ("th-has-data-cells/fail-header-of-nothing.html", "th-has-data-cells"):
        "axe-core asks for review of the whole table; we report the column header that heads no cell (ACT "
        "rule d0f69e: a header with no cell in its column fails).",
    ("object-alt/review-unnamed-document-object.html", "object-alt"):
        "axe-core fails every unnamed <object data> whose fallback is not drawn; W3C ACT rule 8fc3b6 applies only to "
        "objects showing an image, a sound or a video, so for one embedding a page we ask whether it needs a name.",
    ("color-contrast/fail-low-contrast.html", "color-contrast-enhanced"):
        "axe-core reports a text under color-contrast-enhanced only when it passes color-contrast; W3C ACT rule "
        "09o5cg fails every text below 7:1 (4.5:1 large), so we report texts below 4.5:1 under both rules.",
    ("color-contrast/fail-linked-style-sheet/en/tips/index.html", "color-contrast-enhanced"):
        "As above: texts below 4.5:1 are below 7:1 too; axe-core reports them under color-contrast only.",
    ("color-contrast/fail-dark-scheme.html", "color-contrast"):
        "axe-core sees the page in the browser's light colour scheme only; the page styles a dark scheme too, "
        "and we check both (the failure is in the dark one).",
    ("color-contrast/fail-dark-scheme.html", "color-contrast-enhanced"): "As above: the dark colour scheme.",
    ("color-contrast/review-unknown-background.html", "color-contrast"):
        "axe-core measures what its layout puts behind a negatively-margined or positioned text, and fails it; "
        "without layout we ask a person (cantTell). axe-core also asks for review of the skip link, which its "
        "layout places over other content.",
    ("color-contrast/review-unknown-background.html", "color-contrast-enhanced"):
        "As above, for 7:1; axe-core reports nothing under the AAA rule where the AA one fails or asks.",
    ("empty-heading/fail-hidden-text.html", "color-contrast"):
        "axe-core asks for review of a text of one symbol (an icon, ★); we measure it: black on white passes.",
    ("empty-heading/fail-hidden-text.html", "color-contrast-enhanced"): "As above (★).",
    ("link-name/fail-hidden-text.html", "color-contrast"): "As above: a link of one arrow (→) that passes.",
    ("link-name/fail-hidden-text.html", "color-contrast-enhanced"): "As above (→).",
    ("link-name/pass-names.html", "color-contrast"): "As above: a link of one symbol (⎙) that passes.",
    ("link-name/pass-names.html", "color-contrast-enhanced"): "As above (⎙).",
    ("aria-prohibited-attr/fail-label-on-generic.html", "aria-prohibited-attr"):
        "axe-core only asks for review of an aria-label on a <span> that has text (a screen reader may read the "
        "text instead); W3C ACT rule kb1m8s fails it all the same, and so do we.",
    ("aria-valid-attr/fail-misspelt-attribute.html", "label-content-name-mismatch"):
        "axe-core reads the misspelt aria-labeledby as aria-labelledby, as Chromium does, and finds the name "
        "does not contain the link's text; WAI-ARIA has no such attribute (aria-valid-attr fails it), so the "
        "link is named by its text and passes.",
    ("duplicate-id-aria/review-repeated-label-target.html", "duplicate-id"):
        "axe-core's duplicate-id leaves ids that labels and ARIA name to duplicate-id-aria (which asks, as ours "
        "does); our duplicate-id (W3C ACT rule 3ea0c8) fails every repeated id.",
    ("target-size/review-small-and-unsized-controls.html", "target-size"):
        "axe-core draws the page and measures each control and the space around it: it fails the 16 px buttons "
        "and the language links (about 21 px tall, stacked) and passes the skip link and the site's name; without "
        "layout we can tell neither size nor spacing unless CSS sets 24 px each way, so we ask about all seven.",
    ("td-has-header/review-table-of-unknown-width.html", "td-has-header"):
        "axe-core lays the table out, finds it narrower than 95 % of the window and so takes it for a data table; "
        "without layout we cannot tell a data table of ten plain cells from a layout table, and ask (cantTell).",
    ("aria-allowed-attr/review-expanded-region.html", "aria-allowed-attr"):
        "aria-expanded on a region: WAI-ARIA 1.1 allowed it (on every section role), 1.2 does not; axe-core keeps "
        "1.1's allowance and passes it, we ask (browsers following 1.2 may drop it).",
    ("aria-required-children/pass-items-in-generic-wrappers.html", "aria-roles"):
        'axe-core 4.14 does not know WAI-ARIA 1.2\'s generic role and fails role="generic" as no role; ARIA 1.2 '
        "defines it (a <div>'s role), and W3C ACT rule 674b10 takes ARIA 1.2's roles, as we do.",
    ("aria-allowed-attr/fail-required-false-button.html", "aria-allowed-attr"):
        'axe-core ignores aria-required="false" as a default value; no button takes aria-required, and W3C ACT '
        'rule 5c01ea fails a default value too (aria-sort="" on a button, its failed example 1), as we do.',
}
#: Rules axe-core tags experimental (off unless asked for) that our checker has.
EXPERIMENTAL = ("td-has-header", "table-fake-caption", "p-as-heading", "hidden-content")
OUTCOME_OF = {"violations": "failed", "incomplete": "cantTell"}
#: Our rules off unless asked for: the fixtures ask for each on its own pages only (tests/a11y/cases.py).
ASKED_FOR_ONLY = frozenset(rule.id for rule in all_rules() if not rule.on_by_default)


def leaves_at_once(path: Path) -> bool:
    """Whether the page redirects as soon as it loads: the browser is gone before axe-core can look at it."""
    refresh = first_refresh(Page(path.read_bytes(), path.name))
    return refresh is not None and refresh[1] == 0


@pytest.fixture(scope="module")
def axe_results() -> dict[Path, AxeResult]:
    """axe-core's results on every fixture page that stays loaded, from one browser."""
    pages = [path for path in all_pages() if not leaves_at_once(path)]
    return run_axe(pages, enable=(*OFF_BY_DEFAULT, "meta-refresh-no-exceptions", "color-contrast-enhanced",
                                  "target-size", *EXPERIMENTAL))


def element_path(page: Page, selector: str) -> str:
    """The /tag[n]/... path of the element a selector of ours names (the path axe.mjs gives axe's nodes)."""
    return path_of(select(page, selector))


def path_of(element: etree._Element) -> str:
    """The /tag[n]/... position of an element, n counting same-tag siblings (as axe.mjs and select.mjs write it)."""
    parts = []
    node: etree._Element | None = element
    while node is not None:
        parent = node.getparent()
        index = 1 if parent is None else [c for c in parent if c.tag == node.tag].index(node) + 1
        parts.append(f"{node.tag}[{index}]")
        node = parent
    return "/" + "/".join(reversed(parts))


def select(page: Page, selector: str) -> etree._Element:
    """The one element of our tree a selector of ours matches (matched by cssselect2, the checker's CSS engine)."""
    root = cssselect2.ElementWrapper.from_html_root(page.root)
    found = [wrapper.etree_element for wrapper in root.query_all(selector)]
    assert len(found) == 1, (selector, len(found))
    return found[0]


def our_reports(shared: set[str]) -> set[Report]:
    """What our checker reports on every fixture page, for the rules axe-core has too."""
    found: set[Report] = set()
    for case in cases():
        if any(leaves_at_once(page) for page in case.pages):
            continue
        for finding in case.findings():
            if finding.rule not in shared:
                continue
            page_path = case.root / (finding.file or "")
            page = Page(page_path.read_bytes(), finding.file or "")
            name = page_path.relative_to(FIXTURES).as_posix()
            found.add((name, finding.rule, finding.outcome, element_path(page, finding.selector or "html")))
    return found


def axe_reports(results: dict[Path, AxeResult], shared: set[str]) -> set[Report]:
    """What axe-core reports on every fixture page, in our rule ids and outcomes.

    A rule of ours off unless asked for counts on its own fixtures only, where it is asked for
    (besides the rule of ours AXE_AS_OURS maps it to, if any).
    """
    found: set[Report] = set()
    for path, result in results.items():
        name = path.relative_to(FIXTURES).as_posix()
        for kind in ("violations", "incomplete"):
            for axe_rule, nodes in getattr(result, kind).items():
                ours = {AXE_AS_OURS.get((axe_rule, kind), (axe_rule, OUTCOME_OF[kind]))}
                if axe_rule in ASKED_FOR_ONLY:
                    ours = {(r, o) for r, o in ours if r != axe_rule}
                    ours |= {(axe_rule, OUTCOME_OF[kind])} if name.split("/")[0] == axe_rule else set()
                for rule, outcome in ours:
                    if rule in shared:
                        found.update((name, rule, outcome, node.path or node.target) for node in nodes)
    return found


def shared_rules(results: dict[Path, AxeResult]) -> set[str]:
    """Our rules that axe-core has too (under the same id, or one it maps to)."""
    axe_ids: set[str] = set()
    for result in results.values():
        axe_ids |= result.passes | result.inapplicable | set(result.violations) | set(result.incomplete)
    axe_ids |= {ours for (_, _), (ours, _) in AXE_AS_OURS.items()}
    return {rule.id for rule in all_rules()} & axe_ids


def test_rules_named_after_axe_core_are_the_ones_axe_core_runs(axe_results: dict[Path, AxeResult]):
    ours_only = {rule.id for rule in all_rules()} - shared_rules(axe_results)
    assert ours_only == {"rtl-dir", "bidi-isolation", "hreflang-valid", "lang-of-parts", "reading-level",
                         "aria-required-id-refs",
                         "duplicate-attribute"}


def test_axe_core_and_our_checker_find_the_same_failures(axe_results: dict[Path, AxeResult]):
    shared = shared_rules(axe_results)
    ours, theirs = our_reports(shared), axe_reports(axe_results, shared)
    disagreements = ours ^ theirs
    explained = {report for report in disagreements if (report[0], report[1]) in DELIBERATE_DIFFERENCES}
    assert disagreements - explained == set(), (
        f"only ours: {sorted(ours - theirs - explained)}\nonly axe-core: {sorted(theirs - ours - explained)}"
    )
    stale = set(DELIBERATE_DIFFERENCES) - {(page, rule) for page, rule, _, _ in explained}
    assert not stale, f"these documented differences no longer happen: {sorted(stale)}"


def test_axe_core_finds_every_failure_of_the_shared_rules(axe_results: dict[Path, AxeResult]):
    """Each failing fixture of a shared rule fails in axe-core too, unless a documented difference says why."""
    shared = shared_rules(axe_results)
    theirs = axe_reports(axe_results, shared)
    for case in cases():
        rule = case.path.parent.name
        failing = case.path.name.startswith(("fail-", "review-"))
        if rule in shared and failing and (case.name, rule) not in DELIBERATE_DIFFERENCES:
            assert any(page in (case.name, *(p.relative_to(FIXTURES).as_posix() for p in case.pages)) and r == rule
                       for page, r, _, _ in theirs), case.name


def test_the_clean_pages_pass_axe_core(axe_results: dict[Path, AxeResult]):
    for case in [c for c in cases() if c.path.parent.name == "clean"]:  # rules off unless asked for are not asked
        violations = axe_results[case.path.resolve()].violations
        assert {rule: nodes for rule, nodes in violations.items() if rule not in ASKED_FOR_ONLY} == {}, case.name


def test_the_built_bundle_checks_clean_in_both_tools(repo_copy: Path):
    """Every page of every built locale: no finding of ours, no violation in axe-core."""
    assert run(repo_copy, "build").exit_code == 0
    dist = repo_copy / "dist"
    assert check_paths([dist], repo_copy) == []
    pages = sorted(dist.rglob("*.html"))
    assert pages
    results = run_axe(pages)
    violations = {path.relative_to(dist.resolve()).as_posix(): r.violations for path, r in results.items()}
    assert {page: found for page, found in violations.items() if found} == {}


def test_every_selector_of_ours_selects_its_element_in_chromium():
    """Each finding's selector, pasted into a browser's `document.querySelector`, gets the same element."""
    ours: dict[Path, dict[str, str]] = {}
    for case in cases():
        for finding in case.findings(all_outcomes=True):
            if finding.selector is None or (finding.file or "").endswith((".svg", ".xhtml", ".xht")):
                continue
            path = (case.root / (finding.file or "")).resolve()
            if leaves_at_once(path):
                continue  # the browser has left the page before it can be asked
            page = Page(path.read_bytes(), finding.file or "")
            ours.setdefault(path, {})[finding.selector] = element_path(page, finding.selector)
    assert sum(len(s) for s in ours.values()) > 1000
    theirs = select_in_chromium({path: sorted(selectors) for path, selectors in ours.items()})
    wrong = {(path.relative_to(FIXTURES).as_posix(), selector): theirs[path][selector]
             for path, selectors in ours.items() for selector, where in selectors.items()
             if theirs[path][selector] != (1, where)}
    assert wrong == {}


def test_case_helper_resolves_our_selectors_to_the_marked_elements():
    """element_path follows our selectors to the element the fixture marks (a check on the test itself)."""
    case = Case(FIXTURES / "list" / "fail-paragraph-in-list.html")
    page = Page(case.path.read_bytes(), case.path.name)
    (_, _, _, selector), = case.expected()
    assert element_path(page, selector) == "/html[1]/body[1]/main[1]/article[1]/ul[1]"
