"""A translation is marked fuzzy: it needs a translator's review and is not shown to readers.

`pipeline update` marks a translation fuzzy when its source changed or when it came from
another article's catalog; remove the `fuzzy` flag once it is right.

Fails: #, fuzzy / msgid "Leg cramps at night" → msgstr "Calambres en las piernas"
Passes: msgid "Leg cramps at night" → msgstr "Calambres nocturnos en las piernas"
"""

from __future__ import annotations

from typing import Iterator

from .. import CheckContext, Entry

SEVERITY = "warning"


def check(entry: Entry, context: CheckContext) -> Iterator[str]:
    """A translation waiting for review."""
    if entry.fuzzy and entry.msgstr:
        yield "fuzzy: review the translation and remove the fuzzy flag"
