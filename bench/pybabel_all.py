"""pybabel on every domain of a catalog tree, in one process (run with bench/.venv/bin/python).

    python bench/pybabel_all.py update TEMPLATES_DIR LOCALES_DIR
    python bench/pybabel_all.py compile TEMPLATES_DIR LOCALES_DIR

`pybabel update` and `pybabel compile` take one domain per call; starting a process per
article would time Python's start-up a thousand times, so this calls Babel's own command
line (`babel.messages.frontend.CommandLineInterface`) once per domain inside one process,
exactly as the `pybabel` script would. Options match pipeline's output: no wrapping,
previous msgids kept; fuzzy entries left out of MO files.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface


def run(step: str, templates: Path, locales: Path) -> int:
    """Run `pybabel <step>` for each domain (one POT each); the number of domains."""
    domains = sorted(p.stem for p in templates.glob("*.pot"))
    if not domains:
        raise SystemExit(f"pybabel_all: no POT files in {templates}")
    for domain in domains:
        if step == "update":
            argv = ["pybabel", "-q", "update", "-i", str(templates / f"{domain}.pot"), "-d", str(locales),
                    "-D", domain, "--no-wrap", "--previous"]
        else:
            argv = ["pybabel", "-q", "compile", "-d", str(locales), "-D", domain]
        code = CommandLineInterface().run(argv)
        if code:
            raise SystemExit(f"pybabel_all: {' '.join(argv)} exited {code}")
    return len(domains)


def main() -> None:
    """Command line: step, templates folder, locales folder."""
    if len(sys.argv) != 4 or sys.argv[1] not in ("update", "compile"):
        raise SystemExit("usage: pybabel_all.py update|compile TEMPLATES_DIR LOCALES_DIR")
    run(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]))


if __name__ == "__main__":
    main()
