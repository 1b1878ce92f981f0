"""A translation is identical to its source: perhaps copied and never translated.

Citations in reference lists are left out: their titles stay as published.

Fails: msgid "Managing Restless Leg Syndrome" → msgstr "Managing Restless Leg Syndrome"
Passes: msgid "Managing Restless Leg Syndrome" → msgstr "Tratamiento del síndrome de piernas inquietas"
"""

from __future__ import annotations

import re
from typing import Iterator

from .. import CheckContext, Entry

SEVERITY = "warning"
_WORD = re.compile(r"[^\W\d_]{4,}")


def check(entry: Entry, context: CheckContext) -> Iterator[str]:
    """Same text, in a message with real words, outside reference lists."""
    if entry.msgstr and entry.msgstr == entry.msgid and entry.kind != "reference" and _WORD.search(entry.msgid):
        yield "the translation is the same as the source"
