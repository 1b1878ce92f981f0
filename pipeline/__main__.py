"""The `pipeline` command and `python -m pipeline`: the version at once, everything else through the command line.

`pipeline --version` is what scripts and editors ask first; it is answered before Click (and
the command line's modules) load, with the line and exit code Click's version option gives.
Any other command line, even one that merely mentions `--version`, goes to `cli.main`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from . import __version__

#: What Click's version option prints (`%(prog)s, version %(version)s`; the program is always `pipeline`).
VERSION_LINE = f"pipeline, version {__version__}\n"
#: The group's options that take a value, and its flags: those may come before `--version`.
VALUE_OPTIONS, FLAGS = ("-C", "--project"), ("--debug",)


def asks_only_for_version(args: Sequence[str]) -> bool:
    """Whether a command line is `--version` after nothing but the group's options (`-C DIR`, `--debug`)."""
    position = 0
    while position < len(args) - 1:
        argument = args[position]
        if argument in VALUE_OPTIONS:
            position += 2
        elif argument in FLAGS or argument.startswith("--project=") or (argument.startswith("-C") and argument != "-C"):
            position += 1
        else:
            return False
    return position == len(args) - 1 and args[position] == "--version"


def main() -> None:
    """Console-script entry point."""
    if asks_only_for_version(sys.argv[1:]):
        sys.stdout.write(VERSION_LINE)
        sys.exit(0)
    from .cli import main as command_line

    command_line()


if __name__ == "__main__":
    main()
