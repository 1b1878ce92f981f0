"""A message has no translation yet: readers see the source language there.

Fails: msgid "Leg cramps" → msgstr ""
Passes: msgid "Leg cramps" → msgstr "Calambres en las piernas"
"""

from __future__ import annotations

from typing import Iterator

from .. import CheckContext, Entry

SEVERITY = "info"


def check(entry: Entry, context: CheckContext) -> Iterator[str]:
    """An empty translation that is not even a fuzzy suggestion."""
    if not entry.msgstr:
        yield "not translated yet"
