"""Score a checker against the W3C ACT test cases: agreement, precision and recall of failures, per rule.

The outcome of a test case is what the checker's rules mapped to the ACT rule say of the page,
combined as ACT implementation reports combine them: failed if any result failed, else
cantTell if any could not tell, else passed if any passed, else inapplicable.

- *agreement*: the outcome equals the expected one (a cantTell never agrees);
- *agreement on failures*: the same, but passed and inapplicable count as one answer, "no
  failure", as ACT's consistency does (a rule that passes an element the rule does not apply
  to has still not failed it);
- *precision*: of the cases reported failed, the share expected to fail;
- *recall*: of the cases expected to fail, the share reported failed;
- a rule is *consistent* when no case expected to pass or be inapplicable is reported failed,
  and *complete* when, besides, every case expected to fail is reported failed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.checks.a11y import check_html

HERE = Path(__file__).resolve().parent
INDEX = HERE / "testcases.json"
Outcome = str  # passed | failed | cantTell | inapplicable


@dataclass(frozen=True)
class Case:
    """One ACT test case from the index."""

    file: str
    act_rule: str
    act_rule_name: str
    testcase_id: str
    title: str
    expected: Outcome
    rules: tuple[str, ...]
    needs: tuple[str, ...]

    @property
    def path(self) -> Path:
        """The case's file."""
        return HERE / self.file


def load_cases(index: Path = INDEX) -> list[Case]:
    """Every test case of the corpus."""
    data = json.loads(index.read_text(encoding="utf-8"))
    return [Case(**{**entry, "rules": tuple(entry["rules"]), "needs": tuple(entry["needs"])}) for entry in data]


def combine(outcomes: Iterable[Outcome]) -> Outcome:
    """One page-level outcome from the outcomes of every applicable element."""
    found = set(outcomes)
    for outcome in ("failed", "cantTell", "passed"):
        if outcome in found:
            return outcome
    return "inapplicable"


def our_outcome(case: Case) -> Outcome:
    """What our checker says of a case, through the rules mapped to its ACT rule."""
    findings = check_html(case.path.read_bytes(), case.file, all_outcomes=True, level="AAA")
    return combine(f.outcome for f in findings if f.rule in case.rules)


@dataclass
class Tally:
    """Counts over a set of test cases."""

    cases: int = 0
    agreed: int = 0
    agreed_on_failures: int = 0
    expected_failed: int = 0
    reported_failed: int = 0
    true_failed: int = 0
    false_failed: int = 0
    cant_tell: int = 0
    disagreements: list[tuple[Case, Outcome]] = field(default_factory=list)

    def add(self, case: Case, outcome: Outcome) -> None:
        """Count one case and the outcome reported for it."""
        self.cases += 1
        expected_fail, reported_fail = case.expected == "failed", outcome == "failed"
        self.agreed += outcome == case.expected
        self.agreed_on_failures += outcome == case.expected or (
            {outcome, case.expected} <= {"passed", "inapplicable"}
        )
        self.expected_failed += expected_fail
        self.reported_failed += reported_fail
        self.true_failed += expected_fail and reported_fail
        self.false_failed += reported_fail and not expected_fail
        self.cant_tell += outcome == "cantTell"
        if outcome != case.expected:
            self.disagreements.append((case, outcome))

    @property
    def agreement(self) -> float:
        """Share of cases whose outcome is the expected one."""
        return self.agreed / self.cases if self.cases else 1.0

    @property
    def agreement_on_failures(self) -> float:
        """Share of cases where failed / not failed is the expected answer (passed and inapplicable alike)."""
        return self.agreed_on_failures / self.cases if self.cases else 1.0

    @property
    def precision(self) -> float:
        """Share of reported failures that were expected."""
        return self.true_failed / self.reported_failed if self.reported_failed else 1.0

    @property
    def recall(self) -> float:
        """Share of expected failures that were reported."""
        return self.true_failed / self.expected_failed if self.expected_failed else 1.0

    @property
    def consistent(self) -> bool:
        """No case expected to pass or be inapplicable was reported failed."""
        return self.false_failed == 0

    @property
    def complete(self) -> bool:
        """Consistent, and every expected failure reported."""
        return self.consistent and self.true_failed == self.expected_failed


@dataclass
class Score:
    """The tallies of a whole corpus and of each ACT rule."""

    total: Tally = field(default_factory=Tally)
    by_rule: dict[str, Tally] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)

    def add(self, case: Case, outcome: Outcome) -> None:
        """Count one case in the total and in its rule."""
        self.total.add(case, outcome)
        self.by_rule.setdefault(case.act_rule, Tally()).add(case, outcome)
        self.names[case.act_rule] = case.act_rule_name


def score(cases: Iterable[Case], outcome_of: Callable[[Case], Outcome] = our_outcome) -> Score:
    """Score an implementation (by default, our checker) on the cases."""
    result = Score()
    for case in cases:
        result.add(case, outcome_of(case))
    return result


def report(result: Score, title: str = "pipeline") -> str:
    """The figures as a text table: totals, then one line per ACT rule."""
    total = result.total
    lines = [
        f"{title}: {total.cases} cases, agreement {total.agreement:.1%} (on failures "
        f"{total.agreement_on_failures:.1%}), precision {total.precision:.3f}, recall {total.recall:.3f}, "
        f"cantTell {total.cant_tell}",
        f"rules: {len(result.by_rule)}, consistent {sum(t.consistent for t in result.by_rule.values())}, "
        f"complete {sum(t.complete for t in result.by_rule.values())}",
        "",
        f"{'ACT':7} {'cases':>5} {'agree':>6} {'false fail':>10} {'missed':>6}  state       rule",
    ]
    for act_id, tally in sorted(result.by_rule.items(), key=lambda item: result.names[item[0]].lower()):
        state = "complete" if tally.complete else "consistent" if tally.consistent else "INCONSISTENT"
        missed = tally.expected_failed - tally.true_failed
        lines.append(f"{act_id:7} {tally.cases:5} {tally.agreement:6.0%} {tally.false_failed:10} {missed:6}  "
                     f"{state:11} {result.names[act_id]}")
    return "\n".join(lines)
