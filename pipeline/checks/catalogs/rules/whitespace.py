"""Leading and trailing spaces match the source's.

Fails: msgid "Leg cramps" → msgstr "Calambres en las piernas "
Passes: msgid "Leg cramps" → msgstr "Calambres en las piernas"
"""

from __future__ import annotations

from typing import Iterator

from .. import CheckContext, Entry

SEVERITY = "warning"


def _edges(text: str) -> tuple[str, str]:
    return text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]


def check(entry: Entry, context: CheckContext) -> Iterator[str]:
    """Compare the white space at both ends."""
    if not entry.msgstr:
        return
    (source_lead, source_trail), (target_lead, target_trail) = _edges(entry.msgid), _edges(entry.msgstr)
    if source_lead != target_lead:
        yield f"leading space differs: source {source_lead!r}, translation {target_lead!r}"
    if source_trail != target_trail:
        yield f"trailing space differs: source {source_trail!r}, translation {target_trail!r}"
