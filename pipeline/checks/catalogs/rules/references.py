"""Note references and citation markers are kept: the same `[^label]` notes and `[n]` citations as the source.

A reference the translation drops leaves a note no reader reaches; one it renames points
nowhere and shows as text. The page numbers the notes as the source does.

Fails: msgid "Stretch first.[^1] See study [2]." → msgstr "Estire primero.[^nota] Vea el estudio."
Passes: msgid "Stretch first.[^1] See study [2]." → msgstr "Estire primero.[^1] Vea el estudio [2]."
"""

from __future__ import annotations

from typing import Iterator

from ....notes import citation_markers, note_labels
from .. import CheckContext, Entry

SEVERITY = "error"


def check(entry: Entry, context: CheckContext) -> Iterator[str]:
    """Compare the notes referred to and the citation markers, by label and count."""
    if not entry.msgstr:
        return
    source, target = note_labels(entry.msgid), note_labels(entry.msgstr)
    for label in sorted(set(source) | set(target)):
        if source[label] > target[label]:
            yield f"the source refers to note [^{label}] {_times(source[label])}, the translation {_times(target[label])}"
        elif source[label] < target[label]:
            where = "the source does not have" if not source[label] else f"the source has {_times(source[label])}"
            yield f"the translation refers to note [^{label}] {_times(target[label])}, which {where}"
    if entry.kind == "reference":
        return  # a citation's own text is kept as published
    cited, kept = citation_markers(entry.msgid), citation_markers(entry.msgstr)
    for marker in sorted(set(cited) | set(kept)):
        if cited[marker] != kept[marker]:
            yield f"the source cites {marker} {_times(cited[marker])}, the translation {_times(kept[marker])}"


def _times(count: int) -> str:
    return {0: "not at all", 1: "once", 2: "twice"}.get(count, f"{count} times")
