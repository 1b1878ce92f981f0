"""What an XLIFF file says about one catalog: its units, as exported from PO entries.

One unit per active message of an article's catalog: the msgid as its source, the msgstr
(when there is one) as its target, the fuzzy flag as its state, and the entry's comments,
references, previous msgid and msgctxt as notes. A unit's id is derived from its msgctxt
and msgid, so it finds its entry again however the catalog was reordered meanwhile.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..catalogs.po import Catalog, Message

from .inline import Pieces, align, split_inline

#: The XLIFF versions the tool writes; it reads 1.2 and 2.x.
VERSIONS = ("1.2", "2.1")


@dataclass(frozen=True)
class Note:
    """A note for the translator: what the unit is, where it is, what it was."""

    category: str  # description, location, translator, previous-source, context
    text: str


@dataclass(frozen=True)
class XliffUnit:
    """One message as a translation unit."""

    id: str
    source: Pieces
    target: Pieces | None  # None: not translated yet
    fuzzy: bool  # a target that needs review
    context: str | None
    locations: tuple[tuple[str, int | None], ...]
    notes: tuple[Note, ...]
    line: int  # the entry's line in its PO file, for messages


@dataclass(frozen=True)
class XliffFile:
    """One article's catalog in one locale, as a file for a CAT tool."""

    article: str  # the slug
    original: str  # the PO file, relative to the project
    source_locale: str
    target_locale: str
    units: tuple[XliffUnit, ...]


def unit_id(context: str | None, msgid: str) -> str:
    """The id of a message's unit: stable, short, an XML name token."""
    key = f"{context}\x04{msgid}" if context is not None else msgid
    return "u" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def translation_messages(catalog: Catalog) -> list[Message]:
    """The messages a translator works on: active and singular (the header is not a message)."""
    return [m for m in catalog if m.msgid_plural is None]


def xliff_file(catalog: Catalog, article: str, original: str, source_locale: str, target_locale: str) -> XliffFile:
    """A catalog's messages as translation units."""
    units = tuple(message_unit(message) for message in translation_messages(catalog))
    return XliffFile(article, original, source_locale, target_locale, units)


def message_unit(message: Message) -> XliffUnit:
    """One PO entry as a unit: inline Markdown as codes, comments as notes."""
    source = split_inline(message.msgid)
    target = align(source, split_inline(message.msgstr)) if message.msgstr else None
    locations = tuple(_location(reference) for reference in message.references)
    notes = [Note("description", c) for c in message.extracted_comments]
    notes += [Note("location", reference) for reference in message.references]
    notes += [Note("translator", c) for c in message.translator_comments]
    if message.previous_msgid:
        notes.append(Note("previous-source", message.previous_msgid))
    if message.msgctxt is not None:
        notes.append(Note("context", message.msgctxt))
    return XliffUnit(unit_id(message.msgctxt, message.msgid), source, target, target is not None and message.fuzzy,
                     message.msgctxt, locations, tuple(notes), message.line)


def _location(reference: str) -> tuple[str, int | None]:
    """A `#:` reference as file and line (no line when it has none)."""
    path, colon, line = reference.rpartition(":")
    return (path, int(line)) if colon and path and line.isdigit() else (reference, None)
