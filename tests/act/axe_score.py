"""Score axe-core in headless Chromium on the same W3C ACT test cases, for comparison.

    python -m tests.act.axe_score          # needs tests/browser/setup (Chromium and axe-core)

axe-core's rules name the ACT rules they implement (`actIds`); a test case's outcome is what
those rules say of the page, combined as for our checker (see `conformance.py`): a violation
is failed, "incomplete" is cantTell, a pass is passed. Rules axe-core ships switched off are
switched on. `axe_runner.mjs` runs axe-core as `tests/axe.py` does, in one Chromium, but holds a
page that asks to navigate (a meta refresh) where it is, so every case is judged as loaded; a
page axe-core cannot run on counts as untested. The figures are recorded in tests/act/README.md.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.act.conformance import HERE, Case, Outcome, combine, load_cases, report, score
from tests.axe import BROWSER_DIR, AxeResult, axe_version

RUNNER = HERE / "axe_runner.mjs"

#: Prints {"axe rule id": ["ACT id", ...]} for every rule of the installed axe-core.
_ACT_IDS = """
const vm = require('vm');
const source = require('fs').readFileSync(require.resolve('axe-core/axe.js'), 'utf8');
const sandbox = {console, setTimeout, clearTimeout, module: {exports: {}}, exports: {}};
sandbox.window = sandbox;
vm.createContext(sandbox);
vm.runInContext(source, sandbox);
const axe = sandbox.axe || sandbox.module.exports;
const ids = {};
for (const rule of axe.getRules()) ids[rule.ruleId] = [rule.actIds || [], rule.enabled];
process.stdout.write(JSON.stringify(ids));
"""


def axe_rules_by_act_id() -> tuple[dict[str, list[str]], list[str]]:
    """ACT rule id -> axe-core rule ids that implement it; and the axe rules switched off by default."""
    done = subprocess.run(["node", "-e", _ACT_IDS], capture_output=True, text=True, check=True, cwd=BROWSER_DIR)
    mapping: dict[str, list[str]] = {}
    disabled = []
    for rule, (act_ids, enabled) in json.loads(done.stdout).items():
        for act_id in act_ids:
            mapping.setdefault(act_id, []).append(rule)
        if act_ids and not enabled:
            disabled.append(rule)
    return mapping, disabled


def run_axe_on_cases(files: list[Path], enable: list[str]) -> dict[Path, AxeResult | None]:
    """axe-core's results on each file, in one browser; None for a page it could not run on."""
    command = ["node", str(RUNNER), "--enable", ",".join(enable), *(str(f.resolve()) for f in files)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=3600, check=True)
    results: dict[Path, AxeResult | None] = {}
    for page in json.loads(done.stdout)["pages"]:
        results[Path(page["file"])] = None if "error" in page else AxeResult(
            {rule: [] for rule in page["violations"]}, {rule: [] for rule in page["incomplete"]}, set(page["passes"])
        )
    return results


def axe_outcome(result: AxeResult | None, rules: list[str]) -> Outcome:
    """What axe-core's rules say of one page ("untested" when it could not run)."""
    if result is None:
        return "untested"
    outcomes = []
    for rule in rules:
        if rule in result.violations:
            outcomes.append("failed")
        elif rule in result.incomplete:
            outcomes.append("cantTell")
        elif rule in result.passes:
            outcomes.append("passed")
    return combine(outcomes)


def axe_outcomes(cases: list[Case]) -> dict[str, Outcome]:
    """axe-core's outcome on each case, by case file."""
    mapping, disabled = axe_rules_by_act_id()
    results = run_axe_on_cases([case.path for case in cases], disabled)
    return {case.file: axe_outcome(results[case.path.resolve()], mapping.get(case.act_rule, [])) for case in cases}


def main() -> None:
    """Run axe-core on every case and print its figures."""
    cases = load_cases()
    outcomes = axe_outcomes(cases)
    print(report(score(cases, lambda case: outcomes[case.file]), title=f"axe-core {axe_version()} in Chromium"))
    if "-v" in sys.argv:
        for case in cases:
            if outcomes[case.file] != case.expected:
                print(f"{case.file:40} expected {case.expected:12} got {outcomes[case.file]:12} "
                      f"{', '.join(case.needs)}")


if __name__ == "__main__":
    main()
