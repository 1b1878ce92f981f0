"""A translation uses only the inline HTML its source has: the same tags, as often.

Any other tag, or a comment, is shown to readers as text (it could carry a script).
A tag the translation drops loses what it marked, such as the 2 in H<sub>2</sub>O.

Fails: msgid "Water is H<sub>2</sub>O." → msgstr "El agua es H<b>2</b>O."
Passes: msgid "Water is H<sub>2</sub>O." → msgstr "El agua es H<sub>2</sub>O."
"""

from __future__ import annotations

from typing import Iterator

from ....sanitize import html_in_text
from .. import CheckContext, Entry

SEVERITY = "error"


def check(entry: Entry, context: CheckContext) -> Iterator[str]:
    """Compare the tags of the translation with the source's, by name and count."""
    if not entry.msgstr or ("<" not in entry.msgstr and "<" not in entry.msgid):
        return
    source, target = html_in_text(entry.msgid), html_in_text(entry.msgstr)
    for tag in sorted(set(source) | set(target)):
        if not source[tag]:
            yield f"the translation uses {tag}, which its source does not: readers see it as text"
        elif source[tag] != target[tag]:
            yield f"the source uses {tag} {source[tag]} time(s), the translation {target[tag]}"
