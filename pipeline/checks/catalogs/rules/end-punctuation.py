"""A translation ends like its source: a sentence with a full stop, a question with a question mark.

Each script's own marks count as equal: "?" and "؟", "." and "。".

Fails: msgid "Is it serious?" → msgstr "¿Es grave."
Passes: msgid "Is it serious?" → msgstr "¿Es grave?"
"""

from __future__ import annotations

import re
from typing import Iterator

from ....markdown import plain_text
from .. import CheckContext, Entry

SEVERITY = "warning"
CLASSES = {
    ".": "a full stop", "。": "a full stop", "۔": "a full stop", "।": "a full stop",
    "?": "a question mark", "؟": "a question mark", "？": "a question mark",
    "!": "an exclamation mark", "！": "an exclamation mark",
    ":": "a colon", "：": "a colon",
    ";": "a semicolon", "؛": "a semicolon",
    "…": "an ellipsis",
}
#: Closing marks that may follow the sentence's end: quotes, brackets, citation marks "[1]".
_TRAILING = re.compile(r"(?:\s*(?:\[\d+\]|[\"'”’»)\]]))+\s*$")


def ending(text: str) -> str:
    """How a message ends: the class of its last punctuation mark, or 'no punctuation'."""
    plain = _TRAILING.sub("", plain_text(text).rstrip()[-80:])  # the end is all that matters
    return CLASSES.get(plain[-1:], "no punctuation") if plain else "no punctuation"


def check(entry: Entry, context: CheckContext) -> Iterator[str]:
    """Compare the final punctuation of source and translation."""
    if not entry.msgstr:
        return
    source, target = ending(entry.msgid), ending(entry.msgstr)
    if source != target:
        yield f"the source ends with {source}, the translation with {target}"
