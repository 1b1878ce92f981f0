"""One rule contract for every check: accessibility, catalogs and readability.

A rule is a module of its check's `rules/` folder, and its file name is its id, in
kebab-case (`checks/readability/rules/long-sentence.py`). The module holds:

- a docstring: the rule's help on its first line, then what it finds, with at least one
  failing and one passing example on lines that start `Fails` and `Passes`;
- its metadata as constants: `SEVERITY` (error, warning or info: what its findings are
  unless a result says otherwise), `WCAG` (the success criteria it serves, maybe none);
  an accessibility rule has `IMPACT`, `ACT` and `BEST_PRACTICE` instead of `SEVERITY`, and
  its severity follows from its criteria (`checks/a11y/engine.py`);
- `check(...)`: a generator of results. Its argument is its engine's own — a page, a
  catalog entry, a scored text — and so are its results; each engine makes findings of them;
- optionally `ENABLED = False`: the rule runs only when asked for by id (the `enabled_rules`
  setting, `check a11y --rule`), as axe-core ships experimental and deprecated rules off.

`discover` imports a rules package once, checks every module against this contract (a rule
folder holds only rules) and refuses two rules with one id; `enabled` is the one place
where switched-off rules are left out, and rules off unless asked for are let in. Adding a rule is adding a file and its fixtures.

A rule's id never silently stops working: an id given up for axe-core's (`..rule_ids`) is
read by `enabled`, as by the settings, as the rules that took its place.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from ..model import SEVERITIES, Severity
from ..rule_ids import current_ids

RULE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CRITERION = re.compile(r"^[1-4]\.[0-9]{1,2}\.[0-9]{1,2}$")
#: Lines of a rule's docstring that hold its examples.
_EXAMPLES = (re.compile(r"^\s*Fails\b", re.MULTILINE), re.compile(r"^\s*Passes\b", re.MULTILINE))


class RuleDefinitionError(Exception):
    """A rule module breaks the rule contract: a bug in the package, not in the user's input."""


@dataclass(frozen=True)
class Rule:
    """One rule as discovered: which check it belongs to, its metadata, its help and its check."""

    id: str
    check_name: str  # "a11y", "catalogs" or "readability"
    severity: Severity
    help: str
    description: str  # the whole docstring, examples included
    wcag: tuple[str, ...]
    check: Callable[..., Iterable[Any]] | None = field(repr=False, compare=False)
    module: ModuleType = field(repr=False, compare=False)  # for what only its engine reads
    on_by_default: bool = True  # False: it runs only when asked for by id


def rule_from_module(
    check_name: str, rule_id: str, module: ModuleType, severity: Severity | None = None,
    entry_points: tuple[str, ...] = ("check",),
) -> Rule:
    """A rule module's metadata, checked against the contract.

    `severity` is given when the engine decides it; `entry_points` names the functions of
    which a rule defines at least one (an accessibility rule may check a site instead).
    """
    where = f"rule module {module.__name__}"
    if not any(callable(getattr(module, name, None)) for name in entry_points):
        raise RuleDefinitionError(f"{where}: a rule folder holds only rules, and a rule defines "
                                  f"{' or '.join(f'{name}(...)' for name in entry_points)}")
    if not RULE_ID.match(rule_id):
        raise RuleDefinitionError(f"{where}: its file name must be a kebab-case rule id")
    doc = (module.__doc__ or "").strip()
    if not doc or not all(pattern.search(doc) for pattern in _EXAMPLES):
        raise RuleDefinitionError(f"{where}: the docstring needs a help line, then 'Fails' and 'Passes' examples")
    wcag = getattr(module, "WCAG", ())
    if not isinstance(wcag, tuple) or not all(isinstance(c, str) and CRITERION.match(c) for c in wcag):
        raise RuleDefinitionError(f"{where}: WCAG must be a tuple of success criteria such as '1.1.1'")
    on_by_default = getattr(module, "ENABLED", True)
    if not isinstance(on_by_default, bool):
        raise RuleDefinitionError(f"{where}: ENABLED must be True or False, not {on_by_default!r}")
    if severity is None:
        severity = getattr(module, "SEVERITY", None)
        if severity not in SEVERITIES:
            raise RuleDefinitionError(f"{where}: SEVERITY must be one of {', '.join(SEVERITIES)}, not {severity!r}")
    return Rule(rule_id, check_name, severity, doc.splitlines()[0].strip(), doc, wcag,
                getattr(module, "check", None), module, on_by_default)


def discover(
    package_name: str, check_name: str, read: Callable[[str, ModuleType], Rule] | None = None
) -> tuple[Rule, ...]:
    """Every rule of a rules package, sorted by id: each module read by `read` (default: the contract above)."""
    read = read or (lambda rule_id, module: rule_from_module(check_name, rule_id, module))
    package = importlib.import_module(package_name)
    found: dict[str, Rule] = {}
    for info in pkgutil.iter_modules(package.__path__):
        rule = read(info.name, importlib.import_module(f"{package_name}.{info.name}"))
        if rule.id in found:
            raise RuleDefinitionError(f"two rules have the id {rule.id!r} in {package_name}")
        found[rule.id] = rule
    return tuple(found[rule_id] for rule_id in sorted(found))


def enabled(rules: Iterable[Rule], disabled: Collection[str], asked: Collection[str] = ()) -> list[Rule]:
    """The rules that run: those on by default and those asked for, but none the settings switch off.

    A renamed id switches off (or asks for) its successors.
    """
    off, wanted = set(current_ids(disabled)), set(current_ids(asked))
    return [rule for rule in rules if rule.id not in off and (rule.on_by_default or rule.id in wanted)]
