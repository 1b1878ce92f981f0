"""Characters a web page cannot carry, found in a source or a catalog before they reach one.

Kept apart from `markdown.py` so that reading a catalog does not load the Markdown parser.
"""

from __future__ import annotations

import re

#: NULL and every control but tab, newline, form feed and carriage return (the HTML standard's
#: unexpected-null-character and control-character parse errors).
CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def control_character_problem(text: str) -> tuple[int, str] | None:
    """Where a text holds a character a web page cannot show, and what to say about it (None when it holds none)."""
    found = CONTROL_CHARACTER.search(text)
    if found is None:
        return None
    return found.start(), (f"holds the control character U+{ord(found.group()):04X}, which a web page cannot show: "
                           "delete it")
