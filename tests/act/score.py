"""Print how our checker scores on the W3C ACT test cases.

    python -m tests.act.score            # totals and one line per ACT rule
    python -m tests.act.score -v         # and every case where we disagree with the expected outcome
"""

from __future__ import annotations

import sys

from tests.act.conformance import load_cases, report, score


def main(argv: list[str]) -> None:
    """Score the corpus and print the figures."""
    result = score(load_cases())
    print(report(result))
    if "-v" in argv:
        print()
        for case, outcome in result.total.disagreements:
            print(f"{case.file:40} expected {case.expected:12} got {outcome:12} {', '.join(case.needs)}")


if __name__ == "__main__":
    main(sys.argv[1:])
