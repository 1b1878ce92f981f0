"""Inline Markdown is kept: the same links, emphasis, code and images as the source.

A translator who drops a link's brackets loses the link for every reader of the page.

Fails: msgid "See [the NHS page](https://www.nhs.uk/)." → msgstr "Vea la página del NHS."
Passes: msgid "See [the NHS page](https://www.nhs.uk/)." → msgstr "Vea [la página del NHS](https://www.nhs.uk/)."
"""

from __future__ import annotations

from typing import Iterator

from .. import CheckContext, Entry
from ..text import inline_marks

SEVERITY = "error"


def check(entry: Entry, context: CheckContext) -> Iterator[str]:
    """Compare the kinds and counts of inline Markdown marks."""
    if not entry.msgstr:
        return
    source, target = inline_marks(entry.msgid), inline_marks(entry.msgstr)
    for mark in sorted(set(source) | set(target)):
        if source[mark] != target[mark]:
            yield f"the source has {source[mark]} {mark} mark(s), the translation {target[mark]}"
