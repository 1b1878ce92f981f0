"""Our accessibility checker and axe-core on axe-core's own rule fixtures, element by element (run with the project's venv).

    .venv/bin/python bench/axe_heldout.py [--no-axe] [--differences] [--json FILE]

Prints a table: per axe rule, the elements scored, and accuracy, precision and recall of our
checker and of axe-core 4.14 in headless Chromium (tests/browser/setup first; `--no-axe` leaves
it out); then the totals over the rules we have and over every rule of the suite (a rule we lack
reports nothing, so its violations are misses). `--differences` lists each element we get wrong.
How elements are scored: tests/axe_heldout.py.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.checks.a11y import all_rules  # noqa: E402 - after the path is set
from tests.axe_heldout import AXE_COMMIT, Score, Tally, axe_outcomes, build_pages, our_outcomes, score  # noqa: E402


def row(name: str, ours: Tally, theirs: Tally | None) -> str:
    """One line of the table."""
    figures = f"{ours.accuracy:.3f} {ours.precision:.3f} {ours.recall:.3f}"
    if theirs is not None:
        figures += f" | {theirs.accuracy:.3f} {theirs.precision:.3f} {theirs.recall:.3f}"
    return f"{name:30} {ours.elements:5} | {figures}"


def table(ours: Score, theirs: Score | None, have: set[str]) -> list[str]:
    """The table's lines: every rule, then the two totals."""
    lines = [f"axe-core rule fixtures at {AXE_COMMIT[:8]} (4.11.4); accuracy precision recall",
             f"{'rule (* = we have it)':30} {'elems':>5} | ours{' ' * 14}" + (" | axe-core 4.14 in Chromium" if theirs else "")]
    for rule in sorted(ours.by_rule):
        lines.append(row(("* " if rule in have else "  ") + rule, ours.by_rule[rule],
                         theirs.by_rule.get(rule) if theirs else None))
    rules = sorted(ours.by_rule)
    mine = [r for r in rules if r in have]
    lines.append(row(f"(a) the {len(mine)} rules we have", ours.total(mine), theirs.total(mine) if theirs else None))
    lines.append(row(f"(b) all {len(rules)} rules", ours.total(rules), theirs.total(rules) if theirs else None))
    return lines


def main() -> None:
    """Command line: build the pages, score both tools, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-axe", action="store_true", help="score our checker only")
    parser.add_argument("--differences", action="store_true", help="list each element we get wrong")
    parser.add_argument("--json", type=Path, help="also write every figure as JSON here")
    args = parser.parse_args()
    have = {rule.id for rule in all_rules()}
    with tempfile.TemporaryDirectory(prefix="axe-heldout-") as folder:
        pages = build_pages(Path(folder))
        ours = score(pages, our_outcomes(pages))
        theirs = None if args.no_axe else score(pages, axe_outcomes(pages))
    print("\n".join(table(ours, theirs, have)))
    if args.differences:
        for rule, differences in sorted(ours.differences.items()):
            for d in differences if rule in have else ():
                print(f"{rule}: {d.fixture} {d.element}: expected {d.expected}, ours {d.reported}")
    if args.json:
        figures = {name: {rule: vars(tally) for rule, tally in s.by_rule.items()}
                   for name, s in (("ours", ours), ("axe", theirs)) if s is not None}
        args.json.write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
