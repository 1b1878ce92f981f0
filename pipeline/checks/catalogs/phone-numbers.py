"""Phone numbers come through unchanged, in the text and in tel: links.

Fails: msgid "Call [816-396-0245](tel:+18163960245)." → msgstr "Llame al [816-396-0254](tel:+18163960245)."
Passes: msgid "Call [816-396-0245](tel:+18163960245)." → msgstr "Llame al [816-396-0245](tel:+18163960245)."
"""

from __future__ import annotations

from typing import Iterator

from . import CheckContext, Entry
from ._text import differences, phone_numbers

SEVERITY = "error"


def check(entry: Entry, context: CheckContext) -> Iterator[str]:
    """Compare phone numbers digit for digit, whatever their spacing."""
    if not entry.msgstr:
        return
    yield from differences(phone_numbers(entry.msgid), phone_numbers(entry.msgstr), "phone number")
