"""Print how our checker scores on the W3C ACT test cases, and how fast it checks a page.

    python -m tests.act.score                 # totals and one line per ACT rule
    python -m tests.act.score -v              # and every case where we disagree with the expected outcome
    python -m tests.act.score --time [DIR]    # and the median time per page: the corpus, and DIR's pages
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from pipeline.checks.a11y import check_html
from tests.act.conformance import load_cases, report, score


def median_ms(pages: list[Path]) -> tuple[float, float]:
    """The median and the longest time, in ms, to check each page with every outcome (after one warm-up run)."""
    texts = [(path.read_bytes(), path.name) for path in pages]
    for html, name in texts[:5]:
        check_html(html, name, all_outcomes=True)
    durations = []
    for html, name in texts:
        start = time.perf_counter()
        check_html(html, name, all_outcomes=True)
        durations.append((time.perf_counter() - start) * 1000)
    return statistics.median(durations), max(durations)


def main(argv: list[str]) -> None:
    """Score the corpus and print the figures."""
    cases = load_cases()
    result = score(cases)
    print(report(result))
    if "-v" in argv:
        print()
        for case, outcome in result.total.disagreements:
            print(f"{case.file:40} expected {case.expected:12} got {outcome:12} {', '.join(case.needs)}")
    if "--time" in argv:
        folders = [Path(arg) for arg in argv[argv.index("--time") + 1:]]
        median, longest = median_ms([case.path for case in cases])
        print(f"\nACT test cases: median {median:.2f} ms per page, longest {longest:.1f} ms ({len(cases)} pages)")
        for folder in folders:
            pages = sorted(folder.rglob("*.html"))
            median, longest = median_ms(pages)
            print(f"{folder}: median {median:.2f} ms per page, longest {longest:.1f} ms ({len(pages)} pages)")


if __name__ == "__main__":
    main(sys.argv[1:])
