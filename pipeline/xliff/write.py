"""XLIFF 1.2 and 2.1 documents from translation units, byte for byte the same for the same units.

Inline codes are protected the way each version offers: 1.2 carries the Markdown inside
`<bpt>`/`<ept>` (a pair) and `<ph>` (a standalone code); 2.1 keeps it in `<originalData>`
and refers to it from `<pc>` (a pair) and `<ph>`, each marked `canDelete="no"` and
`canCopy="no"`: `pipeline import xliff` refuses a target that lost or doubled one.
"""

from __future__ import annotations

from typing import Callable

from lxml import etree

from .inline import Pieces
from .units import XliffFile, XliffUnit

XLIFF_12 = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF_2 = "urn:oasis:names:tc:xliff:document:2.0"  # 2.1 keeps the 2.0 namespace
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

#: 1.2 `ctype` of each kind of code (x- values where 1.2 has none).
CTYPES_12: dict[str, str] = {
    "emphasis": "italic", "strong": "bold", "link": "link", "strikethrough": "x-strikethrough",
    "image": "x-image", "code": "x-code", "break": "lb", "autolink": "x-link",
}
#: 2.1 `type` and `subType` of each kind of code.
TYPES_21: dict[str, tuple[str, str | None]] = {
    "emphasis": ("fmt", "xlf:i"), "strong": ("fmt", "xlf:b"), "strikethrough": ("fmt", None),
    "link": ("link", None), "autolink": ("link", None), "image": ("image", None),
    "code": ("other", None), "break": ("fmt", "xlf:lb"),
}
#: The 1.2 `from` of each note category.
NOTE_FROM_12 = {"description": "developer", "translator": "translator"}
#: Elements holding text, which indentation must not touch.
_CONTENT = {"source", "target", "note", "context", "data"}


class UnrepresentableText(ValueError):
    """A character XML cannot carry (a control character) where the version has no `<cp>`."""

    line: int | None = None  # the PO entry's line


def render_xliff(document: XliffFile, version: str) -> bytes:
    """An XLIFF document of the given version ("1.2" or "2.1")."""
    namespace, file_of, add_unit = (XLIFF_12, _file_12, _unit_12) if version == "1.2" else (XLIFF_2, _file_21, _unit_21)
    root = etree.Element(f"{{{namespace}}}xliff", nsmap={None: namespace})
    parent = file_of(root, document)
    for unit in document.units:
        try:
            add_unit(parent, unit)
        except UnrepresentableText as exc:
            exc.line = unit.line
            raise
    _indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="UTF-8") + b"\n"


def _file_12(root: etree._Element, document: XliffFile) -> etree._Element:
    """The 1.2 `<file>`, naming the catalog and its languages; its `<body>` takes the units."""
    q = _names(XLIFF_12)
    root.set("version", "1.2")
    file = etree.SubElement(root, q("file"), {"original": document.original, "source-language": document.source_locale,
                                              "target-language": document.target_locale, "datatype": "x-markdown"})
    return etree.SubElement(file, q("body"))


def _unit_12(body: etree._Element, unit: XliffUnit) -> None:
    """A 1.2 `<trans-unit>`: locations and msgctxt as the 1.2 guide to PO has them, comments as notes."""
    q = _names(XLIFF_12)
    element = etree.SubElement(body, q("trans-unit"), id=unit.id)
    element.set(XML_SPACE, "preserve")
    _fill_12(etree.SubElement(element, q("source")), unit.source)
    if unit.target is not None:
        if not unit.fuzzy:
            element.set("approved", "yes")  # what translate-toolkit (so Weblate) reads as not fuzzy
        target = etree.SubElement(element, q("target"), state="needs-review-translation" if unit.fuzzy else "translated")
        _fill_12(target, unit.target)
    for path, line in unit.locations:
        group = etree.SubElement(element, q("context-group"), purpose="location")  # names must be unique in a file
        _append(etree.SubElement(group, q("context"), {"context-type": "sourcefile"}), path, strict=True)
        if line is not None:
            etree.SubElement(group, q("context"), {"context-type": "linenumber"}).text = str(line)
    if unit.context is not None:
        group = etree.SubElement(element, q("context-group"), purpose="information")
        _append(etree.SubElement(group, q("context"), {"context-type": "x-po-msgctxt"}), unit.context, strict=True)
    for note in unit.notes:
        text = note.text if note.category in NOTE_FROM_12 else f"{note.category}: {note.text}"
        _append(etree.SubElement(element, q("note"), {"from": NOTE_FROM_12.get(note.category, "pipeline")}), text, strict=True)


def _fill_12(element: etree._Element, pieces: Pieces) -> None:
    """Text and 1.2 inline codes: `<bpt>`/`<ept>` around a pair's content, `<ph>` for the rest."""
    q = _names(XLIFF_12)
    for piece in pieces:
        if isinstance(piece, str):
            _append(element, piece, strict=True)
            continue
        name = {"open": "bpt", "close": "ept", "standalone": "ph"}[piece.role]
        code = etree.SubElement(element, q(name), id=piece.id)
        if piece.role != "close" and piece.kind:
            code.set("ctype", CTYPES_12[piece.kind])
        _append(code, piece.markdown, strict=True)


