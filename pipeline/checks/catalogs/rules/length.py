"""A translation's length is far from its source's: a passage may be missing or duplicated.

Translations run from about half to twice the source's length (less for Chinese, Japanese
and Korean); messages under 20 characters are not judged.

Fails: msgid "Low iron levels in the blood have been linked to the severity of RLS symptoms." → msgstr "Hierro."
Passes: the same msgid → msgstr "Los niveles bajos de hierro en la sangre se han relacionado con la gravedad de los síntomas."
"""

from __future__ import annotations

from typing import Iterator

from ....markdown import plain_text
from .. import CheckContext, Entry

SEVERITY = "warning"
MINIMUM_LENGTH = 20
COMPACT_SCRIPTS = ("zh", "ja", "ko")


def check(entry: Entry, context: CheckContext) -> Iterator[str]:
    """Compare the plain-text lengths of source and translation."""
    source = len(plain_text(entry.msgid))
    if not entry.msgstr or source < MINIMUM_LENGTH:
        return
    ratio = len(plain_text(entry.msgstr)) / source
    low = 0.2 if entry.locale.split("-")[0] in COMPACT_SCRIPTS else 0.45
    if not low <= ratio <= 2.5:
        yield f"the translation is {ratio:.1f} times as long as the source"
