"""Braille labels and role descriptions have a spoken equivalent.

`aria-braillelabel` and `aria-brailleroledescription` only shorten for a braille display
what is also said aloud: a braille label on an element with no accessible name, or a
braille role description without `aria-roledescription`, leaves speech users with nothing.
axe-core asks a person to review these (a failure may be intended for braille-only use).

Fails:

    <button type="button" aria-braillelabel="stop"><img src="stop.svg" alt=""></button>

Passes:

    <button type="button" aria-braillelabel="stop" aria-label="Stop the timer"><img src="stop.svg" alt=""></button>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.accname import normalize_space

IMPACT = "serious"
WCAG = ("4.1.2",)


def check(page: Page) -> Iterator[Result]:
    """Ask for review of each braille label without a name, and each braille role description without a spoken one."""
    for element in page.elements_with("aria-braillelabel", "aria-brailleroledescription"):
        label, description = element.get("aria-braillelabel"), element.get("aria-brailleroledescription")
        if (label is None and description is None) or page.is_hidden(element):
            continue
        if (label or "").strip() and not page.name(element):
            yield page.cant_tell(element, "aria-braillelabel is set but the element has no accessible name: give "
                                          "it the name speech users hear")
        elif normalize_space(description or "") and not normalize_space(element.get("aria-roledescription") or ""):
            yield page.cant_tell(element, "aria-brailleroledescription is set without aria-roledescription: give "
                                          "the role description speech users hear")
        else:
            yield page.passed(element)
