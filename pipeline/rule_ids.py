"""Rule ids that changed, and the ids that took their place: old settings and baselines keep working.

Rules took axe-core's ids, so that results compare with axe-core's (issue 19); users'
`disabled_rules`, the API's `disabled` and baselines written before name the old ones.
The settings and `checks.rules.enabled` read an old id as its successors (`current_ids`),
the settings warning once (`renamed_notice`); the baseline matches a finding also by the
fingerprint it had under each id its rule's findings had before (`REPORTED_BEFORE_AS`).
"""

from __future__ import annotations

from collections.abc import Iterable

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
