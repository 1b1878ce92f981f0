"""Glossary terms are translated as the locale's glossary says (`locales/<locale>/glossary.csv`).

Patients meet one name for one condition. Citations in reference lists are left out.

Fails: glossary "varicose veins → venas varicosas"; msgid "Varicose veins hurt." → msgstr "Las várices duelen."
Passes: the same glossary and msgid → msgstr "Las venas varicosas duelen."
"""

from __future__ import annotations

import re
from typing import Iterator

from ....markdown import plain_text
from .. import CheckContext, Entry

SEVERITY = "warning"


def check(entry: Entry, context: CheckContext) -> Iterator[str]:
    """Each glossary term of the source appears in one of its agreed forms in the translation."""
    if not entry.msgstr or not context.glossary or entry.kind == "reference":
        return
    source, target = plain_text(entry.msgid).casefold(), plain_text(entry.msgstr).casefold()
    for term in context.glossary:
        if re.search(rf"(?<!\w){re.escape(term.term.casefold())}(?!\w)", source):
            if not any(form.casefold() in target for form in term.translations):
                yield f"the glossary translates {term.term!r} as {' or '.join(repr(f) for f in term.translations)}"
