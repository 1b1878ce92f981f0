"""Phone numbers come through unchanged, in the text and in tel: links.

A changed number is one slip, so it is one finding at its entry, naming every spelling of
it that changed: the number as written and the `tel:` target of its link.

Fails: msgid "Call [816-396-0245](tel:+18163960245)." → msgstr "Llame al [816-396-0254](tel:+18163960254)."
Passes: msgid "Call [816-396-0245](tel:+18163960245)." → msgstr "Llame al [816-396-0245](tel:+18163960245)."
"""

from __future__ import annotations

from typing import Iterator

from .. import CheckContext, Entry
from ..text import phone_spellings

SEVERITY = "error"


def check(entry: Entry, context: CheckContext) -> Iterator[str]:
    """Compare phone numbers digit for digit, whatever their spacing, in one finding."""
    if not entry.msgstr:
        return
    source, target = phone_spellings(entry.msgid), phone_spellings(entry.msgstr)
    missing = [spelled for digits, spelled in source.items() if digits not in target]
    added = [spelled for digits, spelled in target.items() if digits not in source]
    if missing:
        yield (f"the phone number {' / '.join(missing)} of the source is missing or changed"
               + (f" (the translation has {' / '.join(added)})" if added else ""))
    elif added:
        yield f"the phone number {' / '.join(added)} is not in the source"
