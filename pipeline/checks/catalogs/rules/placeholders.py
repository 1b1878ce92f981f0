"""Format placeholders of the templates' strings are kept: `%(language)s`, `{name}`.

Checked with Babel's own checkers, on messages that carry a format flag (the `ui` domain;
article prose never does), and on every template string for the named placeholders a page
needs: a translation that differs in them is not shown (see `template_strings`).

Fails: msgid "Shown in %(language)s." → msgstr "Mostrado en %(idioma)s."
Passes: msgid "Shown in %(language)s." → msgstr "Mostrado en %(language)s."
"""

from __future__ import annotations

from typing import Iterator

from babel.messages.catalog import Catalog, Message, TranslationError
from babel.messages.checkers import python_format

from ....template_strings import placeholder_problem
from .. import CheckContext, Entry

SEVERITY = "error"


def check(entry: Entry, context: CheckContext) -> Iterator[str]:
    """Run Babel's python-format checker on flagged messages, and the pages' own check on template strings."""
    if not entry.msgstr:
        return
    if "python-format" in entry.format_flags:
        try:
            python_format(Catalog(), Message(entry.msgid, entry.msgstr, flags=["python-format"]))
        except TranslationError as exc:
            yield str(exc)
            return
    if entry.domain == "ui" and (problem := placeholder_problem(entry.msgstr, entry.msgid)):
        yield problem