def _file_21(root: etree._Element, document: XliffFile) -> etree._Element:
    """The 2.1 `<file>`: the article's slug as its id, the catalog as its original."""
    root.attrib.update({"version": "2.1", "srcLang": document.source_locale, "trgLang": document.target_locale})
    return etree.SubElement(root, f"{{{XLIFF_2}}}file", id=document.article, original=document.original)


def _unit_21(file: etree._Element, unit: XliffUnit) -> None:
    """A 2.1 `<unit>`: notes, the codes' Markdown as original data, and one segment."""
    q = _names(XLIFF_2)
    element = etree.SubElement(file, q("unit"), id=unit.id)
    element.set(XML_SPACE, "preserve")
    if unit.notes:
        notes = etree.SubElement(element, q("notes"))
        for note in unit.notes:
            _append(etree.SubElement(notes, q("note"), category=note.category), note.text, strict=True)
    data = etree.SubElement(element, q("originalData"))
    refs: dict[str, str] = {}

    def ref(markdown: str) -> str:
        if markdown not in refs:
            refs[markdown] = f"d{len(refs) + 1}"
            _append(etree.SubElement(data, q("data"), id=refs[markdown]), markdown, strict=False)
        return refs[markdown]

    segment = etree.SubElement(element, q("segment"), state=_state_21(unit))
    _fill_21(etree.SubElement(segment, q("source")), unit.source, ref)
    if unit.target is not None:
        _fill_21(etree.SubElement(segment, q("target")), unit.target, ref)
    if not refs:
        element.remove(data)


def _state_21(unit: XliffUnit) -> str:
    """2.1 has no "needs review": a fuzzy target stays `initial`, a draft to confirm."""
    return "translated" if unit.target is not None and not unit.fuzzy else "initial"


def _fill_21(element: etree._Element, pieces: Pieces, ref: Callable[[str], str]) -> None:
    """Text and 2.1 inline codes: `<pc>` around a pair's content, `<ph>` for a standalone code."""
    q = _names(XLIFF_2)
    parents = [element]
    for piece in pieces:
        if isinstance(piece, str):
            _append(parents[-1], piece, strict=False)
        elif piece.role == "close":
            parents.pop().set("dataRefEnd", ref(piece.markdown))
        else:
            name, data = ("pc", "dataRefStart") if piece.role == "open" else ("ph", "dataRef")
            code = etree.SubElement(parents[-1], q(name), {"id": piece.id, "canCopy": "no", "canDelete": "no"})
            kind, sub_kind = TYPES_21.get(piece.kind or "", ("other", None))
            code.set("type", kind)
            if sub_kind:
                code.set("subType", sub_kind)
            code.set(data, ref(piece.markdown))
            if piece.role == "open":
                parents.append(code)


def _append(element: etree._Element, text: str, strict: bool) -> None:
    """Add text at the end of an element's content; unless strict, a character XML cannot carry becomes `<cp>`."""
    for run in _runs(text, strict):
        if isinstance(run, int):
            etree.SubElement(element, f"{{{XLIFF_2}}}cp", hex=f"{run:04X}")
        elif len(element):
            element[-1].tail = (element[-1].tail or "") + run
        else:
            element.text = (element.text or "") + run


def _runs(text: str, strict: bool) -> list[str | int]:
    """Text cut into runs XML can carry and the code points of the characters it cannot."""
    runs: list[str | int] = []
    start = 0
    for index, char in enumerate(text):
        if not _xml_char(char):
            if strict:
                raise UnrepresentableText(f"U+{ord(char):04X} is a control character XML cannot carry "
                                          "in XLIFF 1.2 or in a note (XLIFF 2.1 can, in a message: --xliff-version 2.1)")
            runs += [text[start:index], ord(char)]
            start = index + 1
    runs.append(text[start:])
    return [run for run in runs if run != ""]


def _xml_char(char: str) -> bool:
    """Whether XML 1.0 allows a character in a document."""
    code = ord(char)
    return char in "\t\n\r" or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or code >= 0x10000


def _names(namespace: str) -> Callable[[str], str]:
    """Qualified names in a namespace."""
    return lambda name: f"{{{namespace}}}{name}"


def _indent(element: etree._Element, level: int = 0) -> None:
    """Indent the structure two spaces a level, leaving text content (and its inline codes) alone."""
    children = list(element)
    if not children or etree.QName(element).localname in _CONTENT:
        return
    element.text = "\n" + "  " * (level + 1)
    for child in children:
        _indent(child, level + 1)
        child.tail = "\n" + "  " * (level + 1)
    children[-1].tail = "\n" + "  " * level
