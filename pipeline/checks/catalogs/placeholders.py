"""Format placeholders of the templates' strings are kept: `%(language)s`, `{name}`.

Checked with Babel's own checkers, on messages that carry a format flag (the `ui` domain;
article prose never does).

Fails: msgid "Shown in %(language)s." → msgstr "Mostrado en %(idioma)s."
Passes: msgid "Shown in %(language)s." → msgstr "Mostrado en %(language)s."
"""

from __future__ import annotations

from typing import Iterator

from babel.messages.catalog import Catalog, Message, TranslationError
from babel.messages.checkers import python_format

from . import CheckContext, Entry

SEVERITY = "error"


def check(entry: Entry, context: CheckContext) -> Iterator[str]:
    """Run Babel's python-format checker on flagged messages."""
    if not entry.msgstr or "python-format" not in entry.format_flags:
        return
    try:
        python_format(Catalog(), Message(entry.msgid, entry.msgstr, flags=["python-format"]))
    except TranslationError as exc:
        yield str(exc)
