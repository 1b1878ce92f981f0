"""E-mail addresses come through unchanged.

Fails: msgid "Write to help@example.org." → msgstr "Escriba a ayuda@example.org."
Passes: msgid "Write to help@example.org." → msgstr "Escriba a help@example.org."
"""

from __future__ import annotations

from typing import Iterator

from .. import CheckContext, Entry
from ..text import differences, emails

SEVERITY = "error"


def check(entry: Entry, context: CheckContext) -> Iterator[str]:
    """Compare the e-mail addresses of source and translation."""
    if not entry.msgstr:
        return
    yield from differences(emails(entry.msgid), emails(entry.msgstr), "e-mail address")
