"""E-mail addresses come through unchanged.

Fails: msgid "Write to help@example.org." → msgstr "Escriba a ayuda@example.org."
Passes: msgid "Write to help@example.org." → msgstr "Escriba a help@example.org."
"""

from __future__ import annotations

from typing import Iterator

from . import CheckContext, Entry
from ._text import emails

SEVERITY = "error"


def check(entry: Entry, context: CheckContext) -> Iterator[str]:
    """Compare the e-mail addresses of source and translation."""
    if not entry.msgstr:
        return
    source, target = emails(entry.msgid), emails(entry.msgstr)
    for missing in sorted(source - target):
        yield f"the e-mail address {missing} of the source is missing or changed"
    for added in sorted(target - source):
        yield f"the e-mail address {added} is not in the source"
