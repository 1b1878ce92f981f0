"""pipeline's accessibility checker on built pages, timed in-process (run with the project's venv).

    python bench/a11y_check.py --root DIST [--repeat R] [--warm] PATH...

Prints one JSON line: {"available", "reason", "pages", "seconds" (one per repetition),
"cpu_seconds", "findings"}. With --warm, one untimed run first, so rule discovery and imports are not timed
(the counterpart of axe-core in a browser that is already open). Exit 3 when the checker is
not available (`pipeline.checks.a11y.check_paths` does not import).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def main() -> None:
    """Command line: check the pages, print the timings as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, required=True, help="findings name files relative to this folder")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--warm", action="store_true", help="one untimed run first")
    parser.add_argument("paths", type=Path, nargs="+")
    args = parser.parse_args()
    try:
        from pipeline.checks.a11y import check_paths
    except ImportError as error:
        print(json.dumps({"available": False, "reason": f"pipeline.checks.a11y.check_paths: {error}"}))
        raise SystemExit(3) from None
    if args.warm:
        check_paths(args.paths, args.root)
    seconds: list[float] = []
    cpu_seconds: list[float] = []
    findings = []
    for _ in range(args.repeat):
        start, cpu_start = time.perf_counter(), time.process_time()
        findings = check_paths(args.paths, args.root)
        seconds.append(time.perf_counter() - start)
        cpu_seconds.append(time.process_time() - cpu_start)
    pages = sum(1 for p in args.paths if p.is_file()) + sum(
        1 for p in args.paths if p.is_dir() for _ in p.rglob("*.html")
    )
    print(json.dumps({"available": True, "reason": "", "pages": pages, "seconds": seconds, "cpu_seconds": cpu_seconds,
                      "findings": len(findings)}))


if __name__ == "__main__":
    main()
