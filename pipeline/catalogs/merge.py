"""Bringing a catalog in step with its template, as GNU `msgmerge --previous` does, and a little more.

For each message of the template, in its order: the entry with the same msgctxt and msgid
(active or obsolete) keeps its translation, comments and fuzziness; otherwise the most
similar translated entry (GNU's measure: twice the longest common subsequence of the UTF-8
bytes over their total length, above 0.6) gives its translation, marked fuzzy, with the msgid
it was made for as `#| msgid`. Entries no message uses become obsolete, translated or not
translated ones only. Where this goes beyond msgmerge:

- a unit whose text returns to the previous msgid of a fuzzy entry gets that translation
  back confirmed: the translation was made for exactly this text;
- a fuzzy translation stays fuzzy through obsolescence and restoration (msgmerge agrees);
- flags other than fuzzy and format flags (Weblate's `ignore-same`, `max-length:N`…) are kept;
- a new message already translated in another catalog of the locale is pre-filled, fuzzy.
"""

from __future__ import annotations

from typing import Iterable, Mapping

from .po import Catalog, Header, Message

#: msgmerge's FUZZY_THRESHOLD: below this similarity a translation is no help.
FUZZY_THRESHOLD = 0.6
#: The fields msgmerge takes from the template; every other header field is the translators'.
TEMPLATE_FIELDS = ("POT-Creation-Date", "Report-Msgid-Bugs-To")
#: Flags that describe the source string, so the template decides them.
FORMAT_SUFFIX = "-format"


def merge(template: Catalog, existing: Catalog, memory: Mapping[str, str] | None = None) -> Catalog:
    """`existing` brought in step with `template` (a new catalog; `existing` is left as it was)."""
    definitions = [_copy(m) for m in existing.messages]
    exact = {}
    for definition in definitions:  # an active entry wins over an obsolete one of the same msgid
        if definition.key not in exact or exact[definition.key].obsolete:
            exact[definition.key] = definition
    restorable = {(d.previous_msgctxt, d.previous_msgid): d
                  for d in definitions if d.fuzzy and d.previous_msgid is not None and d.has_translation}
    candidates = [d for d in definitions if d.has_translation]
    used: set[int] = set()
    merged = []
    for reference in template:
        found = exact.get(reference.key)
        restored = found is None and restorable.get(reference.key)
        if found is not None:
            merged.append(_merged(found, reference, fuzzy=False))
        elif restored:
            found = restored
            merged.append(_restored(found, reference))
        elif (found := best_match(reference, candidates)) is not None:
            merged.append(_merged(found, reference, fuzzy=True))
        else:
            merged.append(_new(reference, memory or {}))
        if found is not None:
            used.add(id(found))
    obsolete = [_obsoleted(d) for d in definitions if id(d) not in used and d.has_translation]
    return Catalog(existing.domain, merged_header(existing.header, template.header), [*merged, *obsolete],
                   style=existing.style_source, newline=existing.newline, byte_order_mark=existing.byte_order_mark,
                   trailer=existing.trailer)


def merged_header(header: Header, template: Header) -> Header:
    """The catalog's header with the fields the template decides brought in step, nothing else touched."""
    result = Header(list(header.comments), list(header.flags), list(header.fields), header.terminated,
                    header.original, header.original_text)
    for name in TEMPLATE_FIELDS:
        value = template.get(name)
        if value is not None and header.get(name) is not None:
            result.set(name, value)
    return result


def best_match(reference: Message, candidates: Iterable[Message]) -> Message | None:
    """The translated entry most similar to a message, as msgmerge chooses it (None below the threshold)."""
    from rapidfuzz.distance import Indel  # loaded only by an update that meets a new message

    target = reference.msgid.encode()
    best, best_score = None, FUZZY_THRESHOLD
    for candidate in candidates:
        bonus = 0.00001 if candidate.msgctxt is None or candidate.msgctxt == reference.msgctxt else 0.0
        score = Indel.normalized_similarity(target, candidate.msgid.encode(),
                                            score_cutoff=best_score - bonus * 1.01) + bonus
        if score > best_score:
            best, best_score = candidate, score
    return best


def translation_memory(catalogs: Iterable[Catalog]) -> dict[str, str]:
    """Confirmed translations of a locale's catalogs (msgid -> msgstr), the first one winning."""
    memory: dict[str, str] = {}
    for catalog in catalogs:
        for message in catalog:
            if message.msgid_plural is None and message.translated:
                memory.setdefault(message.msgid, message.msgstr)
    return memory


