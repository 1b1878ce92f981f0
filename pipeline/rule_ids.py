"""Which rule ids exist; those that changed, and the ids that took their place: old settings keep working.

A rule's id is its module's file name in its check's `rules/` folder (`checks/rules.py`), so the
ids are known from the folders' listings, without importing a rule: every command checks the
`enabled_rules` and `disabled_rules` settings against them as it reads the settings.

Rules took axe-core's ids, so that results compare with axe-core's (issue 19); users'
`disabled_rules`, the API's `disabled` and baselines written before name the old ones.
The settings and `checks.rules.enabled` read an old id as its successors (`current_ids`),
the settings warning once (`renamed_notice`); the baseline matches a finding also by the
fingerprint it had under each id its rule's findings had before (`REPORTED_BEFORE_AS`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

#: The checks whose rules are modules of a `rules/` folder.
CHECKS = ("a11y", "catalogs", "readability")
#: The build's own findings' ids (`build_checks.BUILD_RULES` says what each means).
BUILD_RULE_IDS = ("below-threshold", "unsafe-link", "no-base-url", "front-matter-key", "missing-file")

#: Ids no rule has any more, and the rules that do their job now (a setting naming the old id means these).
RENAMED: dict[str, tuple[str, ...]] = {
    "form-field-name": ("label", "select-name", "aria-input-field-name", "aria-toggle-field-name"),
    "menuitem-name": ("aria-command-name",),  # a <button role="menuitem"> is button-name's now
    "letter-spacing": ("avoid-inline-spacing",),
    "word-spacing": ("avoid-inline-spacing",),
    "line-height": ("avoid-inline-spacing",),
    "aria-global-prohibited": ("aria-prohibited-attr",),
}
#: Rules whose findings were reported under other ids before (a renamed id, or a rule that was split).
REPORTED_BEFORE_AS: dict[str, tuple[str, ...]] = {
    **{new: tuple(old for old, news in RENAMED.items() if new in news)
       for new in dict.fromkeys(new for news in RENAMED.values() for new in news)},
    "aria-command-name": ("menuitem-name", "button-name", "link-name"),
    "input-button-name": ("button-name",),
    "button-name": ("menuitem-name",),
}


def current_ids(ids: Iterable[str]) -> tuple[str, ...]:
    """The rule ids with each renamed one replaced by the ids that do its job now, each once, in order."""
    return tuple(dict.fromkeys(new for rule_id in ids for new in RENAMED.get(rule_id, (rule_id,))))


def renamed_notice(rule_id: str) -> str | None:
    """One line telling the user a rule id is now others, or None for an id still in use."""
    news = RENAMED.get(rule_id)
    if news is None:
        return None
    return f"rule {rule_id!r} is now {', '.join(repr(new) for new in news)}, axe-core's ids: write those instead"


@functools.cache
def known_rule_ids() -> frozenset[str]:
    """Every rule's id: the build's, and the file names of the checks' rule modules."""
    checks = Path(__file__).resolve().parent / "checks"  # (not importlib.resources: it imports tempfile)
    names = (entry.name for check in CHECKS for entry in (checks / check / "rules").iterdir())
    return frozenset({*BUILD_RULE_IDS, *(name[:-3] for name in names if name.endswith(".py") and name[0] != "_")})
