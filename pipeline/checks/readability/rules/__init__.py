"""The readability rules: one small module each, found by walking this package once.

A rule module has a docstring (first line: what it finds; then a failing and a passing
example), `ID` (kebab-case, its file name), `WCAG` (the success criteria it can name) and
`check(document)`, a generator of `Flag`s. Rules see a scored `Document` only.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from dataclasses import dataclass
from typing import Callable, Iterator

from ..document import Document, Flag


@dataclass(frozen=True)
class Rule:
    """A rule as discovered: its id, its help line and its check."""

    id: str
    help: str
    wcag: tuple[str, ...]
    check: Callable[[Document], Iterator[Flag]]


@functools.lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    """Every rule module of this package, in file-name order (so ids, which are file names, are unique)."""
    rules: list[Rule] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        rule_id = module.ID
        if rule_id != info.name.replace("_", "-"):
            raise RuntimeError(f"rule {info.name}.py has id {rule_id!r}: ids match file names")
        help_line = (module.__doc__ or "").strip().splitlines()[0]
        rules.append(Rule(rule_id, help_line, tuple(module.WCAG), module.check))
    return tuple(rules)
