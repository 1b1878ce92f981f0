"""Numbers keep their values; only their local spelling may change ("45 %", "1.000", "2,5").

A changed number in a dose or a statistic misleads patients. Numbers written as words are
read too ("sixty-seven percent" is 67, "sesenta y siete por ciento" too) in the languages
text2num knows (en, es, fr, de, it, pt, nl); in others only numerals are compared.
A changed number written as words is reported as the source's number missing.

Fails: msgid "sixty-seven percent of patients improved." → msgstr "El setenta y seis por ciento mejoró."
Passes: msgid "sixty-seven percent of patients improved." → msgstr "El 67 % de los pacientes mejoró."
"""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from .. import CheckContext, Entry
from ..text import SPELLED_NUMBER_LANGUAGES, numbers, small_number_words

SEVERITY = "error"


def check(entry: Entry, context: CheckContext) -> Iterator[str]:
    """Every number of the source is in the translation, and no number is added."""
    if not entry.msgstr:
        return
    language = entry.locale.split("-")[0]
    source = numbers(entry.msgid, context.source_language)
    required = source if language in SPELLED_NUMBER_LANGUAGES else numbers(entry.msgid, None)
    if required:  # read the translation's words only when there is a number to find there
        target = numbers(entry.msgstr, language, small_words=True)  # "2 weeks" may become "dos semanas"
        yield from _describe(required - target, "of the source is missing or changed")
    # Only numerals count as added: adjacent small words ("tous deux un rôle") read as numbers.
    added = numbers(entry.msgstr, None) - source - small_number_words(entry.msgid)
    yield from _describe(added, "is not in the source")


def _describe(found: Counter[tuple[str, ...]], problem: str) -> Iterator[str]:
    for groups, count in sorted(found.items()):
        yield f"the number {'.'.join(groups)} {problem}" + (f" ({count} times)" if count > 1 else "")
