"""A word is written twice in a row ("de de"), unless the source does the same.

Fails: msgid "the cause of the cramps" → msgstr "la causa de de los calambres"
Passes: msgid "the cause of the cramps" → msgstr "la causa de los calambres"
"""

from __future__ import annotations

import re
from typing import Iterator

from ....markdown import plain_text
from .. import CheckContext, Entry

SEVERITY = "warning"
#: A word, space, the same word. The word is taken whole (`++`): a shorter one would not be followed by a space.
_DOUBLED = re.compile(r"\b([^\W\d_]++)\s+\1\b", re.IGNORECASE)


def check(entry: Entry, context: CheckContext) -> Iterator[str]:
    """Find repeated words the source does not repeat."""
    doubled = _DOUBLED.findall(plain_text(entry.msgstr)) if entry.msgstr else []
    if not doubled:
        return
    in_source = {m.casefold() for m in _DOUBLED.findall(plain_text(entry.msgid))}
    for word in dict.fromkeys(doubled):
        if word.casefold() not in in_source:
            yield f"the word {word!r} is doubled"
