"""A translation holds bidirectional control characters its source does not: they can reorder what patients read.

U+202E (right-to-left override) around "816-396-0245" shows "5420-693-618", and the
digits still compare equal in stored order, so no other rule notices. The page isolates
each unit, so a control cannot reach beyond its unit; inside it, it still misleads.
Controls: U+202A–U+202E (embeddings, overrides), U+2066–U+2069 (isolates), U+200E and
U+200F (marks), U+061C (Arabic letter mark).

Fails: msgid "Call 816-396-0245." → msgstr "اتصل على \u202e816-396-0245\u202c."
Passes: msgid "Call 816-396-0245." → msgstr "اتصل على 816-396-0245."
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from .. import CheckContext, Entry

SEVERITY = "error"
CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def check(entry: Entry, context: CheckContext) -> Iterator[str]:
    """Name the controls of the translation that the source does not have."""
    added = set(CONTROLS.findall(entry.msgstr)) - set(CONTROLS.findall(entry.msgid))
    if added:
        named = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'control').lower()}" for c in sorted(added))
        yield f"the translation has bidirectional controls its source does not: {named}"
