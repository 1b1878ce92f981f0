"""Each rule against its fixtures: the checker reports exactly the elements the fixtures mark."""

from __future__ import annotations

import pytest

from pipeline.checks.a11y import all_rules
from tests.a11y.cases import FIXTURES, Case, cases, rule_folders

CASES = cases()
#: Rules that a failing page of the rule necessarily breaks too: a page with no skip link, heading or main
#: landmark has no <h1> and no <main> either; a refresh after some seconds is also a refresh after a delay.
COMPANIONS = {
    "bypass": {"bypass", "landmark-one-main", "page-has-heading-one"},
    "meta-refresh": {"meta-refresh", "meta-refresh-no-exceptions"},
    "color-contrast": {"color-contrast", "color-contrast-enhanced"},  # 4.5:1 not reached is 7:1 not reached
    # an expanded combobox's aria-controls that reaches nothing: a required reference, and a value axe-core fails
    "aria-required-id-refs": {"aria-required-id-refs", "aria-valid-attr-value"},
    "duplicate-id-aria": {"duplicate-id-aria", "duplicate-id"},  # an id a reference names, repeated, is repeated
    "duplicate-id-active": {"duplicate-id-active", "duplicate-id"},  # so is a focusable element's
}


def test_every_rule_has_a_folder_of_failing_and_passing_cases():
    assert {folder.name for folder in rule_folders()} == {rule.id for rule in all_rules()}
    for folder in rule_folders():
        names = [path.name for path in folder.iterdir()]
        assert any(n.startswith(("fail-", "review-")) for n in names), f"{folder.name} has no failing case"
        assert any(n.startswith("pass-") for n in names), f"{folder.name} has no passing case"


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_the_checker_reports_exactly_what_the_fixture_marks(case: Case):
    assert case.reported() == case.expected()


@pytest.mark.parametrize("case", [c for c in CASES if c.path.name.startswith(("fail-", "review-"))],
                         ids=lambda case: case.name)
def test_a_failing_article_page_breaks_its_rule_and_no_other(case: Case):
    rule_id = case.path.parent.name
    marked = {rule for _, rule, _, _ in case.expected()}
    assert marked == COMPANIONS.get(rule_id, {rule_id})


@pytest.mark.parametrize("case", [c for c in CASES if c.path.name.startswith("pass-") or c.path.parent.name == "clean"],
                         ids=lambda case: case.name)
def test_a_passing_or_clean_page_reports_nothing(case: Case):
    assert case.expected() == set()
    assert case.findings() == []


@pytest.mark.parametrize("case", [c for c in CASES if c.path.name.startswith("pass-")], ids=lambda case: case.name)
def test_a_passing_case_is_one_the_rule_applies_to(case: Case):
    """A pass fixture that the rule never looks at would prove nothing."""
    rule_id = case.path.parent.name
    outcomes = {f.outcome for f in case.findings(all_outcomes=True) if f.rule == rule_id}
    assert "passed" in outcomes, outcomes


def test_the_clean_pages_include_a_right_to_left_page_with_fallbacks():
    rtl = (FIXTURES / "clean" / "article-rtl.html").read_text(encoding="utf-8")
    assert 'lang="ar" dir="rtl"' in rtl and 'lang="en" dir="ltr" class="untranslated"' in rtl