def _merged(definition: Message, reference: Message, fuzzy: bool) -> Message:
    """A template message with a definition's translation (msgmerge's message_merge)."""
    result = _from_template(reference, definition)
    result.flags = _flags(definition, reference, definition.fuzzy or fuzzy)
    _fit_plurals(result, definition, reference)
    if result.fuzzy and result.text:  # the msgid the translation was made for
        source = ("previous_msgctxt", "previous_msgid", "previous_msgid_plural") if definition.fuzzy else (
            "msgctxt", "msgid", "msgid_plural")
        result.previous_msgctxt, result.previous_msgid, result.previous_msgid_plural = (
            getattr(definition, name) for name in source)
    return result


def _restored(definition: Message, reference: Message) -> Message:
    """A fuzzy entry's translation for the text it was made for: confirmed again."""
    result = _from_template(reference, definition)
    result.flags = [f for f in _flags(definition, reference, False) if f != "fuzzy"]
    _fit_plurals(result, definition, reference)
    return result


def _from_template(reference: Message, definition: Message) -> Message:
    """Source, references and extracted comments from the template; translation and comments from the catalog."""
    result = Message(
        msgid=reference.msgid, msgctxt=reference.msgctxt, msgid_plural=reference.msgid_plural,
        msgstr=definition.msgstr, msgstr_plural=list(definition.msgstr_plural),
        translator_comments=list(definition.translator_comments),
        extracted_comments=list(reference.extracted_comments), references=list(reference.references),
        line=definition.line,
    )
    if definition.key == reference.key:  # the same entry: it keeps its lines wherever its parts did not change
        result.original, result.original_text = definition.original, definition.original_text
    return result


def _flags(definition: Message, reference: Message, fuzzy: bool) -> list[str]:
    """Fuzzy as decided, format flags from the template, the translators' other flags as they were."""
    kept = [f for f in definition.flags if f != "fuzzy" and not f.endswith(FORMAT_SUFFIX)]
    formats = [f for f in reference.flags if f.endswith(FORMAT_SUFFIX)]
    ordered = [f for f in definition.flags if f in kept or f in formats or (f == "fuzzy" and fuzzy)]
    ordered += [f for f in formats if f not in ordered]
    if fuzzy and "fuzzy" not in ordered:
        ordered.insert(0, "fuzzy")
    return ordered


def _fit_plurals(result: Message, definition: Message, reference: Message) -> None:
    """Singular and plural entries meeting: every form kept or filled, and fuzzy (msgmerge's rules)."""
    if reference.msgid_plural is not None and definition.msgid_plural is None:
        result.msgstr_plural = [definition.msgstr] * 2
        result.msgstr = ""
        result.fuzzy = bool(definition.msgstr) or result.fuzzy
    elif reference.msgid_plural is None and definition.msgid_plural is not None:
        result.msgstr = definition.msgstr_plural[0] if definition.msgstr_plural else ""
        result.msgstr_plural = []
        result.fuzzy = bool(result.msgstr) or result.fuzzy
        result.translator_comments += [f"msgstr[{n}]: {form}" for n, form in enumerate(definition.msgstr_plural[1:], 1)]
    elif reference.msgid_plural is not None and reference.msgid_plural != definition.msgid_plural:
        result.fuzzy = result.has_translation or result.fuzzy


def _new(reference: Message, memory: Mapping[str, str]) -> Message:
    """A template message nobody translated yet, pre-filled from the locale's other catalogs (fuzzy)."""
    result = Message(msgid=reference.msgid, msgctxt=reference.msgctxt, msgid_plural=reference.msgid_plural,
                     msgstr_plural=[""] * 2 if reference.msgid_plural is not None else [],
                     extracted_comments=list(reference.extracted_comments), references=list(reference.references),
                     flags=[f for f in reference.flags if f.endswith(FORMAT_SUFFIX)])
    if reference.msgid_plural is None and reference.msgid in memory:
        result.msgstr = memory[reference.msgid]
        result.fuzzy = True  # from another article's catalog: a translator confirms it
    return result


def _obsoleted(definition: Message) -> Message:
    """An entry no message uses any more: kept as obsolete, its translation, comments and flags with it."""
    if not definition.obsolete:
        definition.obsolete = True
        definition.extracted_comments, definition.references = [], []
    return definition


def _copy(message: Message) -> Message:
    """A message that can be changed without changing the catalog it was read into."""
    copy = Message(**{name: getattr(message, name) for name in message.__dataclass_fields__})
    for name in ("msgstr_plural", "translator_comments", "extracted_comments", "references", "flags"):
        setattr(copy, name, list(getattr(copy, name)))
    return copy
